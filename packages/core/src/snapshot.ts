import type { JournalEntry, Session } from './journal.js';
import type { CheckInStatus, InitiativeStatus, KeyResult } from './model.js';
import {
  DEFAULT_STATUS_THRESHOLDS,
  derivedStatus,
  expectedProgress,
  keyResultProgress,
  type Progress,
  type StatusThresholds,
  staleRule,
  statusFor,
} from './progress.js';
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

export interface SnapshotCheckIn {
  readonly value: number;
  readonly status?: CheckInStatus | undefined;
  readonly comment?: string | undefined;
  readonly author: string;
  readonly at: string;
}

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
  /** Mean clamped progress of the objectives shown, 0..1. */
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
  const derive = () => {
    const end = isLive ? live : (timeline.stateBefore(to, true) as Session);
    const start = timeline.stateBefore(from, true);
    const rows = deriveRows(end, start, timeline.entriesBetween(from, to), new Date(asOf), new Date(from), thresholds);
    return { title: end.title, expected: expectedProgress(end, new Date(asOf)), rows, summary: summarize(rows) };
  };
  // A finished week depends only on the entries recorded before it ended: remember it.
  const derived = isLive
    ? derive()
    : timeline.memo(`week:${week.key}:${timeline.countBefore(to)}:${JSON.stringify(thresholds)}`, derive);
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
  const owner = options.owner ?? 'all';
  const shown = owner === 'all' ? derived.rows : filterByOwner(derived.rows, owner);
  const snapshot: Snapshot = {
    ...base,
    owner,
    rows: shown,
    summary: owner === 'all' ? derived.summary : summarize(shown),
  };
  if (isLive) return snapshot;
  // The hash covers the content, not where it is stored (an imported copy hashes the same).
  // It is computed when first read, and once per finished week.
  const { sessionId: _id, ...content } = base;
  const hash = () =>
    timeline.memo(`hash:${week.key}:${timeline.countBefore(to)}:${JSON.stringify(thresholds)}`, () =>
      contentHash(JSON.stringify({ ...content, rows: derived.rows, summary: derived.summary })),
    );
  return Object.defineProperty(snapshot, 'hash', { enumerable: true, get: hash }) as Snapshot;
}

/** The closest week to `week` that has a snapshot. */
function nearestWeek(session: Session, week: Week, now: Date): string | undefined {
  const candidates = weeksBetween(session.start, session.end).filter((w) => !unavailableReason(session, w, now));
  if (candidates.length === 0) return undefined;
  return candidates.reduce((best, w) =>
    Math.abs(Date.parse(w.start) - Date.parse(week.start)) < Math.abs(Date.parse(best.start) - Date.parse(week.start))
      ? w
      : best,
  ).key;
}

interface ItemState {
  readonly progress: Progress;
  readonly status: string;
}

