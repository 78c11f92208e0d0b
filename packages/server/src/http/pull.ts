import type { JournalEntry, OkrStore, SessionHeader } from '@okrkit/core';
import { badRequest } from './http-error.js';
import type { Tenant } from './tenant-stores.js';

/** Entries in one pull answer at most; beyond, `more: true` and the client pulls again. */
export const PULL_MAX_ENTRIES = 20_000;
/** Sessions a client may name in `heads`. */
export const PULL_MAX_HEADS = 10_000;

export interface PulledSession {
  readonly header: SessionHeader;
  readonly entries: JournalEntry[];
}

export interface PullAnswer {
  readonly sessions: PulledSession[];
  readonly removed: string[];
  readonly more?: true;
}

/** `{ heads: { [sessionId]: seq } }`, checked. */
export function readPullRequest(body: unknown): Map<string, number> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('body', 'A pull is { heads: { [sessionId]: lastSeqYouHave } }.');
  }
  const { heads = {} } = body as Record<string, unknown>;
  if (typeof heads !== 'object' || heads === null || Array.isArray(heads)) {
    throw badRequest('heads', 'heads maps session ids to the last seq you have.');
  }
  const entries = Object.entries(heads as Record<string, unknown>);
  if (entries.length > PULL_MAX_HEADS) throw badRequest('heads', `At most ${PULL_MAX_HEADS} sessions per pull.`);
  const checked = new Map<string, number>();
  for (const [id, head] of entries) {
    if (typeof head !== 'number' || !Number.isSafeInteger(head) || head < 0) {
      throw badRequest(`heads.${id}`, 'A head is a non-negative integer.');
    }
    checked.set(id, head);
  }
  return checked;
}

export interface PullOptions {
  /** Only this session (the entries route): the others are not read. */
  readonly only?: string;
  /** Entries in the answer at most. Default `PULL_MAX_ENTRIES`. */
  readonly maxEntries?: number;
}

/**
 * What a person is missing: for every session they may view, its header and the entries
 * after the head they hold; the sessions they hold but may no longer view, as removed.
 * Sessions they may not view are never read; a long journal is read a page at a time, by
 * its key's range, and the answer says `more` until the person has everything.
 */
export async function pull(
  tenant: Tenant,
  store: OkrStore,
  heads: ReadonlyMap<string, number>,
  options: PullOptions = {},
): Promise<PullAnswer> {
  const all = await store.listSessions({ includeArchived: true });
  const visibleIds = new Set(all.map((h) => h.id));
  const removed = [...heads.keys()].filter((id) => !visibleIds.has(id));
  const visible = options.only === undefined ? all : all.filter((h) => h.id === options.only);
  const sessions: PulledSession[] = [];
  let budget = options.maxEntries ?? PULL_MAX_ENTRIES;
  let more = false;
  for (const header of visible) {
    const have = Math.min(heads.get(header.id) ?? 0, header.head);
    if (have >= header.head) {
      sessions.push({ header, entries: [] });
      continue;
    }
    if (budget <= 0) {
      more = true;
      continue;
    }
    const taken = await tenant.storage.readJournalPage(header.id, have, header.head, budget);
    const cut = have + taken.length < header.head;
    if (cut) more = true;
    budget -= taken.length;
    sessions.push({
      header: cut ? { ...header, head: have + taken.length } : header,
      entries: taken,
    });
  }
  return { sessions, removed, ...(more ? { more: true as const } : {}) };
}
