import type { MonthOfWeeks, Week } from '@okrkit/core';

/**
 * A session's weeks as `<okr-snapshot>` moves through them: which week it opens on, the
 * week before or after the shown one, and the week to show when a month is picked. Pure
 * questions of the calendar the store gives (`store.weeks`), kept apart from the element
 * so that each rule reads in one place.
 */

/** A session's weeks, grouped by month, and the week it is now (`store.weeks`). */
export interface SnapshotCalendar {
  readonly weeks: readonly Week[];
  readonly months: readonly MonthOfWeeks[];
  readonly current: Week;
}

/**
 * The week a session opens on when no week is asked for: the current week while the
 * session runs, its last week once it has ended, its first before it starts (an empty
 * week "outside the session" is never a useful first view).
 */
export function defaultWeek(calendar: Pick<SnapshotCalendar, 'weeks' | 'current'>): string {
  const { weeks, current } = calendar;
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last) return current.key;
  if (current.key > last.key) return last.key;
  if (current.key < first.key) return first.key;
  return current.key;
}

/** The session's first week is still ahead. */
export function notStarted(calendar: SnapshotCalendar | undefined): boolean {
  const first = calendar?.weeks[0];
  return calendar !== undefined && first !== undefined && calendar.current.key < first.key;
}

/**
 * The session's week before (-1) or after (1) the shown one; from a week outside the
 * session (a deep link), the nearest of the session's weeks in that direction.
 */
export function weekBeside(weeks: readonly Week[], shown: string, direction: -1 | 1): Week | undefined {
  const index = weeks.findIndex((w) => w.key === shown);
  if (index >= 0) return weeks[index + direction];
  return direction > 0 ? weeks.find((w) => w.key > shown) : weeks.findLast((w) => w.key < shown);
}

/** The week to show when a month is picked: the current week if it is in that month, else its first. */
export function weekOfMonth(calendar: SnapshotCalendar | undefined, month: string): Week | undefined {
  const weeks = calendar?.months.find((m) => m.month === month)?.weeks ?? [];
  const current = calendar?.current;
  return weeks.find((w) => w.key === current?.key) ?? weeks[0];
}
