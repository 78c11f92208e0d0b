import { OkrError, storageError } from './errors.js';
import { type Identity, type JournalEntry, ReplayError, replay, type Session } from './journal.js';
import type { Actor, SessionHeader } from './model.js';
import { decide } from './policy.js';
import { SessionIds } from './session-ids.js';
import type { StorageAdapter, StorageChange } from './storage/adapter.js';
import type { StoreChange } from './store-change.js';
import { Timeline } from './timeline.js';

/**
 * The state one store keeps for every actor it serves: one live fold per session (not
 * one per person or request), its timeline of week checkpoints, the ids its journal has
 * used, and the listeners to tell. Changes heard from storage (other tabs, processes or
 * server instances) are caught up incrementally, in the session's queue, so that a
 * notice always carries the session as it now is, and the store's own writes are never
 * mistaken for someone else's.
 */
export class LiveSessions {
  readonly storage: StorageAdapter;
  readonly #live = new Map<string, Session>();
  readonly #ids = new Map<string, SessionIds>();
  readonly #timelines = new Map<string, Timeline>();
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #loading = new Map<string, Promise<Session | undefined>>();
  readonly #listeners = new Set<(change: StoreChange) => void>();
  /** Sessions being created here: their number is unknown until storage gives it, so echoes wait for them. */
  readonly #creating = new Set<Promise<unknown>>();
  readonly #unwatch: () => void;

  constructor(storage: StorageAdapter) {
    this.storage = storage;
    this.#unwatch = storage.watch((change) => this.#heard(change));
  }

  /** Runs `work` after every earlier piece of work on the same session: a store never races itself. */
  serially<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const before = this.#queues.get(sessionId) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(sessionId, settled);
    void settled.then(() => {
      if (this.#queues.get(sessionId) === settled) this.#queues.delete(sessionId);
    });
    return run;
  }

  /** Runs the creation of a session, so that storage's echo of it is not taken for someone else's. */
  creating<T>(work: () => Promise<T>): Promise<T> {
    const run = work();
    this.#creating.add(run);
    const done = () => this.#creating.delete(run);
    run.then(done, done);
    return run;
  }

  /** The live session, caught up with storage (always when `fresh`). Rejects `not-found` for unknown and deleted ones. */
  async load(id: string, fresh = false): Promise<Session> {
    checkId(id);
    let session = this.#live.get(id);
    if (!session) session = await this.#firstLoad(id);
    else if (fresh) session = await this.#catchUp(id, session);
    if (!session || session.deleted) throw new OkrError('not-found', `There is no session ${id}.`);
    return session;
  }

  /**
   * The session's header: the live state when this store holds it, else storage's header
   * (no journal read). Rejects `not-found` for unknown and deleted sessions.
   */
  async header(id: string): Promise<SessionHeader> {
    checkId(id);
    const header = this.#live.get(id) ?? (await this.guard(() => this.storage.getSession(id), 'read the session'));
    if (!header || header.deleted) throw new OkrError('not-found', `There is no session ${id}.`);
    return header;
  }

  /** The session if `actor` may view it (caught up with storage when `fresh`); undefined when it is missing, deleted or not shared with them. */
  async visible(id: string, actor: Actor, fresh = false): Promise<Session | undefined> {
    try {
      const session = await this.load(id, fresh);
      return decide(actor, 'session.view', { session }).allowed ? session : undefined;
    } catch (error) {
      if (error instanceof OkrError && (error.code === 'not-found' || error.code === 'invalid-input')) return undefined;
      throw error;
    }
  }

  headers(): Promise<SessionHeader[]> {
    return this.guard(() => this.storage.listSessions(), 'list sessions');
  }

  /** The ids `session`'s journal has used: built from the journal the first time, then kept up with appends. */
  async ids(session: Session): Promise<SessionIds> {
    let ids = this.#ids.get(session.id);
    if (!ids) {
      ids = new SessionIds();
      this.#ids.set(session.id, ids);
    }
    if (ids.head < session.head) {
      const after = ids.head;
      // The timeline holds the journal already (the first load made it): reading it again
      // from storage made a second copy of the whole journal on the first command.
      const timeline = this.#timelines.get(session.id);
      const entries =
        timeline && timeline.head >= session.head
          ? timeline.entries.slice(after, session.head)
          : await this.guard(() => this.storage.readJournal(session.id, after), 'read the journal');
      ids.add(entries.filter((e) => e.seq <= session.head));
    }
    return ids;
  }

