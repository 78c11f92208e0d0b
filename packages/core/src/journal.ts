import type { Transition } from './actions.js';
import { type CheckInEntry, type KeyResultFields, KeyResultRecord, recordOf } from './key-result-record.js';
import { transitionTarget } from './lifecycle.js';

export { checkInsAfter, checkInsSince } from './key-result-record.js';
export { ReplayError } from './replay-error.js';

import type {
  Alignment,
  CheckInStatus,
  Initiative,
  InitiativeStatus,
  KeyResult,
  KeyResultTarget,
  Objective,
  SessionDetails,
  SessionHeader,
  SessionState,
} from './model.js';
import { ReplayError } from './replay-error.js';

/**
 * The journal: every accepted change to a session is one immutable entry, appended with
 * the next `seq` and the instant it was recorded. The live session is the fold of the
 * whole journal; nothing in it is ever rewritten or deleted.
 */

type Optional<T> = { readonly [K in keyof T]?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };

/** What each entry type carries. Plain JSON only. */
export interface EntryDataMap {
  'session.created': SessionDetails;
  /** Changed fields only; `null` clears an optional field. */
  'session.changed': SessionChange;
  'session.transitioned': { readonly transition: Transition; readonly from: SessionState; readonly to: SessionState };
  'session.deleted': Readonly<Record<string, never>>;
  'objective.added': Omit<Objective, 'order'> & { readonly order: number };
  'objective.changed': { readonly id: string } & Optional<Pick<Objective, 'title' | 'description' | 'alignedTo'>>;
  'objective.removed': { readonly id: string };
  'objective.reordered': { readonly ids: readonly string[] };
  'keyResult.added': Omit<KeyResult, 'latest' | 'checkIns'>;
  'keyResult.changed': { readonly id: string } & Optional<Pick<KeyResult, 'title' | 'unit' | 'weight'>>;
  'keyResult.retargeted': { readonly id: string } & KeyResultTarget;
  'keyResult.removed': { readonly id: string };
  'keyResult.reordered': { readonly objectiveId: string; readonly ids: readonly string[] };
  'owner.assigned': {
    readonly item: 'objective' | 'keyResult' | 'initiative';
    readonly id: string;
    readonly ownerId: string | null;
  };
  'initiative.added': Initiative;
  'initiative.changed': { readonly id: string } & Optional<
    Pick<Initiative, 'title' | 'link' | 'status' | 'keyResultIds'>
  >;
  'initiative.removed': { readonly id: string };
  'checkIn.added': CheckInData;
  'checkIn.corrected': CheckInData & { readonly corrects: string };
}

export interface CheckInData {
  readonly id: string;
  readonly keyResultId: string;
  readonly value: number;
  readonly status?: CheckInStatus;
  readonly confidence?: number;
  readonly comment?: string;
  /**
   * The person's own time when they wrote it, kept when it reached the store at least a
   * minute later (written offline, then synced). The entry's `at` is still when it was
   * recorded: that instant, not this one, places it in a week.
   */
  readonly writtenAt?: string;
}

export type SessionChange = Optional<SessionDetails>;
export type ObjectiveChange = EntryDataMap['objective.changed'];
export type InitiativeChange = EntryDataMap['initiative.changed'];
export type { Alignment, InitiativeStatus };

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
  'objective.added',
  'objective.changed',
  'objective.removed',
  'objective.reordered',
  'keyResult.added',
  'keyResult.changed',
  'keyResult.retargeted',
  'keyResult.removed',
  'keyResult.reordered',
  'owner.assigned',
  'initiative.added',
  'initiative.changed',
  'initiative.removed',
  'checkIn.added',
  'checkIn.corrected',
] as const satisfies readonly EntryType[];

/**
 * The live state of a session: its header, and what it holds. Collections are keyed by
 * id; objectives and key results carry their `order`. Removed items are gone from the
 * live state (their history stays in the journal).
 */
export interface Session extends SessionHeader {
  readonly objectives: ReadonlyMap<string, Objective>;
  readonly keyResults: ReadonlyMap<string, KeyResult>;
  readonly initiatives: ReadonlyMap<string, Initiative>;
}

type Draft = { -readonly [K in keyof SessionHeader]: SessionHeader[K] } & {
  objectives: Map<string, Objective>;
  keyResults: Map<string, KeyResult>;
  initiatives: Map<string, Initiative>;
};

