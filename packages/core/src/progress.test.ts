import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KeyResult } from './model.js';
import { derivedStatus, expectedProgress, isStale, keyResultProgress, objectiveProgress } from './progress.js';

function kr(fields: Partial<KeyResult> & Pick<KeyResult, 'kind'>, value?: number): KeyResult {
  return {
    id: 'kr',
    objectiveId: 'ob',
    title: 'KR',
    weight: 1,
    order: 0,
    checkIns: [],
    ...(value === undefined
      ? {}
      : {
          latest: {
            id: 'ci',
            keyResultId: 'kr',
            value,
            author: 'a',
            at: '2027-01-10T10:00:00.000Z',
            effectiveAt: '2027-01-10T10:00:00.000Z',
          },
        }),
    ...fields,
  };
}

describe('key result progress (golden values)', () => {
  const cases: [string, KeyResult, number, number][] = [
    ['increase 0→200 at 50', kr({ kind: 'increase', start: 0, target: 200 }, 50), 0.25, 0.25],
    ['increase over-achieved 0→200 at 260', kr({ kind: 'increase', start: 0, target: 200 }, 260), 1.3, 1],
    ['increase gone backwards 100→200 at 80', kr({ kind: 'increase', start: 100, target: 200 }, 80), -0.2, 0],
    ['decrease 100→60 at 80', kr({ kind: 'decrease', start: 100, target: 60 }, 80), 0.5, 0.5],
    ['decrease beyond target 100→60 at 40', kr({ kind: 'decrease', start: 100, target: 60 }, 40), 1.5, 1],
    ['increase with no check-in', kr({ kind: 'increase', start: 0, target: 10 }), 0, 0],
    ['stay above 95 at 97', kr({ kind: 'stay_above', threshold: 95 }, 97), 1, 1],
    ['stay above 95 at 95 (on the line)', kr({ kind: 'stay_above', threshold: 95 }, 95), 1, 1],
    ['stay above 95 at 94', kr({ kind: 'stay_above', threshold: 95 }, 94), 0, 0],
    ['stay below 2 at 1.5', kr({ kind: 'stay_below', threshold: 2 }, 1.5), 1, 1],
    ['stay below 2 at 3', kr({ kind: 'stay_below', threshold: 2 }, 3), 0, 0],
    ['boolean done', kr({ kind: 'boolean' }, 1), 1, 1],
    ['boolean not done', kr({ kind: 'boolean' }, 0), 0, 0],
    ['milestones 1 of 4', kr({ kind: 'milestones', milestones: ['a', 'b', 'c', 'd'] }, 1), 0.25, 0.25],
    ['milestones all 3', kr({ kind: 'milestones', milestones: ['a', 'b', 'c'] }, 3), 1, 1],
  ];
  for (const [name, keyResult, raw, clamped] of cases) {
    it(`${name}: raw ${raw}, clamped ${clamped}`, () => {
      const p = keyResultProgress(keyResult);
      assert.ok(Math.abs(p.raw - raw) < 1e-9, `raw ${p.raw}`);
      assert.ok(Math.abs(p.clamped - clamped) < 1e-9, `clamped ${p.clamped}`);
    });
  }
});

describe('objective progress', () => {
  it('is the weighted mean of clamped key result progress', () => {
    const a = kr({ kind: 'increase', start: 0, target: 100, weight: 3 }, 50); // 0.5
    const b = kr({ kind: 'boolean', weight: 1 }, 1); // 1
    const c = kr({ kind: 'increase', start: 0, target: 100, weight: 1 }, 250); // raw 2.5, clamped 1
    const p = objectiveProgress([a, b, c]);
    assert.ok(Math.abs(p.clamped - (3 * 0.5 + 1 + 1) / 5) < 1e-9);
    assert.ok(Math.abs(p.raw - (3 * 0.5 + 1 + 2.5) / 5) < 1e-9);
  });

  it('is 0 for an objective with no key results, without dividing by zero', () => {
    assert.deepEqual(objectiveProgress([]), { raw: 0, clamped: 0 });
  });
});

