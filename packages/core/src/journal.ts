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

type CheckInEntry = Extract<JournalEntry, { type: 'checkIn.added' | 'checkIn.corrected' }>;
type KeyResultFields = Omit<KeyResult, 'latest' | 'checkIns'>;

/**
 * A key result in a folded state. Its check-ins are kept as the journal entries that
 * recorded them, and become `CheckIn` objects the first time someone reads `checkIns`;
 * `latest` is made once at the end of each replay. A fold touches each check-in once and
 * allocates nothing for it, and a state keeps no copy of what the journal already holds.
 *
 * The entry list is shared with the states that follow (the journal only grows): each
 * record reads the first `count` entries. A replay changes only the records it made
 * (`owner`); anything shared with an earlier state is copied first. Every record has
 * the same fields in the same order, so reads of them stay monomorphic.
 */
class KeyResultRecord implements KeyResult {
  readonly id: string;
  readonly objectiveId: string;
  readonly title: string;
  readonly ownerId: string | undefined;
  readonly unit: string | undefined;
  readonly weight: number;
  readonly order: number;
  readonly kind: KeyResult['kind'];
  readonly start: number | undefined;
  readonly target: number | undefined;
  readonly threshold: number | undefined;
  readonly milestones: readonly string[] | undefined;
  /** Made when the replay that records check-ins ends (`settle`), so reading it is a plain field read. */
  latest: CheckIn | undefined;
  #log: CheckInEntry[];
  #count: number;
  /** Position in `#log` of the check-in that counts, or -1. */
  #latest: number;
  #owner: object | undefined;
  #unsettled = false;
  #checkIns: readonly CheckIn[] | undefined = undefined;

  constructor(
    k: KeyResultFields,
    log: CheckInEntry[],
    count: number,
    latest: number,
    owner: object | undefined,
    from?: KeyResultRecord,
  ) {
    this.id = k.id;
    this.objectiveId = k.objectiveId;
    this.title = k.title;
    this.ownerId = k.ownerId;
    this.unit = k.unit;
    this.weight = k.weight;
    this.order = k.order;
    this.kind = k.kind;
    this.start = k.start;
    this.target = k.target;
    this.threshold = k.threshold;
    this.milestones = k.milestones;
    this.latest = from?.latest;
    this.#log = log;
    this.#count = count;
    this.#latest = latest;
    this.#owner = owner;
    this.#checkIns = from === undefined ? undefined : from.#checkIns;
  }

  /** A new key result, made by (so changeable by) the replay `owner`. */
  static added(k: KeyResultFields, owner: object): KeyResultRecord {
    return new KeyResultRecord(k, [], 0, -1, owner);
  }