export interface Identity {
  readonly id: string;
  readonly number: number;
}

/** A private, mutable copy of `session` that the fold may change: new maps, shared (immutable) items. */
function draftOf(session: Session): Draft {
  return sessionOf(session, new Map(session.objectives), new Map(session.keyResults), new Map(session.initiatives));
}

/**
 * Every session in one hidden class, its fields written out: built by spreading, each
 * replay's session had a class of its own, and the fold's compiled code was thrown away
 * at the end of every replay.
 */
function sessionOf(
  h: SessionHeader,
  objectives: Map<string, Objective>,
  keyResults: Map<string, KeyResult>,
  initiatives: Map<string, Initiative>,
): Draft {
  const draft: Draft = {
    id: h.id,
    number: h.number,
    title: h.title,
    start: h.start,
    end: h.end,
    timeZone: h.timeZone,
    cadence: h.cadence,
    checkInCadence: h.checkInCadence,
    access: h.access,
    state: h.state,
    deleted: h.deleted,
    createdBy: h.createdBy,
    createdAt: h.createdAt,
    changedBy: h.changedBy,
    changedAt: h.changedAt,
    head: h.head,
    objectives,
    keyResults,
    initiatives,
  };
  if (h.description !== undefined) draft.description = h.description;
  if (h.parentId !== undefined) draft.parentId = h.parentId;
  if (h.closedFrom !== undefined) draft.closedFrom = h.closedFrom;
  return draft;
}

/**
 * Applies one entry to a session (undefined before `session.created`) and returns the
 * new session. Pure: `session` is not modified.
 */
export function applyEntry(session: Session | undefined, entry: JournalEntry, identity: Identity): Session {
  return replay(identity, [entry], session) as Session;
}

/**
 * Folds `entries` onto `from` (or from nothing) and returns the result; `from` is not
 * modified. Copies the collections once, then applies every entry in place, so a cold
 * replay costs one pass over the entries. Check-ins, nearly all of a journal, take the
 * short path: find the key result, and add the entry to its history.
 */
export function replay(identity: Identity, entries: Iterable<JournalEntry>, from?: Session): Session | undefined {
  let draft = from && draftOf(from);
  // Marks the key results this replay has made: it may change those in place, because
  // nobody else has seen them yet. Everything else is shared with `from` and copied first.
  const owner = {};
  let head = draft?.head ?? 0;
  let changedAt = draft?.changedAt ?? '';
  let changedBy = draft?.changedBy ?? '';
  let keyResults = draft?.keyResults;
  for (const entry of entries) {
    // The errors are made by functions of their own: with their message templates inline
    // here, the optimized loop allocated about 24 bytes per entry, 5 MB a cold fold at 1x.
    if (entry.seq !== head + 1) outOfSequence(entry, head);
    if (entry.at < changedAt) outOfOrder(entry);
    head = entry.seq;
    changedAt = entry.at;
    changedBy = entry.actor;
    if (keyResults && (entry.type === 'checkIn.added' || entry.type === 'checkIn.corrected')) {
      const found = keyResults.get(entry.data.keyResultId);
      if (found === undefined) missing(entry, entry.data.keyResultId);
      const kr = recordOf(found).ownedBy(owner);
      if (kr !== found) keyResults.set(kr.id, kr);
      kr.record(entry);
    } else {
      draft = applyInPlace(draft, entry, identity, owner);
      keyResults = draft.keyResults;
    }
  }
  if (draft) {
    draft.head = head;
    draft.changedAt = changedAt;
    draft.changedBy = changedBy;
  }
  return draft;
}

/**
 * Where a fold over a journal's index finds the history of a key result its
 * `keyResult.added` entry (by seq) began: the index itself (`CheckInIndex`). An object
 * with a method, not a closure: optimized code that inlines a closure holds it weakly,
 * and a collection after the timeline that made it is gone threw that code away (every
 * fresh store's fold ran unoptimized for its first thousands of entries).
 */
export interface LogBegunAt {
  logBegunAt(seq: number): CheckInEntry[] | undefined;
}

/**
 * The state after a journal's first `head` entries, from `from` (the state after an
 * earlier prefix, made the same way, or nothing): folds only the entries that are not
 * check-ins (`structural`, their positions in `entries`, those from the end of `from` to
 * `head`), and gives each key result the check-ins of its log recorded up to `head`. The
 * check-ins were checked when the index took them in (`CheckInIndex`). `from` is not
 * modified.
 */
