import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type JournalEntry, replay, type Session } from './journal.js';
import { keyResultProgress } from './progress.js';
import { seriesOf } from './series.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore } from './store.js';
import { MAX_CHECKPOINTS, Timeline } from './timeline.js';
import { objectiveProgress } from './weekly-progress.js';
import { weekRange, weeksBetween } from './weeks.js';

/** A quarter of weekly check-ins on all six kinds, with corrections, owner changes and a removal, made through the commands. */
async function history() {
  let now = Date.parse('2027-01-01T08:00:00Z');
  const store = createOkrStore({
    storage: new MemoryStorage(),
    actor: { id: 'ada', role: 'admin' },
    clock: () => new Date(now),
    timeZone: 'Europe/Berlin',
  });
  const s = await store.createSession({ title: 'Q1', start: '2027-01-04', end: '2027-04-04', cadence: 'custom' });
  const krs: { id: string; kind: string }[] = [];
  const objectives: string[] = [];
  for (let o = 0; o < 3; o++) {
    const objective = await store.addObjective(s.id, { title: `O${o}` });
    objectives.push(objective.id);
    const inputs = [
      { kind: 'increase', start: 0, target: 100 },
      { kind: 'decrease', start: 50, target: 10 },
      { kind: 'stay_above', threshold: 20 },
      { kind: 'stay_below', threshold: 80 },
      { kind: 'boolean' },
      { kind: 'milestones', milestones: ['a', 'b', 'c'] },
    ] as const;
    for (const input of inputs) {
      const kr = await store.addKeyResult(s.id, { ...input, objectiveId: objective.id, title: input.kind });
      krs.push({ id: kr.id, kind: input.kind });
    }
  }
  await store.startSession(s.id);
  const removed = krs[7]?.id as string;
  for (let week = 0; week < 10; week++) {
    now = Date.parse('2027-01-04T09:00:00Z') + week * 7 * 86_400_000;
    for (const [i, kr] of krs.entries()) {
      if (week > 5 && kr.id === removed) continue;
      now += 60_000;
      const value =
        kr.kind === 'boolean' ? (week > 6 ? 1 : 0) : kr.kind === 'milestones' ? Math.min(3, week >> 1) : week * 9 + i;
      const checkIn = await store.checkIn(s.id, kr.id, { value });
      if ((week + i) % 7 === 0) await store.correctCheckIn(s.id, checkIn.id, { value });
      if ((week * 3 + i) % 11 === 0) await store.assignOwner(s.id, 'keyResult', kr.id, `p${week}`);
    }
    if (week === 5) {
      await store.unlockSession(s.id);
      await store.removeKeyResult(s.id, removed);
      await store.startSession(s.id);
    }
  }
  now = Date.parse('2027-03-17T12:00:00Z');
  const live = await store.getSession(s.id);
  const journal = await store.journal(s.id);
  return { live, journal, now: new Date(now), ids: [...krs.map((k) => k.id), ...objectives] };
}

/** What `seriesOf` answered before it kept weekly progress: a fold to each week's end, and the item read off it. */
function foldedSeries(journal: readonly JournalEntry[], live: Session, id: string, now: Date) {
  return weeksBetween(live.start, live.end)
    .filter((w) => weekRange(w, live.timeZone).from <= now.getTime())
    .map((week) => {
      const { to } = weekRange(week, live.timeZone);
      const state =
        to > now.getTime()
          ? live
          : replay(
              live,
              journal.filter((e) => Date.parse(e.at) < to),
            );
      const kr = state?.keyResults.get(id);
      const progress = kr
        ? keyResultProgress(kr).clamped
        : state?.objectives.has(id)
          ? objectiveProgress(state, id)
          : undefined;
      return { week: week.key, progress };
    });
}

describe('weekly progress (sparklines)', () => {
  it('gives every item the series a fold to each week end gives, and keeps no week checkpoints', async () => {
    const { live, journal, now, ids } = await history();
    const timeline = new Timeline(live, journal);
    for (const id of [...ids, 'nothing']) {
      assert.deepEqual(seriesOf(timeline, live, id, now), foldedSeries(journal, live, id, now), id);
    }
    assert.equal(timeline.checkpointCount, 0);
  });

  it('keeps at most MAX_CHECKPOINTS states, and answers the same after dropping them', async () => {
    const { live, journal } = await history();
    const timeline = new Timeline(live, journal);
    const counts = Array.from({ length: 20 }, (_, i) => Math.round(((i + 1) * journal.length) / 20));
    const kept = counts.map((n) => JSON.stringify(timeline.stateAfter(n, true)));
    assert.equal(timeline.checkpointCount, MAX_CHECKPOINTS);
    const fresh = new Timeline(live, journal);
    assert.deepEqual(
      counts.map((n) => JSON.stringify(fresh.stateAfter(n))),
      kept,
    );
    assert.deepEqual(
      counts.map((n) => JSON.stringify(timeline.stateAfter(n, true))),
      kept,
    );
  });
});