  /** The same history under other fields (edited, retargeted, reordered, handed over). */
  with(k: KeyResultFields, owner: object): KeyResultRecord {
    if (this.#unsettled) this.settle();
    return new KeyResultRecord(k, this.#log, this.#count, this.#latest, owner, this);
  }

  /** This record if `owner` made it, else a copy that `owner` may change. */
  ownedBy(owner: object): KeyResultRecord {
    if (this.#owner === owner) return this;
    return new KeyResultRecord(this, this.#log, this.#count, this.#latest, owner, this);
  }

  /**
   * Records a check-in or a correction; only on a record the caller owns. A record whose
   * `latest` is now out of date joins `unsettled`, once.
   */
  record(entry: CheckInEntry, unsettled: KeyResultRecord[]): void {
    // Kept small, so that the fold can inline it: corrections, rare, are a call away.
    if (entry.type === 'checkIn.corrected') {
      this.#recordCorrection(entry, unsettled);
      return;
    }
    // A check-in is never recorded before the entries it follows, so a new one counts.
    const n = this.#append(entry);
    this.#latest = n;
    if (!this.#unsettled) {
      this.#unsettled = true;
      unsettled.push(this);
    }
  }

  #recordCorrection(entry: Extract<CheckInEntry, { type: 'checkIn.corrected' }>, unsettled: KeyResultRecord[]): void {
    const { corrects } = entry.data;
    const original = this.#find(corrects);
    if (original < 0 || this.#correctionOf(corrects) >= 0) {
      throw new ReplayError(`Entry ${entry.seq} corrects check-in ${corrects}, which cannot be corrected.`);
    }
    // A correction takes the place of what it corrects: it counts if that counted, or
    // if nothing later counts instead.
    const current = this.#latest;
    const counts = current === original || this.#effectiveAt(original) >= this.#effectiveAt(current);
    const n = this.#append(entry);
    if (!counts) return;
    this.#latest = n;
    if (!this.#unsettled) {
      this.#unsettled = true;
      unsettled.push(this);
    }
  }

  /** Adds `entry` to the history (sharing the log where it can) and returns its position. */
  #append(entry: CheckInEntry): number {
    const n = this.#count;
    const log = this.#log;
    if (log.length === n) log.push(entry);
    else if (log[n] !== entry) {
      this.#log = log.slice(0, n);
      this.#log.push(entry);
    }
    this.#count = n + 1;
    this.#checkIns = undefined;
    return n;
  }

  /** Makes `latest` once the replay has recorded everything: one object per key result, not one per check-in. */
  settle(): void {
    const at = this.#latest;
    this.latest = checkInOf(this.#log[at] as CheckInEntry, this.#effectiveAt(at), undefined);
    this.#unsettled = false;
  }

  get checkIns(): readonly CheckIn[] {
    if (this.#checkIns) return this.#checkIns;
    const list: CheckIn[] = [];
    for (let i = 0; i < this.#count; i++) {
      if (i === this.#latest) {
        list.push(this.latest as CheckIn);
        continue;
      }
      const entry = this.#log[i] as CheckInEntry;
      const correction = this.#correctionOf(entry.data.id);
      list.push(checkInOf(entry, this.#effectiveAt(i), correction < 0 ? undefined : this.#log[correction]?.data.id));
    }
    this.#checkIns = list;
    return list;
  }

  /** How many check-ins (and corrections) this record holds, without making them. */
  get recorded(): number {
    return this.#count;
  }

  /** How many check-ins (and corrections) were recorded at or after `fromIso`, without making them. */
  countSince(fromIso: string): number {
    const log = this.#log;
    let i = this.#count;
    while (i > 0 && (log[i - 1] as CheckInEntry).at >= fromIso) i--;
    return this.#count - i;
  }

  toJSON(): KeyResult {
    return { ...this, checkIns: this.checkIns };
  }

  #find(id: string): number {
    for (let i = this.#count - 1; i >= 0; i--) if ((this.#log[i] as CheckInEntry).data.id === id) return i;
    return -1;
  }

  #correctionOf(id: string): number {
    for (let i = this.#count - 1; i >= 0; i--) {
      const entry = this.#log[i] as CheckInEntry;
      if (entry.type === 'checkIn.corrected' && entry.data.corrects === id) return i;
    }
    return -1;
  }

  /** A check-in's own instant, or for a correction the instant of the check-in it corrects. */
  #effectiveAt(at: number): string {
    let entry = this.#log[at] as CheckInEntry;
    while (entry.type === 'checkIn.corrected') entry = this.#log[this.#find(entry.data.corrects)] as CheckInEntry;
    return entry.at;
  }
}

/** One fixed shape for every check-in (absent fields are undefined). */
function checkInOf(entry: CheckInEntry, effectiveAt: string, supersededBy: string | undefined): CheckIn {
  const d = entry.data;
  return {
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
    supersededBy,
  };
}

/** How many check-ins of `kr` were recorded at or after `fromIso` (an ISO instant). */
export function checkInsSince(kr: KeyResult, fromIso: string): number {
  // A key result from outside the fold (made by hand) has only its list of check-ins.
  if (kr instanceof KeyResultRecord) return kr.countSince(fromIso);
  return kr.checkIns.filter((c) => c.at >= fromIso).length;
}

/**
 * How many check-ins `kr` gained since `earlier`, the same key result in an earlier state
 * (a history only grows). For a week: `earlier` as the week began, `kr` as it ended.
 */
export function checkInsAfter(kr: KeyResult, earlier: KeyResult): number {
  if (kr instanceof KeyResultRecord && earlier instanceof KeyResultRecord) return kr.recorded - earlier.recorded;
  return kr.checkIns.length - earlier.checkIns.length;
}

function recordOf(kr: KeyResult): KeyResultRecord {
  if (kr instanceof KeyResultRecord) return kr;
  throw new ReplayError(`Key result ${kr.id} was not made by the fold; fold states from their journal.`);
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
  const unsettled: KeyResultRecord[] = [];
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
      kr.record(entry, unsettled);
    } else {
      draft = applyInPlace(draft, entry, identity, owner);
      keyResults = draft.keyResults;
    }
  }
  for (const kr of unsettled) kr.settle();
  if (draft) {
    draft.head = head;
    draft.changedAt = changedAt;
    draft.changedBy = changedBy;
  }
  return draft;
}

function applyInPlace(draft: Draft | undefined, entry: JournalEntry, identity: Identity, owner: object): Draft {
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
      draft.keyResults.set(entry.data.id, KeyResultRecord.added(entry.data, owner));
      break;
    case 'keyResult.changed': {
      const kr = recordOf(need(draft.keyResults, entry.data.id, entry));
      draft.keyResults.set(kr.id, kr.with(patched(kr, entry.data), owner));
      break;
    }
    case 'keyResult.retargeted': {
      const { id, ...target } = entry.data;
      const kr = recordOf(need(draft.keyResults, id, entry));
      const { start: _s, target: _t, threshold: _h, milestones: _m, ...rest } = kr;
      draft.keyResults.set(id, kr.with({ ...rest, ...target }, owner));
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
        draft.keyResults.set(id, kr.with({ ...kr, order }, owner));
      });
      break;
    case 'owner.assigned': {
      const data = entry.data;
      const map = (
        data.item === 'objective' ? draft.objectives : data.item === 'keyResult' ? draft.keyResults : draft.initiatives
      ) as Map<string, { ownerId?: string }>;
      const found = need(map, data.id, entry);
      const { ownerId: _old, ...item } = found;
      const next = data.ownerId === null ? item : { ...item, ownerId: data.ownerId };
      if (data.item === 'keyResult') {
        draft.keyResults.set(data.id, recordOf(found as KeyResult).with(next as KeyResultFields, owner));
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
  }
  return draft;
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

/** The header storage keeps beside the journal: the session without what it holds. */
export function headerOf(session: Session): SessionHeader {
  const { objectives: _o, keyResults: _k, initiatives: _i, ...header } = session;
  return header;
}
