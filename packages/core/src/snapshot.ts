import { checkInsAfter, checkInsSince, type JournalEntry, type Session } from './journal.js';
import type { CheckIn, CheckInStatus, InitiativeStatus, KeyResult, Objective } from './model.js';
import {
  clamp,
  DEFAULT_STATUS_THRESHOLDS,
  derivedStatus,
  expectedProgress,
  FULL_PROGRESS,
  keyResultProgress,
  NO_PROGRESS,
  type Progress,
  rawProgress,
  type StatusThresholds,
  staleRule,
  statusFor,
} from './progress.js';
import { indexOf, keyResultsIn, NONE } from './session-index.js';
import type { Timeline } from './timeline.js';
import { parseWeek, type Week, weekAt, weekRange, weeksBetween } from './weeks.js';

/**
 * Weekly snapshots: how a session looked at the end of an ISO week. The snapshot of
 * week W is the fold of the journal entries recorded before W ends (in the session's
 * time zone); the change against the week before compares it with the fold at W's start.
 * Entries are only ever appended with later instants, so a finished week's snapshot can
 * never change.
 */

export const UNAVAILABLE_REASONS = ['not-yet-created', 'outside-session', 'future'] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

export type RowType = 'objective' | 'keyResult' | 'initiative';

/** A row's latest check-in: the recorded check-in itself (shared, never copied). */
export type SnapshotCheckIn = CheckIn;

export interface RowChange {
  /** Progress points moved since the end of the previous week (clamped progress × 100). */
  readonly points: number;
  readonly statusBefore?: string | undefined;
  readonly statusAfter: string;
  /** Added during this week. */
  readonly isNew: boolean;
  /** Removed during this week: the row shows the item as it was at the previous week's end. */
  readonly removed: boolean;
}

export interface SnapshotRow {
  readonly type: RowType;
  readonly id: string;
  /** Objective of a key result; key result of an initiative (an initiative linked to several appears under each). */
  readonly parentId?: string;
  readonly depth: 0 | 1 | 2;
  readonly title: string;
  readonly ownerId?: string | undefined;
  readonly progress: Progress;
  readonly expected: number;
  /** A check-in status for objectives and key results; the initiative's own status for initiatives. */
  readonly status: CheckInStatus | InitiativeStatus;
  readonly stale: boolean;
  readonly latestCheckIn?: SnapshotCheckIn | undefined;
  readonly checkInsThisWeek: number;
  readonly change: RowChange;
  /** Key results only. */
  readonly kind?: KeyResult['kind'];
  readonly unit?: string | undefined;
  /** Initiatives only: how many key results it is linked to. */
  readonly linkedKeyResults?: number;
  /** Set by an owner filter on ancestors kept only to show where a match belongs. */
  readonly context?: boolean;
}

export interface Mover {
  readonly id: string;
  readonly title: string;
  readonly points: number;
}

export interface SnapshotSummary {
  /** Key results per status. */
  readonly byStatus: Readonly<Record<CheckInStatus, number>>;
  /** Stale key results. */
  readonly stale: number;
  /** Items with no owner. */
  readonly unassigned: number;
  /**
   * Mean clamped progress of the top items shown, 0..1: each objective shown, and each
   * key result shown whose objective is only there for context (an owner filter that
   * keeps someone's key results under other people's objectives). Context rows never count.
   */
  readonly progress: number;
  /** Key results that moved most this week, up to three each way. */
  readonly movedUp: readonly Mover[];
  readonly movedDown: readonly Mover[];
}

export type OwnerFilter = 'all' | 'unassigned' | { readonly ownerId: string };

export interface Snapshot {
  readonly available: true;
  readonly sessionId: string;
  readonly sessionTitle: string;
  readonly timeZone: string;
  readonly week: Week;
  /** The instant the state is taken at: the week's end, or now for the current week. */
  readonly asOf: string;
  /** The current week: live, changes as people check in. */
  readonly live: boolean;
  /** Past weeks are read-only. */
  readonly readOnly: boolean;
  readonly expected: number;
  readonly owner: OwnerFilter;
  readonly rows: readonly SnapshotRow[];
  readonly summary: SnapshotSummary;
  /** A content hash of a finished week's snapshot (unfiltered), which never changes. */
  readonly hash?: string;
}

