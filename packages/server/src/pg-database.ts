import pg from 'pg';
import type { Database, Listening, Queryable, QueryResult } from './database.js';
import { databaseError } from './database-error.js';
import { PgListener } from './pg-listener.js';
import { StatementNames } from './statement-names.js';

export type PgDatabaseOptions = (
  | { readonly connectionString: string; readonly pool?: never }
  | { readonly pool: pg.Pool; readonly connectionString?: never }
) & {
  /** Connections of the pool this creates (ignored with `pool`). Default 10. */
  readonly max?: number;
  /** Connections that hold per-session write locks (`exclusive`), beside the pool. Default 4. */
  readonly lockConnections?: number;
  /** First wait before a lost listening connection is reopened. Default 250 ms. */
  readonly reconnectDelayMs?: number;
  /**
   * Prepare the statements run again and again (by name, once per connection; see
   * `StatementNames`). Default true. Set false behind a pooler that does not keep
   * prepared statements across transactions (PgBouncer in transaction mode before 1.21).
   */
  readonly prepareStatements?: boolean;
};

/**
 * A real PostgreSQL through a `pg.Pool`. The pool replaces connections that the database
 * dropped, so after a restart the next query simply works again; meanwhile queries
 * reject with `OkrError('storage')`. A pool passed in stays the host's to end.
 */
export function pgDatabase(options: PgDatabaseOptions): Database {
  return new PgDatabase(options);
}

class PgDatabase implements Database {
  readonly engine = 'postgresql';
  readonly #pool: pg.Pool;
  readonly #ownsPool: boolean;
  readonly #listener: PgListener;
  readonly #locks: pg.Pool;
  readonly #names: StatementNames | undefined;

  constructor(options: PgDatabaseOptions) {
    this.#names = options.prepareStatements === false ? undefined : new StatementNames();
    this.#ownsPool = !options.pool;
    this.#pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
    // An idle pooled connection that the server terminates emits `error` on the pool;
    // unhandled, it would end the process. The pool drops that connection by itself.
    this.#pool.on('error', () => undefined);
    this.#locks = new pg.Pool({ ...this.#pool.options, max: options.lockConnections ?? 4 });
    this.#locks.on('error', () => undefined);
    this.#listener = new PgListener({
      connection: this.#pool.options,
      reconnectDelayMs: options.reconnectDelayMs ?? 250,
    });
  }

  async query<Row extends object>(text: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    try {
      const result = await this.#pool.query<Row>(this.#statement(text, params));
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw databaseError(error, 'query the database');
    }
  }

  async script(sql: string): Promise<void> {
    // Without parameters pg uses the simple query protocol, which takes several statements.
    await this.query(sql);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw databaseError(error, 'connect to the database');
    }
    const statement = (text: string, params: readonly unknown[]) => this.#statement(text, params);
    const tx: Queryable = {
      async query<Row extends object>(text: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
        const result = await client.query<Row>(statement(text, params));
        return { rows: result.rows, rowCount: result.rowCount ?? 0 };
      },
      async script(sql: string): Promise<void> {
        await client.query(sql);
      },
    };
    let broken: Error | undefined;
    // A connection that dies while checked out emits `error` between queries, where no
    // query is there to reject; unhandled, that would end the process. Keep it and let the
    // next query (or the ROLLBACK) fail.
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is gone or unusable: the pool must not hand it out again.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw databaseError(error, 'save the change');
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  listen(channel: string, onNotify: (payload: string) => void, onResume?: () => void): Listening {
    return this.#listener.listen(channel, onNotify, onResume);
  }

  async notify(channel: string, payload: string): Promise<void> {
    await this.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.#locks.connect();
    } catch (error) {
      throw databaseError(error, 'wait for the session');
    }
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
    };
    // At once: a connection the database terminates emits 'error', which must never go unheard.
    client.on('error', onError);
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
    } catch (error) {
      client.off('error', onError);
      client.release(broken ?? (error instanceof Error ? error : true));
      throw databaseError(error, 'wait for the session');
    }
    try {
      return await work();
    } finally {
      try {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
      } catch (error) {
        // The connection is gone, and its locks with it.
        broken = error instanceof Error ? error : new Error(String(error));
      }
      client.off('error', onError);
      client.release(broken);
    }
  }

  /** What pg runs for `text`: named (prepared once per connection) when `StatementNames` says so. */
  #statement(text: string, params: readonly unknown[]): pg.QueryConfig {
    const name = this.#names?.nameOf(text, params.length);
    return name === undefined ? { text, values: [...params] } : { name, text, values: [...params] };
  }

  async close(): Promise<void> {
    await this.#listener.close();
    await this.#locks.end();
    if (this.#ownsPool) await this.#pool.end();
  }
}
