import { OkrError } from '../errors.js';
import type { JournalEntry } from '../journal.js';
import type { SessionHeader } from '../model.js';
import {
  type AppendCause,
  checkFollows,
  type NewSessionHeader,
  type StorageAdapter,
  type StorageChange,
} from '../storage/adapter.js';
import { indexedDbSyncCache } from './indexeddb-sync-cache.js';
import type { MutationResult, PullResponse } from './protocol.js';
import { type HttpRemoteOptions, httpRemote, type SyncRemote } from './remote.js';
import { memorySyncCache, type PendingMutation, type SyncCache } from './sync-cache.js';
import { SyncState } from './sync-state.js';
import { INITIAL_SYNC_STATUS, type SyncEvent, type SyncingStorage, type SyncStatus } from './sync-status.js';
import { Syncer } from './syncer.js';
import { errorFromWire, TabLink, type TabMessage, wireError } from './tab-link.js';

export type SyncStorageOptions = (HttpRemoteOptions | { readonly remote: SyncRemote }) & {
  /** Where the confirmed sessions and the outbox are kept. Default: IndexedDB where there is one, else memory. */
  readonly cache?: SyncCache;
  /** The IndexedDB database of the default cache: one per server and person. Default `okrkit-sync`. */
  readonly name?: string;
};

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
 * The tabs of a browser share the cache; one of them (the leader) talks to the server.
 */
export class SyncStorage implements StorageAdapter, SyncingStorage {
  readonly name = 'sync';
  readonly #remote: SyncRemote;
  readonly #cache: SyncCache;
  readonly #state = new SyncState();
  #clientId = '';
  #ready: Promise<void> | undefined;
  #closed = false;
  #tabs: TabLink | undefined;
  /** Messages from other tabs, handled one after the other. */
  #heard: Promise<void> = Promise.resolve();
  #syncer: Syncer | undefined;
  #status: SyncStatus = INITIAL_SYNC_STATUS;
  readonly #checkpoints = new Map<string, unknown>();
  readonly #listeners = new Set<(change: StorageChange) => void>();
  readonly #syncListeners = new Set<(event: SyncEvent) => void>();
  readonly #creations = new Map<number, Waiting>();
  /** For each read of the shared cache on its way, the commands this tab queued meanwhile. */
  readonly #queuedDuringReloads = new Set<PendingMutation[]>();

  constructor(options: SyncStorageOptions) {
    this.#remote = 'remote' in options ? options.remote : httpRemote(options);
    const name = options.name === undefined ? {} : { name: options.name };
    this.#cache = options.cache ?? (typeof indexedDB === 'undefined' ? memorySyncCache() : indexedDbSyncCache(name));
  }

  get syncStatus(): SyncStatus {
    return this.#status;
  }

  subscribeSync(listener: (event: SyncEvent) => void): () => void {
    void this.#open().catch(() => undefined);
    this.#syncListeners.add(listener);
    return () => this.#syncListeners.delete(listener);
  }

