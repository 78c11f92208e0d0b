import { randomUUID } from 'node:crypto';
import {
  type AppendCause,
  checkFollows,
  FIRST_SESSION_NUMBER,
  isOkrError,
  type JournalEntry,
  linksConflict,
  type NewSessionHeader,
  OkrError,
  type SessionHeader,
  type StorageAdapter,
  type StorageChange,
  sessionIdOf,
} from '@okrkit/core';
import { CHANGE_CHANNEL, decodeChangeNotice, encodeChangeNotice } from './change-notice.js';
import type { Database, Listening, Queryable } from './database.js';
import { violatedUniqueKey } from './database-error.js';
import { ensureSchema } from './migrate.js';

/** The organisation of a host that has only one. */
export const DEFAULT_TENANT = 'default';

export interface PostgresStorageOptions {
  readonly database: Database;
  /** Whose sessions these are: every row read or written carries it. Default `default`. */
  readonly tenant?: string;
  /**
   * A row to write with every change of a session (create or append), atomically: it is
   * committed if and only if the change is. The server keeps a push's result this way, so
   * that no command is ever applied without it. See `AlsoWrite`. `cause` names the
   * command (or, for a grouped append, the commands) the change writes.
   */
  readonly alsoWrite?: (change: StorageChange, cause?: AppendCause) => AlsoWrite | undefined;
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
 * - The links version is a column of the same per-tenant row (schema 3). A write given
 *   `links` locks that row in its transaction, compares and raises the version, then
 *   writes as any other (for `append`: a transaction of two round trips instead of one
 *   statement). Writes without `links` never touch the row.
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

/** How long a session that lost a compare-and-swap keeps its writers queued behind a lock. */
const CONTENDED_MS = 10_000;

/** Entries per INSERT: 5 parameters each stays far below PostgreSQL's 65,535. */
const ENTRIES_PER_INSERT = 1000;

interface EntryRow {
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: unknown;
}

/**
 * A statement written with a change: `INSERT INTO ... SELECT ... FROM swapped`, where
 * `swapped` is the session row the change wrote (no row: the change lost its race, and
 * nothing is inserted). Its parameters are `$1`, `$2`, ... of `params`. It runs inside the
 * append's one statement, so it costs no round trip of its own.
 */
export interface AlsoWrite {
  readonly text: string;
  readonly params: readonly unknown[];
  /** Called once the change, and this row with it, is committed. */
  readonly committed?: () => void;
  /**
   * The unique key that refuses this row when one was written before (a push's result is
   * kept once): then the change it goes with was made already, elsewhere or earlier. The
   * write then rolls back whole and rejects with `error()` instead of a `conflict`, which
   * the store would retry on fresh state, in vain.
   */
  readonly duplicate?: { readonly key: string; readonly error: () => Error };
}

export class PostgresStorage implements StorageAdapter {
  readonly name: string;
  readonly tenant: string;
  /** An append may carry several commands' entries (`AppendCause.group`): a busy session's commands share one statement. */
  readonly groupsCommands = true;
  readonly #database: Database;
  /** Tells this adapter's own notices apart from those of other adapters (and instances). */
  readonly #origin = randomUUID();
  readonly #listeners = new Set<(change: StorageChange) => void>();
  /** The head of each session as last heard, to tell what moved while listening was down. */
  readonly #heads = new Map<string, number>();
  readonly #listening: Listening;
  readonly #alsoWrite: PostgresStorageOptions['alsoWrite'];
  /** When each session last lost a compare-and-swap here: its writers take the lock for a while. */
  readonly #contended = new Map<string, number>();
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
    this.#alsoWrite = options.alsoWrite;
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

  /**
   * At most `limit` entries after `afterSeq` and up to `upToSeq`, in order: one page of a
   * long journal, read by the primary key's range (a pull never reads what it won't send).
   */
  async readJournalPage(id: string, afterSeq: number, upToSeq: number, limit: number): Promise<JournalEntry[]> {
    const db = await this.#ready();
    const { rows } = await db.query<EntryRow>(
      `SELECT seq, ${AT_AS_ISO} AS at, actor, type, data FROM okrkit_entries
       WHERE tenant = $1 AND session_id = $2 AND seq > $3 AND seq <= $4 ORDER BY seq LIMIT $5`,
      [this.tenant, id, Math.max(0, Math.trunc(afterSeq)), Math.trunc(upToSeq), Math.max(0, Math.trunc(limit))],
    );
    return rows.map(({ seq, at, actor, type, data }) => ({ seq, at, actor, type, data }) as JournalEntry);
  }

