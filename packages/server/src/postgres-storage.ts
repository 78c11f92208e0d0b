import { randomUUID } from 'node:crypto';
import {
  checkFollows,
  FIRST_SESSION_NUMBER,
  type JournalEntry,
  type NewSessionHeader,
  OkrError,
  type SessionHeader,
  type StorageAdapter,
  type StorageChange,
  sessionIdOf,
} from '@okrkit/core';
import { CHANGE_CHANNEL, decodeChangeNotice, encodeChangeNotice } from './change-notice.js';
import type { Database, Listening, Queryable } from './database.js';
import { ensureSchema } from './migrate.js';

/** The organisation of a host that has only one. */
export const DEFAULT_TENANT = 'default';

export interface PostgresStorageOptions {
  readonly database: Database;
  /** Whose sessions these are: every row read or written carries it. Default `default`. */
  readonly tenant?: string;
  /**
   * Runs inside every transaction that writes a session (create or append), after its
   * entries and before COMMIT: what it writes commits or rolls back with them. The server
   * keeps a push's result this way, so that no command is ever applied without it.
   */
  readonly duringWrite?: (tx: Queryable, change: StorageChange) => Promise<void>;
}

/**
 * okrkit's sessions in PostgreSQL (or PGlite): one organisation's sessions, journals and
 * checkpoints, on a `Database` that many adapters, tenants and instances may share.
 *
 * - The schema is migrated on first use (once per `Database`).
 * - `append` is one transaction: an UPDATE of the session row that compares-and-swaps on
 *   its head, then the INSERT of the entries. Two writers at the same head: the second
 *   UPDATE waits for the first to commit, then matches no row, and gets `conflict`.
 * - Session numbers come from a per-tenant counter row, locked and incremented in the
 *   transaction that inserts the session: gapless, and never handed out twice.
 * - Changes are announced with NOTIFY in the writing transaction (so only commits are
 *   heard), to this adapter's watchers at once and to every other adapter, in any
 *   instance, through LISTEN. When the listening connection was lost, watchers hear of
 *   every session whose head moved meanwhile.
 * - `close()` ends this adapter, not the `Database`, which its owner closes.
 */
export function postgresStorage(options: PostgresStorageOptions): PostgresStorage {
  return new PostgresStorage(options);
}

/** `at` back as the ISO string it was written as (core writes `Date#toISOString()`, milliseconds, `Z`). */
const AT_AS_ISO = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Entries per INSERT: 5 parameters each stays far below PostgreSQL's 65,535. */
const ENTRIES_PER_INSERT = 1000;

interface EntryRow {
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: unknown;
}

export class PostgresStorage implements StorageAdapter {
  readonly name: string;
  readonly tenant: string;
  readonly #database: Database;
  /** Tells this adapter's own notices apart from those of other adapters (and instances). */
  readonly #origin = randomUUID();
  readonly #listeners = new Set<(change: StorageChange) => void>();
  /** The head of each session as last heard, to tell what moved while listening was down. */
  readonly #heads = new Map<string, number>();
  readonly #listening: Listening;
  readonly #duringWrite: PostgresStorageOptions['duringWrite'];
  #closed = false;

