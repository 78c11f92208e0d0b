import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OkrError } from './errors.js';
import { checkFinishedWeeks, finishedWeeksOf } from './finished-weeks.js';
import { type JournalEntry, replay, type Session } from './journal.js';
import type { SessionDetails } from './model.js';
import { type SnapshotResult, sessionWeeks, snapshotOf, unavailableReason } from './snapshot.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore } from './store.js';
import { Timeline } from './timeline.js';
import { weeksBetween } from './weeks.js';

const identity = { id: 'SE-01001', number: 1001 };

/** A quarter in UTC created on Monday 2027-01-04, with check-ins in its first two weeks; the journal and a clock. */
async function history() {
  let now = Date.parse('2027-01-04T08:00:00Z');
  let n = 0;
  const store = createOkrStore({
    storage: new MemoryStorage(),
    actor: { id: 'ada', role: 'admin' },
    clock: () => new Date(now),
    timeZone: 'UTC',
    ids: (kind) => `${kind}-${++n}`,
  });
  const s = await store.createSession({ title: 'Q1 2027', start: '2027-01-04', end: '2027-03-28' });
  const o = await store.addObjective(s.id, { title: 'Grow' });
  const kr = await store.addKeyResult(s.id, {
    objectiveId: o.id,
    title: 'NPS',
    kind: 'increase',
    start: 0,
    target: 100,
  });
  await store.startSession(s.id);
  now = Date.parse('2027-01-06T10:00:00Z');
  await store.checkIn(s.id, kr.id, { value: 10 });
  now = Date.parse('2027-01-13T10:00:00Z');
  await store.checkIn(s.id, kr.id, { value: 30 });
  const journal = await store.journal(s.id);
  return { journal, session: replay(identity, journal) as Session };
}

/** The session after one more `session.changed` entry recorded at `at`. */
function edited(journal: readonly JournalEntry[], change: Partial<SessionDetails>, at: string): JournalEntry[] {
  const last = journal[journal.length - 1] as JournalEntry;
  return [...journal, { seq: last.seq + 1, at, actor: 'ada', type: 'session.changed', data: change }];
}

function refusal(work: () => void): OkrError {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof OkrError && error.code === 'invalid-input', String(error));
    return error;
  }
  assert.fail('expected the edit to be refused');
}

