import { type Actor, type Command, isOkrError } from '@okrkit/core';
import { AnsweredMutations } from './answered-mutations.js';
import { badRequest, errorBodyOf } from './http-error.js';
import { AlreadyKept, type KeptResults, type MutationResult } from './kept-results.js';
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
 *
 * Kept results are read before running only when the push may repeat an answered one
 * (`AnsweredMutations`); a new push runs at once, and a mutation that turns out to have
 * been kept meanwhile (`AlreadyKept`, its write refused whole) answers what was kept.
 */
export class Pusher {
  readonly #kept: KeptResults;
  readonly #clients = new Map<string, Promise<unknown>>();
  readonly #answered = new AnsweredMutations();

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
    const first = mutations[0]?.mutationId ?? 0;
    const kept = this.#answered.mayRepeat(tenant.name, clientId, first)
      ? await this.#kept.read(
          tenant.name,
          clientId,
          actor.id,
          mutations.map((m) => m.mutationId),
        )
      : new Map<number, MutationResult>();
    const results: MutationResult[] = [];
    for (const { mutationId, command, madeAt } of mutations) {
      const mutation = { tenant: tenant.name, clientId, mutationId, actorId: actor.id };
      results.push(kept.get(mutationId) ?? (await this.#apply(tenant, actor, mutation, command, madeAt)));
      this.#answered.answered(tenant.name, clientId, mutationId);
    }
    return results;
  }

  /** Runs one mutation as `actor` and keeps its result; one kept already (elsewhere) answers instead. */
  async #apply(
    tenant: Tenant,
    actor: Actor,
    mutation: { tenant: string; clientId: string; mutationId: number; actorId: string },
    command: Command,
    madeAt: string | undefined,
  ): Promise<MutationResult> {
    const { mutationId } = mutation;
    try {
      const { value, written } = await this.#kept.run(mutation, (tag) =>
        tenant.store.execute(command, { actor, tag, ...(madeAt === undefined ? {} : { writtenAt: madeAt }) }),
      );
      if (written) return { mutationId, ok: true, ...written };
      // Nothing to append (a patch that changes nothing): a success all the same.
      const sessionId = value.session?.id ?? value.command.sessionId ?? '';
      return await this.#kept.keep(mutation, { mutationId, ok: true, sessionId, head: value.session?.head ?? 0 });
    } catch (error) {
      if (error instanceof AlreadyKept) return this.#kept.one(mutation);
      if (!isOkrError(error) || !CONSUMED.has(error.code)) throw error;
      return this.#kept.keep(mutation, { mutationId, ok: false, ...errorBodyOf(error) });
    }
  }
}
