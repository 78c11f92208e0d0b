import type { Session } from './journal.js';
import type { CheckIn, CheckInStatus, InitiativeStatus, KeyResult, SessionHeader } from './model.js';
import { DEFAULT_STATUS_THRESHOLDS, expectedProgress, type Progress, type StatusThresholds } from './progress.js';
import { deriveRows } from './snapshot-rows.js';
import { filterByOwner, summarize } from './snapshot-summary.js';
import type { Timeline } from './timeline.js';
import { parseWeek, type Week, weekAt, weekRange, weeksBetween } from './weeks.js';

export { type SeriesPoint, seriesOf } from './series.js';
export { filterByOwner, summarize } from './snapshot-summary.js';

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

/** The weeks of a session (every week overlapping its dates) and the current one. */
export function sessionWeeks(
  session: Pick<Session, 'start' | 'end' | 'timeZone'>,
  now: Date,
): { weeks: readonly Week[]; current: Week } {
  return { weeks: weeksBetween(session.start, session.end), current: weekAt(now, session.timeZone) };
}

/** Why week `week` has no snapshot, or undefined if it has one. */
export function unavailableReason(session: SessionHeader, week: Week, now: Date): UnavailableReason | undefined {
  const { from, to } = weekRange(week, session.timeZone);
  if (week.end < session.start || week.start > session.end) return 'outside-session';
  if (from > now.getTime()) return 'future';
  if (to <= Date.parse(session.createdAt)) return 'not-yet-created';
  return undefined;
}

/** A week asked for: where it begins and ends, and whether it is the live, current week. */
export interface AskedWeek {
  readonly week: Week;
  /** The week's first instant and the instant it ends (epoch ms). */
  readonly from: number;
  readonly to: number;
  /** The current week: its state is taken now, not at its end. */
  readonly isLive: boolean;
  /** The instant the state is taken at (epoch ms). */
  readonly asOf: number;
}

/** What a week's snapshot is made of before an owner filter: the same for everyone who views it. */
export interface WeekResult {
  readonly title: string;
  readonly expected: number;
  readonly rows: readonly SnapshotRow[];
  readonly summary: SnapshotSummary;
}

/** Week `weekKey` of `session` (a header is enough), or why it has no snapshot. */
export function askWeek(
  session: SessionHeader,
  weekKey: string,
  now: Date,
): { readonly asked: AskedWeek } | { readonly unavailable: SnapshotUnavailable } {
  const week = parseWeek(weekKey);
  if (!week) throw new RangeError(`Not a week: ${weekKey}`);
  const reason = unavailableReason(session, week, now);
  if (reason) {
    const nearest = nearestWeek(session, week, now);
    return { unavailable: { available: false, sessionId: session.id, week, reason, ...(nearest ? { nearest } : {}) } };
  }
  const { from, to } = weekRange(week, session.timeZone);
  const isLive = to > now.getTime();
  return { asked: { week, from, to, isLive, asOf: isLive ? now.getTime() : to } };
}

/** Derives a week's rows from the session's timeline (`live` for the current week), optionally for one owner only. */
export function deriveWeek(
  timeline: Timeline,
  live: Session,
  asked: AskedWeek,
  thresholds: StatusThresholds,
  only?: OwnerFilter,
): WeekResult {
  const { from, to, isLive, asOf } = asked;
  // The week's start first: its checkpoint is where the fold to the week's end begins
  // (the other way round, a first snapshot folded the journal from the start twice).
  const start = timeline.stateBefore(from, true);
  const end = isLive ? live : (timeline.stateBefore(to, true) as Session);
  const removals = timeline.removalsBetween(from, to);
  const bounds = { from, asOf: new Date(asOf), startAsOf: new Date(from), removals };
  const rows = deriveRows(end, start, bounds, thresholds, only);
  return { title: end.title, expected: expectedProgress(end, bounds.asOf), rows, summary: summarize(rows) };
}

/**
 * The snapshot of `asked` from its result (unfiltered, or derived for `owner` only: it
 * then holds the objectives of the owner's items whole). `hash` gives a finished week's
 * content hash when first read.
 */