export interface SnapshotUnavailable {
  readonly available: false;
  readonly sessionId: string;
  readonly week: Week;
  readonly reason: UnavailableReason;
  /** The nearest week that has a snapshot, if any. */
  readonly nearest?: string;
}

export type SnapshotResult = Snapshot | SnapshotUnavailable;

export interface SnapshotOptions {
  readonly owner?: OwnerFilter;
  readonly thresholds?: StatusThresholds;
}

const STATUS_RANK: Readonly<Record<CheckInStatus, number>> = { on_track: 0, at_risk: 1, off_track: 2 };

/** The weeks of a session (every week overlapping its dates) and the current one. */
export function sessionWeeks(
  session: Pick<Session, 'start' | 'end' | 'timeZone'>,
  now: Date,
): { weeks: Week[]; current: Week } {
  return { weeks: weeksBetween(session.start, session.end), current: weekAt(now, session.timeZone) };
}

/** Why week `week` has no snapshot, or undefined if it has one. */
export function unavailableReason(session: Session, week: Week, now: Date): UnavailableReason | undefined {
  const { from, to } = weekRange(week, session.timeZone);
  if (week.end < session.start || week.start > session.end) return 'outside-session';
  if (from > now.getTime()) return 'future';
  if (to <= Date.parse(session.createdAt)) return 'not-yet-created';
  return undefined;
}

/** The snapshot of `weekKey` (a key such as `2027-W05`), derived from the session's timeline. */
export function snapshotOf(
  timeline: Timeline,
  live: Session,
  weekKey: string,
  now: Date,
  options: SnapshotOptions = {},
): SnapshotResult {
  const week = parseWeek(weekKey);
  if (!week) throw new RangeError(`Not a week: ${weekKey}`);
  const reason = unavailableReason(live, week, now);
  if (reason) {
    const nearest = nearestWeek(live, week, now);
    return { available: false, sessionId: live.id, week, reason, ...(nearest ? { nearest } : {}) };
  }
  const { from, to } = weekRange(week, live.timeZone);
  const isLive = to > now.getTime();
  const asOf = isLive ? now.getTime() : to;
  const thresholds = options.thresholds ?? DEFAULT_STATUS_THRESHOLDS;
  const owner = options.owner ?? 'all';
  const derive = (only?: OwnerFilter): Derived => {
    // The week's start first: its checkpoint is where the fold to the week's end begins
    // (the other way round, a first snapshot folded the journal from the start twice).
    const start = timeline.stateBefore(from, true);
    const end = isLive ? live : (timeline.stateBefore(to, true) as Session);
    const removals = timeline.removalsBetween(from, to);
    const week = { from, asOf: new Date(asOf), startAsOf: new Date(from), removals };
    const rows = deriveRows(end, start, week, thresholds, only);
    return { title: end.title, expected: expectedProgress(end, week.asOf), rows, summary: summarize(rows) };
  };
  // A finished week depends only on its boundaries, the entries recorded before it ended,
  // the thresholds, and (through the hash) the zone's name: remember it under all of them.
  // The count alone is not enough: a new zone moves the boundaries, and the entries
  // recorded before the end can stay the same.
  const key = `week:${week.key}:${from}:${to}:${live.timeZone}:${timeline.countBefore(to)}:${JSON.stringify(thresholds)}`;
  const whole = () => (isLive ? derive() : timeline.memo(key, derive));
  let derived: Derived;
  let rows: readonly SnapshotRow[];
  let summary: SnapshotSummary;
  if (owner === 'all') {
    derived = whole();
    rows = derived.rows;
    summary = derived.summary;
  } else {
    // Filtered: reuse the whole week if it is known, else derive only the objectives
    // that hold the owner's items (the rest would be filtered out anyway).
    const known = isLive ? undefined : timeline.peek<Derived>(key);
    derived = known ?? (isLive ? derive(owner) : timeline.memo(`${key}:${JSON.stringify(owner)}`, () => derive(owner)));
    rows = filterByOwner(derived.rows, owner);
    summary = summarize(rows);
  }
  const base = {
    available: true as const,
    sessionId: live.id,
    sessionTitle: derived.title,
    timeZone: live.timeZone,
    week,
    asOf: new Date(asOf).toISOString(),
    live: isLive,
    readOnly: !isLive,
    expected: derived.expected,
  };
  const snapshot: Snapshot = { ...base, owner, rows, summary };
  if (isLive) return snapshot;
  // The hash covers the unfiltered content, not where it is stored (an imported copy
  // hashes the same). It is computed when first read, and once per finished week.
  const { sessionId: _id, ...content } = base;
  const hash = () =>
    timeline.memo(`hash:${key}`, () => {
      const all = whole();
      return contentHash(JSON.stringify({ ...content, rows: all.rows, summary: all.summary }));
    });
  return Object.defineProperty(snapshot, 'hash', { enumerable: true, get: hash }) as Snapshot;
}