  async linksVersion(): Promise<number> {
    const db = await this.#ready();
    const { rows } = await db.query<{ links: number }>('SELECT links FROM okrkit_tenants WHERE tenant = $1', [
      this.tenant,
    ]);
    return rows[0]?.links ?? 0;
  }

  async createSession(
    header: NewSessionHeader,
    entries: readonly JournalEntry[],
    links?: number,
    cause?: AppendCause,
  ): Promise<SessionHeader> {
    checkFollows('a new session', 0, entries);
    checkHead('a new session', header.head, entries.length);
    const db = await this.#ready();
    let also: AlsoWrite | undefined;
    const stored = await db
      .transaction(async (tx) => {
        // The counter row stays locked until commit: concurrent creates of a tenant queue
        // here, and a create that fails returns its number with the rollback.
        const { rows } = await tx.query<{ number: number; links: number }>(
          `INSERT INTO okrkit_tenants (tenant, next_number) VALUES ($1, $2)
         ON CONFLICT (tenant) DO UPDATE SET next_number = okrkit_tenants.next_number + 1
         RETURNING next_number - 1 AS number, links`,
          [this.tenant, FIRST_SESSION_NUMBER + 1],
        );
        const number = rows[0]?.number ?? FIRST_SESSION_NUMBER;
        if (links !== undefined) await this.#swapLinks(tx, links, rows[0]?.links ?? 0);
        const created: SessionHeader = { ...header, id: sessionIdOf(number), number };
        await tx.query(
          'INSERT INTO okrkit_sessions (tenant, id, number, head, header) VALUES ($1, $2, $3, $4, $5::json)',
          [this.tenant, created.id, number, created.head, JSON.stringify(created)],
        );
        await this.#insertEntries(tx, created.id, entries);
        also = this.#alsoWrite?.({ sessionId: created.id, head: created.head }, cause);
        if (also) {
          const params = [created.id, ...also.params];
          await tx.query(`WITH swapped AS (SELECT $1::text AS id) ${renumbered(also.text, 1)}`, params);
        }
        await this.#announce(tx, created.id, created.head);
        return created;
      })
      .catch((error: unknown) => {
        throw duplicateOf(also, error) ?? error;
      });
    also?.committed?.();
    this.#heard({ sessionId: stored.id, head: stored.head });
    // A copy: `stored` shares nested objects with the caller's `header`.
    return structuredClone(stored);
  }

  async append(
    id: string,
    expectedHead: number,
    entries: readonly JournalEntry[],
    header: SessionHeader,
    links?: number,
    cause?: AppendCause,
  ): Promise<void> {
    if (header.id !== id) {
      throw new OkrError('invalid-input', `The header of session ${header.id} cannot be saved as session ${id}.`);
    }
    checkFollows(id, expectedHead, entries);
    checkHead(id, header.head, expectedHead + entries.length);
    const db = await this.#ready();
    const also = this.#alsoWrite?.({ sessionId: id, head: header.head }, cause);
    const write = async (tx: Queryable) => {
      if (links !== undefined) await this.#swapLinks(tx, links, await this.#lockLinks(tx));
      const swapped = await this.#swapAndInsert(tx, id, expectedHead, entries, header, also);
      if (!swapped) {
        const { rows } = await tx.query<{ head: number }>(
          'SELECT head FROM okrkit_sessions WHERE tenant = $1 AND id = $2',
          [this.tenant, id],
        );
        const now = rows[0]?.head;
        if (now === undefined) throw new OkrError('not-found', `Session ${id} does not exist.`);
        this.#contended.set(id, Date.now());
        throw new OkrError(
          'conflict',
          `Session ${id} was changed elsewhere (now at entry ${now}, expected ${expectedHead}).`,
        );
      }
    };
    // One statement is atomic by itself: a transaction only for more entries than one statement takes.
    try {
      if (entries.length > ENTRIES_PER_INSERT || links !== undefined) await db.transaction(write);
      else await write(db);
    } catch (error) {
      const duplicate = duplicateOf(also, error);
      if (duplicate) throw duplicate;
      if (isOkrError(error, 'conflict')) await this.#tellContended(db, id);
      throw error;
    }
    also?.committed?.();
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

  /**
   * A contended session's writers queue here, across instances (an advisory lock), instead
   * of storming conflicts. A session is contended for `CONTENDED_MS` after a lost
   * compare-and-swap or a write heard from another adapter (another instance); otherwise
   * its commands skip the lock and its two round trips: a lone writer needs no queue.
   */
  exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    const since = this.#contended.get(id);
    if (since === undefined) return work();
    if (Date.now() - since > CONTENDED_MS) {
      this.#contended.delete(id);
      return work();
    }
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

  /** The links version, its row locked until the transaction ends (made when the organisation has none yet). */
  async #lockLinks(tx: Queryable): Promise<number> {
    const { rows } = await tx.query<{ links: number }>(
      `INSERT INTO okrkit_tenants (tenant, next_number) VALUES ($1, $2)
       ON CONFLICT (tenant) DO UPDATE SET links = okrkit_tenants.links
       RETURNING links`,
      [this.tenant, FIRST_SESSION_NUMBER],
    );
    return rows[0]?.links ?? 0;
  }

