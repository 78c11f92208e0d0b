/**
 * The one seam between okrkit's server and a PostgreSQL engine. The storage adapter and
 * the migrations speak only this, so that the same SQL runs on a real PostgreSQL (a
 * `pg.Pool`) and on the embedded PGlite. Parameters are positional (`$1`, `$2`, ...), as
 * both engines take them.
 *
 * Every rejection is an `OkrError` (see `databaseError`): `storage` when the database
 * itself fails or is away, `conflict` for a lost race (unique violation, serialization
 * failure, deadlock), `invalid-input` for a value the database refuses.
 */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>>;

  /** Runs several statements separated by `;`, without parameters (a migration). */
  script(sql: string): Promise<void>;
}

export interface QueryResult<Row> {
  readonly rows: Row[];
  /** Rows inserted, updated or deleted (0 for other statements). */
  readonly rowCount: number;
}

export interface Database extends Queryable {
  /** `postgresql` or `pglite`, for messages and benchmarks. */
  readonly engine: DatabaseEngine;

  /**
   * Runs `work` in one transaction on one connection: committed if `work` resolves,
   * rolled back if it rejects (with its error). On PGlite, which has one connection,
   * transactions run one after the other.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;

  /**
   * Runs `work` while holding the lock named `key`, which every instance on this database
   * respects: on PostgreSQL a session-level advisory lock, taken on a connection of a small
   * pool of its own (so that waiting for a lock never holds a connection `work` needs); on
   * PGlite, one process, a lock in this process. Used to queue the writers of one session
   * instead of letting them storm compare-and-swap conflicts; correctness never rests on
   * it (the compare-and-swap does that), so a lock lost with its connection only costs a retry.
   */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T>;

  /**
   * Calls `onNotify` with the payload of every NOTIFY on `channel`, from any connection
   * (any instance). The returned `ready` settles once the first LISTEN is in place.
   * A lost listening connection is re-established by the database; `onResume` is then
   * called, because notifications sent while it was away are gone for good: the
   * listener must catch up by reading what changed.
   */
  listen(channel: string, onNotify: (payload: string) => void, onResume?: () => void): Listening;

  /** Sends `payload` on `channel` to every listener, once the current statement commits. */
  notify(channel: string, payload: string): Promise<void>;

  /** Ends every connection. The database is unusable afterwards. */
  close(): Promise<void>;
}

export const DATABASE_ENGINES = ['postgresql', 'pglite'] as const;
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

export interface Listening {
  /** Settles (never rejects) when the first LISTEN is in place or has failed. */
  readonly ready: Promise<void>;
  /** Stops calling the listener; the last listener of a channel stops listening to it. */
  stop(): Promise<void>;
}
