import { checkInsAfter, checkInsSince, type JournalEntry, type Session } from './journal.js';
import type { CheckInStatus, InitiativeStatus, KeyResult, Objective } from './model.js';
import {
  clamp,
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
import type { OwnerFilter, RowChange, RowType, SnapshotRow } from './snapshot.js';

const STATUS_RANK: Readonly<Record<CheckInStatus, number>> = { on_track: 0, at_risk: 1, off_track: 2 };

/** The rows of a week's snapshot: each item's state at the week's end against its start. */

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
export function unchanged(status: string): RowChange {
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
export function deriveRows(
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
      // Each key result's latest check-in, progress and status once (statusFor and
      // keyResultProgress would each read the check-in and work out the progress again).
      const latest = kr.latest;
      const progress = keyResultProgress(kr, latest?.value);
      const status = latest?.status ?? derivedStatus(progress.clamped, expected, thresholds);
      now.add(kr.weight, progress.raw, progress.clamped, status);
      const wasKr = start?.keyResults.get(kr.id);
      let change: RowChange;
      if (wasKr) {
        // An unchanged key result is the same object in both states.
        const wasLatest = wasKr === kr ? latest : wasKr.latest;
        const wasRaw = wasKr === kr ? progress.raw : rawProgress(wasKr, wasLatest?.value);
        const wasClamped = clamp(wasRaw);
        const wasStatus = wasLatest?.status ?? derivedStatus(wasClamped, expectedBefore, thresholds);
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
        latestCheckIn: latest,
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

/** The row of an item removed during the week: as it was at the week's start. */
export function removedRow(
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
