import type { Session } from './journal.js';
import type { CheckInCadence, CheckInStatus, KeyResult, Objective } from './model.js';
import { indexOf, keyResultsIn } from './session-index.js';
import { dayStart } from './time.js';

/**
 * Progress, expected progress, status and staleness. Progress is a fraction: 0 is the
 * start, 1 the target. Each value comes twice: `raw` (may be below 0 or above 1, e.g. a
 * key result that went backwards or beat its target) and `clamped` to 0..1 for display.
 *
 * Roll-ups use the clamped values: an objective is the weighted mean of its key
 * results' clamped progress, a session the plain mean of its objectives. An objective
 * with no key results, or a session with no objectives, is 0.
 */
export interface Progress {
  readonly raw: number;
  readonly clamped: number;
}

/** No progress, and all of it: shared, frozen (most progress values are one of these). */
export const NO_PROGRESS: Progress = Object.freeze({ raw: 0, clamped: 0 });
export const FULL_PROGRESS: Progress = Object.freeze({ raw: 1, clamped: 1 });

function progress(raw: number): Progress {
  return { raw, clamped: clamp(raw) };
}

/** A key result's progress for `value` (default: its latest check-in's; none counts as the start). */
export function keyResultProgress(kr: KeyResult, value: number | undefined = kr.latest?.value): Progress {
  const raw = rawProgress(kr, value);
  return raw === 0 ? NO_PROGRESS : raw === 1 ? FULL_PROGRESS : progress(raw);
}

/** `keyResultProgress(kr, value).raw`, without making an object. */
export function rawProgress(kr: KeyResult, value: number | undefined = kr.latest?.value): number {
  if (value === undefined) return 0;
  switch (kr.kind) {
    case 'increase':
    case 'decrease': {
      const start = kr.start ?? 0;
      const target = kr.target ?? 1;
      return target === start ? 0 : (value - start) / (target - start);
    }
    case 'stay_above':
      return value >= (kr.threshold ?? 0) ? 1 : 0;
    case 'stay_below':
      return value <= (kr.threshold ?? 0) ? 1 : 0;
    case 'boolean':
      return value ? 1 : 0;
    case 'milestones': {
      const steps = kr.milestones?.length ?? 0;
      return steps === 0 ? 0 : value / steps;
    }
  }
}

/** Clamps a raw progress to 0..1. */
export function clamp(raw: number): number {
  return Math.min(1, Math.max(0, raw));
}

/** Key results of an objective, in order. */
export function keyResultsOf(session: Session, objectiveId: string): KeyResult[] {
  return [...keyResultsIn(session, objectiveId)];
}

/** Objectives of a session, in order. */
export function objectivesOf(session: Session): Objective[] {
  return [...indexOf(session).objectives];
}

/** Weighted mean of the key results' clamped progress. No key results: 0. */
export function objectiveProgress(keyResults: readonly KeyResult[]): Progress {
  let weights = 0;
  let sum = 0;
  let rawSum = 0;
  for (const kr of keyResults) {
    const p = keyResultProgress(kr);
    weights += kr.weight;
    sum += kr.weight * p.clamped;
    rawSum += kr.weight * p.raw;
  }
  return weights === 0 ? NO_PROGRESS : { raw: rawSum / weights, clamped: sum / weights };
}

/** Mean of the objectives' (clamped) progress. No objectives: 0. */
export function sessionProgress(session: Session): Progress {
  const objectives = objectivesOf(session);
  if (objectives.length === 0) return NO_PROGRESS;
  const all = objectives.map((o) => objectiveProgress(keyResultsOf(session, o.id)));
  const mean = (f: (p: Progress) => number) => all.reduce((s, p) => s + f(p), 0) / all.length;
  return { raw: mean((p) => p.raw), clamped: mean((p) => p.clamped) };
}