function deriveRows(
  end: Session,
  start: Session | undefined,
  weekEntries: readonly JournalEntry[],
  asOf: Date,
  startAsOf: Date,
  thresholds: StatusThresholds,
): SnapshotRow[] {
  const expected = expectedProgress(end, asOf);
  const stale = staleRule(end);
  const checkInsThisWeek = new Map<string, number>();
  for (const entry of weekEntries) {
    if (entry.type === 'checkIn.added' || entry.type === 'checkIn.corrected') {
      checkInsThisWeek.set(entry.data.keyResultId, (checkInsThisWeek.get(entry.data.keyResultId) ?? 0) + 1);
    }
  }
  const before = start ? itemStates(start, startAsOf, thresholds) : new Map<string, ItemState>();
  const rows: SnapshotRow[] = [];
  const krsByObjective = groupKeyResults(end);
  const initiativesByKr = new Map<string, string[]>();
  for (const initiative of end.initiatives.values()) {
    for (const krId of initiative.keyResultIds) {
      const list = initiativesByKr.get(krId);
      if (list) list.push(initiative.id);
      else initiativesByKr.set(krId, [initiative.id]);
    }
  }
  const change = (id: string, now: ItemState): RowChange => {
    const was = before.get(id);
    return {
      points: round((now.progress.clamped - (was?.progress.clamped ?? 0)) * 100),
      statusBefore: was?.status,
      statusAfter: now.status,
      isNew: !was,
      removed: false,
    };
  };
  const removed = removedKeyResults(start, end, before);
  const objectives = [...end.objectives.values()].sort((a, b) => a.order - b.order);
  for (const objective of objectives) {
    const krs = krsByObjective.get(objective.id) ?? [];
    const krRows: SnapshotRow[] = [];
    let weights = 0;
    let clamped = 0;
    let raw = 0;
    let worst: CheckInStatus | undefined;
    let count = 0;
    for (const kr of krs) {
      const progress = keyResultProgress(kr);
      const status = statusFor(kr, expected, thresholds);
      weights += kr.weight;
      clamped += kr.weight * progress.clamped;
      raw += kr.weight * progress.raw;
      if (!worst || STATUS_RANK[status] > STATUS_RANK[worst]) worst = status;
      const n = checkInsThisWeek.get(kr.id) ?? 0;
      count += n;
      const latest = kr.latest;
      krRows.push({
        type: 'keyResult',
        id: kr.id,
        parentId: objective.id,
        depth: 1,
        title: kr.title,
        // Absent fields are undefined rather than missing: one object shape for every
        // key result row keeps this loop fast (JSON output is the same).
        ownerId: kr.ownerId,
        progress,
        expected,
        status,
        stale: stale(kr, asOf.getTime()),
        latestCheckIn: latest && {
          value: latest.value,
          status: latest.status,
          comment: latest.comment,
          author: latest.author,
          at: latest.at,
        },
        checkInsThisWeek: n,
        change: change(kr.id, { progress, status }),
        kind: kr.kind,
        unit: kr.unit,
      });
      for (const initiativeId of initiativesByKr.get(kr.id) ?? []) {
        const initiative = end.initiatives.get(initiativeId);
        if (!initiative) continue;
        const p = initiativeProgress(initiative.status);
        krRows.push({
          type: 'initiative',
          id: initiative.id,
          parentId: kr.id,
          depth: 2,
          title: initiative.title,
          ...(initiative.ownerId ? { ownerId: initiative.ownerId } : {}),
          progress: p,
          expected,
          status: initiative.status,
          stale: false,
          checkInsThisWeek: 0,
          change: change(initiative.id, { progress: p, status: initiative.status }),
          linkedKeyResults: initiative.keyResultIds.length,
        });
      }
    }
    for (const row of removed.get(objective.id) ?? []) krRows.push(row);
    const progress: Progress =
      weights === 0 ? { raw: 0, clamped: 0 } : { raw: raw / weights, clamped: clamped / weights };
    const status = worst ?? derivedStatus(progress.clamped, expected, thresholds);
    rows.push({
      type: 'objective',
      id: objective.id,
      depth: 0,
      title: objective.title,
      ...(objective.ownerId ? { ownerId: objective.ownerId } : {}),
      progress,
      expected,
      status,
      stale: false,
      checkInsThisWeek: count,
      change: change(objective.id, { progress, status }),
    });
    rows.push(...krRows);
  }
  if (start) {
    for (const objective of [...start.objectives.values()].sort((a, b) => a.order - b.order)) {
      if (end.objectives.has(objective.id)) continue;
      rows.push(
        removedRow(
          'objective',
          objective.id,
          undefined,
          0,
          objective.title,
          objective.ownerId,
          before.get(objective.id),
          expected,
        ),
      );
      for (const row of removed.get(objective.id) ?? []) rows.push(row);
    }
  }
  return rows;
}

