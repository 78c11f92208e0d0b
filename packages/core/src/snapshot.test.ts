import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Actor } from './model.js';
import { filterByOwner, type Snapshot, type SnapshotResult, summarize } from './snapshot.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore, type OkrStore } from './store.js';

const ada: Actor = { id: 'ada', role: 'admin' };

/** A store whose clock the test sets. */
function setup(start = '2027-01-04T08:00:00Z') {
  let now = Date.parse(start);
  let n = 0;
  const store = createOkrStore({
    storage: new MemoryStorage(),
    actor: ada,
    clock: () => new Date(now),
    timeZone: 'Europe/Berlin',
    ids: (kind) => `${kind}-${++n}`,
  });
  return { store, at: (iso: string) => (now = Date.parse(iso)) };
}

function available(result: SnapshotResult): Snapshot {
  assert.equal(result.available, true, result.available ? '' : `no snapshot: ${result.reason}`);
  return result as Snapshot;
}

async function quarter(store: OkrStore) {
  const s = await store.createSession({ title: 'Q1 2027', start: '2027-01-04', end: '2027-04-04', cadence: 'custom' });
  const growth = await store.addObjective(s.id, { title: 'Grow', ownerId: 'obi' });
  const nps = await store.addKeyResult(s.id, {
    objectiveId: growth.id,
    title: 'NPS',
    kind: 'increase',
    start: 0,
    target: 100,
    ownerId: 'kim',
  });
  const churn = await store.addKeyResult(s.id, {
    objectiveId: growth.id,
    title: 'Churn',
    kind: 'decrease',
    start: 10,
    target: 5,
  });
  const survey = await store.addInitiative(s.id, { title: 'Survey', keyResultIds: [nps.id, churn.id], ownerId: 'kim' });
  return { s, growth, nps, churn, survey };
}

