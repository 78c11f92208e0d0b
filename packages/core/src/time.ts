import * as InstantFns from 'temporal-polyfill/fns/Instant';
import * as NowFns from 'temporal-polyfill/fns/Now';
import * as PlainDateFns from 'temporal-polyfill/fns/PlainDate';
import * as ZonedDateTimeFns from 'temporal-polyfill/fns/ZonedDateTime';
import type { Cadence } from './model.js';

/**
 * Calendar logic in a session's time zone, all through Temporal, by temporal-polyfill's
 * functional entry (`temporal-polyfill/fns/*`): a page pays for the functions used, about
 * 9 KB min+gzip instead of the whole 19 KB class API. Dates cross the API as ISO strings;
 * Temporal records never leave this module's callers' stack frames, so nothing stored is
 * one.
 */

/** A calendar date (ISO calendar): a plain, immutable Temporal record with `year`, `month` and `day`. */
export type PlainDate = PlainDateFns.Record;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dates a session may use. From the Unix epoch (nothing older is planned with OKRs,
 * and instants before it are negative) to the end of 2199 (far beyond any plan, and
 * well inside what every time zone database describes).
 */
export const DATE_MIN = '1970-01-01';
export const DATE_MAX = '2199-12-31';
/**
 * The longest a session may last. Five years covers the longest strategic plans OKRs
 * are used for; it bounds every per-week loop (weeks, series) to 262 weeks.
 */
export const SESSION_MAX_YEARS = 5;

/** Parses `YYYY-MM-DD`, rejecting other shapes and impossible dates such as `2026-02-30`. */
export function parseDate(value: string): PlainDate | undefined {
  if (!ISO_DATE.test(value)) return undefined;
  try {
    // Built from its numbers, which Temporal checks: an impossible date throws.
    return PlainDateFns.create(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
  } catch {
    return undefined;
  }
}

/** The canonical IANA id for `value`, or undefined when Temporal does not know the zone. */
export function canonicalTimeZone(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  try {
    return NowFns.zonedDateTimeISO(value).timeZoneId;
  } catch {
    return undefined;
  }
}

/** The host's time zone (the default for new sessions). */
export function hostTimeZone(): string {
  return NowFns.timeZoneId();
}

/** The calendar day `instant` falls on in `timeZone`. */
export function dateIn(instant: Date, timeZone: string): PlainDate {
  const zoned = InstantFns.toZonedDateTimeISO(InstantFns.fromEpochMilliseconds(instant.getTime()), timeZone);
  return ZonedDateTimeFns.toPlainDate(zoned);
}

/** `date` as `YYYY-MM-DD`. */
export function isoDate(date: PlainDate): string {
  return PlainDateFns.toString(date);
}

/** Midnight at the start of `date` in `timeZone`, as epoch milliseconds. */
export function startOfDay(date: PlainDate, timeZone: string): number {
  return PlainDateFns.toZonedDateTime(date, { timeZone }).epochMilliseconds;
}

/** Pure calendar results, remembered: a zone's rules are slow to apply and never change. */
export function remembered<T>(size: number, compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(key);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      cache.set(key, value);
    }
    return value as T;
  };
}

const dayStarts = remembered(1024, (key) => {
  const [iso = '', timeZone = '', days = '0'] = key.split(' ');
  const date = parseDate(iso);
  return date && startOfDay(PlainDateFns.addDays(date, Number(days)), timeZone);
});

/** Epoch ms of 00:00 in `timeZone` on the ISO date `iso` (plus `days`); undefined for a date that is not one. */
export function dayStart(iso: string, timeZone: string, days = 0): number | undefined {
  return dayStarts(`${iso} ${timeZone} ${days}`);
}

export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export interface PeriodOptions {
  /** Month (1-12) the fiscal year starts in. Default 1 (calendar year). */
  readonly fiscalYearStartMonth?: number;
}

/** The period `[start, end]` is, if it is exactly one month, quarter, half or year. */
export function periodOf(
  start: PlainDate,
  end: PlainDate,
  options: PeriodOptions = {},
): Exclude<Cadence, 'custom'> | undefined {
  // From the first of a month to the day before the first of a later one.
  const next = PlainDateFns.addDays(end, 1);
  if (start.day !== 1 || next.day !== 1) return undefined;
  const months = (next.year - start.year) * 12 + next.month - start.month;
  const offset = fiscalOffset(start.month, options);
  if (months === 1) return 'month';
  if (months === 3 && offset % 3 === 0) return 'quarter';
  if (months === 6 && offset % 6 === 0) return 'half';
  if (months === 12 && offset === 0) return 'year';
  return undefined;
}

function fiscalOffset(month: number, options: PeriodOptions): number {
  const first = options.fiscalYearStartMonth ?? 1;
  return (month - first + 12) % 12;
}

/** The fiscal year a month belongs to, named by the calendar year it ends in. */
function fiscalYear(date: PlainDate, options: PeriodOptions): number {
  const first = options.fiscalYearStartMonth ?? 1;
  return first === 1 || date.month < first ? date.year : date.year + 1;
}

/**
 * A title for a session from its dates: "Q1 2027", "H2 2026", "FY2027", "March 2027",
 * or "2027-03-01 – 2027-04-15" for other ranges. With a fiscal year that does not start
 * in January, quarters and halves name the fiscal year: "Q1 FY2027".
 */
export function suggestTitle(start: string, end: string, options: PeriodOptions = {}): string | undefined {
  const from = parseDate(start);
  const to = parseDate(end);
  if (!from || !to || PlainDateFns.compare(from, to) > 0) return undefined;
  const period = periodOf(from, to, options);
  const calendarYear = (options.fiscalYearStartMonth ?? 1) === 1;
  const year = calendarYear ? String(fiscalYear(from, options)) : `FY${fiscalYear(from, options)}`;
  switch (period) {
    case 'month':
      return `${MONTH_NAMES[from.month - 1]} ${from.year}`;
    case 'quarter':
      return `Q${Math.floor(fiscalOffset(from.month, options) / 3) + 1} ${year}`;
    case 'half':
      return `H${Math.floor(fiscalOffset(from.month, options) / 6) + 1} ${year}`;
    case 'year':
      return `FY${fiscalYear(from, options)}`;
    default:
      return `${start} – ${end}`;
  }
}

const CADENCE_MONTHS = { month: 1, quarter: 3, half: 6, year: 12 } as const;

/**
 * The dates of the period after `[start, end]` by `cadence`: the next quarter after
 * 2026-10-01..2026-12-31 is 2027-01-01..2027-03-31. A custom period repeats its length
 * in days, starting the day after `end`.
 */
export function nextPeriod(start: string, end: string, cadence: Cadence): { start: string; end: string } {
  const from = parseDate(start);
  const to = parseDate(end);
  if (!from || !to) throw new RangeError(`Not a valid date range: ${start} – ${end}`);
  const nextStart = PlainDateFns.addDays(to, 1);
  if (cadence === 'custom' || periodOf(from, to, { fiscalYearStartMonth: from.month }) === undefined) {
    const days = PlainDateFns.diffDays(from, to);
    return { start: isoDate(nextStart), end: isoDate(PlainDateFns.addDays(nextStart, days)) };
  }
  const nextEnd = PlainDateFns.subtractDays(PlainDateFns.addMonths(nextStart, CADENCE_MONTHS[cadence]), 1);
  return { start: isoDate(nextStart), end: isoDate(nextEnd) };
}
