import type { Action, Transition } from './actions.js';
import { validateActor } from './actor.js';
import { type CheckInHistoryItem, historyOf } from './check-in-history.js';
import type { Executed } from './command-runner.js';
import type { Command, CommandArgs } from './command-types.js';
import type { IdKind } from './commands.js';
import { OkrError } from './errors.js';
import { sessionToJson } from './export.js';
import type { JournalEntry, Session } from './journal.js';
import type {
  Actor,
  CheckIn,
  Initiative,
  KeyResult,
  Objective,
  SessionHeader,
  SessionInput,
  SessionPatch,
} from './model.js';
import type {
  CheckInInput,
  InitiativeInput,
  InitiativePatch,
  KeyResultInput,
  KeyResultPatch,
  KeyResultTargetInput,
  ObjectiveInput,
  ObjectivePatch,
} from './okr-input.js';
import { type CanTarget, type OwnedItem, ownersAskedAbout } from './ownership.js';
import { type Decision, decide } from './policy.js';
import { invalid } from './session-rules.js';
import {
  type CurrentSessionsOptions,
  isCurrent,
  nextSessionInput,
  validateCurrentSessionsOptions,
} from './sessions.js';
import { type SeriesPoint, type SnapshotOptions, type SnapshotResult, seriesOf, sessionWeeks } from './snapshot.js';
import type { StorageAdapter } from './storage/adapter.js';
import type { StoreChange } from './store-change.js';
import { type StoreCore, storeCore } from './store-core.js';
import { isSyncing, type SyncEvent, type SyncStatus } from './sync/sync-status.js';
import type { PeriodOptions } from './time.js';
import { groupByMonth, type MonthOfWeeks, parseWeek, type Week, weekAt } from './weeks.js';

export type { CheckInHistoryItem, StoreChange };

export interface OkrStoreOptions {
  /** Where sessions are kept. Default: a new in-memory storage. */
  readonly storage?: StorageAdapter;
  /** Who acts through this store (change it with `setActor`, or act for others with `as` or `execute`). */
  readonly actor: Actor;
  /** Where recorded instants come from. Default: the system clock. */
  readonly clock?: () => Date;
  /** The time zone of new sessions when the input names none. Default: the host's. */
  readonly timeZone?: string;
  /** How often a command is retried on fresh state after a `conflict`. Default 3. */
  readonly retries?: number;
  /** Makes ids for new objectives, key results, initiatives, check-ins and copies. Default: random. */
  readonly ids?: (kind: IdKind) => string;
}

export interface ListSessionsOptions {
  /** Include archived sessions. Default false. */
  readonly includeArchived?: boolean;
}

export type { CanTarget } from './ownership.js';

/**
 * The one object hosts and elements talk to: commands (plain data, run by `execute` for
 * this store's actor or any other), queries over the live state, and `subscribe`. One
 * store keeps one live state per session for everyone it acts for (`as(actor)` is a cheap
 * view). Works in Node and in browsers.
 *
 * Every command either appends its entries and resolves, or rejects with an `OkrError`
 * and appends nothing. The typed methods are one-line wrappers over `execute`.
 */
/** How `execute` runs a command: as whom, and when the person made it. */
export interface ExecuteOptions {
  readonly actor?: Actor;
  /** The person's own time when they made the command (an ISO instant or a Date). */
  readonly writtenAt?: string | Date;
  /**
   * Anything the host wants handed to storage with the command's write (`AppendCause.tag`):
   * the server keeps a push's result in the statement that appends its entries this way.
   */
  readonly tag?: unknown;
}

export class OkrStore {
  readonly storage: StorageAdapter;
  readonly #core: StoreCore;
  #actor: Actor;

  constructor(options: OkrStoreOptions, core?: StoreCore) {
    validateActor(options.actor);
    this.#actor = options.actor;
    this.#core = core ?? storeCore(options);
    this.storage = this.#core.sessions.storage;
  }

  get actor(): Actor {
    return this.#actor;
  }
  /** Acts as someone else from now on (e.g. a persona switcher); subscribers are told. */
  setActor(actor: Actor): void {
    validateActor(actor);
    this.#actor = actor;
    this.#core.sessions.notify({ type: 'actor' });
  }