  /** Raises the locked links version if it is still `expected`; otherwise the transaction's write is a conflict. */
  async #swapLinks(tx: Queryable, expected: number, now: number): Promise<void> {
    if (now !== expected) throw linksConflict(expected, now);
    await tx.query('UPDATE okrkit_tenants SET links = links + 1 WHERE tenant = $1', [this.tenant]);
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

  /**
   * The compare-and-swap of the head, the entries and the NOTIFY in one statement (one
   * round trip): the UPDATE matches no row when the head moved, and then the INSERT, which
   * reads its rows through it, inserts none, and nothing is announced. Answers whether it swapped.
   */
  async #swapAndInsert(
    tx: Queryable,
    id: string,
    expectedHead: number,
    entries: readonly JournalEntry[],
    header: SessionHeader,
    also: AlsoWrite | undefined,
  ): Promise<boolean> {
    const notice = encodeChangeNotice({ tenant: this.tenant, origin: this.#origin, sessionId: id, head: header.head });
    const params: unknown[] = [
      this.tenant,
      id,
      header.head,
      JSON.stringify(header),
      expectedHead,
      CHANGE_CHANNEL,
      notice,
    ];
    const inline = entries.length <= ENTRIES_PER_INSERT;
    const values = inline
      ? entries.map((entry) => {
          const at = params.push(entry.seq, entry.at, entry.actor, entry.type, JSON.stringify(entry.data));
          return `($${at - 4}::integer, $${at - 3}::timestamptz, $${at - 2}::text, $${at - 1}::text, $${at}::json)`;
        })
      : [];
    const { rows } = await tx.query<{ swapped: number }>(
      `WITH swapped AS (
         UPDATE okrkit_sessions SET head = $3, header = $4::json
         WHERE tenant = $1 AND id = $2 AND head = $5 RETURNING id
       )${
         inline
           ? `, inserted AS (
         INSERT INTO okrkit_entries (tenant, session_id, seq, at, actor, type, data)
         SELECT $1, swapped.id, e.seq, e.at, e.actor, e.type, e.data
         FROM swapped, (VALUES ${values.join(', ')}) AS e (seq, at, actor, type, data)
       )`
           : ''
       }${also ? `, also AS (${renumbered(also.text, params.push(...also.params) - also.params.length)})` : ''}
       SELECT count(*)::integer AS swapped, max(pg_notify($6, $7)::text) AS notified FROM swapped`,
      params,
    );
    const swapped = (rows[0]?.swapped ?? 0) > 0;
    // A long append (more entries than one statement takes) inserts them after the swap, in its transaction.
    if (swapped && !inline) await this.#insertEntries(tx, id, entries);
    return swapped;
  }

  /**
   * After a lost race: tells every other adapter (every instance) that this session is
   * contended, so that its writers there queue behind the lock too; the winner would
   * otherwise keep writing unlocked and could starve this one. Carries the head as it
   * is, which nobody takes for a change.
   */
  async #tellContended(db: Database, id: string): Promise<void> {
    const head = this.#heads.get(id) ?? 0;
    const notice = encodeChangeNotice({ tenant: this.tenant, origin: this.#origin, sessionId: id, head });
    await db.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, notice]).catch(() => undefined);
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
    // Someone else writes this session too: until it calms down, its writers here queue behind the lock.
    this.#contended.set(notice.sessionId, Date.now());
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

/** The error to reject with when `error` is the refusal of `also`'s row, written before. */
function duplicateOf(also: AlsoWrite | undefined, error: unknown): Error | undefined {
  return also?.duplicate && violatedUniqueKey(error) === also.duplicate.key ? also.duplicate.error() : undefined;
}

/** `text` with its parameters `$1`, `$2`, ... moved up by `offset` (to follow a statement's own). */
function renumbered(text: string, offset: number): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}