export function snapshotFrom(
  session: SessionHeader,
  asked: AskedWeek,
  result: WeekResult,
  owner: OwnerFilter,
  hash?: () => string,
): Snapshot {
  const rows = owner === 'all' ? result.rows : filterByOwner(result.rows, owner);
  const summary = owner === 'all' ? result.summary : summarize(rows);
  const snapshot: Snapshot = { ...snapshotBase(session, asked, result), owner, rows, summary };
  if (!hash) return snapshot;
  return Object.defineProperty(snapshot, 'hash', { enumerable: true, get: hash }) as Snapshot;
}

function snapshotBase(session: SessionHeader, asked: AskedWeek, result: WeekResult) {
  return {
    available: true as const,
    sessionId: session.id,
    sessionTitle: result.title,
    timeZone: session.timeZone,
    week: asked.week,
    asOf: new Date(asked.asOf).toISOString(),
    live: asked.isLive,
    readOnly: !asked.isLive,
    expected: result.expected,
  };
}

/**
 * A finished week's content hash: its unfiltered content, not where it is stored (an
 * imported copy hashes the same).
 */
export function weekHash(session: SessionHeader, asked: AskedWeek, whole: WeekResult): string {
  const { sessionId: _id, ...content } = snapshotBase(session, asked, whole);
  return contentHash(JSON.stringify({ ...content, rows: whole.rows, summary: whole.summary }));
}

/** The snapshot of `weekKey` (a key such as `2027-W05`), derived from the session's timeline. */
export function snapshotOf(
  timeline: Timeline,
  live: Session,
  weekKey: string,
  now: Date,
  options: SnapshotOptions = {},
): SnapshotResult {
  const found = askWeek(live, weekKey, now);
  if ('unavailable' in found) return found.unavailable;
  const { asked } = found;
  const thresholds = options.thresholds ?? DEFAULT_STATUS_THRESHOLDS;
  const owner = options.owner ?? 'all';
  const derive = (only?: OwnerFilter) => deriveWeek(timeline, live, asked, thresholds, only);
  if (asked.isLive) return snapshotFrom(live, asked, derive(owner === 'all' ? undefined : owner), owner);
  // A finished week depends only on its boundaries, the entries recorded before it ended,
  // the thresholds, and (through the hash) the zone's name: remember it under all of them.
  // The count alone is not enough: a new zone moves the boundaries, and the entries
  // recorded before the end can stay the same.
  const key = `${weekResultKey(asked, live.timeZone, thresholds)}:${timeline.countBefore(asked.to)}`;
  const whole = () => timeline.memo(key, derive);
  const hash = () => timeline.memo(`hash:${key}`, () => weekHash(live, asked, whole()));
  if (owner === 'all') return snapshotFrom(live, asked, whole(), owner, hash);
  // Filtered: reuse the whole week if it is known, else derive only the objectives
  // that hold the owner's items (the rest would be filtered out anyway).
  const known = timeline.peek<WeekResult>(key);
  if (known) return snapshotFrom(live, asked, known, owner, hash);
  const mine = timeline.memo(`${key}:${JSON.stringify(owner)}`, () => derive(owner));
  return snapshotFrom(live, asked, mine, owner, hash);
}

/**
 * What a finished week's result depends on besides the entries recorded before its end:
 * the week, its boundaries, the zone's name and the thresholds.
 */
export function weekResultKey(asked: AskedWeek, timeZone: string, thresholds: StatusThresholds): string {
  return `week:${asked.week.key}:${asked.from}:${asked.to}:${timeZone}:${JSON.stringify(thresholds)}`;
}

/**
 * The closest week to `week` that has a snapshot. The weeks that have one are every week
 * from the later of the session's first week and the week it was created in, to the
 * earlier of its last week and the current week: the nearest is `week` clamped to that
 * run. Constant time: walking every week of a long session took seconds.
 */
function nearestWeek(session: SessionHeader, week: Week, now: Date): string | undefined {
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
