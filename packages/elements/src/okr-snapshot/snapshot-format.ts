import type { Week } from '@okrkit/core';
import { formatter, numberFormat } from '../format.js';
import { formatPercent } from '../key-result-format.js';
import type { SnapshotStrings } from './snapshot-view.js';

/**
 * How the snapshot writes its weeks and movements: week numbers, week ranges, months and
 * progress points, in the reader's locale. Apart from the texts' week label, nothing here
 * depends on the element, so the toolbar, the summary and the rows share one way of
 * writing a week.
 */

/** `2027-W05` → 5. */
export function weekNumber(week: Week): number {
  return Number(week.key.slice(6));
}

/** Progress points moved, unsigned, to one decimal ("12.5"). */
export function formatPoints(points: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(points));
}

function utc(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

const weekRanges = new Map<string, string>();
/** "Feb 1 – 7, 2027"; remembered, as formatting a range is slow and the toolbar shows many. */
export function formatWeekRange(week: Week, locale: string): string {
  const key = `${locale}|${week.start}|${week.end}`;
  let range = weekRanges.get(key);
  if (range === undefined) {
    const format = formatter(locale, WEEK_RANGE);
    range = format.formatRange(utc(week.start), utc(week.end));
    weekRanges.set(key, range);
  }
  return range;
}

const WEEK_RANGE = { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' } as const;
const MONTH = { month: 'long', year: 'numeric', timeZone: 'UTC' } as const;

/**
 * Makes the formats a shown week needs for `locale` (week ranges, months, percentages,
 * points) ahead of it, e.g. while the session loads from storage. The first `Intl` format
 * a page makes costs some 20-60 ms here (the ICU data is loaded then); made in the first
 * render of the rows, it delayed them by that much on a cold load. Each is made once.
 */
export function prepareFormats(locale: string): void {
  formatter(locale, WEEK_RANGE).formatRange(0, 0);
  formatter(locale, MONTH);
  formatPercent(0, locale);
  formatPoints(0, locale);
}

/** "February 2027" from `2027-02`. */
export function formatMonth(month: string, locale: string): string {
  return formatter(locale, MONTH).format(utc(`${month}-01`));
}

/** A week as the header and the table name it: "Week 5, Feb 1 – 7, 2027" in English. */
export function weekText(s: SnapshotStrings, week: Week, locale: string): string {
  return s.weekLabel(weekNumber(week), formatWeekRange(week, locale));
}
