import type { Transition } from './actions.js';
import { transitionTarget } from './lifecycle.js';
import type { SessionDetails, SessionHeader, SessionState } from './model.js';

/**
 * The journal: every accepted change to a session is one immutable entry, appended with
 * the next `seq` and the instant it was recorded. The live session is the fold of the
 * whole journal; nothing in it is ever rewritten or deleted.
 */

/** What each entry type carries. Plain JSON only. */
export interface EntryDataMap {
  'session.created': SessionDetails;
  /** Changed fields only; `null` clears an optional field. */
  'session.changed': SessionChange;
  'session.transitioned': { readonly transition: Transition; readonly from: SessionState; readonly to: SessionState };
  'session.deleted': Readonly<Record<string, never>>;
}

export type SessionChange = {
  readonly [K in keyof SessionDetails]?: undefined extends SessionDetails[K]
    ? Exclude<SessionDetails[K], undefined> | null
    : SessionDetails[K];
};

export type EntryType = keyof EntryDataMap;

/** An entry as a command proposes it, before it is recorded. */
export type EntryDraft = { [K in EntryType]: { readonly type: K; readonly data: EntryDataMap[K] } }[EntryType];

/** A recorded journal entry. */
export type JournalEntry = {
  [K in EntryType]: {
    /** 1, 2, 3, ... per session. */
    readonly seq: number;
    /** ISO instant the entry was recorded; never earlier than the previous entry's. */
    readonly at: string;
    /** Id of the actor who made the change. */
    readonly actor: string;
    readonly type: K;
    readonly data: EntryDataMap[K];
  };
}[EntryType];

export const ENTRY_TYPES = [
  'session.created',
  'session.changed',
  'session.transitioned',
  'session.deleted',
] as const satisfies readonly EntryType[];

/** The live state of a session: its header, folded from its journal. */
export type Session = SessionHeader;

/** Thrown by the fold on an entry that cannot apply (a journal that does not replay). */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}

/**
 * Applies one entry to a session (undefined before `session.created`) and returns the
 * new session. Pure: `session` is not modified.
 */
export function applyEntry(
  session: Session | undefined,
  entry: JournalEntry,
  identity: { readonly id: string; readonly number: number },
): Session {
  if (entry.seq !== (session?.head ?? 0) + 1) {
    throw new ReplayError(`Entry ${entry.seq} does not follow entry ${session?.head ?? 0}.`);
  }
  if (session && entry.at < session.changedAt) {
    throw new ReplayError(`Entry ${entry.seq} is recorded before the entry it follows.`);
  }
  const audit = { changedBy: entry.actor, changedAt: entry.at, head: entry.seq };
  if (entry.type === 'session.created') {
    if (session) throw new ReplayError(`Entry ${entry.seq} creates a session that already exists.`);
    return {
      ...entry.data,
      id: identity.id,
      number: identity.number,
      state: 'open',
      deleted: false,
      createdBy: entry.actor,
      createdAt: entry.at,
      ...audit,
    };
  }
  if (!session) throw new ReplayError(`Entry ${entry.seq} (${entry.type}) comes before the session was created.`);
  switch (entry.type) {
    case 'session.changed':
      return { ...applyChange(session, entry.data), ...audit };
    case 'session.transitioned': {
      const { transition, from, to } = entry.data;
      if (session.state !== from || transitionTarget(transition, session.closedFrom) !== to) {
        throw new ReplayError(`Entry ${entry.seq} moves the session from ${from} but it is ${session.state}.`);
      }
      const { closedFrom: _previous, ...rest } = session;
      return to === 'archived'
        ? { ...rest, state: to, closedFrom: from === 'archived' ? 'open' : from, ...audit }
        : { ...rest, state: to, ...audit };
    }
    case 'session.deleted':
      return { ...session, deleted: true, ...audit };
  }
}

function applyChange(session: Session, change: SessionChange): Session {
  const next: Record<string, unknown> = { ...session };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as unknown as Session;
}

/** Folds `entries` onto `from` (or from nothing). */
export function replay(
  identity: { readonly id: string; readonly number: number },
  entries: Iterable<JournalEntry>,
  from?: Session,
): Session | undefined {
  let session = from;
  for (const entry of entries) session = applyEntry(session, entry, identity);
  return session;
}
