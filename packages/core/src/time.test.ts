import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalTimeZone, isoDate, nextPeriod, parseDate, suggestTitle } from './time.js';

describe('dates', () => {
  it('accepts real ISO dates and rejects impossible or malformed ones', () => {
    const leap = parseDate('2028-02-29');
    assert.deepEqual(leap && [isoDate(leap), leap.year, leap.month, leap.day], ['2028-02-29', 2028, 2, 29]);
    for (const bad of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-1-5', '05/01/2026', '2026-01-01T00:00', '']) {
      assert.equal(parseDate(bad), undefined, bad);
    }
  });

  it('knows IANA time zones and refuses made-up ones', () => {
    assert.equal(canonicalTimeZone('Europe/Berlin'), 'Europe/Berlin');
    assert.equal(canonicalTimeZone('UTC'), 'UTC');
    assert.equal(canonicalTimeZone('Mars/Olympus'), undefined);
    assert.equal(canonicalTimeZone(''), undefined);
  });
});

describe('suggestTitle', () => {
  const cases: [string, string, string | undefined, number?][] = [
    ['2027-01-01', '2027-03-31', 'Q1 2027'],
    ['2026-10-01', '2026-12-31', 'Q4 2026'],
    ['2026-07-01', '2026-12-31', 'H2 2026'],
    ['2027-01-01', '2027-12-31', 'FY2027'],
    ['2027-03-01', '2027-03-31', 'March 2027'],
    ['2027-02-01', '2027-02-28', 'February 2027'],
    ['2027-03-02', '2027-04-15', '2027-03-02 – 2027-04-15'],
    ['2027-02-01', '2027-04-30', '2027-02-01 – 2027-04-30'],
    ['2026-04-01', '2026-06-30', 'Q1 FY2027', 4],
    ['2026-04-01', '2027-03-31', 'FY2027', 4],
    ['2026-10-01', '2027-03-31', 'H2 FY2027', 4],
    ['2027-03-31', '2027-01-01', undefined],
    ['2027-02-30', '2027-03-31', undefined],
  ];
  for (const [start, end, title, fiscal] of cases) {
    it(`${start} – ${end}${fiscal ? ` (fiscal year from month ${fiscal})` : ''} is ${title}`, () => {
      assert.equal(suggestTitle(start, end, fiscal ? { fiscalYearStartMonth: fiscal } : {}), title);
    });
  }
});

describe('nextPeriod', () => {
  it('follows quarters, halves, years and months across year ends', () => {
    assert.deepEqual(nextPeriod('2026-10-01', '2026-12-31', 'quarter'), { start: '2027-01-01', end: '2027-03-31' });
    assert.deepEqual(nextPeriod('2027-01-01', '2027-03-31', 'quarter'), { start: '2027-04-01', end: '2027-06-30' });
    assert.deepEqual(nextPeriod('2026-07-01', '2026-12-31', 'half'), { start: '2027-01-01', end: '2027-06-30' });
    assert.deepEqual(nextPeriod('2026-01-01', '2026-12-31', 'year'), { start: '2027-01-01', end: '2027-12-31' });
    assert.deepEqual(nextPeriod('2027-01-01', '2027-01-31', 'month'), { start: '2027-02-01', end: '2027-02-28' });
  });

  it('repeats the length of a custom period', () => {
    assert.deepEqual(nextPeriod('2027-01-04', '2027-02-14', 'custom'), { start: '2027-02-15', end: '2027-03-28' });
  });
});
