import type { DBSchema, StoreNames } from 'idb';
import type { JournalEntry } from '../journal.js';
import type { SessionHeader } from '../model.js';

/**
 * The IndexedDB schema of okrkit and its upgrade ladder.
 *
 * Raise `SCHEMA_VERSION` whenever a store, key or record shape changes, and add one
 * step to `upgradeSchema`. A database may be opened by a release several versions
 * newer than the one that wrote it, so each step only takes the database from the
 * version before it to its own; the steps run in order. Never edit a released step:
 * databases in the wild were built by it. Every released version has a fixture in
 * `fixtures/` that the tests migrate and read back.
 */
export const SCHEMA_VERSION = 3;

/** The key of the session counter in the `meta` store. */
export const NEXT_NUMBER_KEY = 'nextNumber';

/** The key of the links version in the `meta` store (absent: 0). No schema step: `meta` holds any counter. */
export const LINKS_KEY = 'links';

/**
 * Entries per journal page. IndexedDB pays per record (a lookup, a structured clone, a
 * round trip), and a journal is mostly small check-ins: 220,000 entries stored 1, 10 and
 * 100 to a record read back in 1.1, 0.49 and 0.42 s and were written in 14, 4.0 and
 * 1.7 s. Small enough that topping up the last page on every single-entry append
 * (rewriting at most 31 entries) stays cheap: one entry at a time, the adapter appends
 * in 0.72-0.85 of Dexie's time.
 */
export const JOURNAL_PAGE_SIZE = 32;

/** The page that holds entry `seq`: page 0 holds seqs 1-32, page 1 seqs 33-64, ... */
export function pageOf(seq: number): number {
  return Math.floor((seq - 1) / JOURNAL_PAGE_SIZE);
}

/**
 * Pages per sealed group. Sixteen full pages (512 entries, from a page whose number is a
 * multiple of 16) are kept as one record under the first page's key: a long journal is
 * read in a sixteenth of the records (Chromium, 60,000 check-ins: 32 to a record about a
 * second, 512 to a record a fifth of that), while the last, growing page stays small, so
 * that a single check-in still rewrites at most 31 entries. A group is sealed by the
 * append that fills it (reading its 15 other pages once per 512 entries).
 */
export const PAGES_PER_GROUP = 16;

/** Entries in a sealed group. */
export const GROUP_SIZE = JOURNAL_PAGE_SIZE * PAGES_PER_GROUP;

/** The first page of the group that holds page `page`: the key of the group once it is sealed. */
export function groupOf(page: number): number {
  return page - (page % PAGES_PER_GROUP);
}

export interface OkrDatabase extends DBSchema {
  /** Session headers, keyed by their id (`SE-01001`), deleted ones included. */
  sessions: { key: string; value: SessionHeader };
  /**
   * The journal in pages: page `p` of a session, keyed out of line by `[sessionId, p]`,
   * holds its entries `p * 32 + 1` to `p * 32 + 32` in seq order, exactly as recorded;
   * or, for `p` a multiple of 16, a sealed group: the entries `p * 32 + 1` to
   * `p * 32 + 512`, and the keys `p + 1` to `p + 15` hold nothing (version 3). Only the
   * last page of a session is ever short, and only it is ever rewritten (by an append
   * that tops it up, or seals its group, in the transaction that checks the head).
   */
  journalPages: { key: [string, number]; value: JournalEntry[] };
  /** Cached derived values, keyed out of line by `[sessionId, key]`; any JSON value. */
  checkpoints: { key: [string, string]; value: unknown };
  /** Counters: `nextNumber` is the number the next created session gets; `links` the links version. */
  meta: { key: string; value: number };
}

export type OkrStoreName = StoreNames<OkrDatabase>;

/**
 * Takes a database at `oldVersion` (0 when it is new) to `SCHEMA_VERSION`, inside the
 * upgrade transaction. It speaks plain IndexedDB: the steps describe stores of earlier
 * versions that the current schema type no longer has. Nothing but IndexedDB requests
 * may be awaited here: the upgrade transaction commits as soon as nothing is pending on
 * it. A step that throws, here or in a request's callback, aborts the upgrade, which
 * leaves the database as it was.
 */
export function upgradeSchema(db: IDBDatabase, oldVersion: number, transaction: IDBTransaction): void {
  if (oldVersion < 1) {
    db.createObjectStore('sessions', { keyPath: 'id' });
    db.createObjectStore('journal');
    db.createObjectStore('checkpoints');
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) {
    db.createObjectStore('journalPages');
    movePages(db, transaction);
  }
  // Version 3: groups of 16 full pages may be sealed into one record (see `journalPages`).
  // Nothing moves: version 2's pages are version 3's unsealed pages, and the next append
  // that fills a group seals it. The version only rises so that a release that cannot
  // read a sealed group refuses the database instead of misreading it.
  // if (oldVersion < 4) { ... } A later step that reads `journalPages` must run from the
  // end of `movePages`: its cursor is still moving when this function returns.
}

/**
 * Version 2: the `journal` store (one record per entry, keyed `[sessionId, seq]`) becomes
 * `journalPages`. One cursor walks it in key order (session by session, seq by seq) and
 * writes each page once it is full or its session ends; then the old store goes.
 */
function movePages(db: IDBDatabase, transaction: IDBTransaction): void {
  const pages = transaction.objectStore('journalPages');
  let session = '';
  let page = -1;
  let entries: JournalEntry[] = [];
  const flush = () => {
    if (entries.length > 0) pages.add(entries, [session, page]);
    entries = [];
  };
  const cursor = transaction.objectStore('journal').openCursor();
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at) {
      flush();
      db.deleteObjectStore('journal');
      return;
    }
    const [id, seq] = at.key as [string, number];
    if (id !== session || pageOf(seq) !== page) {
      flush();
      session = id;
      page = pageOf(seq);
    }
    entries.push(at.value as JournalEntry);
    at.continue();
  };
}
