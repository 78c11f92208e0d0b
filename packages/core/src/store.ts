import type { Action, Transition } from './actions.js';
import { OkrError, storageError } from './errors.js';
import {
  applyEntry,
  type EntryDraft,
  headerOf,
  type JournalEntry,
  ReplayError,
  replay,
  type Session,
} from './journal.js';
import { TRANSITION_RULES, transitionTarget } from './lifecycle.js';
import type { Actor, SessionDetails, SessionHeader, SessionInput, SessionPatch } from './model.js';
import { type Decision, decide, type PermissionTarget } from './policy.js';
import { type CurrentSessionsOptions, isCurrent, nextSessionInput, within } from './sessions.js';
import type { StorageAdapter, StorageChange } from './storage/adapter.js';
import { memoryStorage } from './storage/memory.js';
import type { PeriodOptions } from './time.js';
import { hostTimeZone } from './time.js';
import { validateSessionDetails } from './validate.js';

export interface OkrStoreOptions {
  /** Where sessions are kept. Default: a new in-memory storage. */
  readonly storage?: StorageAdapter;
  /** Who acts through this store. Can be changed later with `setActor`. */
  readonly actor: Actor;
  /** Where recorded instants come from. Default: the system clock. */
  readonly clock?: () => Date;
  /** The time zone of new sessions when the input names none. Default: the host's. */
  readonly timeZone?: string;
  /** How often a command is retried on fresh state after a `conflict`. Default 3. */
  readonly retries?: number;
}

export interface StoreChange {
  readonly sessionId: string;
  readonly head: number;
  /** `local` for this store's own commands, `remote` for changes made through other connections. */
  readonly origin: 'local' | 'remote';
}

export interface ListSessionsOptions {
  /** Include archived sessions. Default false. */
  readonly includeArchived?: boolean;
}

/**
 * The one object hosts and elements talk to: commands (each validated, permission- and
 * lifecycle-checked, then appended to the session's journal), queries over the live
 * state, and `subscribe`. Works in Node and in browsers.
 *
 * Every command either appends its entries and resolves with the new state, or rejects
 * with an `OkrError` and appends nothing.
 */
export class OkrStore {
  readonly storage: StorageAdapter;
  #actor: Actor;
  readonly #clock: () => Date;
  readonly #timeZone: string;
  readonly #retries: number;
  readonly #live = new Map<string, Session>();
  readonly #listeners = new Set<(change: StoreChange) => void>();
  readonly #unwatch: () => void;
  /** Commands under way, and storage changes heard meanwhile (possibly our own echo). */
  #inFlight = 0;
  #heard: StorageChange[] = [];

  constructor(options: OkrStoreOptions) {
    this.storage = options.storage ?? memoryStorage();
    this.#actor = options.actor;
    this.#clock = options.clock ?? (() => new Date());
    this.#timeZone = options.timeZone ?? hostTimeZone();
    this.#retries = options.retries ?? 3;
    this.#unwatch = this.storage.watch((change) => this.#onStorageChange(change));
  }

  get actor(): Actor {
    return this.#actor;
  }

  /** Acts as someone else from now on (e.g. a persona switcher); subscribers are told. */
  setActor(actor: Actor): void {
    this.#actor = actor;
    this.#notify({ sessionId: '', head: 0, origin: 'local' });
  }

  /** The instant the store's clock reads now. */
  now(): Date {
    return this.#clock();
  }

  // ---- permissions -------------------------------------------------------------------

  /** Whether the current actor may take `action` on `session` (omit for `session.create`). */
  can(action: Action, session?: Session | SessionHeader, owners?: readonly (string | undefined)[]): boolean {
    return this.decide(action, session, owners).allowed;
  }

