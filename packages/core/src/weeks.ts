import * as PlainDateFns from 'temporal-polyfill/fns/PlainDate';
import { dateIn, dayStart, isoDate, type PlainDate, parseDate, remembered } from './time.js';

/**
 * ISO weeks in a session's time zone. A week is [Monday 00:00, next Monday 00:00) there,
 * so a week across a daylight-saving change lasts 167 or 169 hours. Keys look like
 * `2026-W53`; the year is the ISO week-numbering year (early January can belong to the
 * previous one, and some years have 53 weeks).
 */

export interface Week {
  /** `2027-W02`. */
  readonly key: string;
  /** Monday, ISO date. */
  readonly start: string;
  /** Sunday, ISO date. */
  readonly end: string;
  /** The month the week is listed under in pickers (`2027-01`): the month of its Thursday, as ISO 8601 assigns weeks to years. */
  readonly month: string;
}

export interface WeekRange {
  /** Epoch milliseconds of Monday 00:00 in the zone. */
  readonly from: number;
  /** Epoch milliseconds of the next Monday 00:00 in the zone (exclusive). */
  readonly to: number;
}

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

function mondayOf(date: PlainDate): PlainDate {
  return PlainDateFns.subtractDays(date, PlainDateFns.dayOfWeek(date) - 1);
}

/** The key of the ISO week `date` falls in. */
export function weekKeyOf(date: PlainDate): string {
  return `${PlainDateFns.yearOfWeek(date)}-W${String(PlainDateFns.weekOfYear(date)).padStart(2, '0')}`;
}

/** The Monday of a week key, or undefined for a malformed or impossible key (`2026-W54`, `2027-W53`). */
export function mondayOfWeek(key: string): PlainDate | undefined {
  const match = WEEK_KEY.exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  const week = Number(match[2]);
  // Week 1 is the week with January 4th in it.
  const monday = PlainDateFns.addWeeks(mondayOf(PlainDateFns.create(year, 1, 4)), week - 1);
  return week >= 1 && weekKeyOf(monday) === key ? monday : undefined;
}

export function weekOf(monday: PlainDate): Week {
  const thursday = PlainDateFns.addDays(monday, 3);
  return {
    key: weekKeyOf(monday),
    start: isoDate(monday),
    end: isoDate(PlainDateFns.addDays(monday, 6)),
    month: isoDate(thursday).slice(0, 7),
  };
}

/** The week a key names, or undefined. */
export function parseWeek(key: string): Week | undefined {
  return weeks(key);
}

const weeks = remembered(1024, (key) => {
  const monday = mondayOfWeek(key);
  return monday && Object.freeze(weekOf(monday));
});

/** The week `at` falls in, in `timeZone`. */
export function weekAt(at: Date, timeZone: string): Week {
  return weekOf(mondayOf(dateIn(at, timeZone)));
}

/** The instants a week spans in `timeZone`. */
export function weekRange(week: Week, timeZone: string): WeekRange {
  return { from: dayStart(week.start, timeZone) as number, to: dayStart(week.start, timeZone, 7) as number };
}

export function previousWeek(week: Week): Week {
  return weekOf(PlainDateFns.subtractWeeks(parseDate(week.start) as PlainDate, 1));
}

export function nextWeek(week: Week): Week {
  return weekOf(PlainDateFns.addWeeks(parseDate(week.start) as PlainDate, 1));
}

/**
 * Every week that overlaps `[start, end]` (ISO dates), in order. Remembered (a session's
 * weeks are asked for on every render and fold) and frozen, so one list is shared safely.
 */
export function weeksBetween(start: string, end: string): readonly Week[] {
  return spans(`${start} ${end}`);
}

const spans = remembered(64, (key): readonly Week[] => {
  const [start = '', end = ''] = key.split(' ');
  const from = parseDate(start);
  const to = parseDate(end);
  if (!from || !to) return Object.freeze([]);
  const weeks: Week[] = [];
  for (let monday = mondayOf(from); PlainDateFns.compare(monday, to) <= 0; monday = PlainDateFns.addWeeks(monday, 1)) {
    weeks.push(Object.freeze(weekOf(monday)));
  }
  return Object.freeze(weeks);
});

export interface MonthOfWeeks {
  /** `2027-01`. */
  readonly month: string;
  readonly weeks: readonly Week[];
}

/** Weeks grouped by the month they are listed under, for month-and-week pickers. */
export function groupByMonth(weeks: readonly Week[]): MonthOfWeeks[] {
  const months: { month: string; weeks: Week[] }[] = [];
  for (const week of weeks) {
    const last = months[months.length - 1];
    if (last && last.month === week.month) last.weeks.push(week);
    else months.push({ month: week.month, weeks: [week] });
  }
  return months;
}
