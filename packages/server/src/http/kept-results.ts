import { type AppendCause, type GroupedCause, OkrError, type StorageChange } from '@okrkit/core';
import type { Database, Queryable } from '../database.js';
import { ensureSchema } from '../migrate.js';
import type { AlsoWrite } from '../postgres-storage.js';
import type { ErrorBody } from './http-error.js';

/** What a push answers for one mutation (PROTOCOL.md, Push). */
export type MutationResult =
  | { readonly mutationId: number; readonly ok: true; readonly sessionId: string; readonly head: number }
  | ({ readonly mutationId: number; readonly ok: false } & ErrorBody);

/** What names a pushed mutation: its organisation, client, id, and the person who pushed it. */
interface Mutation {
  readonly tenant: string;
  readonly clientId: string;
  readonly mutationId: number;
  readonly actorId: string;
}

/**
 * A mutation while its command runs, handed to the store with the command (`execute`'s
 * `tag`), which hands it to storage with the write: its success is kept in the statement
 * that writes it, and `written` says what that write was.
 */
class RunningMutation {
  written?: StorageChange;
  constructor(readonly mutation: Mutation) {}
}

/** The running mutation a write's cause carries, if it is one of `KeptResults`'. */
function runningOf(cause: { readonly tag?: unknown } | undefined): RunningMutation | undefined {
  return cause?.tag instanceof RunningMutation ? cause.tag : undefined;
}

/** The key of `okrkit_push_results`: one kept result per (tenant, client, mutation id). */
const KEPT_KEY = 'okrkit_push_results_pkey';

/**
 * A command's write refused because its mutation's result was kept already (by another
 * instance, or before a restart): nothing of it was written. The push answers the kept
 * result instead. A `storage` code, so that the store does not retry it as a conflict.
 */
export class AlreadyKept extends OkrError {
  constructor(readonly mutationId: number) {
    super('storage', `Mutation ${mutationId} was applied before; its kept result answers it.`);
  }
}

/**
 * The results of pushed mutations, kept per (tenant, client, mutation id) in
 * `okrkit_push_results` so that a repeated push is answered, not applied again.
 *
 * A success is written by `alsoWrite` in the very statement that appends the command's
 * entries (or the transaction that creates its session; a grouped append writes each
 * of its commands' successes in its one statement): a command is never
 * applied without its kept result, nor its result kept without the command. A refusal,
 * or a command that changed nothing, is kept after it ran.
 *
 * The table's key keeps each result once, and is what makes a mutation apply at most once:
 * a write whose mutation was kept meanwhile is refused whole (`AlreadyKept`), and a
 * refusal kept after another answer yields to it. So reading first is an economy for
 * repeated pushes, not what correctness rests on.
 */
export class KeptResults {
  readonly #database: Database;

  constructor(database: Database) {
    this.#database = database;
  }

  /**
   * Runs `work` (one command) as `mutation`: `work` hands the store the tag it is given
   * (`execute(command, { tag })`), and a write of the command keeps the mutation's success.
   */
  async run<T>(mutation: Mutation, work: (tag: unknown) => Promise<T>): Promise<{ value: T; written?: StorageChange }> {
    const tag = new RunningMutation(mutation);
    const value = await work(tag);
    return { value, ...(tag.written ? { written: tag.written } : {}) };
  }

  /**
   * The hook for `postgresStorage({ alsoWrite })` of `tenant`: the success of each mutation
   * the write carries (one, or a group's), written with its entries.
   */
  alsoWrite(tenant: string): (change: StorageChange, cause?: AppendCause) => AlsoWrite | undefined {
    return (change, cause) => {
      const written: { context: RunningMutation; change: StorageChange }[] = [];
      const commands: readonly (AppendCause | GroupedCause | undefined)[] = cause?.group ?? [cause];
      for (const one of commands) {
        const context = runningOf(one);
        // Another tenant's store, or a write no push asked for (a host's own store call).
        if (!context || context.mutation.tenant !== tenant || context.written) continue;
        // In a group, each command's answer is the head after its own entries.
        const head = one && 'head' in one ? one.head : change.head;
        written.push({ context, change: { sessionId: change.sessionId, head } });
      }
      if (written.length === 0) return undefined;
      const params: unknown[] = [tenant];
      const rows = written.map(({ context, change }) => {
        const { clientId, mutationId, actorId } = context.mutation;
        const result: MutationResult = { mutationId, ok: true, ...change };
        const at = params.push(clientId, mutationId, JSON.stringify({ actor: actorId, result }));
        return `($${at - 2}::text, $${at - 1}::bigint, $${at}::json)`;
      });
      return {
        text: `INSERT INTO okrkit_push_results (tenant, client_id, mutation_id, result)
               SELECT $1, k.client_id, k.mutation_id, k.result
               FROM swapped, (VALUES ${rows.join(', ')}) AS k (client_id, mutation_id, result)`,
        params,
        committed: () => {
          for (const { context, change } of written) context.written = change;
        },
        // A group's write is refused whole: the store then runs its commands one by one, each answered alone.
        duplicate: {
          key: KEPT_KEY,
          error: () => new AlreadyKept((written[0] as { context: RunningMutation }).context.mutation.mutationId),
        },
      };
    };
  }

  /**
   * Keeps a result that no write carried (a refusal, or a command that changed nothing),
   * unless one was kept for this mutation already: answers the result that is kept.
   */
  async keep(mutation: Mutation, result: MutationResult): Promise<MutationResult> {
    await ensureSchema(this.#database);
    const inserted = await this.#insertIfNew(this.#database, mutation, result);
    return inserted ? result : this.one(mutation);
  }

  /** The result kept for `mutation`, which is known to be there (its key refused another). */
  async one(mutation: Mutation): Promise<MutationResult> {
    const { tenant, clientId, actorId, mutationId } = mutation;
    const kept = (await this.read(tenant, clientId, actorId, [mutationId])).get(mutationId);
    if (!kept) throw new OkrError('storage', `The kept result of mutation ${mutationId} went missing; push it again.`);
    return kept;
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

  /** Whether the row was inserted (there may have been one). */
  async #insertIfNew(db: Queryable, mutation: Mutation, result: MutationResult): Promise<boolean> {
    const { rowCount } = await db.query(
      `INSERT INTO okrkit_push_results (tenant, client_id, mutation_id, result) VALUES ($1, $2, $3, $4::json)
       ON CONFLICT DO NOTHING`,
      [mutation.tenant, mutation.clientId, mutation.mutationId, JSON.stringify({ actor: mutation.actorId, result })],
    );
    return rowCount > 0;
  }
}
