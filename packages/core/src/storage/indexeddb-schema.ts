import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
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
export const SCHEMA_VERSION = 1;

/** The only key of the `meta` store so far. */
export const NEXT_NUMBER_KEY = 'nextNumber';

export interface OkrDatabase extends DBSchema {
  /** Session headers, keyed by their id (`SE-01001`), deleted ones included. */
  sessions: { key: string; value: SessionHeader };
  /**
   * Journal entries exactly as recorded, keyed out of line by `[sessionId, seq]` so that
   * one session's journal is a contiguous, seq-ordered key range.
   */
  journal: { key: [string, number]; value: JournalEntry };
  /** Cached derived values, keyed out of line by `[sessionId, key]`; any JSON value. */
  checkpoints: { key: [string, string]; value: unknown };
  /** Counters: `nextNumber` is the number the next created session gets. */
  meta: { key: string; value: number };
}

export type OkrStoreName = StoreNames<OkrDatabase>;

/**
 * Takes a database at `oldVersion` (0 when it is new) to `SCHEMA_VERSION`, inside the
 * upgrade transaction. Synchronous on purpose: the upgrade transaction commits as soon
 * as nothing is pending on it, so a step may issue requests but must not await anything
 * else.
 */
export function upgradeSchema(
  db: IDBPDatabase<OkrDatabase>,
  oldVersion: number,
  _transaction: IDBPTransaction<OkrDatabase, OkrStoreName[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    db.createObjectStore('sessions', { keyPath: 'id' });
    db.createObjectStore('journal');
    db.createObjectStore('checkpoints');
    db.createObjectStore('meta');
  }
  // if (oldVersion < 2) { ...reshape records through `_transaction`... }
}