interface Derived {
  readonly title: string;
  readonly expected: number;
  readonly rows: readonly SnapshotRow[];
  readonly summary: SnapshotSummary;
}

/**
 * The closest week to `week` that has a snapshot. The weeks that have one are every week
 * from the later of the session's first week and the week it was created in, to the
 * earlier of its last week and the current week: the nearest is `week` clamped to that
 * run. Constant time: walking every week of a long session took seconds.
 */
function nearestWeek(session: Session, week: Week, now: Date): string | undefined {
  const weekOfDate = (iso: string) => weekAt(new Date(`${iso}T12:00:00Z`), 'UTC');
  const created = weekAt(new Date(session.createdAt), session.timeZone);
  const current = weekAt(now, session.timeZone);
  const startWeek = weekOfDate(session.start);
  const endWeek = weekOfDate(session.end);
  const first = startWeek.start > created.start ? startWeek : created;
  const last = endWeek.start < current.start ? endWeek : current;
  if (first.start > last.start) return undefined;
  if (week.start < first.start) return first.key;
  if (week.start > last.start) return last.key;
  return week.key;
}

interface ItemState {
  readonly progress: Progress;
  readonly status: string;
}

/** A progress sum over weighted key results, for an objective. */
class Rollup {
  weights = 0;
  clamped = 0;
  raw = 0;
  worst: CheckInStatus | undefined = undefined;
  add(weight: number, raw: number, clamped: number, status: CheckInStatus): void {
    this.weights += weight;
    this.clamped += weight * clamped;
    this.raw += weight * raw;
    if (!this.worst || STATUS_RANK[status] > STATUS_RANK[this.worst]) this.worst = status;
  }
  merge(other: Rollup): void {
    this.weights += other.weights;
    this.clamped += other.clamped;
    this.raw += other.raw;
    const worst = other.worst;
    if (worst && (!this.worst || STATUS_RANK[worst] > STATUS_RANK[this.worst])) this.worst = worst;
  }
  /** Starts over, for the next objective (one instance serves a whole snapshot). */
  reset(): void {
    this.weights = 0;
    this.clamped = 0;
    this.raw = 0;
    this.worst = undefined;
  }
  progress(): Progress {
    return this.weights === 0 ? NO_PROGRESS : { raw: this.raw / this.weights, clamped: this.clamped / this.weights };
  }
  /** The worst key result status, or one derived from progress if there are no key results. */
  status(expected: number, thresholds: StatusThresholds): CheckInStatus {
    return this.worst ?? derivedStatus(this.weights === 0 ? 0 : this.clamped / this.weights, expected, thresholds);
  }
  state(expected: number, thresholds: StatusThresholds): { progress: Progress; status: CheckInStatus } {
    return { progress: this.progress(), status: this.status(expected, thresholds) };
  }
}

/** Removed key results of one objective: their rows, and their share of the objective's progress before. */
interface Removed {
  readonly rows: SnapshotRow[];
  readonly before: Rollup;
}

interface WeekBounds {
  /** The week's first instant (epoch ms). */
  readonly from: number;
  /** The instant the state is taken at: the week's end, or now. */
  readonly asOf: Date;
  /** The instant the state before is taken at: the week's start. */
  readonly startAsOf: Date;
  /** The entries recorded during the week that remove objectives or key results. */
  readonly removals: readonly JournalEntry[];
}

function changed(progress: Progress, status: string, wasClamped: number, statusBefore: string): RowChange {
  if (statusBefore === status && progress.clamped === wasClamped) return unchanged(status);
  return {
    points: round((progress.clamped - wasClamped) * 100),
    statusBefore,
    statusAfter: status,
    isNew: false,
    removed: false,
  };
}