export function foldStructure(
  identity: Identity,
  entries: readonly JournalEntry[],
  structural: readonly number[],
  logBegunAt: LogBegunAt,
  head: number,
  from?: Session,
): Session | undefined {
  let draft = from && draftOf(from);
  const owner = {};
  const first = from?.head ?? 0;
  for (let i = lowerBound(structural, first); i < structural.length; i++) {
    const at = structural[i] as number;
    if (at >= head) break;
    draft = applyInPlace(draft, entries[at] as JournalEntry, identity, owner, logBegunAt);
  }
  if (!draft) return undefined;
  for (const kr of draft.keyResults.values()) {
    const through = recordOf(kr).through(head, owner);
    if (through !== kr) draft.keyResults.set(kr.id, through);
  }
  const last = entries[head - 1] as JournalEntry;
  draft.head = head;
  draft.changedAt = last.at;
  draft.changedBy = last.actor;
  return draft;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function applyInPlace(
  draft: Draft | undefined,
  entry: JournalEntry,
  identity: Identity,
  owner: object,
  logBegunAt?: LogBegunAt,
): Draft {
  if (entry.type === 'session.created') {
    if (draft) throw new ReplayError(`Entry ${entry.seq} creates a session that already exists.`);
    return sessionOf(
      {
        ...entry.data,
        id: identity.id,
        number: identity.number,
        state: 'open',
        deleted: false,
        createdBy: entry.actor,
        createdAt: entry.at,
        changedBy: entry.actor,
        changedAt: entry.at,
        head: entry.seq,
      },
      new Map(),
      new Map(),
      new Map(),
    );
  }
  if (!draft) throw new ReplayError(`Entry ${entry.seq} (${entry.type}) comes before the session was created.`);
  switch (entry.type) {
    case 'session.changed':
      patch(draft as Record<string, unknown>, entry.data);
      break;
    case 'session.transitioned': {
      const { transition, from, to } = entry.data;
      if (draft.state !== from || transitionTarget(transition, draft.closedFrom) !== to) {
        throw new ReplayError(`Entry ${entry.seq} moves the session from ${from} but it is ${draft.state}.`);
      }
      if (from !== 'archived' && to === 'archived') draft.closedFrom = from;
      else delete draft.closedFrom;
      draft.state = to;
      break;
    }
    case 'session.deleted':
      draft.deleted = true;
      break;
    case 'objective.added':
      draft.objectives.set(entry.data.id, { ...entry.data });
      break;
    case 'objective.changed':
      draft.objectives.set(entry.data.id, patched(need(draft.objectives, entry.data.id, entry), entry.data));
      break;
    case 'objective.removed': {
      need(draft.objectives, entry.data.id, entry);
      draft.objectives.delete(entry.data.id);
      for (const kr of [...draft.keyResults.values()])
        if (kr.objectiveId === entry.data.id) removeKeyResult(draft, kr.id);
      renumber(draft.objectives);
      break;
    }
    case 'objective.reordered':
      entry.data.ids.forEach((id, order) => {
        draft.objectives.set(id, { ...need(draft.objectives, id, entry), order });
      });
      break;
    case 'keyResult.added':
      need(draft.objectives, entry.data.objectiveId, entry);
      draft.keyResults.set(entry.data.id, addedRecord(entry.data, entry.seq, owner, logBegunAt));
      break;
    case 'keyResult.changed': {
      const kr = recordOf(need(draft.keyResults, entry.data.id, entry));
      const fields = kr.fields();
      patch(fields, entry.data);
      draft.keyResults.set(kr.id, kr.with(fields, owner));
      break;
    }
    case 'keyResult.retargeted': {
      const { id, ...target } = entry.data;
      const kr = recordOf(need(draft.keyResults, id, entry));
      const fields = kr.fields();
      fields.start = fields.target = fields.threshold = fields.milestones = undefined;
      draft.keyResults.set(id, kr.with(Object.assign(fields, target), owner));
      break;
    }
    case 'keyResult.removed':
      need(draft.keyResults, entry.data.id, entry);
      removeKeyResult(draft, entry.data.id);
      break;
    case 'keyResult.reordered':
      entry.data.ids.forEach((id, order) => {
        const kr = recordOf(need(draft.keyResults, id, entry));
        if (kr.objectiveId !== entry.data.objectiveId) {
          throw new ReplayError(`Entry ${entry.seq} reorders ${id} under the wrong objective.`);
        }
        const fields = kr.fields();
        fields.order = order;
        draft.keyResults.set(id, kr.with(fields, owner));
      });
      break;
    case 'owner.assigned': {
      const data = entry.data;
      const map = (
        data.item === 'objective' ? draft.objectives : data.item === 'keyResult' ? draft.keyResults : draft.initiatives
      ) as Map<string, { ownerId?: string }>;
      const found = need(map, data.id, entry);
      if (data.item === 'keyResult') {
        const kr = recordOf(found as KeyResult);
        const fields = kr.fields();
        fields.ownerId = data.ownerId ?? undefined;
        draft.keyResults.set(data.id, kr.with(fields, owner));
        break;
      }
      const { ownerId: _old, ...item } = found;
      map.set(data.id, data.ownerId === null ? item : { ...item, ownerId: data.ownerId });
      break;
    }
    case 'initiative.added':
      draft.initiatives.set(entry.data.id, { ...entry.data });
      break;
    case 'initiative.changed':
      draft.initiatives.set(entry.data.id, patched(need(draft.initiatives, entry.data.id, entry), entry.data));
      break;
    case 'initiative.removed':
      need(draft.initiatives, entry.data.id, entry);
      draft.initiatives.delete(entry.data.id);
      break;
  }
  return draft;
}

function addedRecord(
  k: KeyResultFields,
  seq: number,
  owner: object,
  logBegunAt: LogBegunAt | undefined,
): KeyResultRecord {
  if (!logBegunAt) return KeyResultRecord.added(k, owner);
  const log = logBegunAt.logBegunAt(seq);
  if (!log) throw new ReplayError(`Entry ${seq} adds key result ${k.id}, which the journal's index does not know.`);
  return KeyResultRecord.indexed(k, owner, log);
}

function outOfSequence(entry: JournalEntry, head: number): never {
  throw new ReplayError(`Entry ${entry.seq} does not follow entry ${head}.`);
}

function outOfOrder(entry: JournalEntry): never {
  throw new ReplayError(`Entry ${entry.seq} is recorded before the entry it follows.`);
}

function missing(entry: JournalEntry, id: string): never {
  throw new ReplayError(`Entry ${entry.seq} (${entry.type}) refers to ${id}, which does not exist.`);
}

function need<T>(map: ReadonlyMap<string, T>, id: string, entry: JournalEntry): T {
  const found = map.get(id);
  if (found === undefined) missing(entry, id);
  return found;
}

/** Applies a change object: `null` removes a field, `undefined` leaves it. */
function patch(target: Record<string, unknown>, change: object): void {
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete target[key];
    else if (value !== undefined) target[key] = value;
  }
}

