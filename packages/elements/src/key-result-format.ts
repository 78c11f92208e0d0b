import type { KeyResult } from '@okrkit/core';
import { numberFormat } from './format.js';
import type { OkrStrings } from './strings.js';

/**
 * How key results read: values with their unit, targets and percentages, formatted for
 * a locale through `Intl`. Shared by `<okr-list>`, `<okr-check-in>`, `<okr-tree>` and `<okr-snapshot>`.
 */

/** `1234.5` as "1,234.5" in English. */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A fraction (0.4) as a whole percentage ("40%"). */
export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A fraction as a whole number of percent, for `aria-valuenow` and bar widths. */
export function percentOf(fraction: number): number {
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}

function withUnit(value: number, unit: string | undefined, locale: string): string {
  const number = formatNumber(value, locale);
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** A check-in value as a person reads it: "42 users", "Done", "2 of 4 steps". */
export function formatValue(kr: KeyResult, value: number | undefined, s: OkrStrings, locale: string): string {
  if (value === undefined) return s.noCheckIn;
  switch (kr.kind) {
    case 'boolean':
      return value ? s.done : s.notDone;
    case 'milestones':
      return s.stepsReached(value, kr.milestones?.length ?? 0);
    default:
      return withUnit(value, kr.unit, locale);
  }
}

/** What a key result aims at: "100 → 500 users", "≥ 99.9%", "4 steps". */
export function formatTarget(kr: KeyResult, s: OkrStrings, locale: string): string {
  switch (kr.kind) {
    case 'increase':
    case 'decrease':
      return `${formatNumber(kr.start ?? 0, locale)} → ${withUnit(kr.target ?? 0, kr.unit, locale)}`;
    case 'stay_above':
      return `≥ ${withUnit(kr.threshold ?? 0, kr.unit, locale)}`;
    case 'stay_below':
      return `≤ ${withUnit(kr.threshold ?? 0, kr.unit, locale)}`;
    case 'boolean':
      return s.done;
    case 'milestones':
      return s.stepsReached(kr.milestones?.length ?? 0, kr.milestones?.length ?? 0);
  }
}
