import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from './model.js';
import type { Snapshot, SnapshotResult } from './snapshot.js';
import type { StorageAdapter } from './storage/adapter.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore, type OkrStore } from './store.js';

const ada: Actor = { id: 'ada', role: 'admin' };
const kim: Actor = { id: 'kim', role: 'member' };

/** Counts journal reads and checkpoint writes made through it; `settled` sets its settled head. */
function watched(inner: StorageAdapter, settled?: () => number) {
  const counts = { journalReads: 0, writes: [] as string[] };
  const storage = new Proxy(inner, {
    get(target, prop) {
      if (prop === 'readJournal')
        return (...args: Parameters<StorageAdapter['readJournal']>) => {
          counts.journalReads++;
          return target.readJournal(...args);
        };
      if (prop === 'writeCheckpoint')
        return (id: string, key: string, value: unknown) => {
          counts.writes.push(key);
          return target.writeCheckpoint(id, key, value);
        };
      if (prop === 'settledHead' && settled) return () => settled();
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { storage, counts };
}

function clockAt(start: string) {
  let now = Date.parse(start);
  return { clock: () => new Date(now), at: (iso: string) => (now = Date.parse(iso)) };
}

function storeOn(storage: StorageAdapter, clock: () => Date, actor: Actor = ada): OkrStore {
  let n = 0;
  return createOkrStore({ storage, actor, clock, timeZone: 'Europe/Berlin', ids: (kind) => `${kind}-${++n}` });
}

function available(result: SnapshotResult): Snapshot {
  assert.equal(result.available, true, result.available ? '' : `no snapshot: ${result.reason}`);
  return result as Snapshot;
}

/** A quarter with check-ins in W01, W02 and W03 of 2027, a removal in W02; `at` is at W03. */
async function quarterWithWeeks(store: OkrStore, at: (iso: string) => void) {
  const s = await store.createSession({ title: 'Q1 2027', start: '2027-01-04', end: '2027-04-04', cadence: 'custom' });
  const o = await store.addObjective(s.id, { title: 'Grow', ownerId: 'obi' });
  const nps = await store.addKeyResult(s.id, {
    objectiveId: o.id,
    title: 'NPS',
    kind: 'increase',
    start: 0,
    target: 100,
    unit: 'pts',
    ownerId: 'kim',
  });
  const churn = await store.addKeyResult(s.id, {
    objectiveId: o.id,
    title: 'Churn',
    kind: 'decrease',
    start: 10,
    target: 5,
  });
  const old = await store.addKeyResult(s.id, { objectiveId: o.id, title: 'Old', kind: 'boolean', ownerId: 'kim' });
  await store.addInitiative(s.id, { title: 'Survey', keyResultIds: [nps.id, churn.id], ownerId: 'kim' });
  await store.startSession(s.id);
  at('2027-01-05T10:00:00Z');
  const first = await store.checkIn(s.id, nps.id, { value: 10, status: 'on_track', comment: 'started' });
  at('2027-01-12T10:00:00Z');
  await store.checkIn(s.id, nps.id, { value: 30, comment: 'survey out' });
  await store.correctCheckIn(s.id, first.id, { value: 12, comment: 'recount' });
  await store.checkIn(s.id, churn.id, { value: 8 });
  // Planning again for a moment (an admin unlocks it) to remove a key result.
  await store.unlockSession(s.id);
  await store.removeKeyResult(s.id, old.id);
  await store.startSession(s.id);
  at('2027-01-19T10:00:00Z');
  await store.checkIn(s.id, churn.id, { value: 7 });
  return { s, nps, churn };
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('finished weeks kept in storage', () => {
  it('are answered by a fresh store without reading the journal, as derived, hash and owner filter included', async () => {
    const shared = new MemoryStorage();
    const { clock, at } = clockAt('2027-01-04T08:00:00Z');
    const writer = storeOn(shared, clock);
    const { s } = await quarterWithWeeks(writer, at);
    const derived = available(await writer.snapshot(s.id, '2027-W02'));
    const derivedForKim = available(await writer.snapshot(s.id, '2027-W02', { owner: { ownerId: 'kim' } }));
    await writer.settled();

    const { storage, counts } = watched(shared);
    const reader = storeOn(storage, clock);
    const kept = available(await reader.snapshot(s.id, '2027-W02'));
    const keptForKim = available(await reader.snapshot(s.id, '2027-W02', { owner: { ownerId: 'kim' } }));
    assert.equal(counts.journalReads, 0, 'journal reads');
    assert.deepEqual(json(kept), json(derived));
    assert.deepEqual(json(keptForKim), json(derivedForKim));
    assert.equal(kept.hash, derived.hash);
    assert.equal(kept.readOnly, true);
    // The week holds what the journal says: the correction, the removal, the change.
    const nps = kept.rows.find((r) => r.title === 'NPS');
    assert.equal(nps?.latestCheckIn?.value, 30);
    assert.equal(nps?.checkInsThisWeek, 2);
    assert.equal(nps?.change.points, 20, 'from 10 at the start (corrected to 12 only later) to 30');
    assert.equal(kept.rows.find((r) => r.title === 'Old')?.change.removed, true);
    assert.equal(kept.rows.find((r) => r.type === 'initiative')?.linkedKeyResults, 2);
    // Weeks are answered from the header alone too.
    assert.equal((await reader.weeks(s.id)).current.key, '2027-W03');
    assert.equal(counts.journalReads, 0, 'journal reads after weeks');
  });

  it('are stored when the week finishes: by the first write recorded after its end', async () => {
    const { storage, counts } = watched(new MemoryStorage());
    const { clock, at } = clockAt('2027-01-04T08:00:00Z');
    const store = storeOn(storage, clock);
    const { s, churn } = await quarterWithWeeks(store, at);
    await store.settled();
    // W03's first entry finished W02. (W02's finished W01, but the check after a burst of
    // writes looks at the last one's week only: W01 is stored when first viewed.)
    assert.deepEqual(
      counts.writes.map((k) => k.split(':')[2]),
      ['2027-W02'],
    );
    at('2027-01-26T09:00:00Z');
    await store.checkIn(s.id, churn.id, { value: 6 });
    await store.checkIn(s.id, churn.id, { value: 6.5 });
    await store.settled();
    assert.deepEqual(
      counts.writes.map((k) => k.split(':')[2]),
      ['2027-W02', '2027-W03'],
      'once per week, however many writes follow',
    );
    const fresh = watched(storage);
    const week = available(await storeOn(fresh.storage, clock).snapshot(s.id, '2027-W03'));
    assert.equal(fresh.counts.journalReads, 0);
    assert.equal(week.rows.find((r) => r.id === churn.id)?.latestCheckIn?.value, 7);
  });

  it('are not stored while no entry after the week’s end is in the journal for good', async () => {
    const shared = new MemoryStorage();
    const { clock, at } = clockAt('2027-01-04T08:00:00Z');
    const writer = storeOn(shared, clock);
    const { s, churn } = await quarterWithWeeks(writer, at);
    at('2027-01-27T09:00:00Z');
    // No entry yet in W04: W03 has ended by the clock, but a late entry could still land in it.
    const { storage, counts } = watched(shared);
    const store = storeOn(storage, clock);
    available(await store.snapshot(s.id, '2027-W03'));
    await store.settled();
    assert.deepEqual(counts.writes, []);
    // A storage whose entries beyond head 9 are not confirmed yet (a sync store's pending commands).
    const head = (await shared.getSession(s.id))?.head as number;
    await writer.checkIn(s.id, churn.id, { value: 6 });
    const pending = watched(shared, () => head);
    const syncing = storeOn(pending.storage, clock);
    available(await syncing.snapshot(s.id, '2027-W03'));
    await syncing.settled();
    assert.deepEqual(pending.counts.writes, [], 'nothing stored on an entry not confirmed');
    const confirmed = watched(shared, () => head + 1);
    const later = storeOn(confirmed.storage, clock);
    available(await later.snapshot(s.id, '2027-W03'));
    await later.settled();
    assert.equal(confirmed.counts.writes.length, 1);
  });

  it('are derived again when what storage holds is not a week it can read, and are kept per thresholds', async () => {
    const shared = new MemoryStorage();
    const { clock, at } = clockAt('2027-01-04T08:00:00Z');
    const writer = storeOn(shared, clock);
    const { s } = await quarterWithWeeks(writer, at);
    const derived = available(await writer.snapshot(s.id, '2027-W02'));
    await writer.settled();
    // What storage hands back is not a stored week (another version, another writer's value).
    const { storage, counts } = watched(shared);
    const spoiled = new Proxy(storage, {
      get(target, prop) {
        if (prop === 'readCheckpoint') return async () => ({ v: 1, rows: 'not rows' });
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const reader = storeOn(spoiled, clock);
    assert.deepEqual(json(await reader.snapshot(s.id, '2027-W02')), json(derived));
    assert.equal(counts.journalReads, 1, 'derived from the journal');
    const strict = { atRisk: 0.05, offTrack: 0.5 };
    const other = available(await storeOn(shared, clock).snapshot(s.id, '2027-W02', { thresholds: strict }));
    const again = available(await storeOn(shared, clock).snapshot(s.id, '2027-W02', { thresholds: strict }));
    assert.deepEqual(json(other), json(again));
    assert.notEqual(other.hash, derived.hash, 'other thresholds, another week result');
  });

  it('are refused like the session: not shared, deleted or unknown', async () => {
    const shared = new MemoryStorage();
    const { clock, at } = clockAt('2027-01-04T08:00:00Z');
    const writer = storeOn(shared, clock);
    const { s } = await quarterWithWeeks(writer, at);
    await writer.snapshot(s.id, '2027-W02');
    await writer.settled();
    const nobody = { everyone: false, people: [], teams: [] } as const;
    await writer.updateSession(s.id, { access: { view: nobody, edit: nobody } });
    await assert.rejects(storeOn(shared, clock, kim).snapshot(s.id, '2027-W02'), { code: 'not-allowed' });
    await assert.rejects(storeOn(shared, clock).snapshot('SE-09999', '2027-W02'), { code: 'not-found' });
    await assert.rejects(storeOn(shared, clock).snapshot('', '2027-W02'), { code: 'invalid-input' });
  });
});
