import { OkrError } from '../errors.js';
import { type JournalEntry, replay, type Session } from '../journal.js';
import type { SessionHeader } from '../model.js';
import {
  type AppendCause,
  checkFollows,
  type NewSessionHeader,
  type StorageAdapter,
  type StorageChange,
} from '../storage/adapter.js';
import { type PendingView, pendingView } from './pending-view.js';
import type { MutationResult, PullResponse } from './protocol.js';
import { type HttpRemoteOptions, httpRemote, type SyncRemote } from './remote.js';
import { type ConfirmedSession, memorySyncCache, type PendingMutation, type SyncCache } from './sync-cache.js';
import { INITIAL_SYNC_STATUS, type SyncEvent, type SyncingStorage, type SyncStatus } from './sync-status.js';
import { Syncer } from './syncer.js';

export type SyncStorageOptions = (HttpRemoteOptions | { readonly remote: SyncRemote }) & {
  /** Where the confirmed sessions and the outbox are kept. Default: in memory (the browser entry point uses IndexedDB). */
  readonly cache?: SyncCache;
};

interface Kept {
  header: SessionHeader;
  /** Entry seq n at index n - 1. */
  readonly entries: JournalEntry[];
}

interface Waiting {
  resolve(header: SessionHeader): void;
  reject(error: OkrError): void;
}

/**
 * The browser side of `@okrkit/server`, as a storage adapter under an ordinary store:
 * the confirmed sessions the server sent, plus an outbox of commands not yet confirmed.
 * Reads show the confirmed journal with the pending commands' entries on top (so a
 * check-in appears at once); an append queues the command that made it (never the
 * entries) and the syncer pushes it. When the server's entries arrive, the pending
 * commands are laid on them again and watchers hear `rebasedAfter`, so stores fold again.
 */
export class SyncStorage implements StorageAdapter, SyncingStorage {
  readonly name = 'sync';
  readonly #remote: SyncRemote;
  readonly #cache: SyncCache;
  #clientId = '';
  #ready: Promise<void> | undefined;
  #closed = false;
  readonly #confirmed = new Map<string, Kept>();
  #outbox: PendingMutation[] = [];
  readonly #views = new Map<string, PendingView>();
  /** The confirmed fold of sessions with pending commands, kept up as entries arrive. */
  readonly #folds = new Map<string, Session>();
  readonly #checkpoints = new Map<string, unknown>();
  readonly #listeners = new Set<(change: StorageChange) => void>();
  readonly #syncListeners = new Set<(event: SyncEvent) => void>();
  readonly #creations = new Map<number, Waiting>();
  #status: SyncStatus = INITIAL_SYNC_STATUS;
  #syncer: Syncer | undefined;

  constructor(options: SyncStorageOptions) {
    this.#remote = 'remote' in options ? options.remote : httpRemote(options);
    this.#cache = options.cache ?? memorySyncCache();
  }

  get syncStatus(): SyncStatus {
    return this.#status;
  }

  subscribeSync(listener: (event: SyncEvent) => void): () => void {
    void this.#open();
    this.#syncListeners.add(listener);
    return () => this.#syncListeners.delete(listener);
  }

  /** Pushes and pulls now (not waiting for a retry); resolves when both are done or have failed. */
  async syncNow(): Promise<void> {
    await this.#open();
    await this.#syncer?.wake();
  }

  // ---- reads: the confirmed state with the pending commands on top -------------------

