import type { Transition } from './actions.js';
import { transitionTarget } from './lifecycle.js';
import type {
  Alignment,
  CheckIn,
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

/** Thrown by the fold on an entry that cannot apply (a journal that does not replay). */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}

export interface Identity {
  readonly id: string;
  readonly number: number;
}

/** A private, mutable copy of `session` that the fold may change: new maps, shared (immutable) items. */
function draftOf(session: Session): Draft {
  return {
    ...session,
    objectives: new Map(session.objectives),
    keyResults: new Map(session.keyResults),
    initiatives: new Map(session.initiatives),
  };
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
 * replay costs one pass over the entries.
 */
export function replay(identity: Identity, entries: Iterable<JournalEntry>, from?: Session): Session | undefined {
  let draft = from && draftOf(from);
  // Key results this replay has already copied: it may change those in place, because
  // nobody else has seen them yet. Everything else is shared with `from` and is copied first.
  const owned = new WeakSet<KeyResult>();
  for (const entry of entries) draft = applyInPlace(draft, entry, identity, owned);
  return draft;
}

type MutableKeyResult = { -readonly [K in keyof KeyResult]: KeyResult[K] } & { checkIns: CheckIn[] };

function applyInPlace(
  draft: Draft | undefined,
  entry: JournalEntry,
  identity: Identity,
  owned: WeakSet<KeyResult>,
): Draft {
  if (entry.seq !== (draft?.head ?? 0) + 1) {
    throw new ReplayError(`Entry ${entry.seq} does not follow entry ${draft?.head ?? 0}.`);
  }
  if (draft && entry.at < draft.changedAt) {
    throw new ReplayError(`Entry ${entry.seq} is recorded before the entry it follows.`);
  }
  if (entry.type === 'session.created') {
    if (draft) throw new ReplayError(`Entry ${entry.seq} creates a session that already exists.`);
    return {
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
      objectives: new Map(),
      keyResults: new Map(),
      initiatives: new Map(),
    };
  }
  if (!draft) throw new ReplayError(`Entry ${entry.seq} (${entry.type}) comes before the session was created.`);
  draft.changedBy = entry.actor;
  draft.changedAt = entry.at;
  draft.head = entry.seq;
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
      draft.keyResults.set(entry.data.id, keyResultOf(entry.data, [], undefined));
      break;
    case 'keyResult.changed': {
      const kr = need(draft.keyResults, entry.data.id, entry);
      draft.keyResults.set(kr.id, keyResultOf(patched(kr, entry.data), kr.checkIns, kr.latest));
      break;
    }
    case 'keyResult.retargeted': {
      const { id, ...target } = entry.data;
      const kr = need(draft.keyResults, id, entry);
      const { start: _s, target: _t, threshold: _h, milestones: _m, ...rest } = kr;
      draft.keyResults.set(id, keyResultOf({ ...rest, ...target }, kr.checkIns, kr.latest));
      break;
    }
    case 'keyResult.removed':
      need(draft.keyResults, entry.data.id, entry);
      removeKeyResult(draft, entry.data.id);
      break;
    case 'keyResult.reordered':
      entry.data.ids.forEach((id, order) => {
        const kr = need(draft.keyResults, id, entry);
        if (kr.objectiveId !== entry.data.objectiveId) {
          throw new ReplayError(`Entry ${entry.seq} reorders ${id} under the wrong objective.`);
        }
        draft.keyResults.set(id, keyResultOf({ ...kr, order }, kr.checkIns, kr.latest));
      });
      break;
    case 'owner.assigned': {
      const data = entry.data;
      const map = (
        data.item === 'objective' ? draft.objectives : data.item === 'keyResult' ? draft.keyResults : draft.initiatives
      ) as Map<string, { ownerId?: string }>;
      const { ownerId: _old, ...item } = need(map, data.id, entry);
      const next = data.ownerId === null ? item : { ...item, ownerId: data.ownerId };
      if (data.item === 'keyResult') {
        const kr = next as unknown as KeyResult;
        draft.keyResults.set(data.id, keyResultOf(kr, kr.checkIns, kr.latest));
      } else map.set(data.id, next);
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
    case 'checkIn.added':
    case 'checkIn.corrected': {
      // Check-ins live in their key result, so a check-in copies (at most) one key result
      // and its short list, never every check-in of the session.
      let kr = need(draft.keyResults, entry.data.keyResultId, entry) as MutableKeyResult;
      if (!owned.has(kr)) {
        kr = keyResultOf(kr, [...kr.checkIns], kr.latest) as MutableKeyResult;
        owned.add(kr);
        draft.keyResults.set(kr.id, kr);
      }
      let effectiveAt = entry.at;
      if (entry.type === 'checkIn.corrected') {
        const { corrects } = entry.data;
        const index = kr.checkIns.findIndex((c) => c.id === corrects);
        const original = kr.checkIns[index];
        if (!original || original.supersededBy !== undefined) {
          throw new ReplayError(`Entry ${entry.seq} corrects check-in ${corrects}, which cannot be corrected.`);
        }
        effectiveAt = original.effectiveAt;
        kr.checkIns[index] = { ...original, supersededBy: entry.data.id };
      }
      // One fixed shape for every check-in (absent fields are undefined): spreading the
      // entry's data was the fold's most expensive line.
      const d = entry.data;
      const checkIn = {
        id: d.id,
        keyResultId: d.keyResultId,
        value: d.value,
        status: d.status,
        confidence: d.confidence,
        comment: d.comment,
        author: entry.actor,
        at: entry.at,
        effectiveAt,
        corrects: entry.type === 'checkIn.corrected' ? entry.data.corrects : undefined,
        supersededBy: undefined,
      } as CheckIn;
      const latest = kr.latest;
      if (
        !latest ||
        latest.id === (entry.type === 'checkIn.corrected' ? entry.data.corrects : '') ||
        effectiveAt >= latest.effectiveAt
      ) {
        kr.latest = checkIn;
      }
      kr.checkIns.push(checkIn);
      break;
    }
  }
  return draft;
}

function need<T>(map: ReadonlyMap<string, T>, id: string, entry: JournalEntry): T {
  const found = map.get(id);
  if (found === undefined)
    throw new ReplayError(`Entry ${entry.seq} (${entry.type}) refers to ${id}, which does not exist.`);
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

/**
 * Every key result in one shape, absent fields undefined: snapshots and progress read
 * thousands of them, and copies made by spreading had drifted into dozens of hidden
 * classes, which made every one of those reads slow.
 */
function keyResultOf(
  k: Omit<KeyResult, 'latest' | 'checkIns'>,
  checkIns: readonly CheckIn[],
  latest: CheckIn | undefined,
): KeyResult {
  return {
    id: k.id,
    objectiveId: k.objectiveId,
    title: k.title,
    ownerId: k.ownerId,
    unit: k.unit,
    weight: k.weight,
    order: k.order,
    kind: k.kind,
    start: k.start,
    target: k.target,
    threshold: k.threshold,
    milestones: k.milestones,
    latest,
    checkIns,
  };
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

/** The header storage keeps beside the journal: the session without what it holds. */
export function headerOf(session: Session): SessionHeader {
  const { objectives: _o, keyResults: _k, initiatives: _i, ...header } = session;
  return header;
}
