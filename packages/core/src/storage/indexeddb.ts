import { type IDBPDatabase, type IDBPTransaction, openDB, unwrap } from 'idb';
import { OkrError, storageError } from '../errors.js';
import type { JournalEntry } from '../journal.js';
import { FIRST_SESSION_NUMBER, type SessionHeader, sessionIdOf } from '../model.js';
import {
  appended,
  checkFollows,
  linksConflict,
  type NewSessionHeader,
  type StorageAdapter,
  type StorageChange,
} from './adapter.js';
import {
  groupOf,
  JOURNAL_PAGE_SIZE,
  LINKS_KEY,
  NEXT_NUMBER_KEY,
  type OkrDatabase,
  type OkrStoreName,
  pageOf,
  SCHEMA_VERSION,
  upgradeSchema,
} from './indexeddb-schema.js';
import { entriesAfter, keptBefore, pageWrites } from './journal-pages.js';

export interface IndexedDbStorageOptions {
  /** The IndexedDB database name; it also names the channel that tabs talk on. Default `okrkit`. */
  readonly name?: string;
  /**
   * Called once when this adapter stops working for a reason other than `close()`:
   * another tab opened the database with a newer schema (or deleted it). The adapter
   * closes its connection at once so that the other tab is never blocked, and every
   * later call rejects with `reason` (code `storage`), which asks the person to reload.
   */
  readonly onClosed?: (reason: OkrError) => void;
  /**
   * How long an open may wait for other tabs that hold an older schema open and do not
   * let go (an old release without a `versionchange` handler, a frozen tab) before it
   * rejects with a `storage` error that says so. Default 5 seconds.
   */
  readonly blockedTimeoutMs?: number;
}

/** Events after which a page may have missed change notices: restored from the back-forward cache, shown again, resumed from frozen. */
const WAKE_EVENTS = ['pageshow', 'visibilitychange', 'resume'] as const;

type Database = IDBPDatabase<OkrDatabase>;
type WriteTransaction<Names extends OkrStoreName[]> = IDBPTransaction<OkrDatabase, Names, 'readwrite'>;

/**
 * The default browser adapter: sessions, journals and checkpoints in IndexedDB (through
 * `idb`), shared by every tab of the origin.
 *
 * - The journal is kept in pages of 32 entries, sixteen full ones sealed into one record
 *   (`journalPages` in the schema): reading and writing records of IndexedDB costs per
 *   record far more than per byte.
 * - Every write is one readwrite transaction. IndexedDB runs overlapping readwrite
 *   transactions one after the other, across tabs too, so the head check of `append`
 *   and the number counter of `createSession` are atomic without any lock of our own.
 * - Inside a transaction nothing but IndexedDB requests is awaited: awaiting anything
 *   else lets the transaction commit half-done (idb README, "Transaction lifetime").
 * - After a commit, the change goes to this adapter's watchers and, on a
 *   `BroadcastChannel`, to the other connections to the same database.
 * - Nothing touches `indexedDB` or `BroadcastChannel` before the adapter is used, so
 *   importing it (and `@okrkit/core`) is safe in Node.
 */
export class IndexedDbStorage implements StorageAdapter {
  readonly name = 'indexeddb';
  /** The IndexedDB database this adapter uses. */
  readonly databaseName: string;
  readonly #onClosed: ((reason: OkrError) => void) | undefined;
  readonly #listeners = new Set<(change: StorageChange) => void>();
  #db: Database | undefined;
  #opening: Promise<Database> | undefined;
  /** Connections the browser closed under us (storage cleared, disk error): reopened once. */
  readonly #lost = new WeakSet<Database>();
  #channel: BroadcastChannel | undefined;
  /** Set once the adapter is closed or superseded; every call rejects with it from then on. */
  #unusable: OkrError | undefined;
  readonly #blockedTimeoutMs: number;
  /**
   * The head of each session as this adapter last saw it (read, written or heard of), so
   * that a page waking up can tell which sessions moved while it missed the notices.
   */
  readonly #heads = new Map<string, number>();
  /** Whether `#heads` holds every session (after a listing): then an unknown one is new. */
  #listed = false;
  #waking: (() => void) | undefined;

  constructor(options: IndexedDbStorageOptions = {}) {
    this.databaseName = options.name ?? 'okrkit';
    this.#onClosed = options.onClosed;
    this.#blockedTimeoutMs = options.blockedTimeoutMs ?? 5000;
  }