  /** A view of this store acting for `actor`: the same live sessions and caches, another person's rights. */
  as(actor: Actor): OkrStore {
    return new OkrStore({ actor }, this.#core);
  }

  now(): Date {
    return this.#core.clock();
  }

  /**
   * Runs a JSON command `{ type, sessionId, args }` as `options.actor` (default: this
   * store's): resolves with the command as run (ids filled in), the session after it and
   * its result. `options.writtenAt` is the person's own time when they made the command,
   * for one that arrives late (queued offline): a check-in keeps it as `writtenAt` when it
   * is a minute or more before the recorded instant.
   */
  execute(command: Command, options: ExecuteOptions = {}): Promise<Executed> {
    return this.#core.runner.execute(command, options.actor ?? this.#actor, options.writtenAt, options.tag);
  }

  // ---- permissions -------------------------------------------------------------------

  /** Whether the current actor may take `action` on `session` (omit for `session.create`); `about` names the item for owner-only actions. */
  can(action: Action, session?: Session | SessionHeader, about?: CanTarget): boolean {
    return this.decide(action, session, about).allowed;
  }

  decide(action: Action, session?: Session | SessionHeader, about?: CanTarget): Decision {
    const owners = ownersAskedAbout(session, about);
    return decide(this.#actor, action, { ...(session ? { session } : {}), ...(owners ? { owners } : {}) });
  }

  // ---- queries -----------------------------------------------------------------------

  /** Sessions the actor may view, in number order; archived ones only on request; deleted ones never. */
  async listSessions(options: ListSessionsOptions = {}): Promise<SessionHeader[]> {
    const includeArchived = options !== null && typeof options === 'object' && options.includeArchived === true;
    const headers = await this.#core.sessions.headers();
    return headers.filter(
      (h) =>
        !h.deleted &&
        (includeArchived || h.state !== 'archived') &&
        decide(this.#actor, 'session.view', { session: h }).allowed,
    );
  }

  /** Sessions whose window (start minus a margin to end plus a margin) contains `at`: what pickers offer. */
  async currentSessions(options: CurrentSessionsOptions & ListSessionsOptions = {}): Promise<SessionHeader[]> {
    const { at = this.#core.clock(), marginMonths = 1, ...listing } = validateCurrentSessionsOptions(options);
    return (await this.listSessions(listing)).filter((s) => isCurrent(s, at, marginMonths));
  }

  /** The live session. Rejects `not-found` for unknown or deleted sessions, `not-allowed` when not shared with the actor. */
  async getSession(id: string): Promise<Session> {
    const session = await this.#core.sessions.load(id);
    const decision = decide(this.#actor, 'session.view', { session });
    if (!decision.allowed) throw new OkrError('not-allowed', decision.reason);
    return session;
  }

  /**
   * The session's header (title, dates, zone, state, access, head) without its objectives:
   * answered without reading the journal when the store has not loaded the session.
   * Rejects like `getSession`.
   */
  async sessionHeader(id: string): Promise<SessionHeader> {
    const header = await this.#core.sessions.header(id);
    const decision = decide(this.#actor, 'session.view', { session: header });
    if (!decision.allowed) throw new OkrError('not-allowed', decision.reason);
    return header;
  }

  /** The whole journal of a session, oldest first. Entries never change: an adapter may hand them out frozen (the memory adapter does). */
  async journal(id: string): Promise<JournalEntry[]> {
    await this.getSession(id);
    return this.#core.sessions.guard(() => this.storage.readJournal(id), 'read the journal');
  }

  /** The session's weeks (every ISO week overlapping its dates), grouped by month, and the current week. */
  async weeks(id: string): Promise<{ weeks: Week[]; months: MonthOfWeeks[]; current: Week }> {
    const session = await this.sessionHeader(id);
    const { weeks, current } = sessionWeeks(session, this.#core.clock());
    // A copy: the list is the caller's to keep or change; the remembered one is shared.
    return { weeks: [...weeks], months: groupByMonth(weeks), current };
  }

  /**
   * The snapshot of a week (default: the current one): every objective, key result and
   * initiative as it was at the week's end, with the change against the week before.
   * A week with none says why (`not-yet-created`, `outside-session`, `future`). A finished
   * week is kept in storage once final, so that any store answers it again without
   * reading the journal (see week-results.ts).
   */
  async snapshot(id: string, week?: string, options: SnapshotOptions = {}): Promise<SnapshotResult> {
    const session = await this.sessionHeader(id);
    const now = this.#core.clock();
    const key = week ?? weekAt(now, session.timeZone).key;
    if (typeof key !== 'string' || !parseWeek(key))
      throw invalid('week', `Not an ISO week: ${JSON.stringify(week)} (expected e.g. 2027-W05).`);
    return this.#core.weeks.snapshot(session, key, now, options);
  }

  /** Resolves when what the store does after its answers (storing finished weeks) is done. */
  settled(): Promise<void> {
    return this.#core.weeks.settled();
  }

  /** An objective's or key result's progress at the end of every week so far. */
  async series(id: string, itemId: string): Promise<SeriesPoint[]> {
    const session = await this.getSession(id);
    return seriesOf(await this.#core.sessions.timeline(session), session, itemId, this.#core.clock());
  }

  /** A key result's check-ins, newest first (by when they count), corrections shown beside what they correct. */
  async checkInHistory(sessionId: string, keyResultId: string): Promise<CheckInHistoryItem[]> {
    return historyOf(await this.getSession(sessionId), keyResultId);
  }

  /** The whole session (header and journal) as JSON, for backup or moving it to another store. */
  async exportSession(id: string): Promise<string> {
    const session = await this.getSession(id);
    const journal = (await this.journal(id)).filter((e) => e.seq <= session.head);
    return sessionToJson(session, journal, { exportedAt: this.#core.clock() });
  }

  // ---- commands: one-line wrappers over `execute` ------------------------------------

  /**
   * Imports a session export as a new session (with the next number). The permission is
   * checked before the file is read; the file is validated completely; a malformed or
   * hostile file rejects with `invalid-input` and stores nothing.
   */
  importSession(data: string | unknown): Promise<Session> {
    return this.#run('session.import', undefined, { data }) as Promise<Session>;
  }

  /** Creates a session in state `open`, numbered `SE-01001`, `SE-01002`, ... */
  createSession(input: SessionInput): Promise<Session> {
    return this.#run('session.create', undefined, input) as Promise<Session>;
  }

  /** Creates the session that follows `id` by its cadence (the quarter after Q4 2026 is Q1 2027). */
  async createNextSession(id: string, options: PeriodOptions & { readonly title?: string } = {}): Promise<Session> {
    const session = await this.getSession(id);
    const parent = session.parentId === undefined ? undefined : await this.storage.getSession(session.parentId);
    const input = nextSessionInput(session, { ...options, ...(parent ? { parent } : {}) });
    return this.createSession(options.title === undefined ? input : { ...input, title: options.title });
  }

  /** Changes a session's details (title, dates, time zone, cadences, parent, access). */
  updateSession(id: string, patch: SessionPatch): Promise<Session> {
    return this.#run('session.edit', id, patch) as Promise<Session>;
  }

  /** Moves a session through its lifecycle: start, close, reopen or unlock. */
  transition(id: string, transition: Transition): Promise<Session> {
    return this.#run('session.transition', id, { transition }) as Promise<Session>;
  }

  startSession = (id: string): Promise<Session> => this.transition(id, 'start');
  closeSession = (id: string): Promise<Session> => this.transition(id, 'close');
  reopenSession = (id: string): Promise<Session> => this.transition(id, 'reopen');
  unlockSession = (id: string): Promise<Session> => this.transition(id, 'unlock');

  /** Removes an open session from every list. Its number is never reused; its journal is kept. */
  deleteSession = (id: string): Promise<void> => this.#run('session.delete', id, {}) as Promise<void>;

  /** Adds an objective at the end of the session's list. */
  addObjective = (sessionId: string, input: ObjectiveInput & { readonly id?: string }): Promise<Objective> =>
    this.#run('objective.add', sessionId, input) as Promise<Objective>;

  /** Changes an objective's title, description or alignment. */
  updateObjective = (sessionId: string, id: string, patch: ObjectivePatch): Promise<Objective> =>
    this.#run('objective.edit', sessionId, { ...patch, id }) as Promise<Objective>;

  /** Removes an objective and its key results (their history stays in the journal). */
  removeObjective = (sessionId: string, id: string): Promise<void> =>
    this.#run('objective.remove', sessionId, { id }) as Promise<void>;

  /** Puts the session's objectives in the order of `ids` (all of them, each once). */
  reorderObjectives = (sessionId: string, ids: readonly string[]): Promise<void> =>
    this.#run('objective.reorder', sessionId, { ids }) as Promise<void>;

  /** Adds a key result under an objective. */
  addKeyResult = (sessionId: string, input: KeyResultInput & { readonly id?: string }): Promise<KeyResult> =>
    this.#run('keyResult.add', sessionId, input) as Promise<KeyResult>;

  /** Changes a key result's title, unit or weight (targets change through `retargetKeyResult`). */
  updateKeyResult = (sessionId: string, id: string, patch: KeyResultPatch): Promise<KeyResult> =>
    this.#run('keyResult.edit', sessionId, { ...patch, id }) as Promise<KeyResult>;

  /** Changes a key result's numbers (start and target, threshold, or milestones), and optionally its weight, in one step. Only while planning. */
  retargetKeyResult = (
    sessionId: string,
    id: string,
    target: KeyResultTargetInput & { readonly weight?: number },
  ): Promise<KeyResult> => this.#run('keyResult.retarget', sessionId, { ...target, id }) as Promise<KeyResult>;

  removeKeyResult = (sessionId: string, id: string): Promise<void> =>
    this.#run('keyResult.remove', sessionId, { id }) as Promise<void>;

  /** Puts an objective's key results in the order of `ids` (all of them, each once). */
  reorderKeyResults = (sessionId: string, objectiveId: string, ids: readonly string[]): Promise<void> =>
    this.#run('keyResult.reorder', sessionId, { objectiveId, ids }) as Promise<void>;

  /** Hands an item to another owner (`null`: unassigned); only its owners (ownership.ts) and admins may. */
  assignOwner = (sessionId: string, item: OwnedItem, id: string, ownerId: string | null): Promise<void> =>
    this.#run('owner.assign', sessionId, { item, id, ownerId }) as Promise<void>;

  /** Adds an initiative linked to one or more key results. */
  addInitiative = (sessionId: string, input: InitiativeInput & { readonly id?: string }): Promise<Initiative> =>
    this.#run('initiative.add', sessionId, input) as Promise<Initiative>;

  updateInitiative = (sessionId: string, id: string, patch: InitiativePatch): Promise<Initiative> =>
    this.#run('initiative.edit', sessionId, { ...patch, id }) as Promise<Initiative>;

  removeInitiative = (sessionId: string, id: string): Promise<void> =>
    this.#run('initiative.remove', sessionId, { id }) as Promise<void>;

  /** Records a check-in on a key result: its new value, a status, a confidence and a comment. */
  checkIn = (
    sessionId: string,
    keyResultId: string,
    input: CheckInInput & { readonly id?: string },
  ): Promise<CheckIn> => this.#run('checkIn.add', sessionId, { ...input, keyResultId }) as Promise<CheckIn>;

  /** Corrects a check-in: the correction supersedes it and takes its place in the history; both stay in it. */
  correctCheckIn = (
    sessionId: string,
    checkInId: string,
    input: CheckInInput & { readonly id?: string },
  ): Promise<CheckIn> => this.#run('checkIn.correct', sessionId, { ...input, checkInId }) as Promise<CheckIn>;

  /** Copies objectives and their key results (not check-ins: progress restarts) into `toId`. Returns the copies. */
  copyObjectives = (
    fromId: string,
    toId: string,
    options: { readonly objectiveIds?: readonly string[] } = {},
  ): Promise<Objective[]> => {
    if (options === null || typeof options !== 'object')
      return Promise.reject(invalid('options', 'Must be { objectiveIds? }.'));
    return this.#run('objective.copy', toId, { ...options, fromSessionId: fromId }) as Promise<Objective[]>;
  };

  // ---- subscriptions -----------------------------------------------------------------

  /** Calls `listener` after every change, made here or elsewhere; the notice carries what changed. Returns an unsubscribe. */
  subscribe(listener: (change: StoreChange) => void): () => void {
    return this.#core.sessions.subscribe(listener);
  }

  /** Where a store on a server (`syncStorage`) stands: online or offline, changes waiting, the last error. Undefined otherwise. */
  get syncStatus(): SyncStatus | undefined {
    return isSyncing(this.storage) ? this.storage.syncStatus : undefined;
  }

  /** Calls `listener` when the sync status changes and when the server refuses a queued command (which is then gone). */
  subscribeSync(listener: (event: SyncEvent) => void): () => void {
    return isSyncing(this.storage) ? this.storage.subscribeSync(listener) : () => undefined;
  }

  /** Stops watching storage and closes it (for every view of this store). */
  async close(): Promise<void> {
    await this.#core.weeks.close();
    await this.#core.sessions.close();
  }

  async #run<K extends keyof CommandArgs>(type: K, sessionId: string | undefined, args: unknown): Promise<unknown> {
    const command = { type, args, ...(sessionId === undefined ? {} : { sessionId }) } as unknown as Command;
    return (await this.execute(command)).value;
  }
}

export function createOkrStore(options: OkrStoreOptions): OkrStore {
  return new OkrStore(options);
}
