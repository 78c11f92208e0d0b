import type { Command } from '../command-types.js';
import { ERROR_CODES, type ErrorCode, type FieldErrors, OkrError } from '../errors.js';
import type { JournalEntry } from '../journal.js';
import type { SessionHeader } from '../model.js';

/**
 * The client's side of the server's `/v1` protocol (packages/server/PROTOCOL.md): what is
 * sent and what comes back, and the checks that turn an answer into typed data.
 */

/** At most this many mutations go in one push (the server's limit). */
export const PUSH_LIMIT = 100;

export interface Mutation {
  readonly mutationId: number;
  readonly command: Command;
  /** When the person made it, by their clock: the server keeps it with a check-in that arrives late. */
  readonly madeAt?: string;
}

export interface PushRequest {
  readonly clientId: string;
  readonly mutations: readonly Mutation[];
}

/** What became of one mutation: applied (its entries are among `seq <= head`), or refused and consumed. */
export type MutationResult =
  | { readonly mutationId: number; readonly ok: true; readonly sessionId: string; readonly head: number }
  | { readonly mutationId: number; readonly ok: false; readonly error: OkrError };

export interface PullRequest {
  /** For each session the client holds, the last seq it has. */
  readonly heads: Readonly<Record<string, number>>;
}

export interface PulledSession {
  readonly header: SessionHeader;
  /** The entries after the client's head, oldest first. */
  readonly entries: readonly JournalEntry[];
}

export interface PullResponse {
  readonly sessions: readonly PulledSession[];
  /** Sessions the client held that the person can no longer view. */
  readonly removed: readonly string[];
  /** More entries remain: pull again with the new heads. */
  readonly more: boolean;
}

/** A poke of the change stream: `sessionId` has entries up to `head`. */
export interface Poke {
  readonly sessionId: string;
  readonly head: number;
}

/** The server's error body as an `OkrError` (codes the core does not know become `storage`). */
export function errorOf(body: unknown, fallback: string): OkrError {
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  const code = error?.code;
  const message = typeof error?.message === 'string' && error.message !== '' ? error.message : fallback;
  const fields = isObject(error?.fields) ? (error.fields as FieldErrors) : {};
  const known = ERROR_CODES.includes(code as ErrorCode) ? (code as ErrorCode) : 'storage';
  return new OkrError(known, message, { fields });
}

export function pushResultsOf(body: unknown): MutationResult[] {
  if (!isObject(body) || !Array.isArray(body.results)) throw malformed('push');
  return body.results.map((result: unknown): MutationResult => {
    if (!isObject(result) || typeof result.mutationId !== 'number') throw malformed('push');
    if (result.ok === true) {
      if (typeof result.sessionId !== 'string' || typeof result.head !== 'number') throw malformed('push');
      return { mutationId: result.mutationId, ok: true, sessionId: result.sessionId, head: result.head };
    }
    return { mutationId: result.mutationId, ok: false, error: errorOf(result, 'The server refused the change.') };
  });
}

export function pullResponseOf(body: unknown): PullResponse {
  if (!isObject(body) || !Array.isArray(body.sessions)) throw malformed('pull');
  const sessions = body.sessions.map((s: unknown): PulledSession => {
    if (!isObject(s) || !isObject(s.header) || typeof s.header.id !== 'string' || !Array.isArray(s.entries))
      throw malformed('pull');
    return { header: s.header as unknown as SessionHeader, entries: s.entries as JournalEntry[] };
  });
  const removed = Array.isArray(body.removed) ? body.removed.filter((id): id is string => typeof id === 'string') : [];
  return { sessions, removed, more: body.more === true };
}

export function pokeOf(data: string): Poke | undefined {
  try {
    const poke: unknown = JSON.parse(data);
    if (isObject(poke) && typeof poke.sessionId === 'string' && typeof poke.head === 'number')
      return { sessionId: poke.sessionId, head: poke.head };
  } catch {
    // A poke that does not parse is ignored: the next `ready` pulls anyway.
  }
  return undefined;
}

function malformed(what: string): OkrError {
  return new OkrError('storage', `The server's answer to a ${what} was not understood.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