/** The change of an item that did not move: one shared object per status. */
const UNCHANGED = new Map<string, RowChange>();
function unchanged(status: string): RowChange {
  let change = UNCHANGED.get(status);
  if (!change) {
    change = Object.freeze({ points: 0, statusBefore: status, statusAfter: status, isNew: false, removed: false });
    UNCHANGED.set(status, change);
  }
  return change;
}

function added(progress: Progress, status: string): RowChange {
  return {
    points: round(progress.clamped * 100),
    statusBefore: undefined,
    statusAfter: status,
    isNew: true,
    removed: false,
  };
}

/**
 * The rows of a week: `end` is the state at its end, `start` at its beginning (the
 * previous week's end). One pass over the end state's tree; the state before is looked
 * up per item (an item that did not change is the same object in both states). With an
 * owner filter, only the objectives holding the owner's items are derived (the rest would
 * be filtered out); `filterByOwner` then keeps the matches and their context.
 */
function deriveRows(
  end: Session,
  start: Session | undefined,
  bounds: WeekBounds,
  thresholds: StatusThresholds,
  owner: OwnerFilter = 'all',
): SnapshotRow[] {
  const expected = expectedProgress(end, bounds.asOf);
  const expectedBefore = start ? expectedProgress(start, bounds.startAsOf) : 0;
  const stale = staleRule(end);
  const asOf = bounds.asOf.getTime();
  // Instants are canonical ISO strings (checked on import), so they order as text.
  const fromIso = new Date(bounds.from).toISOString();
  const index = indexOf(end);
  const removed = removedDuring(start, end, bounds.removals, expectedBefore, thresholds);
  let objectives = index.objectives;
  if (owner !== 'all') {
    const ownerId = owner === 'unassigned' ? undefined : owner.ownerId;
    const ids = new Set(index.objectivesByOwner.get(ownerId));
    for (const [objectiveId, gone] of removed.byObjective)
      if (gone.rows.some((row) => row.ownerId === ownerId)) ids.add(objectiveId);
    objectives = [...ids]
      .map((id) => end.objectives.get(id))
      .filter((o): o is Objective => o !== undefined)
      .sort((a, b) => a.order - b.order);
  }
  const rows: SnapshotRow[] = [];
  const now = new Rollup();
  const before = new Rollup();
  for (const objective of objectives) {
    // The objective's row goes first but is known last: keep its place.
    const at = rows.length;
    rows.push(PLACEHOLDER);
    now.reset();
    before.reset();
    let count = 0;
    for (const kr of keyResultsIn(end, objective.id)) {
      const progress = keyResultProgress(kr);
      const status = statusFor(kr, expected, thresholds);
      now.add(kr.weight, progress.raw, progress.clamped, status);
      const wasKr = start?.keyResults.get(kr.id);
      let change: RowChange;
      if (wasKr) {
        // An unchanged key result is the same object in both states.
        const wasRaw = wasKr === kr ? progress.raw : rawProgress(wasKr);
        const wasClamped = clamp(wasRaw);
        const wasStatus = statusFor(wasKr, expectedBefore, thresholds);
        before.add(wasKr.weight, wasRaw, wasClamped, wasStatus);
        change = changed(progress, status, wasClamped, wasStatus);
      } else change = added(progress, status);
      // The state before holds exactly the check-ins recorded before the week began.
      const n = wasKr ? checkInsAfter(kr, wasKr) : checkInsSince(kr, fromIso);
      count += n;
      rows.push({
        type: 'keyResult',
        id: kr.id,
        parentId: objective.id,
        depth: 1,
        title: kr.title,
        // Absent fields are undefined rather than missing: one object shape for every
        // row keeps this loop fast (JSON output is the same).
        ownerId: kr.ownerId,
        progress,
        expected,
        status,
        stale: stale(kr, asOf),
        latestCheckIn: kr.latest,
        checkInsThisWeek: n,
        change,
        kind: kr.kind,
        unit: kr.unit,
      });
      for (const initiative of index.initiativesOf.get(kr.id) ?? NONE) {
        const progress = initiativeProgress(initiative.status);
        const was = start?.initiatives.get(initiative.id);
        rows.push({
          type: 'initiative',
          id: initiative.id,
          parentId: kr.id,
          depth: 2,
          title: initiative.title,
          ownerId: initiative.ownerId,
          progress,
          expected,
          status: initiative.status,
          stale: false,
          checkInsThisWeek: 0,
          change: was
            ? changed(progress, initiative.status, initiativeProgress(was.status).clamped, was.status)
            : added(progress, initiative.status),
          linkedKeyResults: initiative.keyResultIds.length,
        });
      }
    }
    const gone = removed.byObjective.get(objective.id);
    if (gone) {
      for (const row of gone.rows) rows.push(row);
      before.merge(gone.before);
    }
    const progress = now.progress();
    const status = now.status(expected, thresholds);
    const existed = start?.objectives.has(objective.id) ?? false;
    rows[at] = {
      type: 'objective',
      id: objective.id,
      depth: 0,
      title: objective.title,
      ownerId: objective.ownerId,
      progress,
      expected,
      status,
      stale: false,
      checkInsThisWeek: count,
      change: existed
        ? changed(
            progress,
            status,
            before.weights === 0 ? 0 : before.clamped / before.weights,
            before.status(expectedBefore, thresholds),
          )
        : added(progress, status),
    };
  }
  for (const objective of removed.objectives) {
    const gone = removed.byObjective.get(objective.id);
    const was = (gone?.before ?? new Rollup()).state(expectedBefore, thresholds);
    rows.push(removedRow('objective', objective.id, undefined, 0, objective.title, objective.ownerId, was, expected));
    for (const row of gone?.rows ?? NONE) rows.push(row);
  }
  return rows;
}