  /** Pushes and pulls now (not waiting for a retry); resolves when both are done or have failed. */
  async syncNow(): Promise<void> {
    await this.#open();
    if (this.#syncer) await this.#syncer.wake();
    else this.#tabs?.post({ type: 'outbox' });
  }

  // ---- reads: the confirmed state with the pending commands on top -------------------

  async listSessions(): Promise<SessionHeader[]> {
    await this.#open();
    return this.#state
      .ids()
      .map((id) => this.#state.headerOf(id) as SessionHeader)
      .sort((a, b) => a.number - b.number);
  }

  async getSession(id: string): Promise<SessionHeader | undefined> {
    await this.#open();
    return this.#state.headerOf(id);
  }

  async readJournal(id: string, afterSeq = 0): Promise<JournalEntry[]> {
    await this.#open();
    return this.#state.journal(id, afterSeq);
  }

  /** Entries beyond the confirmed head are pending commands, laid anew on what the server sends. */
  settledHead(id: string): number {
    return this.#state.confirmedHead(id);
  }

  async readCheckpoint(id: string, key: string): Promise<unknown> {
    return this.#checkpoints.get(`${id}\u0000${key}`);
  }

  async writeCheckpoint(id: string, key: string, value: unknown): Promise<void> {
    this.#checkpoints.set(`${id}\u0000${key}`, value);
  }

  // ---- writes: commands into the outbox ---------------------------------------------

  /**
   * Always 0: rules across sessions are the server's to hold (it runs every command again,
   * under its own links version); here a pending command is only shown, never final.
   */
  async linksVersion(): Promise<number> {
    return 0;
  }

  /** A new session needs its number from the server: the command takes its place in line and this waits for the answer. */
  async createSession(
    _header: NewSessionHeader,
    _entries: readonly JournalEntry[],
    _links?: number,
    cause?: AppendCause,
  ): Promise<SessionHeader> {
    await this.#open();
    const command = commandOf(cause);
    if (this.#status.connection === 'offline')
      throw new OkrError('storage', 'Offline: a new session needs the server. Nothing was saved; try again online.');
    const mutation = await this.#enqueue({
      command,
      sessionId: undefined,
      actorId: cause?.actor.id ?? '',
      drafts: [],
      ...(cause?.madeAt ? { madeAt: cause.madeAt } : {}),
    });
    return new Promise<SessionHeader>((resolve, reject) => {
      this.#creations.set(mutation.mutationId, { resolve, reject });
      this.#pushSoon();
    });
  }

  async append(
    id: string,
    expectedHead: number,
    entries: readonly JournalEntry[],
    header: SessionHeader,
    _links?: number,
    cause?: AppendCause,
  ): Promise<void> {
    await this.#open();
    const command = commandOf(cause);
    const head = this.#state.headerOf(id)?.head;
    if (head === undefined) throw new OkrError('not-found', `There is no session ${id}.`);
    if (head !== expectedHead)
      throw new OkrError('conflict', `The session ${id} changed meanwhile (head ${head}, not ${expectedHead}).`);
    checkFollows(id, expectedHead, entries);
    const drafts = entries.map(({ type, data }) => ({ type, data }) as PendingMutation['drafts'][number]);
    const madeAt = cause?.madeAt ?? entries[0]?.at ?? new Date().toISOString();
    await this.#enqueue({ command, sessionId: id, actorId: cause?.actor.id ?? '', drafts, madeAt });
    // Unless something moved while the outbox was written, the runner's fold is the view.
    if (this.#state.headerOf(id)?.head === expectedHead) this.#emit([this.#state.extend(id, header, entries)]);
    else this.#emit(this.#state.rebase([id]));
    this.#pushSoon();
  }

  watch(listener: (change: StorageChange) => void): () => void {
    void this.#open().catch(() => undefined);
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#syncer?.close();
    this.#tabs?.close();
    this.#listeners.clear();
    this.#syncListeners.clear();
    for (const waiting of this.#creations.values())
      waiting.reject(new OkrError('storage', 'The store was closed before the server answered.'));
    this.#creations.clear();
    await this.#ready?.catch(() => undefined);
    await this.#cache.close();
  }

  // ---- the leader: what the syncer calls ---------------------------------------------

  async #applyResults(results: readonly MutationResult[]): Promise<void> {
    if (this.#closed) return;
    const outbox = this.#state.outbox;
    const applied: PendingMutation[] = [];
    const refused: { mutation: PendingMutation; error: OkrError }[] = [];
    for (const result of results) {
      const mutation = outbox.find((m) => m.mutationId === result.mutationId);
      if (!mutation) continue;
      if (result.ok) applied.push({ ...mutation, applied: { sessionId: result.sessionId, head: result.head } });
      else refused.push({ mutation, error: result.error });
    }
    await this.#cache.updateMutations(applied);
    await this.#cache.removeMutations(refused.map((r) => r.mutation.mutationId));
    const byId = new Map(applied.map((m) => [m.mutationId, m]));
    const gone = new Set(refused.map((r) => r.mutation.mutationId));
    // The outbox as it is now: commands queued while the cache was written stay in it.
    this.#state.outbox = this.#state.outbox
      .filter((m) => !gone.has(m.mutationId))
      .map((m) => byId.get(m.mutationId) ?? m);
    const touched = refused.flatMap((r) => r.mutation.sessionId ?? []);
    this.#emit(this.#state.rebase(touched));
    if (touched.length > 0) this.#tabs?.post({ type: 'confirmed', ids: touched });
    for (const { mutation, error } of refused) {
      this.#refused(mutation.mutationId, mutation.command, error);
      this.#tabs?.post({
        type: 'refused',
        mutationId: mutation.mutationId,
        command: mutation.command,
        error: wireError(error),
      });
    }
    this.#setStatus({ ...(refused.length > 0 ? { lastError: refused.at(-1)?.error } : {}) });
  }

  async #applyPull(response: PullResponse): Promise<void> {
    if (this.#closed) return;
    const removed = response.removed.filter((id) => this.#state.holds(id));
    const ids = [...response.sessions.map((s) => s.header.id), ...removed];
    // Where each journal stood: whatever a store folded beyond it may have been pending entries.
    const before = new Map(ids.map((id) => [id, this.#state.confirmedHead(id)]));
    const changes = this.#state.confirm(response.sessions, removed);
    if (changes.length > 0 || removed.length > 0) await this.#cache.saveConfirmed(changes, removed);
    const covered = this.#state.outbox.filter((m) => this.#state.covered(m));
    if (covered.length > 0) {
      await this.#cache.removeMutations(covered.map((m) => m.mutationId));
      const done = new Set(covered);
      this.#state.outbox = this.#state.outbox.filter((m) => !done.has(m));
    }
    const touched = [...changes.map((c) => c.header.id), ...removed, ...covered.flatMap((m) => m.sessionId ?? [])];
    this.#emit(this.#state.rebase(touched, before));
    if (touched.length > 0) this.#tabs?.post({ type: 'confirmed', ids: touched });
    for (const mutation of covered) {
      if (!mutation.sessionId && mutation.applied) {
        this.#created(mutation.mutationId, mutation.applied.sessionId);
        this.#tabs?.post({ type: 'created', mutationId: mutation.mutationId, sessionId: mutation.applied.sessionId });
      }
    }
    this.#setStatus({});
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
    this.#state.replace(contents.sessions);
    this.#state.outbox = contents.outbox;
    this.#state.rebase(this.#state.outbox.flatMap((m) => m.sessionId ?? []));
    this.#setStatus({});
    if (this.#closed) return;
    if (this.#cache.shared === undefined) this.#lead();
    else {
      this.#tabs = new TabLink(this.#cache.shared, (message) => {
        this.#heard = this.#heard.then(() => this.#hear(message)).catch(() => undefined);
      });
      this.#tabs.elect(() => {
        // What the last leader stored while this tab followed is read again first.
        // (A failed read must not keep this tab from leading: the next pull brings everything.)
        this.#heard = this.#heard
          .then(() => this.#reload(this.#state.ids()))
          .catch(() => undefined)
          .then(() => this.#lead());
      });
    }
  }

  #lead(): void {
    if (this.#closed || this.#syncer) return;
    this.#syncer = new Syncer(this.#remote, {
      clientId: this.#clientId,
      unsent: () => this.#state.outbox.filter((m) => !m.applied),
      heads: () => this.#state.heads(),
      confirmedHead: (id) => (this.#state.holds(id) ? this.#state.confirmedHead(id) : undefined),
      applyResults: (results) => this.#applyResults(results),
      applyPull: (response) => this.#applyPull(response),
      setStatus: (patch) => this.#setStatus(patch),
    });
    this.#syncer.start();
  }

  /** Another tab wrote to the shared cache, or the leader tells what the server said. */
  async #hear(message: TabMessage): Promise<void> {
    switch (message.type) {
      case 'outbox':
        await this.#reload([]);
        void this.#syncer?.kick();
        return;
      case 'confirmed':
        return this.#reload(message.ids);
      case 'status': {
        if (this.#syncer) return;
        const { lastError, ...status } = message.status;
        this.#setStatus({ ...status, lastError: lastError && errorFromWire(lastError) });
        return;
      }
      case 'refused':
        return this.#refused(message.mutationId, message.command, errorFromWire(message.error));
      case 'created':
        return this.#created(message.mutationId, message.sessionId);
    }
  }

  /** Reads sessions `ids` and the outbox again from the shared cache, and lays the pending commands on them. */
  async #reload(ids: readonly string[]): Promise<void> {
    // Commands this tab queues while the cache is read may be missing from what is read: they stay.
    const queuedMeanwhile: PendingMutation[] = [];
    this.#queuedDuringReloads.add(queuedMeanwhile);
    let read: Awaited<ReturnType<SyncCache['reload']>>;
    try {
      read = await this.#cache.reload(ids);
    } finally {
      this.#queuedDuringReloads.delete(queuedMeanwhile);
    }
    const { sessions } = read;
    const readIds = new Set(read.outbox.map((m) => m.mutationId));
    const outbox = [...read.outbox, ...queuedMeanwhile.filter((m) => !readIds.has(m.mutationId))];
    const before = new Map(ids.map((id) => [id, this.#state.confirmedHead(id)]));
    const pendingIn = (list: readonly PendingMutation[]) => list.flatMap((m) => m.sessionId ?? []);
    const touched = [...ids, ...pendingIn(this.#state.outbox), ...pendingIn(outbox)];
    this.#state.replace(sessions, ids);
    this.#state.outbox = outbox;
    this.#emit(this.#state.rebase(touched, before));
    this.#setStatus({});
  }

  #refused(mutationId: number, command: PendingMutation['command'], error: OkrError): void {
    const waiting = this.#creations.get(mutationId);
    this.#creations.delete(mutationId);
    if (waiting) waiting.reject(error);
    else this.#tell({ type: 'refused', error, command, mutationId });
  }

  #created(mutationId: number, sessionId: string): void {
    const waiting = this.#creations.get(mutationId);
    const header = this.#state.headerOf(sessionId);
    if (!waiting || !header) return;
    this.#creations.delete(mutationId);
    waiting.resolve(header);
  }

  async #enqueue(mutation: Omit<PendingMutation, 'mutationId' | 'madeAt'> & { madeAt?: string }) {
    const kept = await this.#cache.enqueue({ ...mutation, madeAt: mutation.madeAt ?? new Date().toISOString() });
    this.#state.outbox = [...this.#state.outbox, kept];
    for (const list of this.#queuedDuringReloads) list.push(kept);
    this.#setStatus({});
    return kept;
  }

  #pushSoon(): void {
    if (this.#syncer) void this.#syncer.kick();
    else this.#tabs?.post({ type: 'outbox' });
  }

  #emit(changes: readonly StorageChange[]): void {
    for (const change of changes) for (const listener of this.#listeners) listener(change);
  }

  #tell(event: SyncEvent): void {
    for (const listener of this.#syncListeners) listener(event);
  }

  #setStatus(patch: Partial<SyncStatus>): void {
    const next = { ...this.#status, ...patch, pending: this.#state.outbox.length };
    const keys = Object.keys(next) as (keyof SyncStatus)[];
    if (keys.every((k) => next[k] === this.#status[k])) return;
    const leading = this.#syncer !== undefined;
    this.#status = Object.freeze(next);
    this.#tell({ type: 'status', status: this.#status });
    if (leading) {
      const { lastError, pending: _pending, ...status } = this.#status;
      this.#tabs?.post({
        type: 'status',
        status: { ...status, ...(lastError ? { lastError: wireError(lastError) } : {}) },
      });
    }
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

/** A store's storage on an okrkit server: `createOkrStore({ storage: syncStorage({ url, getToken }), actor })`. */
export function syncStorage(options: SyncStorageOptions): SyncStorage {
  return new SyncStorage(options);
}