  async listSessions(): Promise<SessionHeader[]> {
    await this.#open();
    return [...this.#confirmed.keys()].map((id) => this.#headerOf(id) as SessionHeader).sort(byNumber);
  }

  async getSession(id: string): Promise<SessionHeader | undefined> {
    await this.#open();
    return this.#headerOf(id);
  }

  async readJournal(id: string, afterSeq = 0): Promise<JournalEntry[]> {
    await this.#open();
    const kept = this.#confirmed.get(id);
    if (!kept) return [];
    const after = Math.max(0, afterSeq);
    const overlay = this.#views.get(id)?.overlay ?? [];
    return [...kept.entries.slice(after), ...overlay.filter((e) => e.seq > after)];
  }

  async readCheckpoint(id: string, key: string): Promise<unknown> {
    return this.#checkpoints.get(`${id}\u0000${key}`);
  }

  async writeCheckpoint(id: string, key: string, value: unknown): Promise<void> {
    this.#checkpoints.set(`${id}\u0000${key}`, value);
  }

  // ---- writes: commands into the outbox ---------------------------------------------

  /** A new session needs its number from the server: the command goes first in line and this waits for the answer. */
  async createSession(
    _header: NewSessionHeader,
    _entries: readonly JournalEntry[],
    cause?: AppendCause,
  ): Promise<SessionHeader> {
    await this.#open();
    const command = commandOf(cause);
    if (this.#status.connection === 'offline')
      throw new OkrError('storage', 'Offline: a new session needs the server. Nothing was saved; try again online.');
    const mutation = await this.#enqueue({ command, sessionId: undefined, actorId: cause?.actor.id ?? '', drafts: [] });
    return new Promise<SessionHeader>((resolve, reject) => {
      this.#creations.set(mutation.mutationId, { resolve, reject });
      void this.#syncer?.kick();
    });
  }

  async append(
    id: string,
    expectedHead: number,
    entries: readonly JournalEntry[],
    header: SessionHeader,
    cause?: AppendCause,
  ): Promise<void> {
    await this.#open();
    const command = commandOf(cause);
    const head = this.#headerOf(id)?.head;
    if (head === undefined) throw new OkrError('not-found', `There is no session ${id}.`);
    if (head !== expectedHead)
      throw new OkrError('conflict', `The session ${id} changed meanwhile (head ${head}, not ${expectedHead}).`);
    checkFollows(id, expectedHead, entries);
    const drafts = entries.map(({ type, data }) => ({ type, data }) as PendingMutation['drafts'][number]);
    const madeAt = entries[0]?.at ?? new Date().toISOString();
    await this.#enqueue({ command, sessionId: id, actorId: cause?.actor.id ?? '', drafts, madeAt });
    if (this.#headerOf(id)?.head === expectedHead) {
      // Nothing moved while the outbox was written: the runner's fold is the view.
      const view = this.#views.get(id);
      this.#views.set(id, { header, overlay: [...(view?.overlay ?? []), ...entries] });
      this.#emit({ sessionId: id, head: header.head });
    } else this.#rebase([id]);
    void this.#syncer?.kick();
  }

  watch(listener: (change: StorageChange) => void): () => void {
    void this.#open();
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#syncer?.close();
    this.#listeners.clear();
    this.#syncListeners.clear();
    for (const waiting of this.#creations.values())
      waiting.reject(new OkrError('storage', 'The store was closed before the server answered.'));
    this.#creations.clear();
    await this.#ready?.catch(() => undefined);
    await this.#cache.close();
  }

  // ---- what the syncer calls ---------------------------------------------------------

  async #applyResults(results: readonly MutationResult[]): Promise<void> {
    const applied: PendingMutation[] = [];
    const refused: { mutation: PendingMutation; error: OkrError }[] = [];
    for (const result of results) {
      const mutation = this.#outbox.find((m) => m.mutationId === result.mutationId);
      if (!mutation) continue;
      if (result.ok) applied.push({ ...mutation, applied: { sessionId: result.sessionId, head: result.head } });
      else refused.push({ mutation, error: result.error });
    }
    await this.#cache.updateMutations(applied);
    await this.#cache.removeMutations(refused.map((r) => r.mutation.mutationId));
    const byId = new Map(applied.map((m) => [m.mutationId, m]));
    const gone = new Set(refused.map((r) => r.mutation.mutationId));
    this.#outbox = this.#outbox.filter((m) => !gone.has(m.mutationId)).map((m) => byId.get(m.mutationId) ?? m);
    this.#rebase(refused.flatMap((r) => r.mutation.sessionId ?? []));
    for (const { mutation, error } of refused) {
      const waiting = this.#creations.get(mutation.mutationId);
      this.#creations.delete(mutation.mutationId);
      if (waiting) waiting.reject(error);
      else this.#tell({ type: 'refused', error, command: mutation.command, mutationId: mutation.mutationId });
    }
    this.#setStatus({
      pending: this.#outbox.length,
      ...(refused.length > 0 ? { lastError: refused.at(-1)?.error } : {}),
    });
  }