function patched<T extends object>(item: T, change: object): T {
  const next = { ...item } as Record<string, unknown>;
  patch(next, change);
  return next as T;
}

function removeKeyResult(draft: Draft, id: string): void {
  draft.keyResults.delete(id);
  for (const initiative of draft.initiatives.values()) {
    if (initiative.keyResultIds.includes(id)) {
      draft.initiatives.set(initiative.id, {
        ...initiative,
        keyResultIds: initiative.keyResultIds.filter((k) => k !== id),
      });
    }
  }
}

function renumber(objectives: Map<string, Objective>): void {
  [...objectives.values()]
    .sort((a, b) => a.order - b.order)
    .forEach((o, order) => {
      if (o.order !== order) objectives.set(o.id, { ...o, order });
    });
}

/**
 * `session` under another identity (the id and number storage gave a new session): the
 * same state, its collections shared. A fold does not depend on the identity but for
 * these two fields, so this equals folding the journal again under `identity`.
 */
export function withIdentity(session: Session, identity: Identity): Session {
  const draft = sessionOf(
    session,
    session.objectives as Map<string, Objective>,
    session.keyResults as Map<string, KeyResult>,
    session.initiatives as Map<string, Initiative>,
  );
  draft.id = identity.id;
  draft.number = identity.number;
  return draft;
}

/** The header storage keeps beside the journal: the session without what it holds. */
export function headerOf(session: Session): SessionHeader {
  const { objectives: _o, keyResults: _k, initiatives: _i, ...header } = session;
  return header;
}