describe('expected progress, status and staleness', () => {
  const session = {
    start: '2027-01-01',
    end: '2027-03-31',
    timeZone: 'Europe/Berlin',
    checkInCadence: 'weekly' as const,
  };

  it('moves linearly from 0 at the first midnight to 1 after the last day, in the session zone', () => {
    assert.equal(expectedProgress(session, new Date('2026-12-31T22:59:00Z')), 0);
    assert.equal(expectedProgress(session, new Date('2026-12-31T23:00:00Z')), 0);
    const mid = expectedProgress(session, new Date('2027-02-15T11:00:00Z'));
    assert.ok(mid > 0.5 && mid < 0.51, String(mid));
    assert.equal(expectedProgress(session, new Date('2027-03-31T22:00:00Z')), 1);
    assert.equal(expectedProgress(session, new Date('2027-06-01T00:00:00Z')), 1);
  });

  it('derives a status from the gap to expectation, with overridable thresholds', () => {
    assert.equal(derivedStatus(0.5, 0.55), 'on_track');
    assert.equal(derivedStatus(0.4, 0.55), 'at_risk');
    assert.equal(derivedStatus(0.2, 0.55), 'off_track');
    assert.equal(derivedStatus(0.4, 0.55, { atRisk: 0.2, offTrack: 0.4 }), 'on_track');
  });

  it('marks a key result stale after its cadence plus a grace day without a check-in', () => {
    const checked = kr({ kind: 'boolean' }, 0); // checked in 2027-01-10T10:00Z
    assert.equal(isStale(checked, session, new Date('2027-01-18T09:59:00Z')), false);
    assert.equal(isStale(checked, session, new Date('2027-01-18T10:01:00Z')), true);
    assert.equal(isStale(checked, { ...session, checkInCadence: 'biweekly' }, new Date('2027-01-18T10:01:00Z')), false);
    const never = kr({ kind: 'boolean' });
    assert.equal(isStale(never, session, new Date('2027-01-05T00:00:00Z')), false);
    assert.equal(isStale(never, session, new Date('2027-01-09T00:00:00Z')), true);
    assert.equal(
      isStale(never, session, new Date('2026-12-01T00:00:00Z')),
      false,
      'nothing is stale before the session starts',
    );
  });
});

describe('status at the threshold', () => {
  // The README: at risk from exactly 10 points behind, off track from exactly 25.
  const byPoints = (progressPct: number, expectedPct: number) => {
    const behind = expectedPct - progressPct;
    return behind >= 25 ? 'off_track' : behind >= 10 ? 'at_risk' : 'on_track';
  };

  it('reads 40 % against 50 % expected as at risk (0.5 - 0.4 is 0.0999... in floating point)', () => {
    assert.equal(derivedStatus(0.4, 0.5), 'at_risk');
    assert.equal(derivedStatus(0.45, 0.7), 'off_track');
    assert.equal(derivedStatus(0.41, 0.5), 'on_track');
  });

  it('agrees with whole points for every pair of whole percentages', () => {
    for (let e = 0; e <= 100; e++) {
      for (let p = 0; p <= 100; p++) {
        assert.equal(derivedStatus(p / 100, e / 100), byPoints(p, e), `${p} % against ${e} % expected`);
      }
    }
  });

  it('holds at the boundary for every kind of key result', () => {
    const status = (k: KeyResult, expected: number) => derivedStatus(keyResultProgress(k).clamped, expected);
    // 40 % of the way, 10 points behind 50 % expected: at risk for each kind that can be 40 % along.
    assert.equal(status(kr({ kind: 'increase', start: 0, target: 100 }, 40), 0.5), 'at_risk');
    assert.equal(status(kr({ kind: 'increase', start: 10, target: 20 }, 14), 0.5), 'at_risk');
    assert.equal(status(kr({ kind: 'decrease', start: 100, target: 0 }, 60), 0.5), 'at_risk');
    assert.equal(status(kr({ kind: 'decrease', start: 0.3, target: 0.1 }, 0.22), 0.5), 'at_risk');
    assert.equal(status(kr({ kind: 'milestones', milestones: ['a', 'b', 'c', 'd', 'e'] }, 2), 0.5), 'at_risk');
    assert.equal(status(kr({ kind: 'milestones', milestones: ['a', 'b', 'c', 'd'] }, 3), 1), 'off_track');
    // Stay above / below: exactly on the threshold counts as staying on the right side (100 %).
    assert.equal(keyResultProgress(kr({ kind: 'stay_above', threshold: 99.9 }, 99.9)).raw, 1);
    assert.equal(keyResultProgress(kr({ kind: 'stay_above', threshold: 99.9 }, 99.89)).raw, 0);
    assert.equal(keyResultProgress(kr({ kind: 'stay_below', threshold: 200 }, 200)).raw, 1);
    assert.equal(keyResultProgress(kr({ kind: 'stay_below', threshold: 200 }, 200.01)).raw, 0);
    assert.equal(status(kr({ kind: 'stay_above', threshold: 5 }, 5), 1), 'on_track');
    assert.equal(status(kr({ kind: 'stay_below', threshold: 5 }, 5.5), 0.25), 'off_track');
    assert.equal(status(kr({ kind: 'boolean' }, 0), 0.1), 'at_risk');
    assert.equal(status(kr({ kind: 'boolean' }, 0), 0.09), 'on_track');
  });
});