/** Rows for the key results removed during the week, by objective. */
function removedKeyResults(
  start: Session | undefined,
  end: Session,
  before: Map<string, ItemState>,
): Map<string, SnapshotRow[]> {
  const byObjective = new Map<string, SnapshotRow[]>();
  if (!start) return byObjective;
  const gone = [...start.keyResults.values()]
    .filter((kr) => !end.keyResults.has(kr.id))
    .sort((a, b) => a.order - b.order);
  for (const kr of gone) {
    const row = removedRow('keyResult', kr.id, kr.objectiveId, 1, kr.title, kr.ownerId, before.get(kr.id), 0);
    const list = byObjective.get(kr.objectiveId);
    if (list) list.push(row);
    else byObjective.set(kr.objectiveId, [row]);
  }
  return byObjective;
}

function removedRow(
  type: RowType,
  id: string,
  parentId: string | undefined,
  depth: 0 | 1,
  title: string,
  ownerId: string | undefined,
  was: ItemState | undefined,
  expected: number,
): SnapshotRow {
  const progress = was?.progress ?? { raw: 0, clamped: 0 };
  const status = was?.status ?? 'on_track';
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
  const value = status === 'done' ? 1 : 0;
  return { raw: value, clamped: value };
}

function groupKeyResults(session: Session): Map<string, KeyResult[]> {
  const byObjective = new Map<string, KeyResult[]>();
  for (const kr of session.keyResults.values()) {
    const list = byObjective.get(kr.objectiveId);
    if (list) list.push(kr);
    else byObjective.set(kr.objectiveId, [kr]);
  }
  for (const list of byObjective.values()) list.sort((a, b) => a.order - b.order);
  return byObjective;
}

/** Progress and status of every item in a state, for week-over-week comparison. */
function itemStates(session: Session, asOf: Date, thresholds: StatusThresholds): Map<string, ItemState> {
  const states = new Map<string, ItemState>();
  const expected = expectedProgress(session, asOf);
  for (const [objectiveId, krs] of groupKeyResults(session)) {
    let weights = 0;
    let clamped = 0;
    let raw = 0;
    let worst: CheckInStatus | undefined;
    for (const kr of krs) {
      const progress = keyResultProgress(kr);
      const status = statusFor(kr, expected, thresholds);
      states.set(kr.id, { progress, status });
      weights += kr.weight;
      clamped += kr.weight * progress.clamped;
      raw += kr.weight * progress.raw;
      if (!worst || STATUS_RANK[status] > STATUS_RANK[worst]) worst = status;
    }
    const progress = weights === 0 ? { raw: 0, clamped: 0 } : { raw: raw / weights, clamped: clamped / weights };
    states.set(objectiveId, { progress, status: worst ?? derivedStatus(progress.clamped, expected, thresholds) });
  }
  for (const objective of session.objectives.values()) {
    if (!states.has(objective.id))
      states.set(objective.id, { progress: { raw: 0, clamped: 0 }, status: derivedStatus(0, expected, thresholds) });
  }
  for (const initiative of session.initiatives.values()) {
    states.set(initiative.id, { progress: initiativeProgress(initiative.status), status: initiative.status });
  }
  return states;
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
  let objectives = 0;
  let progress = 0;
  const movers: Mover[] = [];
  for (const row of rows) {
    if (row.context || row.change.removed) continue;
    if (row.ownerId === undefined) unassigned++;
    if (row.type === 'objective') {
      objectives++;
      progress += row.progress.clamped;
    }
    if (row.type !== 'keyResult') continue;
    byStatus[row.status as CheckInStatus]++;
    if (row.stale) stale++;
    if (row.change.points !== 0) movers.push({ id: row.id, title: row.title, points: row.change.points });
  }
  movers.sort((a, b) => b.points - a.points);
  return {
    byStatus,
    stale,
    unassigned,
    progress: objectives === 0 ? 0 : progress / objectives,
    movedUp: movers.filter((m) => m.points > 0).slice(0, 3),
    movedDown: movers
      .filter((m) => m.points < 0)
      .reverse()
      .slice(0, 3),
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
  for (const k of session.keyResults.values()) {
    if (k.objectiveId !== id) continue;
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