  async #applyPull(response: PullResponse): Promise<void> {
    const changes: ConfirmedSession[] = [];
    for (const { header, entries } of response.sessions) {
      const head = this.#confirmed.get(header.id)?.header.head ?? 0;
      const fresh = entries.filter((e) => e.seq > head);
      // Entries that do not continue what is kept would misplace it: that session waits for the next pull.
      if (fresh.length > 0 && fresh[0]?.seq !== head + 1) continue;
      if (fresh.length > 0 || header.head !== head || !this.#confirmed.has(header.id))
        changes.push({ header, entries: fresh });
    }
    const removed = response.removed.filter((id) => this.#confirmed.has(id));
    // Where each journal stood: whatever a store folded beyond it may have been pending entries.
    const before = new Map([...changes.map((c) => c.header.id), ...removed].map((id) => [id, this.#confirmedHead(id)]));
    if (changes.length > 0 || removed.length > 0) await this.#cache.saveConfirmed(changes, removed);
    for (const { header, entries } of changes) {
      const kept = this.#confirmed.get(header.id);
      if (kept) {
        kept.entries.push(...entries);
        kept.header = header;
      } else this.#confirmed.set(header.id, { header, entries: [...entries] });
    }
    for (const id of removed) this.#confirmed.delete(id);
    const covered = this.#outbox.filter((m) => this.#covered(m));
    if (covered.length > 0) {
      await this.#cache.removeMutations(covered.map((m) => m.mutationId));
      const done = new Set(covered);
      this.#outbox = this.#outbox.filter((m) => !done.has(m));
    }
    this.#rebase(
      [...changes.map((c) => c.header.id), ...removed, ...covered.flatMap((m) => m.sessionId ?? [])],
      before,
    );
    for (const mutation of covered) {
      const waiting = this.#creations.get(mutation.mutationId);
      const header = mutation.applied && this.#headerOf(mutation.applied.sessionId);
      this.#creations.delete(mutation.mutationId);
      if (waiting && header) waiting.resolve(header);
    }
    this.#setStatus({ pending: this.#outbox.length });
  }

  // ---- inside ------------------------------------------------------------------------

  #open(): Promise<void> {
    if (this.#closed) return Promise.reject(new OkrError('storage', 'This sync store is closed.'));
    this.#ready ??= this.#load();
    return this.#ready;
  }

  async #load(): Promise<void> {
    const contents = await this.#cache.load();
    this.#clientId = contents.clientId;
    for (const { header, entries } of contents.sessions)
      this.#confirmed.set(header.id, { header, entries: [...entries] });
    this.#outbox = [...contents.outbox];
    for (const id of new Set(this.#outbox.flatMap((m) => m.sessionId ?? []))) this.#rebuild(id);
    this.#setStatus({ pending: this.#outbox.length });
    if (this.#closed) return;
    const storage = this;
    this.#syncer = new Syncer(this.#remote, {
      get clientId() {
        return storage.#clientId;
      },
      unsent: () => this.#outbox.filter((m) => !m.applied),
      heads: () => Object.fromEntries([...this.#confirmed].map(([id, kept]) => [id, kept.header.head])),
      confirmedHead: (id) => this.#confirmed.get(id)?.header.head,
      applyResults: (results) => this.#applyResults(results),
      applyPull: (response) => this.#applyPull(response),
      setStatus: (patch) => this.#setStatus(patch),
    });
    this.#syncer.start();
  }

  async #enqueue(mutation: Omit<PendingMutation, 'mutationId' | 'madeAt'> & { madeAt?: string }) {
    const kept = await this.#cache.enqueue({ ...mutation, madeAt: mutation.madeAt ?? new Date().toISOString() });
    this.#outbox.push(kept);
    this.#setStatus({ pending: this.#outbox.length });
    return kept;
  }

  #covered(mutation: PendingMutation): boolean {
    const applied = mutation.applied;
    return applied !== undefined && (this.#confirmed.get(applied.sessionId)?.header.head ?? -1) >= applied.head;
  }

  #headerOf(id: string): SessionHeader | undefined {
    return this.#views.get(id)?.header ?? this.#confirmed.get(id)?.header;
  }

  /** Lays the pending commands on the confirmed state of `ids` again and tells watchers. */
  #rebase(ids: readonly string[], before?: ReadonlyMap<string, number>): void {
    for (const id of new Set(ids)) {
      const rebasedAfter = before?.get(id) ?? this.#confirmedHead(id);
      const hadView = this.#views.has(id);
      this.#rebuild(id);
      const head = this.#headerOf(id)?.head ?? 0;
      const extended = !hadView && this.#confirmed.has(id);
      this.#emit(extended ? { sessionId: id, head } : { sessionId: id, head, rebasedAfter });
    }
  }

  #confirmedHead(id: string): number {
    return this.#confirmed.get(id)?.header.head ?? 0;
  }

  #rebuild(id: string): void {
    const kept = this.#confirmed.get(id);
    const pending = this.#outbox.filter((m) => m.sessionId === id && m.drafts.length > 0 && !this.#covered(m));
    if (!kept || pending.length === 0) {
      this.#views.delete(id);
      this.#folds.delete(id);
      return;
    }
    const view = pendingView(this.#fold(id, kept), pending);
    if (view) this.#views.set(id, view);
    else this.#views.delete(id);
  }

  #fold(id: string, kept: Kept): Session {
    const known = this.#folds.get(id);
    const fold =
      known && known.head <= kept.header.head
        ? (replay(known, kept.entries.slice(known.head), known) as Session)
        : (replay(kept.header, kept.entries) as Session);
    this.#folds.set(id, fold);
    return fold;
  }

  #emit(change: StorageChange): void {
    for (const listener of this.#listeners) listener(change);
  }

  #tell(event: SyncEvent): void {
    for (const listener of this.#syncListeners) listener(event);
  }

  #setStatus(patch: Partial<SyncStatus>): void {
    const next = { ...this.#status, ...patch };
    const keys = Object.keys(next) as (keyof SyncStatus)[];
    if (keys.every((k) => next[k] === this.#status[k])) return;
    this.#status = Object.freeze(next);
    this.#tell({ type: 'status', status: this.#status });
  }
}

function commandOf(cause: AppendCause | undefined): AppendCause['command'] {
  if (!cause)
    throw new OkrError(
      'invalid-input',
      'A sync store sends commands to its server: entries cannot be stored directly.',
    );
  return cause.command;
}

function byNumber(a: SessionHeader, b: SessionHeader): number {
  return a.number - b.number;
}

/** A store's storage that syncs with an okrkit server: `createOkrStore({ storage: syncStorage({ url, getToken }), actor })`. */
export function syncStorage(options: SyncStorageOptions): SyncStorage {
  return new SyncStorage(options);
}
