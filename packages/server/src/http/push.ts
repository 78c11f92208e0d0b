import { type Actor, type Command, isOkrError } from '@okrkit/core';
import { badRequest, errorBodyOf } from './http-error.js';
import type { KeptResults, MutationResult } from './kept-results.js';
import type { Tenant } from './tenant-stores.js';

/** At most this many mutations in one push. */
export const PUSH_MAX_MUTATIONS = 100;

const CLIENT_ID = /^[A-Za-z0-9_-]{1,100}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export interface PushRequest {
  readonly clientId: string;
  readonly mutations: readonly {
    readonly mutationId: number;
    readonly command: Command;
    /** The person's own time when they made it (queued offline): kept with a late check-in. */
    readonly madeAt?: string;
  }[];
}

/** The push body checked for its form (the commands themselves are checked by the core as they run). */
export function readPushRequest(body: unknown): PushRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('body', 'A push is { clientId, mutations: [{ mutationId, command }] }.');
  }
  const { clientId, mutations } = body as Record<string, unknown>;
  if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) {
    throw badRequest('clientId', 'clientId must be 1-100 characters of A-Z, a-z, 0-9, _ and -.');
  }
  if (!Array.isArray(mutations)) throw badRequest('mutations', 'mutations must be a list.');
  if (mutations.length > PUSH_MAX_MUTATIONS) {
    throw badRequest('mutations', `At most ${PUSH_MAX_MUTATIONS} mutations per push; send the rest in the next one.`);
  }
  let previous = -1;
  const checked = mutations.map((mutation, index) => {
    const field = `mutations[${index}]`;
    if (typeof mutation !== 'object' || mutation === null)
      throw badRequest(field, 'A mutation is { mutationId, command }.');
    const { mutationId, command, madeAt } = mutation as Record<string, unknown>;
    if (typeof mutationId !== 'number' || !Number.isSafeInteger(mutationId) || mutationId < 0) {
      throw badRequest(`${field}.mutationId`, 'mutationId must be a non-negative integer.');
    }
    if (mutationId <= previous) {
      throw badRequest(`${field}.mutationId`, 'mutationIds must increase within a push.');
    }
    previous = mutationId;
    if (typeof command !== 'object' || command === null) {
      throw badRequest(`${field}.command`, 'A command is { type, sessionId, args }.');
    }
    if (
      madeAt !== undefined &&
      (typeof madeAt !== 'string' || !INSTANT.test(madeAt) || Number.isNaN(Date.parse(madeAt)))
    ) {
      throw badRequest(`${field}.madeAt`, 'madeAt is an ISO instant, e.g. 2026-11-10T09:00:00.000Z.');
    }
    return { mutationId, command: command as Command, ...(madeAt === undefined ? {} : { madeAt }) };
  });
  return { clientId, mutations: checked };
}

/** Refusals the core made about the command itself: answered, kept, and the push goes on. */
const CONSUMED = new Set(['invalid-input', 'not-allowed', 'locked', 'not-found']);

/**
 * Runs pushes: each mutation in order, as the person, through the organisation's one
 * store (whose per-session queue is this instance's lock: a busy session's commands run
 * one after the other; another instance's win is a compare-and-swap conflict that the
 * core retries on fresh state). One client's pushes run one at a time.
 */
export class Pusher {
  readonly #kept: KeptResults;
  readonly #clients = new Map<string, Promise<unknown>>();

  constructor(kept: KeptResults) {
    this.#kept = kept;
  }

  push(tenant: Tenant, actor: Actor, request: PushRequest): Promise<MutationResult[]> {
    const key = `${tenant.name}\u0000${request.clientId}`;
    const previous = this.#clients.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.#run(tenant, actor, request));
    this.#clients.set(key, next);
    void next
      .finally(() => {
        if (this.#clients.get(key) === next) this.#clients.delete(key);
      })
      .catch(() => undefined);
    return next;
  }

  async #run(tenant: Tenant, actor: Actor, { clientId, mutations }: PushRequest): Promise<MutationResult[]> {
    const ids = mutations.map((m) => m.mutationId);
    const kept = await this.#kept.read(tenant.name, clientId, actor.id, ids);
    const results: MutationResult[] = [];
    for (const { mutationId, command, madeAt } of mutations) {
      const already = kept.get(mutationId);
      if (already) {
        results.push(already);
        continue;
      }
      const mutation = { tenant: tenant.name, clientId, mutationId, actorId: actor.id };
      try {
        const { value, written } = await this.#kept.run(mutation, () =>
          tenant.store.execute(command, { actor, ...(madeAt === undefined ? {} : { writtenAt: madeAt }) }),
        );
        if (written) {
          results.push({ mutationId, ok: true, ...written });
          continue;
        }
        // Nothing to append (a patch that changes nothing): a success all the same.
        const sessionId = value.session?.id ?? value.command.sessionId ?? '';
        const result: MutationResult = { mutationId, ok: true, sessionId, head: value.session?.head ?? 0 };
        await this.#kept.keep(mutation, result);
        results.push(result);
      } catch (error) {
        if (!isOkrError(error) || !CONSUMED.has(error.code)) throw error;
        const result: MutationResult = { mutationId, ok: false, ...errorBodyOf(error) };
        await this.#kept.keep(mutation, result);
        results.push(result);
      }
    }
    return results;
  }
}