const PLACEHOLDER = undefined as unknown as SnapshotRow;

/**
 * What was removed during the week (there at its start, gone at its end): key results
 * by objective, and objectives in order. Found from the week's entries, not by comparing
 * the two states whole.
 */
function removedDuring(
  start: Session | undefined,
  end: Session,
  removals: readonly JournalEntry[],
  expectedBefore: number,
  thresholds: StatusThresholds,
): { byObjective: Map<string, Removed>; objectives: Objective[] } {
  const byObjective = new Map<string, Removed>();
  const objectives: Objective[] = [];
  if (!start) return { byObjective, objectives };
  const krIds = new Set<string>();
  const objectiveIds = new Set<string>();
  for (const entry of removals) {
    if (entry.type === 'keyResult.removed') krIds.add(entry.data.id);
    else if (entry.type === 'objective.removed') {
      objectiveIds.add(entry.data.id);
      for (const kr of keyResultsIn(start, entry.data.id)) krIds.add(kr.id);
    }
  }
  const gone: KeyResult[] = [];
  for (const id of krIds) {
    const kr = start.keyResults.get(id);
    if (kr && !end.keyResults.has(id)) gone.push(kr);
  }
  gone.sort((a, b) => a.order - b.order);
  for (const kr of gone) {
    const progress = keyResultProgress(kr);
    const status = statusFor(kr, expectedBefore, thresholds);
    const row = removedRow('keyResult', kr.id, kr.objectiveId, 1, kr.title, kr.ownerId, { progress, status }, 0);
    let entry = byObjective.get(kr.objectiveId);
    if (!entry) {
      entry = { rows: [], before: new Rollup() };
      byObjective.set(kr.objectiveId, entry);
    }
    entry.rows.push(row);
    entry.before.add(kr.weight, progress.raw, progress.clamped, status);
  }
  for (const id of objectiveIds) {
    const objective = start.objectives.get(id);
    if (objective && !end.objectives.has(id)) objectives.push(objective);
  }
  objectives.sort((a, b) => a.order - b.order);
  return { byObjective, objectives };
}

function removedRow(
  type: RowType,
  id: string,
  parentId: string | undefined,
  depth: 0 | 1,
  title: string,
  ownerId: string | undefined,
  was: ItemState,
  expected: number,
): SnapshotRow {
  const { progress, status } = was;
  return {
    type,
    id,
    ...(parentId ? { parentId } : {}),
    depth,
    title,
    ...(ownerId ? { ownerId } : {}),
    progress,
    expected,
    status: status as CheckInStatus,
    stale: false,
    checkInsThisWeek: 0,
    change: { points: 0, statusBefore: status, statusAfter: status, isNew: false, removed: true },
  };
}

function initiativeProgress(status: InitiativeStatus): Progress {
  return status === 'done' ? FULL_PROGRESS : NO_PROGRESS;
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}

/**
 * Keeps the rows owned by `owner` (or without an owner, for `unassigned`) and, as
 * context, the ancestors that show where they belong.
 */