  decide(action: Action, session?: Session | SessionHeader, owners?: readonly (string | undefined)[]): Decision {
    const target: PermissionTarget = {
      ...(session ? { session } : {}),
      ...(owners ? { owners } : {}),
    };
    return decide(this.#actor, action, target);
  }

  // ---- queries -----------------------------------------------------------------------

  /** Sessions the actor may view, in number order; archived ones only on request; deleted ones never. */
  async listSessions(options: ListSessionsOptions = {}): Promise<SessionHeader[]> {
    const headers = await this.#storage(() => this.storage.listSessions(), 'list sessions');
    return headers.filter(
      (h) =>
        !h.deleted &&
        (options.includeArchived || h.state !== 'archived') &&
        decide(this.#actor, 'session.view', { session: h }).allowed,
    );
  }

  /** Sessions whose window (start minus a margin to end plus a margin) contains `at`: what pickers offer. */
  async currentSessions(options: CurrentSessionsOptions & ListSessionsOptions = {}): Promise<SessionHeader[]> {
    const at = options.at ?? this.#clock();
    const sessions = await this.listSessions(options);
    return sessions.filter((s) => isCurrent(s, at, options.marginMonths ?? 1));
  }

  /** The live session. Rejects `not-found` for unknown or deleted sessions, `not-allowed` when not shared with the actor. */
  async getSession(id: string): Promise<Session> {
    const session = await this.#load(id);
    const decision = decide(this.#actor, 'session.view', { session });
    if (!decision.allowed) throw new OkrError('not-allowed', decision.reason);
    return session;
  }

  /** The whole journal of a session, oldest first. */
  async journal(id: string): Promise<JournalEntry[]> {
    await this.getSession(id);
    return this.#storage(() => this.storage.readJournal(id), 'read the journal');
  }

  // ---- session commands --------------------------------------------------------------

  /** Creates a session in state `open`, numbered `SE-01001`, `SE-01002`, ... */
  createSession(input: SessionInput): Promise<Session> {
    return this.#quietly(() => this.#createSession(input));
  }

  async #createSession(input: SessionInput): Promise<Session> {
    const details = validateSessionDetails(input, { timeZone: this.#timeZone });
    this.#allow(decide(this.#actor, 'session.create'));
    if (details.parentId !== undefined) await this.#checkParent(details, undefined);
    const at = this.#clock().toISOString();
    const entry: JournalEntry = { seq: 1, at, actor: this.#actor.id, type: 'session.created', data: details };
    const draft = applyEntry(undefined, entry, { id: '', number: 0 });
    const { id: _id, number: _number, ...header } = headerOf(draft);
    const stored = await this.#storage(() => this.storage.createSession(header, [entry]), 'create the session');
    const session = applyEntry(undefined, entry, stored);
    this.#live.set(session.id, session);
    this.#notify({ sessionId: session.id, head: session.head, origin: 'local' });
    return session;
  }

  /** Creates the session that follows `id` by its cadence (the quarter after Q4 2026 is Q1 2027). */
  async createNextSession(id: string, options: PeriodOptions & { readonly title?: string } = {}): Promise<Session> {
    const session = await this.getSession(id);
    const parent = session.parentId === undefined ? undefined : await this.storage.getSession(session.parentId);
    const input = nextSessionInput(session, { ...options, ...(parent ? { parent } : {}) });
    return this.createSession(options.title === undefined ? input : { ...input, title: options.title });
  }

  /** Changes a session's details (title, dates, time zone, cadences, parent, access). */
  async updateSession(id: string, patch: SessionPatch): Promise<Session> {
    return this.#command(id, patch.access === undefined ? 'session.edit' : 'session.editAccess', async (session) => {
      const details = validateSessionDetails(patch, { timeZone: this.#timeZone }, session);
      if (patch.access !== undefined) this.#allow(this.decide('session.edit', session));
      if (details.parentId !== undefined || details.start !== session.start || details.end !== session.end) {
        await this.#checkParent(details, session.id);
      }
      const change = diff(session, details);
      if (Object.keys(change).length === 0) return [];
      return [{ type: 'session.changed', data: change }];
    });
  }

  /** Moves a session through its lifecycle: start, close, reopen or unlock. */
  async transition(id: string, transition: Transition): Promise<Session> {
    const rule = TRANSITION_RULES[transition];
    if (!rule)
      throw new OkrError('invalid-input', `Unknown transition ${JSON.stringify(transition)}.`, {
        fields: { transition: 'Unknown transition.' },
      });
    return this.#command(id, rule.action, (session) => [
      {
        type: 'session.transitioned',
        data: { transition, from: session.state, to: transitionTarget(transition, session.closedFrom) },
      },
    ]);
  }

  startSession(id: string): Promise<Session> {
    return this.transition(id, 'start');
  }

  closeSession(id: string): Promise<Session> {
    return this.transition(id, 'close');
  }

  reopenSession(id: string): Promise<Session> {
    return this.transition(id, 'reopen');
  }

  unlockSession(id: string): Promise<Session> {
    return this.transition(id, 'unlock');
  }

  /** Removes an open session from every list. Its number is never reused; its journal is kept. */
  async deleteSession(id: string): Promise<void> {
    await this.#command(id, 'session.delete', async (session) => {
      const children = (await this.storage.listSessions()).filter((s) => s.parentId === session.id && !s.deleted);
      if (children.length > 0) {
        throw new OkrError(
          'conflict',
          `Session ${id} has child sessions (${children.map((c) => c.id).join(', ')}); delete or move them first.`,
        );
      }
      return [{ type: 'session.deleted', data: {} }];
    });
  }

  // ---- subscriptions -----------------------------------------------------------------

  /** Calls `listener` after every change to any session, made here or elsewhere. Returns an unsubscribe. */
  subscribe(listener: (change: StoreChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops watching storage and closes it. */
  async close(): Promise<void> {
    this.#unwatch();
    this.#listeners.clear();
    await this.storage.close();
  }

  // ---- the command path --------------------------------------------------------------

  /**
   * The one path every command on an existing session takes: load the live state,
   * check permission and lifecycle, let `plan` validate against that state and propose
   * entries, fold them (which proves they apply), then append with a compare-and-swap on
   * the head. On `conflict`, the whole command runs again on fresh state.
   */
  #command(
    id: string,
    action: Action,
    plan: (session: Session) => readonly EntryDraft[] | Promise<readonly EntryDraft[]>,
    owners?: (session: Session) => readonly (string | undefined)[],
  ): Promise<Session> {
    return this.#quietly(() => this.#attempt(id, action, plan, owners));
  }

  async #attempt(
    id: string,
    action: Action,
    plan: (session: Session) => readonly EntryDraft[] | Promise<readonly EntryDraft[]>,
    owners?: (session: Session) => readonly (string | undefined)[],
  ): Promise<Session> {
    for (let attempt = 0; ; attempt++) {
      const session = await this.#load(id, attempt > 0);
      this.#allow(decide(this.#actor, action, { session, ...(owners ? { owners: owners(session) } : {}) }));
      const drafts = await plan(session);
      if (drafts.length === 0) return session;
      const entries = this.#record(session, drafts);
      const next = replay(session, entries, session) as Session;
      try {
        await this.#storage(() => this.storage.append(id, session.head, entries, headerOf(next)), 'save the change');
      } catch (error) {
        if (error instanceof OkrError && error.code === 'conflict' && attempt < this.#retries) continue;
        throw error;
      }
      this.#live.set(id, next);
      this.#notify({ sessionId: id, head: next.head, origin: 'local' });
      return next;
    }
  }

  /** Gives drafts their seq, instant and actor. Instants never go back in time. */
  #record(session: Session, drafts: readonly EntryDraft[]): JournalEntry[] {
    const now = this.#clock().toISOString();
    const at = now < session.changedAt ? session.changedAt : now;
    return drafts.map(
      (draft, i) => ({ ...draft, seq: session.head + 1 + i, at, actor: this.#actor.id }) as JournalEntry,
    );
  }

  #allow(decision: Decision): void {
    if (!decision.allowed) throw new OkrError(decision.code ?? 'not-allowed', decision.reason);
  }

  /** The live session, caught up with storage (always when `fresh`). */
  async #load(id: string, fresh = false): Promise<Session> {
    if (typeof id !== 'string' || id === '') {
      throw new OkrError('invalid-input', 'A session id is required.', { fields: { id: 'A session id is required.' } });
    }
    let session = this.#live.get(id);
    if (!session || fresh) {
      const entries = await this.#storage(() => this.storage.readJournal(id, session?.head ?? 0), 'read the session');
      const header =
        session ??
        (entries.length > 0 ? await this.#storage(() => this.storage.getSession(id), 'read the session') : undefined);
      if (header) {
        try {
          session = replay(header, entries, session);
        } catch (error) {
          if (error instanceof ReplayError)
            throw new OkrError('storage', `The stored journal of ${id} does not replay: ${error.message}`, {
              cause: error,
            });
          throw error;
        }
      }
      if (session) this.#live.set(id, session);
    }
    if (!session || session.deleted) throw new OkrError('not-found', `There is no session ${id}.`);
    return session;
  }

  /** A parent must exist, contain the child's dates, and not be the child or one of its descendants. */
  async #checkParent(details: SessionDetails, childId: string | undefined): Promise<void> {
    const headers = await this.#storage(() => this.storage.listSessions(), 'list sessions');
    const byId = new Map(headers.filter((h) => !h.deleted).map((h) => [h.id, h]));
    if (details.parentId !== undefined) {
      const parent = byId.get(details.parentId);
      if (!parent) {
        throw new OkrError('invalid-input', `Session not saved: there is no parent session ${details.parentId}.`, {
          fields: { parentId: `There is no session ${details.parentId}.` },
        });
      }
      for (let p: SessionHeader | undefined = parent; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
        if (p.id === childId) {
          throw new OkrError('invalid-input', 'Session not saved: a session cannot be inside itself.', {
            fields: { parentId: `${details.parentId} is this session or lies inside it.` },
          });
        }
      }
      if (!within(parent, details.start, details.end)) {
        throw new OkrError(
          'invalid-input',
          `Session not saved: its dates must lie within ${parent.title} (${parent.start} – ${parent.end}).`,
          {
            fields: { parentId: `${parent.title} runs ${parent.start} – ${parent.end}; the dates must lie within it.` },
          },
        );
      }
    }
    if (childId !== undefined) {
      const outside = headers.filter((h) => !h.deleted && h.parentId === childId && !within(details, h.start, h.end));
      if (outside.length > 0) {
        throw new OkrError(
          'invalid-input',
          `Session not saved: child sessions would fall outside its dates (${outside.map((c) => c.title).join(', ')}).`,
          {
            fields: {
              start: 'Child sessions would fall outside these dates.',
              end: 'Child sessions would fall outside these dates.',
            },
          },
        );
      }
    }
  }

  async #storage<T>(work: () => Promise<T>, doing: string): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw storageError(error, doing);
    }
  }

  /**
   * Runs a command while holding back storage notices: storage echoes our own writes,
   * and until the command has updated the cache we cannot tell an echo from a remote change.
   */
  async #quietly<T>(work: () => Promise<T>): Promise<T> {
    this.#inFlight++;
    try {
      return await work();
    } finally {
      if (--this.#inFlight === 0) {
        const heard = this.#heard;
        this.#heard = [];
        for (const change of heard) this.#onStorageChange(change);
      }
    }
  }

  #onStorageChange(change: StorageChange): void {
    if (this.#inFlight > 0) {
      this.#heard.push(change);
      return;
    }
    const known = this.#live.get(change.sessionId);
    if (known && known.head >= change.head) return;
    // Someone else wrote: drop the cached state; the next read catches up.
    this.#live.delete(change.sessionId);
    this.#notify({ ...change, origin: 'remote' });
  }

  #notify(change: StoreChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        // A failing listener must not break the command that already succeeded.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

function diff(session: Session, details: SessionDetails): Record<string, unknown> {
  const change: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(details), 'description', 'parentId']) as Set<keyof SessionDetails>;
  for (const key of keys) {
    const before = session[key];
    const after = details[key];
    if (JSON.stringify(before) !== JSON.stringify(after)) change[key] = after === undefined ? null : after;
  }
  return change;
}

export function createOkrStore(options: OkrStoreOptions): OkrStore {
  return new OkrStore(options);
}
