import { PGlite } from '@electric-sql/pglite';
import type { Database, Listening, Queryable, QueryResult } from './database.js';
import { databaseError } from './database-error.js';
import { checkChannel } from './pg-listener.js';

export interface PgliteDatabaseOptions {
  /** A folder for the data; omitted, the database lives in memory and is gone on close. */
  readonly dataDir?: string;
}

/**
 * The embedded PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly, in this process):
 * nothing to install, one folder of data. It has a single connection, so PGlite runs
 * transactions one after the other and holds other queries while one is open; LISTEN and
 * NOTIFY work inside the process only. Good for a trial and for tests, not for production.
 */
export function pgliteDatabase(options: PgliteDatabaseOptions = {}): Database {
  return new PgliteDatabase(options.dataDir);
}

interface PgliteQueryable {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
}

class PgliteDatabase implements Database {
  readonly engine = 'pglite';
  readonly #db: PGlite;
  /** Opening a new data folder takes seconds; the first query waits for it, and a failure to open is its rejection. */
  readonly #ready: Promise<void>;
  readonly #locks = new Map<string, Promise<void>>();

  constructor(dataDir: string | undefined) {
    this.#db = new PGlite(dataDir);
    this.#ready = this.#db.waitReady;
    this.#ready.catch(() => undefined);
  }

  async query<Row extends object>(text: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    try {
      await this.#ready;
      return await run<Row>(this.#db, text, params);
    } catch (error) {
      throw databaseError(error, 'query the database');
    }
  }

  async script(sql: string): Promise<void> {
    try {
      await this.#ready;
      await this.#db.exec(sql);
    } catch (error) {
      throw databaseError(error, 'run a database script');
    }
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    try {
      await this.#ready;
      return await this.#db.transaction((tx) =>
        work({
          query: <Row extends object>(text: string, params: readonly unknown[] = []) => run<Row>(tx, text, params),
          script: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      );
    } catch (error) {
      throw databaseError(error, 'save the change');
    }
  }

  /** One process holds this database: the lock is a queue per key, in this process. */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.#locks.set(key, settled);
    void settled.then(() => {
      if (this.#locks.get(key) === settled) this.#locks.delete(key);
    });
    return next;
  }

  listen(channel: string, onNotify: (payload: string) => void): Listening {
    checkChannel(channel);
    // The unsubscribe of PGlite, once its LISTEN is in place; undefined if that failed.
    const unlisten = this.#ready.then(() => this.#db.listen(channel, onNotify)).catch(() => undefined);
    return {
      ready: unlisten.then(() => undefined),
      stop: async () => {
        const stop = await unlisten;
        if (!this.#db.closed) await stop?.().catch(() => undefined);
      },
    };
  }

  async notify(channel: string, payload: string): Promise<void> {
    await this.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async close(): Promise<void> {
    await this.#ready.catch(() => undefined);
    if (!this.#db.closed) await this.#db.close();
  }
}

async function run<Row>(db: PgliteQueryable, text: string, params: readonly unknown[]): Promise<QueryResult<Row>> {
  const result = await db.query<Row>(text, [...params]);
  return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
}