  async listSessions(): Promise<SessionHeader[]> {
    const headers = await this.#run('list sessions', (db) => db.getAll('sessions'));
    for (const header of headers) this.#heads.set(header.id, header.head);
    this.#listed = true;
    return headers.sort((a, b) => a.number - b.number);
  }

  async getSession(id: string): Promise<SessionHeader | undefined> {
    const header = await this.#run(`read session ${id}`, (db) => db.get('sessions', id));
    if (header) this.#heads.set(header.id, header.head);
    return header;
  }

  async readJournal(id: string, afterSeq = 0): Promise<JournalEntry[]> {
    // A session's pages [id, 0], [id, 1], ... are one contiguous key range, in seq order.
    // The page wanted may lie in a sealed group, kept under the group's first page: that
    // record is read with the range, and used when it is a whole group (sealed groups
    // never change, and a page of 32 is never that long).
    const page = pageOf(afterSeq + 1);
    const group = groupOf(page);
    const range = IDBKeyRange.bound([id, page], [id, Number.POSITIVE_INFINITY]);
    const [sealed, pages] = await this.#run(`read the journal of ${id}`, (db) => {
      const store = db.transaction('journalPages').store;
      return Promise.all([group === page ? undefined : store.get([id, group]), store.getAll(range)]);
    });
    return entriesAfter(sealed, pages, afterSeq);
  }

  async createSession(
    header: NewSessionHeader,
    entries: readonly JournalEntry[],
    links?: number,
  ): Promise<SessionHeader> {
    checkFollows('a new session', 0, entries);
    const stored = await this.#run('create the session', (db) =>
      // A new session must survive a crash once the caller has been told it exists.
      this.#write(db, ['meta', 'sessions', 'journalPages'], 'strict', async (tx) => {
        const meta = tx.objectStore('meta');
        const [counter, linksNow] = await Promise.all([
          meta.get(NEXT_NUMBER_KEY),
          links === undefined ? Promise.resolve(undefined) : meta.get(LINKS_KEY),
        ]);
        if (links !== undefined && links !== (linksNow ?? 0)) throw linksConflict(links, linksNow ?? 0);
        const number = counter ?? FIRST_SESSION_NUMBER;
        const id = sessionIdOf(number);
        const created: SessionHeader = { ...header, id, number };
        const sessions = tx.objectStore('sessions');
        // `add`, not `put`: an existing record under these keys is a bug to report, never to overwrite.
        await issueAll([
          () => meta.put(number + 1, NEXT_NUMBER_KEY),
          ...(links === undefined ? [] : [() => meta.put(links + 1, LINKS_KEY)]),
          () => sessions.add(created),
          ...pageWrites(tx.objectStore('journalPages'), id, 0, [], 0, entries),
        ]);
        return created;
      }),
    );
    this.#announce(appended(stored.id, stored.head, entries));
    // The caller gets its own copy: `stored` shares nested objects with `header`.
    return structuredClone(stored);
  }

  async append(
    id: string,
    expectedHead: number,
    entries: readonly JournalEntry[],
    header: SessionHeader,
    links?: number,
  ): Promise<void> {
    if (header.id !== id) {
      // Headers are keyed by their own id: a mismatch would overwrite another session.
      throw new OkrError('invalid-input', `The header of session ${header.id} cannot be saved as session ${id}.`);
    }
    checkFollows(id, expectedHead, entries);
    // Every append is a change someone was told was saved (a check-in, a transition):
    // strict, so that an acknowledged entry survives a power failure.
    // A write given `links` takes `meta` into its transaction too: the links version is
    // compared and raised with the head, atomically. Others leave `meta` out (and wait for no one on it).
    const stores =
      links === undefined ? (['sessions', 'journalPages'] as const) : (['sessions', 'journalPages', 'meta'] as const);
    await this.#run('save the change', (db) =>
      this.#write(db, [...stores], 'strict', async (tx) => {
        const sessions = tx.objectStore('sessions');
        const pages = tx.objectStore('journalPages');
        const meta = links === undefined ? undefined : tx.objectStore('meta');
        // The last page, if it has room, is topped up; an append that fills the group the
        // last page is in seals it: what is kept of it is read in the same transaction.
        const { from, page, short } = keptBefore(expectedHead, entries.length);
        const [stored, kept, linksNow] = await Promise.all([
          sessions.get(id),
          short > 0 ? pages.getAll(IDBKeyRange.bound([id, from], [id, page])) : Promise.resolve([]),
          meta ? meta.get(LINKS_KEY) : Promise.resolve(undefined),
        ]);
        const last = kept.flat();
        if (!stored) throw new OkrError('not-found', `Session ${id} does not exist.`);
        if (stored.head !== expectedHead) {
          throw new OkrError(
            'conflict',
            `Session ${id} was changed elsewhere (now at entry ${stored.head}, expected ${expectedHead}).`,
          );
        }
        if (last.length !== short || (short > 0 && last[0]?.seq !== from * JOURNAL_PAGE_SIZE + 1)) {
          throw new OkrError(
            'storage',
            `The stored journal of ${id} is incomplete (from page ${from} it holds ${last.length} entries, not ${short}); nothing was saved.`,
          );
        }
        if (meta && links !== undefined && links !== (linksNow ?? 0)) throw linksConflict(links, linksNow ?? 0);
        await issueAll([
          ...pageWrites(pages, id, from, last, kept.length, entries),
          () => sessions.put(header),
          ...(meta && links !== undefined ? [() => meta.put(links + 1, LINKS_KEY)] : []),
        ]);
      }),
    );
    this.#announce(appended(id, header.head, entries));
  }

  async linksVersion(): Promise<number> {
    return (await this.#run('read the links version', (db) => db.get('meta', LINKS_KEY))) ?? 0;
  }

  readCheckpoint(id: string, key: string): Promise<unknown> {
    return this.#run(`read checkpoint ${key} of ${id}`, (db) => db.get('checkpoints', [id, key]));
  }

  async writeCheckpoint(id: string, key: string, value: unknown): Promise<void> {
    await this.#run(`store checkpoint ${key} of ${id}`, (db) =>
      this.#write(db, ['sessions', 'checkpoints'], 'default', async (tx) => {
        // Like the memory adapter: a checkpoint of a session that does not exist is not kept.
        if ((await tx.objectStore('sessions').getKey(id)) === undefined) return;
        await tx.objectStore('checkpoints').put(value, [id, key]);
      }),
    );
  }

  watch(listener: (change: StorageChange) => void): () => void {
    this.#listeners.add(listener);
    // Start listening to other tabs now, not at the first write of this tab.
    this.#broadcast();
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#retire(new OkrError('storage', 'This storage was closed.'), false);
    const db = this.#db ?? (await this.#opening?.catch(() => undefined));
    db?.close();
    this.#db = undefined;
  }

  /**
   * Runs `work` on the open connection. A connection the browser lost is reopened, and
   * the work run again, once: the failed attempt wrote nothing (an aborted transaction
   * never does, and a closed connection starts none). Every failure that is not already
   * an `OkrError` becomes one with code `storage`, keeping its cause.
   */
  async #run<T>(doing: string, work: (db: Database) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const db = await this.#database();
      try {
        return await work(db);
      } catch (error) {
        if (error instanceof OkrError) throw error;
        if (this.#unusable) throw this.#unusable;
        const lost = this.#lost.has(db) || (error instanceof DOMException && error.name === 'InvalidStateError');
        if (!lost) throw storageError(error, doing);
        // Abandon it for good (closing a closed connection does nothing).
        db.close();
        this.#forget(db);
        if (attempt === 2) {
          throw new OkrError(
            'storage',
            `Could not ${doing}: the connection to the database "${this.databaseName}" was lost and could not be restored. Reload the page to try again.`,
            { cause: error },
          );
        }
      }
    }
  }

  /**
   * One readwrite transaction around `work`, which must only issue and await requests on
   * `tx`. If `work` throws (a conflict, a record that cannot be cloned, a quota error),
   * the transaction is aborted so that nothing it already wrote is kept.
   */
  async #write<Names extends OkrStoreName[], T>(
    db: Database,
    stores: Names,
    durability: 'default' | 'strict',
    work: (tx: WriteTransaction<Names>) => Promise<T>,
  ): Promise<T> {
    const tx = db.transaction(stores, 'readwrite', { durability });
    // `done` rejects when the transaction aborts; it is awaited below on success, and on
    // failure the error of `work` is the one to report, so its rejection is handled here.
    const done = tx.done;
    done.catch(() => undefined);
    try {
      const result = await work(tx);
      await done;
      return result;
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
  }

  async #database(): Promise<Database> {
    if (this.#unusable) throw this.#unusable;
    if (this.#db) return this.#db;
    this.#opening ??= this.#open().finally(() => {
      this.#opening = undefined;
    });
    return this.#opening;
  }

  async #open(): Promise<Database> {
    if (typeof indexedDB === 'undefined') {
      throw new OkrError(
        'storage',
        'IndexedDB is not available here (a browser is needed); use memoryStorage() or another adapter.',
      );
    }
    let db: Database;
    let upgraded = false;
    try {
      db = await this.#openBounded(() =>
        openDB<OkrDatabase>(this.databaseName, SCHEMA_VERSION, {
          upgrade: (database, oldVersion, _newVersion, transaction) => {
            upgraded = true;
            upgradeSchema(unwrap(database), oldVersion, unwrap(transaction));
          },
          // Another tab still holds an older schema open: okrkit tabs close themselves on
          // `versionchange` and this open proceeds; `blocked` bounds the wait for others.
          blocked: () => this.#onBlocked?.(),
        }),
      );
    } catch (error) {
      if (error instanceof OkrError) throw error;
      if (error instanceof DOMException && error.name === 'VersionError') {
        // Never delete or downgrade: the data belongs to the newer release.
        throw new OkrError(
          'storage',
          `The database "${this.databaseName}" was written by a newer version of okrkit than this page runs (schema ${SCHEMA_VERSION}). Reload the page to get the newer version; nothing was changed.`,
          { cause: error },
        );
      }
      throw storageError(error, `open the database "${this.databaseName}"`);
    }
    // Listen before anything else is awaited: a `versionchange` missed now would leave this
    // connection blocking the other tab's upgrade for good.
    db.addEventListener('versionchange', (event) => this.#onVersionChange(db, event));
    // `close` fires only when the browser closes the connection (storage cleared, disk
    // failure), never after our own `close()`.
    db.addEventListener('close', () => {
      this.#lost.add(db);
      this.#forget(db);
    });
    if (upgraded) {
      try {
        await sealUpgrade(db);
      } catch (error) {
        db.close();
        throw storageError(error, `finish upgrading the database "${this.databaseName}"`);
      }
    }
    if (this.#unusable) {
      // Closed while opening.
      db.close();
      throw this.#unusable;
    }
    this.#db = db;
    return db;
  }

  #onBlocked: (() => void) | undefined;

  /**
   * Runs an open that may be blocked by other tabs: once it is, it has
   * `blockedTimeoutMs` to proceed, or it rejects with a `storage` error that says what to
   * do. A connection that arrives after that is closed at once (nobody waits for it).
   */
  #openBounded(open: () => Promise<Database>): Promise<Database> {
    return new Promise<Database>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      this.#onBlocked = () => {
        timer ??= setTimeout(() => {
          settled = true;
          reject(
            new OkrError(
              'storage',
              `The database "${this.databaseName}" needs an upgrade, but another tab or window of this site still has it open with an older version of okrkit. Close or reload the other tabs, then try again.`,
            ),
          );
        }, this.#blockedTimeoutMs);
      };
      open().then(
        (db) => {
          clearTimeout(timer);
          if (settled) db.close();
          else resolve(db);
          settled = true;
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (!settled) reject(error);
          settled = true;
        },
      );
    });
  }

  #onVersionChange(db: Database, event: IDBVersionChangeEvent): void {
    // Close first: an open connection would block the other tab's upgrade or delete.
    db.close();
    this.#forget(db);
    const reason =
      event.newVersion === null
        ? new OkrError(
            'storage',
            `The database "${this.databaseName}" was deleted in another tab or window. Reload the page to continue.`,
            { cause: event },
          )
        : new OkrError(
            'storage',
            `A newer version of okrkit (schema ${event.newVersion}) opened the database "${this.databaseName}" in another tab or window, so this page closed its connection. Reload the page to continue.`,
            { cause: event },
          );
    this.#retire(reason, true);
  }

  #forget(db: Database): void {
    if (this.#db === db) this.#db = undefined;
  }

  /** Makes the adapter unusable for good; the first reason wins. */
  #retire(reason: OkrError, report: boolean): void {
    if (this.#unusable) return;
    this.#unusable = reason;
    this.#listeners.clear();
    this.#channel?.close();
    this.#channel = undefined;
    if (this.#waking) for (const type of WAKE_EVENTS) globalThis.removeEventListener(type, this.#waking, true);
    this.#waking = undefined;
    if (report) this.#onClosed?.(reason);
  }

  /** The channel to the other connections to this database, opened on first use. */
  #broadcast(): BroadcastChannel | undefined {
    if (this.#unusable || typeof BroadcastChannel === 'undefined' || typeof indexedDB === 'undefined') return undefined;
    if (!this.#channel) {
      this.#channel = new BroadcastChannel(channelNameOf(this.databaseName));
      this.#channel.addEventListener('message', (event) => {
        if (isStorageChange(event.data)) this.#notify(event.data);
      });
      this.#listenForWaking();
    }
    return this.#channel;
  }

  /**
   * A page that was frozen, hidden or kept in the back-forward cache misses
   * BroadcastChannel messages, and would serve stale sessions for good. When it comes
   * back, the stored heads (one read of the headers) tell which sessions moved meanwhile.
   * Listened for on the global object in the capture phase, so that the document's
   * `visibilitychange` and `resume` are heard without touching `document`.
   */
  #listenForWaking(): void {
    if (this.#waking || typeof globalThis.addEventListener !== 'function') return;
    this.#waking = () => {
      void this.#catchUp();
    };
    for (const type of WAKE_EVENTS) globalThis.addEventListener(type, this.#waking, true);
  }

  /** Tells the watchers about every session whose stored head differs from the one last seen. */
  async #catchUp(): Promise<void> {
    if (this.#unusable || this.#listeners.size === 0) return;
    const listed = this.#listed;
    let headers: SessionHeader[];
    try {
      headers = await this.#run('check for changes', (db) => db.getAll('sessions'));
    } catch {
      // A check that fails changes nothing: the next wake-up or write tries again.
      return;
    }
    for (const header of headers) {
      const known = this.#heads.get(header.id);
      if (known === header.head || (known === undefined && !listed)) this.#heads.set(header.id, header.head);
      else this.#notify({ sessionId: header.id, head: header.head });
    }
    this.#listed = true;
  }

  /** Tells everyone about a committed change: this adapter's watchers and the other connections. */
  #announce(change: StorageChange): void {
    this.#broadcast()?.postMessage(change);
    this.#notify(change);
  }

  #notify(change: StorageChange): void {
    if ((this.#heads.get(change.sessionId) ?? -1) < change.head) this.#heads.set(change.sessionId, change.head);
    // Each listener in its own microtask: one that throws neither fails the write that
    // caused the change nor keeps the others from hearing of it (its error still surfaces).
    // The entries a change carries are copied for each listener: each folds them into a state of its own.
    for (const listener of this.#listeners)
      queueMicrotask(() =>
        listener(change.entries ? { ...change, entries: structuredClone(change.entries) } : { ...change }),
      );
  }
}

/**
 * Makes an upgrade durable before anything relies on it. `indexedDB.open` takes no
 * durability option and Chromium runs the upgrade transaction with `default` (measured:
 * `transaction.durability` reads 'default' in `upgradeneeded`), so the upgrade is followed
 * by a strict write of the session counter (which also initialises it in a new
 * database). Storage engines commit in order, so flushing this commit flushes the
 * upgrade before it.
 */
async function sealUpgrade(db: Database): Promise<void> {
  const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
  const done = tx.done;
  done.catch(() => undefined);
  const next = (await tx.store.get(NEXT_NUMBER_KEY)) ?? FIRST_SESSION_NUMBER;
  await tx.store.put(next, NEXT_NUMBER_KEY);
  await done;
}

/** A database with its own channel name, so that two okrkit databases on one origin do not cross-talk. */
function channelNameOf(databaseName: string): string {
  return `okrkit-storage:${databaseName}`;
}

function isStorageChange(value: unknown): value is StorageChange {
  if (typeof value !== 'object' || value === null) return false;
  const { sessionId, head, entries } = value as { sessionId?: unknown; head?: unknown; entries?: unknown };
  return typeof sessionId === 'string' && typeof head === 'number' && (entries === undefined || Array.isArray(entries));
}

/**
 * Issues every request, then waits for all. A request can throw as it is issued (a
 * value that cannot be cloned, a quota error): the requests already issued are still
 * awaited together, so their rejections when the transaction aborts are handled.
 */
async function issueAll(requests: readonly (() => Promise<unknown>)[]): Promise<void> {
  const issued: Promise<unknown>[] = [];
  try {
    for (const request of requests) issued.push(request());
  } catch (error) {
    // The transaction is about to be aborted; the issued requests then fail with AbortError.
    for (const request of issued) request.catch(() => undefined);
    throw error;
  }
  await Promise.all(issued);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already aborted (that is how we got here) or finished: either way, nothing more to undo.
  }
}

/** An IndexedDB-backed storage; see `IndexedDbStorage`. */
export function indexedDbStorage(options: IndexedDbStorageOptions = {}): IndexedDbStorage {
  return new IndexedDbStorage(options);
}
