import { AsyncLocalStorage } from 'node:async_hooks';
import { OkrError, type StorageChange } from '@okrkit/core';
import type { Database, Queryable } from '../database.js';
import { ensureSchema } from '../migrate.js';
import type { ErrorBody } from './http-error.js';

/** What a push answers for one mutation (PROTOCOL.md, Push). */
export type MutationResult =
  | { readonly mutationId: number; readonly ok: true; readonly sessionId: string; readonly head: number }
  | ({ readonly mutationId: number; readonly ok: false } & ErrorBody);

/** The mutation a command runs for, while it runs: its success is kept in the transaction that writes it. */
interface Running {
  readonly tenant: string;
  readonly clientId: string;
  readonly mutationId: number;
  readonly actorId: string;
  written?: StorageChange;
}

const running = new AsyncLocalStorage<Running>();

/**
 * The results of pushed mutations, kept per (tenant, client, mutation id) in
 * `okrkit_push_results` so that a repeated push is answered, not applied again.
 *
 * A success is written by `duringWrite` inside the very transaction that appends the
 * command's entries (the storage adapter calls it before COMMIT): a command is never
 * applied without its kept result, nor its result kept without the command. A refusal,
 * or a command that changed nothing, is kept after it ran.
 */
export class KeptResults {
  readonly #database: Database;

  constructor(database: Database) {
    this.#database = database;
  }

  /** Runs `work` (one command) as `mutation`: a write it makes keeps the mutation's success. */
  run<T>(mutation: Omit<Running, 'written'>, work: () => Promise<T>): Promise<{ value: T; written?: StorageChange }> {
    const context: Running = { ...mutation };
    return running.run(context, async () => {
      const value = await work();
      return { value, ...(context.written ? { written: context.written } : {}) };
    });
  }

  /** The hook for `postgresStorage({ duringWrite })` of `tenant`. */
  duringWrite(tenant: string): (tx: Queryable, change: StorageChange) => Promise<void> {
    return async (tx, change) => {
      const context = running.getStore();
      // Another tenant's store, or a write no push asked for (a host's own store call).
      if (!context || context.tenant !== tenant || context.written) return;
      const result: MutationResult = { mutationId: context.mutationId, ok: true, ...change };
      await this.#insert(tx, context, result);
      context.written = change;
    };
  }

  /** Keeps a result that no write carried (a refusal, or a command that changed nothing). */
  async keep(mutation: Omit<Running, 'written'>, result: MutationResult): Promise<void> {
    await ensureSchema(this.#database);
    await this.#insert(this.#database, mutation, result, true);
  }

  /** The kept results among `mutationIds` of this client, by mutation id. */
  async read(tenant: string, clientId: string, actorId: string, mutationIds: readonly number[]) {
    const kept = new Map<number, MutationResult>();
    if (mutationIds.length === 0) return kept;
    await ensureSchema(this.#database);
    const { rows } = await this.#database.query<{
      mutation_id: string | number;
      actor: string;
      result: MutationResult;
    }>(
      `SELECT mutation_id, result->>'actor' AS actor, result->'result' AS result FROM okrkit_push_results
       WHERE tenant = $1 AND client_id = $2 AND mutation_id = ANY($3::bigint[])`,
      [tenant, clientId, mutationIds.map(String)],
    );
    for (const row of rows) {
      if (row.actor !== actorId) {
        // A client id is one person's outbox: someone else's kept answers are not theirs to read.
        const message = `Client ${clientId} belongs to another person: use a client id of your own.`;
        throw new OkrError('not-allowed', message, { fields: { clientId: message } });
      }
      kept.set(Number(row.mutation_id), typeof row.result === 'string' ? JSON.parse(row.result) : row.result);
    }
    return kept;
  }

  async #insert(db: Queryable, mutation: Omit<Running, 'written'>, result: MutationResult, ifNew = false) {
    await db.query(
      `INSERT INTO okrkit_push_results (tenant, client_id, mutation_id, result) VALUES ($1, $2, $3, $4::json)
       ${ifNew ? 'ON CONFLICT DO NOTHING' : ''}`,
      [mutation.tenant, mutation.clientId, mutation.mutationId, JSON.stringify({ actor: mutation.actorId, result })],
    );
  }
}