/** Where progress should be at `at` if it moved linearly from the session's first day to its last: 0..1. */
export function expectedProgress(session: Pick<Session, 'start' | 'end' | 'timeZone'>, at: Date): number {
  const from = dayStart(session.start, session.timeZone);
  const to = dayStart(session.end, session.timeZone, 1);
  if (from === undefined || to === undefined) return 0;
  return Math.min(1, Math.max(0, (at.getTime() - from) / (to - from)));
}

/**
 * How far behind expectation progress may fall before a key result is at risk or off
 * track, when its latest check-in gives no status. Fractions of the whole (0.1 = ten
 * points behind). Override per call.
 */
export interface StatusThresholds {
  readonly atRisk: number;
  readonly offTrack: number;
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = Object.freeze({ atRisk: 0.1, offTrack: 0.25 });

/**
 * How much a difference of fractions may be off by floating point and still count as
 * reaching a threshold: 0.5 - 0.4 is 0.09999999999999998, which must read as ten points.
 * A millionth of a point is far below anything a person sees (points show two decimals).
 */
const THRESHOLD_TOLERANCE = 1e-8;

/**
 * A status from progress against expectation: on track until `atRisk` behind, at risk
 * from exactly `atRisk` behind, off track from exactly `offTrack` behind (40 % against
 * 50 % expected is ten points behind: at risk).
 */
export function derivedStatus(
  progress: number,
  expected: number,
  thresholds = DEFAULT_STATUS_THRESHOLDS,
): CheckInStatus {
  const behind = expected - progress;
  if (behind >= thresholds.offTrack - THRESHOLD_TOLERANCE) return 'off_track';
  if (behind >= thresholds.atRisk - THRESHOLD_TOLERANCE) return 'at_risk';
  return 'on_track';
}

/** A key result's status: its latest check-in's if it gave one, else derived from progress against expectation. */
export function keyResultStatus(
  kr: KeyResult,
  session: Pick<Session, 'start' | 'end' | 'timeZone'>,
  at: Date,
  thresholds = DEFAULT_STATUS_THRESHOLDS,
): CheckInStatus {
  return statusFor(kr, expectedProgress(session, at), thresholds);
}

/** `keyResultStatus` with the expectation already known (computed once for many key results). */
export function statusFor(kr: KeyResult, expected: number, thresholds = DEFAULT_STATUS_THRESHOLDS): CheckInStatus {
  return kr.latest?.status ?? derivedStatus(clamp(rawProgress(kr)), expected, thresholds);
}

const CADENCE_DAYS: Readonly<Record<CheckInCadence, number>> = { weekly: 7, biweekly: 14, monthly: 31 };
const DAY = 86_400_000;

/**
 * Whether a key result is stale at `at`: no check-in within the session's check-in
 * cadence plus a grace day (counted from its last check-in, or from the session's start
 * if it has none). Nothing is stale before its session starts.
 */
export function isStale(
  kr: KeyResult,
  session: Pick<Session, 'start' | 'timeZone' | 'checkInCadence'>,
  at: Date,
): boolean {
  return staleRule(session)(kr, at.getTime());
}

/** `isStale` for many key results: the calendar work done once. */
export function staleRule(
  session: Pick<Session, 'start' | 'timeZone' | 'checkInCadence'>,
): (kr: KeyResult, at: number) => boolean {
  const sessionStart = dayStart(session.start, session.timeZone);
  if (sessionStart === undefined) return () => false;
  const window = (CADENCE_DAYS[session.checkInCadence] + 1) * DAY;
  // Instants are canonical ISO strings, so "checked in before the window" compares as
  // text; the window's start is formatted once per instant asked about.
  let lastAt = Number.NaN;
  let windowStart = '';
  return (kr, at) => {
    if (!kr.latest) return at - sessionStart > window;
    if (at !== lastAt) {
      lastAt = at;
      windowStart = new Date(at - window).toISOString();
    }
    return kr.latest.at < windowStart;
  };
}
