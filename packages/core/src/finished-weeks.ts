import * as PlainDateFns from 'temporal-polyfill/fns/PlainDate';
import { OkrError } from './errors.js';
import type { SessionDetails, SessionHeader } from './model.js';
import { parseDate } from './time.js';
import { previousWeek, type Week, weekAt, weekOf } from './weeks.js';

/**
 * Finished weeks are history. The snapshot of a week that has ended is the fold of the
 * entries recorded before its end, so later entries cannot change what it holds; but
 * the session's time zone decides where the week begins and ends, and its dates decide
 * whether the week belongs to the session at all. So once a week has finished with a
 * snapshot, the session's details may no longer change either:
 *
 * - the time zone is fixed (a new zone would move every finished week's boundaries);
 * - the start date may move no later than the Sunday of the first finished week;
 * - the end date may move no earlier than the Monday of the last finished week.
 *
 * Moving the dates outward (an earlier start, a later end) stays allowed: it only adds
 * weeks, and a week that had no snapshot has no history to keep.
 *
 * A week *has a snapshot once finished* when it overlaps the session's dates and ends
 * after the session was created (before that it reads `not-yet-created`).
 */

/** The first and last finished weeks with a snapshot, in the session's zone. */
export interface FinishedWeeks {
  readonly first: Week;
  readonly last: Week;
}

type Dated = Pick<SessionDetails, 'start' | 'end' | 'timeZone'>;

function weekOfDate(iso: string): Week | undefined {
  const date = parseDate(iso);
  return date && weekOf(PlainDateFns.subtractDays(date, PlainDateFns.dayOfWeek(date) - 1));
}

/**
 * The session's finished weeks that have a snapshot at `now`, as their first and last
 * (they are every week between): undefined while there is none. Constant time, however
 * long the session.
 */
export function finishedWeeksOf(
  session: Dated & Pick<SessionHeader, 'createdAt'>,
  now: Date,
): FinishedWeeks | undefined {
  const startWeek = weekOfDate(session.start);
  const endWeek = weekOfDate(session.end);
  const created = new Date(session.createdAt);
  if (!startWeek || !endWeek || Number.isNaN(created.getTime())) return undefined;
  // The week the session was created in is the first to end after its creation; the
  // week before the current one is the last to have ended.
  const createdWeek = weekAt(created, session.timeZone);
  const lastEnded = previousWeek(weekAt(now, session.timeZone));
  const first = startWeek.start > createdWeek.start ? startWeek : createdWeek;
  const last = endWeek.start < lastEnded.start ? endWeek : lastEnded;
  return first.start <= last.start ? { first, last } : undefined;
}

/**
 * Refuses an edit of `session`'s dates or time zone (to `next`) that would change a
 * finished week, with `invalid-input` naming `timeZone`, `start` or `end` and saying
 * which week and what is still possible. Allowed edits return quietly.
 */
export function checkFinishedWeeks(session: Dated & Pick<SessionHeader, 'createdAt'>, next: Dated, now: Date): void {
  const finished = finishedWeeksOf(session, now);
  if (!finished) return;
  const { first, last } = finished;
  const fields: Record<string, string> = {};
  const span = (w: Week) => `${w.key} (${w.start} – ${w.end})`;
  if (next.timeZone !== session.timeZone) {
    fields.timeZone = `The time zone cannot change any more: week ${span(first)} has finished, and its snapshot is history that a new time zone would move. Start a new session for the new time zone.`;
  }
  if (next.start > first.end) {
    fields.start = `The start date can be ${first.end} at the latest: week ${span(first)} has finished and would fall outside the session.`;
  }
  if (next.end < last.start) {
    fields.end = `The end date can be ${last.start} at the earliest: week ${span(last)} has finished and would fall outside the session.`;
  }
  const names = Object.keys(fields);
  if (names.length === 0) return;
  const message =
    names.length === 1
      ? `Session not saved: ${fields[names[0] as string]}`
      : `Session not saved: finished weeks are history (${names.join(', ')}).`;
  throw new OkrError('invalid-input', message, { fields });
}