export function filterByOwner(rows: readonly SnapshotRow[], owner: OwnerFilter): SnapshotRow[] {
  if (owner === 'all') return [...rows];
  const matches = (row: SnapshotRow) =>
    owner === 'unassigned' ? row.ownerId === undefined : row.ownerId === owner.ownerId;
  const keep = new Set<SnapshotRow>();
  const context = new Set<SnapshotRow>();
  // Rows are in tree order: the nearest row above at a smaller depth is the parent.
  const path: SnapshotRow[] = [];
  for (const row of rows) {
    path.length = row.depth;
    if (matches(row)) {
      keep.add(row);
      for (const ancestor of path) if (!keep.has(ancestor)) context.add(ancestor);
    }
    path[row.depth] = row;
  }
  return rows
    .filter((r) => keep.has(r) || context.has(r))
    .map((r) => (context.has(r) && !keep.has(r) ? { ...r, context: true } : r));
}

/** Counts and movers of the rows shown (context rows do not count). */
export function summarize(rows: readonly SnapshotRow[]): SnapshotSummary {
  const byStatus: Record<CheckInStatus, number> = { on_track: 0, at_risk: 0, off_track: 0 };
  let stale = 0;
  let unassigned = 0;
  let counted = 0;
  let progress = 0;
  // Objectives shown only for context: their own key results count in the mean instead.
  const contextObjectives = new Set<string>();
  // The three biggest moves each way, in one pass (ties: earlier rows first up, later rows first down).
  const movedUp: Mover[] = [];
  const movedDown: Mover[] = [];
  for (const row of rows) {
    if (row.context && row.type === 'objective') contextObjectives.add(row.id);
    if (row.context || row.change.removed) continue;
    if (row.ownerId === undefined) unassigned++;
    const top =
      row.type === 'objective' ||
      (row.type === 'keyResult' && row.parentId !== undefined && contextObjectives.has(row.parentId));
    if (top) {
      counted++;
      progress += row.progress.clamped;
    }
    if (row.type !== 'keyResult') continue;
    byStatus[row.status as CheckInStatus]++;
    if (row.stale) stale++;
    const points = row.change.points;
    if (points > 0 && (movedUp.length < 3 || points > (movedUp[2] as Mover).points)) {
      let i = movedUp.length;
      while (i > 0 && (movedUp[i - 1] as Mover).points < points) i--;
      movedUp.splice(i, 0, { id: row.id, title: row.title, points });
      movedUp.length = Math.min(movedUp.length, 3);
    } else if (points < 0 && (movedDown.length < 3 || points <= (movedDown[2] as Mover).points)) {
      let i = 0;
      while (i < movedDown.length && (movedDown[i] as Mover).points < points) i++;
      movedDown.splice(i, 0, { id: row.id, title: row.title, points });
      movedDown.length = Math.min(movedDown.length, 3);
    }
  }
  return {
    byStatus,
    stale,
    unassigned,
    progress: counted === 0 ? 0 : progress / counted,
    movedUp,
    movedDown,
  };
}

export interface SeriesPoint {
  readonly week: string;
  /** Clamped progress at the week's end (or now, for the current week); undefined where the item did not exist. */
  readonly progress: number | undefined;
}

/**
 * An objective's or key result's progress at the end of every week of the session so
 * far, for sparklines and burn-up charts. Uses (and fills) the timeline's checkpoints.
 */
export function seriesOf(timeline: Timeline, live: Session, itemId: string, now: Date): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (const week of weeksBetween(live.start, live.end)) {
    if (unavailableReason(live, week, now)) continue;
    const { to } = weekRange(week, live.timeZone);
    const state = to > now.getTime() ? live : timeline.stateBefore(to, true);
    points.push({ week: week.key, progress: state ? itemProgress(state, itemId) : undefined });
  }
  return points;
}

function itemProgress(session: Session, id: string): number | undefined {
  const kr = session.keyResults.get(id);
  if (kr) return keyResultProgress(kr).clamped;
  if (!session.objectives.has(id)) return undefined;
  let weights = 0;
  let sum = 0;
  for (const k of keyResultsIn(session, id)) {
    weights += k.weight;
    sum += k.weight * keyResultProgress(k).clamped;
  }
  return weights === 0 ? 0 : sum / weights;
}

/** A short, stable content hash (FNV-1a, 64 bits as two 32-bit halves), hex. */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