  /** Takes in what this store appended (`entries`, giving `next`) and tells the listeners. */
  accepted(next: Session, entries: readonly JournalEntry[]): void {
    this.#live.set(next.id, next);
    this.#ids.get(next.id)?.add(entries);
    this.#extendTimeline(next, entries);
    this.notify(
      next.deleted ? { type: 'removed', sessionId: next.id } : { type: 'session', session: next, origin: 'local' },
    );
  }

  /** The session's timeline, caught up with its live state. Its checkpoints live as long as the store. */
  async timeline(session: Session): Promise<Timeline> {
    let timeline = this.#timelines.get(session.id);
    if (!timeline) {
      timeline = new Timeline({ id: session.id, number: session.number });
      this.#timelines.set(session.id, timeline);
    }
    if (timeline.head < session.head) {
      const from = timeline.head;
      const entries = await this.guard(() => this.storage.readJournal(session.id, from), 'read the journal');
      // Another read may have caught up meanwhile: append only what is still missing.
      const target = timeline;
      target.append(entries.filter((e) => e.seq > target.head && e.seq <= session.head));
    }
    return timeline;
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  notify(change: StoreChange): void {
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

  async guard<T>(work: () => Promise<T>, doing: string): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw storageError(error, doing);
    }
  }

  async close(): Promise<void> {
    this.#unwatch();
    this.#listeners.clear();
    await this.storage.close();
  }

  /**
   * The first load of a session, shared by everyone who asks meanwhile: a page asks for a
   * session's weeks and its snapshot at once, and each read the whole journal.
   */
  #firstLoad(id: string): Promise<Session | undefined> {
    let loading = this.#loading.get(id);
    if (!loading) {
      loading = this.#catchUp(id, undefined);
      this.#loading.set(id, loading);
      const done = () => {
        if (this.#loading.get(id) === loading) this.#loading.delete(id);
      };
      loading.then(done, done);
    }
    return loading;
  }