describe('weekly snapshots', () => {
  it('counts the check-ins recorded in each week, a correction included, and in the first week of a key result', async () => {
    const { store, at } = setup();
    const { s, growth, nps, churn } = await quarter(store);
    await store.startSession(s.id);
    at('2027-01-05T10:00:00Z');
    const first = await store.checkIn(s.id, nps.id, { value: 10 });
    await store.checkIn(s.id, nps.id, { value: 12 });
    at('2027-01-12T10:00:00Z');
    await store.correctCheckIn(s.id, first.id, { value: 11, comment: 'typo in week 1' });
    await store.checkIn(s.id, churn.id, { value: 9 });
    at('2027-01-19T10:00:00Z');
    await store.checkIn(s.id, nps.id, { value: 30 });
    at('2027-01-26T10:00:00Z');
    const counts = async (week: string) => {
      const snap = available(await store.snapshot(s.id, week));
      const of = (id: string) => snap.rows.find((r) => r.id === id && r.type !== 'initiative')?.checkInsThisWeek;
      return [of(growth.id), of(nps.id), of(churn.id)];
    };
    assert.deepEqual(await counts('2027-W01'), [2, 2, 0]);
    assert.deepEqual(await counts('2027-W02'), [2, 1, 1], 'the correction counts in the week it was made');
    assert.deepEqual(await counts('2027-W03'), [1, 1, 0]);
    assert.deepEqual(await counts('2027-W04'), [0, 0, 0]);
  });

  it('shows each week as it ended, with week-over-week change', async () => {
    const { store, at } = setup();
    const { s, nps, churn } = await quarter(store);
    await store.startSession(s.id);
    at('2027-01-06T10:00:00Z');
    await store.checkIn(s.id, nps.id, { value: 20, status: 'on_track', comment: 'first wave' });
    at('2027-01-13T10:00:00Z');
    await store.checkIn(s.id, nps.id, { value: 35, comment: 'second wave' });
    await store.checkIn(s.id, churn.id, { value: 11, status: 'off_track', comment: 'lost a big account' });
    at('2027-01-20T10:00:00Z');

    const w1 = available(await store.snapshot(s.id, '2027-W01'));
    const w2 = available(await store.snapshot(s.id, '2027-W02'));
    assert.deepEqual([w1.readOnly, w1.live, typeof w1.hash], [true, false, 'string']);
    assert.equal(w1.asOf, '2027-01-10T23:00:00.000Z', 'a week ends at Monday 00:00 in Berlin');
    const row = (snap: Snapshot, id: string) => snap.rows.find((r) => r.id === id && !r.context);
    assert.equal(row(w1, nps.id)?.progress.clamped, 0.2);
    assert.equal(row(w2, nps.id)?.progress.clamped, 0.35);
    assert.deepEqual(row(w2, nps.id)?.change, {
      points: 15,
      statusBefore: 'on_track',
      statusAfter: 'on_track',
      isNew: false,
      removed: false,
    });
    assert.equal(row(w2, nps.id)?.latestCheckIn?.comment, 'second wave');
    assert.equal(row(w2, nps.id)?.checkInsThisWeek, 1);
    assert.equal(row(w2, churn.id)?.status, 'off_track');
    assert.equal(row(w2, churn.id)?.progress.raw, -0.2);
    assert.equal(row(w1, nps.id)?.change.isNew, true, 'added during its first week');
    assert.deepEqual(
      w1.rows.map((r) => [r.type, r.depth, r.title]),
      [
        ['objective', 0, 'Grow'],
        ['keyResult', 1, 'NPS'],
        ['initiative', 2, 'Survey'],
        ['keyResult', 1, 'Churn'],
        ['initiative', 2, 'Survey'],
      ],
    );
    assert.equal(w2.summary.byStatus.off_track, 1);
    assert.deepEqual(
      w2.summary.movedUp.map((m) => [m.title, m.points]),
      [['NPS', 15]],
    );
    assert.deepEqual(w2.summary.movedDown, [], 'churn went backwards, but clamped progress stayed at 0');
    const current = available(await store.snapshot(s.id));
    assert.deepEqual(
      [current.week.key, current.live, current.readOnly, current.hash],
      ['2027-W03', true, false, undefined],
    );
  });

  it('says why a week has no snapshot, and offers the nearest that has one', async () => {
    const { store, at } = setup('2027-01-13T10:00:00Z');
    const { s } = await quarter(store);
    at('2027-02-01T10:00:00Z');
    const early = await store.snapshot(s.id, '2027-W01');
    assert.deepEqual(early.available ? 'available' : [early.reason, early.nearest], ['not-yet-created', '2027-W02']);
    const outside = await store.snapshot(s.id, '2026-W40');
    assert.equal(outside.available ? '' : outside.reason, 'outside-session');
    const future = await store.snapshot(s.id, '2027-W10');
    assert.deepEqual(future.available ? '' : [future.reason, future.nearest], ['future', '2027-W05']);
    await assert.rejects(store.snapshot(s.id, '2027-W99'), /Not an ISO week/);
  });

  it('lists a session’s weeks by month with the current one, as a list the caller may change', async () => {
    const { store } = setup('2027-01-13T10:00:00Z');
    const { s } = await quarter(store);
    const { weeks, months, current } = await store.weeks(s.id);
    assert.equal(current.key, '2027-W02');
    assert.deepEqual([weeks[0]?.key, weeks.at(-1)?.key, weeks.length], ['2027-W01', '2027-W13', 13]);
    assert.deepEqual(
      months.map((m) => m.month),
      ['2027-01', '2027-02', '2027-03', '2027-04'],
      'a week is listed under the month of its Thursday (W13 ends on 4 April)',
    );
    weeks.reverse();
    assert.equal((await store.weeks(s.id)).weeks[0]?.key, '2027-W01', 'the next caller gets the weeks in order');
  });

  it('never changes a past week, whatever happens later', async () => {
    const { store, at } = setup();
    const { s, nps, growth, survey } = await quarter(store);
    at('2027-01-06T10:00:00Z');
    const wrong = await store.checkIn(s.id, nps.id, { value: 90, comment: 'typo' });
    at('2027-01-12T10:00:00Z');
    const before = JSON.stringify(await store.snapshot(s.id, '2027-W01'));
    await store.correctCheckIn(s.id, wrong.id, { value: 9, comment: 'meant 9' });
    await store.updateObjective(s.id, growth.id, { title: 'Grow faster' });
    await store.removeInitiative(s.id, survey.id);
    await store.closeSession(s.id);
    await store.reopenSession(s.id);
    assert.equal(JSON.stringify(await store.snapshot(s.id, '2027-W01')), before);
    const w2 = available(await store.snapshot(s.id, '2027-W02'));
    assert.equal(
      w2.rows.find((r) => r.id === nps.id)?.progress.clamped,
      0.09,
      'the correction shows up in later weeks',
    );
    assert.equal(w2.rows[0]?.title, 'Grow faster');
  });

  it('filters by owner and keeps ancestors as context', async () => {
    const { store, at } = setup();
    const { s, nps } = await quarter(store);
    at('2027-01-20T10:00:00Z');
    const kims = available(await store.snapshot(s.id, '2027-W02', { owner: { ownerId: 'kim' } }));
    assert.deepEqual(
      kims.rows.map((r) => [r.title, r.context ?? false]),
      [
        ['Grow', true],
        ['NPS', false],
        ['Survey', false],
        ['Churn', true],
        ['Survey', false],
      ],
    );
    const none = available(await store.snapshot(s.id, '2027-W02', { owner: 'unassigned' }));
    assert.deepEqual(
      none.rows.map((r) => [r.title, r.context ?? false]),
      [
        ['Grow', true],
        ['Churn', false],
      ],
    );
    assert.equal(none.summary.unassigned, 1);
    assert.ok(nps);
  });

  it("averages the owner's own items under an owner filter, not the dimmed context objectives", async () => {
    const { store, at } = setup();
    const { s, nps, churn } = await quarter(store);
    await store.startSession(s.id);
    at('2027-01-13T10:00:00Z');
    await store.checkIn(s.id, nps.id, { value: 40 });
    await store.checkIn(s.id, churn.id, { value: 5 });
    at('2027-01-20T10:00:00Z');
    const all = available(await store.snapshot(s.id, '2027-W02'));
    const grow = all.rows.find((r) => r.type === 'objective');
    assert.equal(all.summary.progress, grow?.progress.clamped, 'unfiltered: the mean of the objectives');
    const kims = available(await store.snapshot(s.id, '2027-W02', { owner: { ownerId: 'kim' } }));
    // Kim owns NPS (40 %) under Obi's objective: the mean is NPS, not the context objective's 0.
    assert.equal(kims.summary.progress, 0.4);
    const none = available(await store.snapshot(s.id, '2027-W02', { owner: 'unassigned' }));
    assert.equal(none.summary.progress, 1, 'Churn reached its target');
    const nobody = available(await store.snapshot(s.id, '2027-W02', { owner: { ownerId: 'zed' } }));
    assert.equal(nobody.summary.progress, 0);
  });

  it('marks removed items and gives a progress series for sparklines', async () => {
    const { store, at } = setup();
    const { s, nps, churn } = await quarter(store);
    at('2027-01-06T10:00:00Z');
    await store.checkIn(s.id, nps.id, { value: 10 });
    at('2027-01-13T10:00:00Z');
    await store.checkIn(s.id, nps.id, { value: 30 });
    await store.removeKeyResult(s.id, churn.id);
    at('2027-01-20T10:00:00Z');
    const w2 = available(await store.snapshot(s.id, '2027-W02'));
    const removed = w2.rows.find((r) => r.id === churn.id);
    assert.deepEqual([removed?.change.removed, removed?.title], [true, 'Churn']);
    const series = await store.series(s.id, nps.id);
    assert.deepEqual(series, [
      { week: '2027-W01', progress: 0.1 },
      { week: '2027-W02', progress: 0.3 },
      { week: '2027-W03', progress: 0.3 },
    ]);
  });

  it('keeps every earlier week byte-for-byte equal under random later commands', async () => {
    const command = fc.record({
      kind: fc.constantFrom('checkIn', 'correct', 'rename', 'addKr', 'removeKr', 'owner', 'close'),
      value: fc.integer({ min: -50, max: 150 }),
      pick: fc.nat(20),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(command, { maxLength: 6 }), { minLength: 2, maxLength: 6 }), async (weeks) => {
        const { store, at } = setup();
        const { s, growth } = await quarter(store);
        const frozen = new Map<string, string>();
        let checkIns: string[] = [];
        for (let w = 0; w < weeks.length; w++) {
          const base = Date.parse('2027-01-05T10:00:00Z') + w * 7 * 86_400_000;
          at(new Date(base).toISOString());
          for (const c of weeks[w] ?? []) {
            const live = await store.getSession(s.id);
            const krs = [...live.keyResults.keys()];
            const kr = krs[c.pick % Math.max(1, krs.length)];
            try {
              if (c.kind === 'checkIn' && kr) checkIns.push((await store.checkIn(s.id, kr, { value: c.value })).id);
              if (c.kind === 'correct' && checkIns.length > 0) {
                const id = checkIns[c.pick % checkIns.length] as string;
                checkIns = checkIns.filter((x) => x !== id);
                checkIns.push((await store.correctCheckIn(s.id, id, { value: c.value })).id);
              }
              if (c.kind === 'rename') await store.updateObjective(s.id, growth.id, { title: `Grow ${c.value}` });
              if (c.kind === 'addKr')
                await store.addKeyResult(s.id, {
                  objectiveId: growth.id,
                  title: `KR ${c.value}`,
                  kind: 'stay_above',
                  threshold: c.value,
                });
              if (c.kind === 'removeKr' && kr) {
                await store.removeKeyResult(s.id, kr);
                const gone = new Set(live.keyResults.get(kr)?.checkIns.map((x) => x.id));
                checkIns = checkIns.filter((id) => !gone.has(id));
              }
              if (c.kind === 'owner' && kr) await store.assignOwner(s.id, 'keyResult', kr, c.value % 2 ? 'zed' : null);
              if (c.kind === 'close') {
                await store.closeSession(s.id);
                await store.reopenSession(s.id);
              }
            } catch (error) {
              if (!(error instanceof Error && 'code' in error)) throw error;
            }
          }
          // Every week that has ended keeps its snapshot.
          for (const [week, json] of frozen)
            assert.equal(JSON.stringify(await store.snapshot(s.id, week)), json, `${week} changed`);
          if (w > 0) {
            const ended = `2027-W${String(w).padStart(2, '0')}`;
            frozen.set(ended, JSON.stringify(await store.snapshot(s.id, ended)));
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('derivation', () => {
  const row = (snap: Snapshot, r: Snapshot['rows'][number]) =>
    snap.rows.find((x) => x.type === r.type && x.id === r.id && x.parentId === r.parentId);

  it('agrees with the week before, and filters as the whole week filtered, under random commands', async () => {
    const people = ['kim', 'obi', 'zed'];
    const command = fc.record({
      kind: fc.constantFrom(
        'checkIn',
        'checkIn',
        'addObjective',
        'addKr',
        'removeKr',
        'removeObjective',
        'owner',
        'initiative',
      ),
      value: fc.integer({ min: -50, max: 150 }),
      pick: fc.nat(30),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(command, { maxLength: 8 }), { minLength: 2, maxLength: 5 }), async (weeks) => {
        const storage = new MemoryStorage();
        let now = Date.parse('2027-01-05T10:00:00Z');
        const clock = () => new Date(now);
        const store = createOkrStore({ storage, actor: ada, clock, timeZone: 'Europe/Berlin' });
        const { s } = await quarter(store);
        for (let w = 0; w < weeks.length; w++) {
          now = Date.parse('2027-01-05T10:00:00Z') + w * 7 * 86_400_000;
          for (const c of weeks[w] ?? []) {
            now += 60_000;
            const live = await store.getSession(s.id);
            const objectives = [...live.objectives.keys()];
            const krs = [...live.keyResults.keys()];
            const objective = objectives[c.pick % Math.max(1, objectives.length)];
            const kr = krs[c.pick % Math.max(1, krs.length)];
            const who = c.value % 4 === 0 ? null : (people[c.pick % people.length] as string);
            try {
              if (c.kind === 'checkIn' && kr) await store.checkIn(s.id, kr, { value: c.value });
              if (c.kind === 'addObjective') await store.addObjective(s.id, { title: `O ${c.value}` });
              if (c.kind === 'addKr' && objective)
                await store.addKeyResult(s.id, {
                  objectiveId: objective,
                  title: `KR ${c.value}`,
                  kind: 'increase',
                  start: 0,
                  target: 100,
                  weight: 1 + (c.pick % 3),
                });
              if (c.kind === 'removeKr' && kr) await store.removeKeyResult(s.id, kr);
              if (c.kind === 'removeObjective' && objective && c.pick % 3 === 0)
                await store.removeObjective(s.id, objective);
              if (c.kind === 'owner' && kr) await store.assignOwner(s.id, 'keyResult', kr, who);
              if (c.kind === 'owner' && objective && c.pick % 2)
                await store.assignOwner(s.id, 'objective', objective, who);
              if (c.kind === 'initiative' && kr)
                await store.addInitiative(s.id, {
                  title: `I ${c.value}`,
                  keyResultIds: [kr],
                  ...(who ? { ownerId: who } : {}),
                });
            } catch (error) {
              if (!(error instanceof Error && 'code' in error)) throw error;
            }
          }
        }
        now += 7 * 86_400_000;
        for (let w = 2; w <= weeks.length; w++) {
          const key = `2027-W${String(w).padStart(2, '0')}`;
          const previousKey = `2027-W${String(w - 1).padStart(2, '0')}`;
          const week = available(await store.snapshot(s.id, key));
          const previous = available(await store.snapshot(s.id, previousKey));
          for (const r of week.rows) {
            const was = row(previous, r);
            if (r.change.removed) {
              assert.ok(was, `${r.id} was removed, so it was there the week before`);
              assert.deepEqual([r.progress, r.status], [was.progress, was.status]);
            } else if (was && !was.change.removed) {
              assert.equal(r.change.isNew, false, `${r.id} is not new`);
              assert.equal(r.change.points, Math.round((r.progress.clamped - was.progress.clamped) * 10_000) / 100);
              assert.equal(r.change.statusBefore, was.status, `${r.id} status before`);
            } else assert.equal(r.change.isNew, true, `${r.id} is new`);
          }
          // Movers: the three biggest moves each way, as a sort would find them.
          const moves = week.rows
            .filter((r) => r.type === 'keyResult' && !r.change.removed && r.change.points !== 0)
            .map((r) => ({ id: r.id, title: r.title, points: r.change.points }))
            .sort((a, b) => b.points - a.points);
          assert.deepEqual(week.summary.movedUp, moves.filter((m) => m.points > 0).slice(0, 3));
          assert.deepEqual(
            week.summary.movedDown,
            moves
              .filter((m) => m.points < 0)
              .reverse()
              .slice(0, 3),
          );
          // A fresh store (nothing remembered) derives a filtered week on its own: the same as filtering the whole week.
          for (const owner of [...people.map((ownerId) => ({ ownerId })), 'unassigned' as const]) {
            const fresh = createOkrStore({ storage, actor: ada, clock });
            const filtered = available(await fresh.snapshot(s.id, key, { owner }));
            const expected = filterByOwner(week.rows, owner);
            assert.deepEqual(filtered.rows, expected);
            assert.deepEqual(filtered.summary, summarize(expected));
            assert.equal(filtered.hash, week.hash, 'the hash is of the whole week');
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('concurrent reads', () => {
  it('lets several snapshot and series reads catch up the same session at once', async () => {
    const { store, at } = setup();
    const { s, nps } = await quarter(store);
    at('2027-01-06T10:00:00Z');
    await store.checkIn(s.id, nps.id, { value: 20 });
    at('2027-01-20T10:00:00Z');
    const fresh = createOkrStore({
      storage: store.storage,
      actor: ada,
      clock: () => new Date('2027-01-20T10:00:00Z'),
      timeZone: 'UTC',
    });
    const results = await Promise.all([
      fresh.snapshot(s.id, '2027-W01'),
      fresh.series(s.id, nps.id),
      fresh.snapshot(s.id, '2027-W02'),
    ]);
    assert.equal(results.length, 3);
  });
});
