import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoDate, type PlainDate, parseDate } from './time.js';
import {
  groupByMonth,
  mondayOfWeek,
  parseWeek,
  type Week,
  weekAt,
  weekKeyOf,
  weekRange,
  weeksBetween,
} from './weeks.js';

const date = (iso: string) => parseDate(iso) as PlainDate;
const isoMonday = (key: string) => {
  const monday = mondayOfWeek(key);
  return monday && isoDate(monday);
};

describe('ISO weeks', () => {
  it('follows ISO 8601 at year boundaries, with 53-week years', () => {
    assert.equal(weekKeyOf(date('2027-01-01')), '2026-W53');
    assert.equal(weekKeyOf(date('2027-01-04')), '2027-W01');
    assert.equal(weekKeyOf(date('2024-12-30')), '2025-W01');
    assert.equal(isoMonday('2026-W53'), '2026-12-28');
    assert.equal(mondayOfWeek('2027-W53'), undefined, '2027 has 52 weeks');
    assert.equal(mondayOfWeek('2026-W00'), undefined);
    assert.equal(mondayOfWeek('2026-53'), undefined);
    assert.deepEqual(parseWeek('2026-W47'), {
      key: '2026-W47',
      start: '2026-11-16',
      end: '2026-11-22',
      month: '2026-11',
    });
  });

  it('counts weeks in the session time zone', () => {
    // Sunday 23:30 UTC is already Monday in Berlin.
    assert.equal(weekAt(new Date('2026-11-22T23:30:00Z'), 'Europe/Berlin').key, '2026-W48');
    assert.equal(weekAt(new Date('2026-11-22T23:30:00Z'), 'UTC').key, '2026-W47');
  });

  it('makes weeks across a daylight-saving change 167 or 169 hours long', () => {
    const hours = (key: string) => {
      const week = parseWeek(key);
      assert.ok(week);
      const { from, to } = weekRange(week, 'Europe/Berlin');
      return (to - from) / 3_600_000;
    };
    assert.equal(hours('2027-W12'), 167, 'clocks go forward on 2027-03-28');
    assert.equal(hours('2027-W43'), 169, 'clocks go back on 2027-10-31');
    assert.equal(hours('2027-W20'), 168);
  });

  it('lists every week overlapping a session, grouped by month', () => {
    const weeks = weeksBetween('2027-01-01', '2027-03-31');
    assert.equal(weeks[0]?.key, '2026-W53');
    assert.equal(weeks[weeks.length - 1]?.key, '2027-W13');
    assert.equal(weeks.length, 14);
    const months = groupByMonth(weeks);
    assert.deepEqual(
      months.map((m) => [m.month, m.weeks.length]),
      [
        ['2026-12', 1],
        ['2027-01', 4],
        ['2027-02', 4],
        ['2027-03', 4],
        ['2027-04', 1],
      ],
    );
  });

  it('remembers a session’s weeks as one frozen list, which no caller can change', () => {
    const first = weeksBetween('2027-01-01', '2027-03-31');
    assert.equal(weeksBetween('2027-01-01', '2027-03-31'), first, 'asked again: the same list');
    assert.ok(Object.isFrozen(first) && first.every((week) => Object.isFrozen(week)));
    assert.throws(() => (first as Week[]).push(first[0] as Week), TypeError);
    assert.equal(weeksBetween('2027-01-01', '2027-03-31').length, 14);
    assert.deepEqual(weeksBetween('2027-02-30', '2027-03-31'), [], 'not a date: no weeks');
  });
});