describe('finished weeks', () => {
  const now = new Date('2027-01-20T12:00:00Z'); // Wednesday of 2027-W03: W01 and W02 have finished.

  it('are the weeks that ended after the session was created, within its dates', async () => {
    const { session } = await history();
    assert.deepEqual(
      Object.values(finishedWeeksOf(session, now) ?? {}).map((w) => w.key),
      ['2027-W01', '2027-W02'],
    );
    assert.equal(finishedWeeksOf(session, new Date('2027-01-10T23:00:00Z')), undefined, 'none during the first week');
  });

  it('fix the time zone once the first week has finished, saying which week and why', async () => {
    const { session } = await history();
    const next = { ...session, timeZone: 'Pacific/Auckland' };
    checkFinishedWeeks(session, next, new Date('2027-01-10T23:00:00Z'));
    const error = refusal(() => checkFinishedWeeks(session, next, now));
    assert.deepEqual(Object.keys(error.fields), ['timeZone']);
    assert.match(error.message, /week 2027-W01 \(2027-01-04 – 2027-01-10\) has finished/);
  });

  it('let the start move no later than the first finished Sunday, the end no earlier than the last finished Monday', async () => {
    const { session } = await history();
    for (const [change, fields] of [
      [{ start: '2027-01-11' }, ['start']],
      [{ end: '2027-01-10' }, ['end']],
      [{ start: '2027-01-11', timeZone: 'Europe/Berlin' }, ['start', 'timeZone']],
    ] as const) {
      const error = refusal(() => checkFinishedWeeks(session, { ...session, ...change }, now));
      assert.deepEqual(Object.keys(error.fields).sort(), [...fields].sort(), error.message);
    }
    assert.match(
      refusal(() => checkFinishedWeeks(session, { ...session, start: '2027-01-11' }, now)).message,
      /start date can be 2027-01-10 at the latest/,
    );
    for (const change of [
      { start: '2027-01-10' },
      { start: '2026-12-01' },
      { end: '2027-01-11' },
      { end: '2027-06-30' },
    ]) {
      checkFinishedWeeks(session, { ...session, ...change }, now);
    }
  });

  it('keep every finished week deep-equal after an allowed edit, in a warm timeline and a fresh one', async () => {
    const { journal, session } = await history();
    const warm = new Timeline(identity, journal);
    const weeks = sessionWeeks(session, now).weeks.filter((w) => !unavailableReason(session, w, now));
    const before = new Map<string, SnapshotResult>();
    for (const w of weeks) before.set(w.key, snapshotOf(warm, session, w.key, now));
    const change = { start: '2026-12-07', end: '2027-01-11', title: 'Q1 2027 (short)' };
    checkFinishedWeeks(session, { ...session, ...change }, now);
    const after = edited(journal, change, now.toISOString());
    const live = replay(identity, after) as Session;
    warm.append(after.slice(journal.length));
    const fresh = new Timeline(identity, after);
    for (const [key, snapshot] of before) {
      if (!snapshot.available || snapshot.live) continue;
      const { hash: _h, ...content } = snapshot;
      for (const [name, timeline] of [
        ['warm', warm],
        ['fresh', fresh],
      ] as const) {
        const again = snapshotOf(timeline, live, key, now);
        assert.ok(again.available);
        const { hash: _h2, ...againContent } = again;
        assert.deepEqual(againContent, content, `${key} (${name})`);
        assert.equal(again.hash, snapshot.hash, `${key} hash (${name})`);
      }
    }
  });

  it('key cached weeks by their boundaries and zone: a warm timeline agrees with a fresh one after a zone change', async () => {
    // The store refuses this edit now; the cache must still never serve a week derived for other boundaries.
    const { journal, session } = await history();
    const warm = new Timeline(identity, journal);
    const first = snapshotOf(warm, session, '2027-W01', now);
    assert.ok(first.available);
    const after = edited(journal, { timeZone: 'Pacific/Auckland' }, now.toISOString());
    const live = replay(identity, after) as Session;
    warm.append(after.slice(journal.length));
    const fresh = snapshotOf(new Timeline(identity, after), live, '2027-W01', now);
    const cached = snapshotOf(warm, live, '2027-W01', now);
    assert.ok(fresh.available && cached.available);
    assert.notEqual(fresh.asOf, first.asOf, 'the zone moved the week (the refused edit this rule prevents)');
    assert.deepEqual({ ...cached, hash: cached.hash }, { ...fresh, hash: fresh.hash });
  });
});

describe('long sessions', () => {
  it('say which week is nearest without walking the session: the same answer, in constant time', async () => {
    let now = Date.parse('2027-06-01T08:00:00Z');
    const store = createOkrStore({
      storage: new MemoryStorage(),
      actor: { id: 'ada', role: 'admin' },
      clock: () => new Date(now),
      timeZone: 'UTC',
    });
    const s = await store.createSession({ title: 'Plan', start: '2027-01-01', end: '2031-12-31' });
    now = Date.parse('2029-03-01T08:00:00Z');
    const session = await store.getSession(s.id);
    const at = new Date(now);
    // The nearest week by brute force, as it was computed before.
    const all = weeksBetween(session.start, session.end).filter((w) => !unavailableReason(session, w, at));
    const brute = (start: string) =>
      all.reduce((best, w) =>
        Math.abs(Date.parse(w.start) - Date.parse(start)) < Math.abs(Date.parse(best.start) - Date.parse(start))
          ? w
          : best,
      ).key;
    for (const [week, start] of [
      ['2026-W40', '2026-09-28'],
      ['2027-W10', '2027-03-08'],
      ['2030-W10', '2030-03-04'],
      ['2032-W10', '2032-03-08'],
    ] as const) {
      const result = await store.snapshot(s.id, week);
      assert.equal(result.available, false);
      assert.equal(result.available ? '' : result.nearest, brute(start), week);
    }
  });
});