  constructor(options: PostgresStorageOptions) {
    const tenant = options.tenant ?? DEFAULT_TENANT;
    if (typeof tenant !== 'string' || tenant === '' || tenant.length > 200) {
      const message = 'A tenant is a non-empty name of at most 200 characters.';
      throw new OkrError('invalid-input', message, { fields: { tenant: message } });
    }
    this.tenant = tenant;
    this.#database = options.database;
    this.name = options.database.engine;
    this.#duringWrite = options.duringWrite;
    // Listen from the start, not from the first `watch`: a change committed between a
    // `watch` and its LISTEN would otherwise go unheard.
    this.#listening = this.#database.listen(
      CHANGE_CHANNEL,
      (payload) => this.#onNotice(payload),
      () => void this.#catchUp(),
    );
  }

  async listSessions(): Promise<SessionHeader[]> {
    const db = await this.#ready();
    const { rows } = await db.query<{ header: SessionHeader }>(
      'SELECT header FROM okrkit_sessions WHERE tenant = $1 ORDER BY number',
      [this.tenant],
    );
    return rows.map((row) => row.header);
  }

  async getSession(id: string): Promise<SessionHeader | undefined> {
    const db = await this.#ready();
    const { rows } = await db.query<{ header: SessionHeader }>(
      'SELECT header FROM okrkit_sessions WHERE tenant = $1 AND id = $2',
      [this.tenant, id],
    );
    return rows[0]?.header;
  }

  async readJournal(id: string, afterSeq = 0): Promise<JournalEntry[]> {
    const db = await this.#ready();
    const { rows } = await db.query<EntryRow>(
      `SELECT seq, ${AT_AS_ISO} AS at, actor, type, data FROM okrkit_entries
       WHERE tenant = $1 AND session_id = $2 AND seq > $3 ORDER BY seq`,
      [this.tenant, id, Math.max(0, Math.trunc(afterSeq))],
    );
    // Key order as core writes entries, so that a journal reads back as it was written.
    return rows.map(({ seq, at, actor, type, data }) => ({ seq, at, actor, type, data }) as JournalEntry);
  }

  async createSession(header: NewSessionHeader, entries: readonly JournalEntry[]): Promise<SessionHeader> {
    checkFollows('a new session', 0, entries);
    checkHead('a new session', header.head, entries.length);
    const db = await this.#ready();
    const stored = await db.transaction(async (tx) => {
      // The counter row stays locked until commit: concurrent creates of a tenant queue
      // here, and a create that fails returns its number with the rollback.
      const { rows } = await tx.query<{ number: number }>(
        `INSERT INTO okrkit_tenants (tenant, next_number) VALUES ($1, $2)
         ON CONFLICT (tenant) DO UPDATE SET next_number = okrkit_tenants.next_number + 1
         RETURNING next_number - 1 AS number`,
        [this.tenant, FIRST_SESSION_NUMBER + 1],
      );
      const number = rows[0]?.number ?? FIRST_SESSION_NUMBER;
      const created: SessionHeader = { ...header, id: sessionIdOf(number), number };
      await tx.query(
        'INSERT INTO okrkit_sessions (tenant, id, number, head, header) VALUES ($1, $2, $3, $4, $5::json)',
        [this.tenant, created.id, number, created.head, JSON.stringify(created)],
      );
      await this.#insertEntries(tx, created.id, entries);
      await this.#duringWrite?.(tx, { sessionId: created.id, head: created.head });
      await this.#announce(tx, created.id, created.head);
      return created;
    });
    this.#heard({ sessionId: stored.id, head: stored.head });
    // A copy: `stored` shares nested objects with the caller's `header`.
    return structuredClone(stored);
  }

  async append(
    id: string,
    expectedHead: number,
    entries: readonly JournalEntry[],
    header: SessionHeader,
  ): Promise<void> {
    if (header.id !== id) {
      throw new OkrError('invalid-input', `The header of session ${header.id} cannot be saved as session ${id}.`);
    }
    checkFollows(id, expectedHead, entries);
    checkHead(id, header.head, expectedHead + entries.length);
    const db = await this.#ready();
    await db.transaction(async (tx) => {
      const swapped = await tx.query(
        `UPDATE okrkit_sessions SET head = $3, header = $4::json
         WHERE tenant = $1 AND id = $2 AND head = $5`,
        [this.tenant, id, header.head, JSON.stringify(header), expectedHead],
      );
      if (swapped.rowCount === 0) {
        const { rows } = await tx.query<{ head: number }>(
          'SELECT head FROM okrkit_sessions WHERE tenant = $1 AND id = $2',
          [this.tenant, id],
        );
        const now = rows[0]?.head;
        if (now === undefined) throw new OkrError('not-found', `Session ${id} does not exist.`);
        throw new OkrError(
          'conflict',
          `Session ${id} was changed elsewhere (now at entry ${now}, expected ${expectedHead}).`,
        );
      }
      await this.#insertEntries(tx, id, entries);
      await this.#duringWrite?.(tx, { sessionId: id, head: header.head });
      await this.#announce(tx, id, header.head);
    });
    this.#heard({ sessionId: id, head: header.head });
  }

  async readCheckpoint(id: string, key: string): Promise<unknown> {
    const db = await this.#ready();
    const { rows } = await db.query<{ value: unknown }>(
      'SELECT value FROM okrkit_checkpoints WHERE tenant = $1 AND session_id = $2 AND key = $3',
      [this.tenant, id, key],
    );
    return rows[0]?.value;
  }

  async writeCheckpoint(id: string, key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) {
      const message = 'A checkpoint must be a JSON value.';
      throw new OkrError('invalid-input', message, { fields: { value: message } });
    }
    const db = await this.#ready();
    // Like the other adapters: a checkpoint of a session that does not exist is not kept.
    await db.query(
      `INSERT INTO okrkit_checkpoints (tenant, session_id, key, value)
       SELECT $1, $2, $3, $4::json
       WHERE EXISTS (SELECT 1 FROM okrkit_sessions WHERE tenant = $1 AND id = $2)
       ON CONFLICT (tenant, session_id, key) DO UPDATE SET value = EXCLUDED.value`,
      [this.tenant, id, key, json],
    );
  }

  /** The session's writers queue here, across instances (an advisory lock), instead of storming conflicts. */
  exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    return this.#database.exclusive(`okrkit-session:${this.tenant}:${id}`, work);
  }

  watch(listener: (change: StorageChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
    await this.#listening.stop();
  }

  /** The database, once the schema is current and this adapter hears changes. */
  async #ready(): Promise<Database> {
    if (this.#closed) throw new OkrError('storage', 'This storage was closed.');
    await ensureSchema(this.#database);
    await this.#listening.ready;
    return this.#database;
  }

  async #insertEntries(tx: Queryable, id: string, entries: readonly JournalEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += ENTRIES_PER_INSERT) {
      const batch = entries.slice(start, start + ENTRIES_PER_INSERT);
      const params: unknown[] = [this.tenant, id];
      const rows = batch.map((entry) => {
        const at = params.push(entry.seq, entry.at, entry.actor, entry.type, JSON.stringify(entry.data));
        return `($1, $2, $${at - 4}, $${at - 3}::timestamptz, $${at - 2}, $${at - 1}, $${at}::json)`;
      });
      await tx.query(
        `INSERT INTO okrkit_entries (tenant, session_id, seq, at, actor, type, data) VALUES ${rows.join(', ')}`,
        params,
      );
    }
  }

  /** NOTIFY inside the transaction: PostgreSQL delivers it at commit, and never after a rollback. */
  async #announce(tx: Queryable, sessionId: string, head: number): Promise<void> {
    const notice = encodeChangeNotice({ tenant: this.tenant, origin: this.#origin, sessionId, head });
    await tx.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, notice]);
  }

  #onNotice(payload: string): void {
    const notice = decodeChangeNotice(payload);
    // Our own notices were told at commit; other organisations' are none of ours.
    if (!notice || notice.tenant !== this.tenant || notice.origin === this.#origin) return;
    this.#heard({ sessionId: notice.sessionId, head: notice.head });
  }

  /** After listening was lost: every session whose head is not the one last heard has changed. */
  async #catchUp(): Promise<void> {
    if (this.#closed) return;
    try {
      const { rows } = await this.#database.query<{ id: string; head: number }>(
        'SELECT id, head FROM okrkit_sessions WHERE tenant = $1 ORDER BY number',
        [this.tenant],
      );
      for (const { id, head } of rows) if (this.#heads.get(id) !== head) this.#heard({ sessionId: id, head });
    } catch {
      // The database went away again; the next reconnect catches up.
    }
  }

  #heard(change: StorageChange): void {
    if (this.#closed) return;
    const known = this.#heads.get(change.sessionId) ?? 0;
    if (change.head <= known) return;
    this.#heads.set(change.sessionId, change.head);
    // Each listener in its own microtask: one that throws neither fails the write that
    // caused the change nor keeps the others from hearing of it.
    for (const listener of this.#listeners) queueMicrotask(() => listener({ ...change }));
  }
}

function checkHead(id: string, head: number, expected: number): void {
  if (head !== expected) {
    throw new OkrError(
      'invalid-input',
      `Nothing was saved: the header of ${id} must have head ${expected} after these entries, not ${String(head)}.`,
    );
  }
}