  /** Reads what storage holds beyond `known` (or the whole journal) and folds it on. */
  async #catchUp(id: string, known: Session | undefined): Promise<Session | undefined> {
    const entries = await this.guard(() => this.storage.readJournal(id, known?.head ?? 0), 'read the session');
    if (known && entries.length === 0) return known;
    const header =
      known ??
      (entries.length > 0 ? await this.guard(() => this.storage.getSession(id), 'read the session') : undefined);
    if (!header) return undefined;
    return this.#foldOn(id, header, entries, known);
  }

  /**
   * The entries a change notice carried that continue `known` exactly (seq `known.head + 1`
   * up to the change's head), or undefined when they do not: then the journal is read.
   */
  #carried(change: StorageChange, known: Session): readonly JournalEntry[] | undefined {
    const entries = change.entries?.filter((e) => e.seq > known.head);
    if (!entries || entries.length !== change.head - known.head) return undefined;
    return entries.every((e, i) => e?.seq === known.head + 1 + i) ? entries : undefined;
  }

  /** Folds `entries` onto `known` (or from `header`), keeps the result and hands the entries on. */
  #foldOn(
    id: string,
    header: Identity,
    entries: readonly JournalEntry[],
    known: Session | undefined,
  ): Session | undefined {
    let session: Session | undefined;
    let timeline: Timeline | undefined;
    const first = !known && entries[0]?.seq === 1;
    try {
      if (first) {
        timeline = whole(header, entries);
        session = timeline?.stateAfter(timeline.head) ?? replay(header, entries);
      } else session = replay(header, entries, known);
    } catch (error) {
      if (error instanceof ReplayError)
        throw new OkrError('storage', `The stored journal of ${id} does not replay: ${error.message}`, {
          cause: error,
        });
      throw error;
    }
    if (session) {
      this.#live.set(id, session);
      this.#ids.get(id)?.add(entries);
      if (timeline) this.#timelines.set(id, timeline);
      else if (!first) this.#extendTimeline(session, entries);
    }
    return session;
  }

  /**
   * Hands entries just read or written to the session's timeline, so that a first snapshot
   * after loading does not read the journal from storage a second time. A timeline that is
   * not exactly at the entries' start is left to catch up on its own.
   */
  #extendTimeline(session: Session, entries: readonly JournalEntry[]): void {
    const first = entries[0];
    if (!first) return;
    const timeline = this.#timelines.get(session.id);
    if (!timeline) {
      if (first.seq === 1) {
        const made = whole(session, entries);
        if (made) this.#timelines.set(session.id, made);
      }
    } else if (timeline.head === first.seq - 1) {
      try {
        timeline.append(entries);
      } catch (error) {
        // The entries are stored and folded already; a timeline (a cache) that cannot take
        // them is dropped and made again when next asked for, not made the append's failure.
        this.#timelines.delete(session.id);
        if (!(error instanceof ReplayError || error instanceof RangeError)) throw error;
      }
    }
  }

  /** A change made through storage, perhaps by us: once our own work on the session is done, catch up and tell. */
  #heard(change: StorageChange): void {
    // A rebase drops what was folded beyond it at once, so that no read folds on from it meanwhile.
    const rebased = change.rebasedAfter !== undefined && this.#forget(change.sessionId, change.rebasedAfter);
    // A first load still on its way may have read before this change: whoever asks from now
    // on (a listener told of the change, say) loads anew instead of sharing its stale answer.
    this.#loading.delete(change.sessionId);
    void this.serially(change.sessionId, async () => {
      if (!this.#live.has(change.sessionId)) await Promise.allSettled([...this.#creating]);
      const known = this.#live.get(change.sessionId);
      if (known && known.head >= change.head) {
        if (rebased) this.#tell(known);
        return;
      }
      if (!known && !rebased) {
        // Nobody here holds this session's state: tell its header, without folding its journal.
        const header = await this.guard(() => this.storage.getSession(change.sessionId), 'read the session');
        if (header)
          this.notify(header.deleted ? { type: 'removed', sessionId: header.id } : { type: 'header', header });
        return;
      }
      // Entries carried by the notice that continue what is known are folded on at once: no read.
      const carried = known && change.rebasedAfter === undefined ? this.#carried(change, known) : undefined;
      const session =
        known && carried
          ? this.#foldOn(change.sessionId, known, carried, known)
          : await this.#catchUp(change.sessionId, known);
      if (session) this.#tell(session);
      else if (rebased) this.notify({ type: 'removed', sessionId: change.sessionId });
    }).catch(() => {
      // The next read catches up (and reports what is wrong); a notice that cannot be made is dropped.
      this.#live.delete(change.sessionId);
    });
  }

  #tell(session: Session): void {
    this.notify(
      session.deleted ? { type: 'removed', sessionId: session.id } : { type: 'session', session, origin: 'remote' },
    );
  }

  /** Drops the state folded beyond `after` (its entries were replaced); whether there was any. */
  #forget(id: string, after: number): boolean {
    const known = this.#live.get(id);
    if (!known || known.head <= after) return false;
    this.#live.delete(id);
    this.#ids.delete(id);
    this.#timelines.delete(id);
    return true;
  }
}

function checkId(id: unknown): void {
  if (typeof id !== 'string' || id === '') {
    throw new OkrError('invalid-input', 'A session id is required.', { fields: { id: 'A session id is required.' } });
  }
}

/**
 * A whole journal laid out in time: its live state is then the timeline's state after
 * every entry, folded from the entries that are not check-ins (the timeline has indexed
 * the check-ins), not entry by entry. A journal the timeline refuses is replayed entry by
 * entry instead, for the fold's own account of what is wrong (undefined then).
 */
function whole(header: Identity, entries: readonly JournalEntry[]): Timeline | undefined {
  try {
    return new Timeline({ id: header.id, number: header.number }, entries);
  } catch (error) {
    if (error instanceof ReplayError || error instanceof RangeError) return undefined;
    throw error;
  }
}
