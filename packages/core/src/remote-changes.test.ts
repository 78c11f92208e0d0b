import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Session } from './journal.js';
import type { Actor } from './model.js';
import type { StorageAdapter, StorageChange } from './storage/adapter.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore, type OkrStore, type StoreChange } from './store.js';

const ada: Actor = { id: 'ada', role: 'admin', name: 'Ada' };

function ticking(start = '2026-11-20T09:00:00Z') {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += 60_000;
    return now;
  };
}

/** Counts the journal reads made through it; `strip` drops the entries change notices carry. */
function counting(inner: StorageAdapter, strip = false): StorageAdapter & { journalReads: number } {
  const counts = { journalReads: 0 };
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === 'journalReads') return counts.journalReads;
      if (prop === 'readJournal') {
        return (...args: Parameters<StorageAdapter['readJournal']>) => {
          counts.journalReads++;
          return target.readJournal(...args);
        };
      }
      if (prop === 'watch' && strip) {
        return (listener: (change: StorageChange) => void) =>
          target.watch(({ entries: _e, ...change }) => listener(change));
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as StorageAdapter & { journalReads: number };
}

function storeOn(storage: StorageAdapter): OkrStore {
  return createOkrStore({ storage, actor: ada, clock: ticking(), timeZone: 'Europe/Berlin' });
}

/** Everything a reader sees of a session, as plain data (check-ins with their corrections). */
function seen(session: Session): unknown {
  return JSON.parse(
    JSON.stringify({
      ...session,
      objectives: [...session.objectives.values()],
      keyResults: [...session.keyResults.values()],
      initiatives: [...session.initiatives.values()],
    }),
  );
}

function nextRemote(store: OkrStore): Promise<Session> {
  return new Promise((resolve) => {
    const stop = store.subscribe((change: StoreChange) => {
      if (change.type === 'session' && change.origin === 'remote') {
        stop();
        resolve(change.session);
      }
    });
  });
}

async function sessionWithHistory(writer: OkrStore) {
  const s = await writer.createSession({
    title: 'Q1 2027',
    start: '2027-01-01',
    end: '2027-03-31',
    cadence: 'quarter',
  });
  const o = await writer.addObjective(s.id, { title: 'Grow' });
  const kr = await writer.addKeyResult(s.id, {
    objectiveId: o.id,
    title: 'Signups',
    kind: 'increase',
    start: 0,
    target: 100,
  });
  const first = await writer.checkIn(s.id, kr.id, { value: 10 });
  return { s, kr, first };
}

describe('changes made through another store', () => {
  it('are folded on from the entries the notice carries, with no journal read, to the state a full read gives', async () => {
    const shared = new MemoryStorage();
    const writer = storeOn(shared);
    const { s, kr, first } = await sessionWithHistory(writer);
    const storage = counting(shared);
    const reader = storeOn(storage);
    await reader.getSession(s.id);
    const before = storage.journalReads;

    let heard = nextRemote(reader);
    await writer.checkIn(s.id, kr.id, { value: 40, comment: 'better' });
    let session = await heard;
    assert.equal(session.keyResults.get(kr.id)?.latest?.value, 40);

    heard = nextRemote(reader);
    await writer.correctCheckIn(s.id, first.id, { value: 12 });
    await heard;
    heard = nextRemote(reader);
    await writer.assignOwner(s.id, 'keyResult', kr.id, 'mo');
    await heard;
    heard = nextRemote(reader);
    await writer.updateKeyResult(s.id, kr.id, { title: 'Signups (web)' });
    session = await heard;

    assert.equal(storage.journalReads - before, 0, 'journal reads for four remote changes');
    const full = await storeOn(shared).getSession(s.id);
    assert.deepEqual(seen(session), seen(full));
    assert.deepEqual(seen(await reader.getSession(s.id)), seen(full));
    assert.equal(session.keyResults.get(kr.id)?.ownerId, 'mo');
    assert.equal(
      session.keyResults.get(kr.id)?.checkIns.find((c) => c.id === first.id)?.supersededBy !== undefined,
      true,
    );
  });

  it('gives the same snapshot of the live week as a store that read everything', async () => {
    const shared = new MemoryStorage();
    const writer = storeOn(shared);
    const { s, kr } = await sessionWithHistory(writer);
    const reader = storeOn(shared);
    // A snapshot of a week without one (W47 is before the session) reads no journal: the
    // state is held from the getSession.
    await reader.getSession(s.id);
    await reader.snapshot(s.id, '2026-W47');
    const heard = nextRemote(reader);
    await writer.checkIn(s.id, kr.id, { value: 55 });
    await heard;
    const mine = await reader.snapshot(s.id, '2026-W47');
    const theirs = await storeOn(shared).snapshot(s.id, '2026-W47');
    assert.deepEqual(JSON.parse(JSON.stringify(mine)), JSON.parse(JSON.stringify(theirs)));
  });

  it('are read from storage when the notice carries no entries', async () => {
    const shared = new MemoryStorage();
    const writer = storeOn(shared);
    const { s, kr } = await sessionWithHistory(writer);
    const storage = counting(shared, true);
    const reader = storeOn(storage);
    await reader.getSession(s.id);
    const before = storage.journalReads;
    const heard = nextRemote(reader);
    await writer.checkIn(s.id, kr.id, { value: 70 });
    const session = await heard;
    assert.equal(storage.journalReads - before, 1);
    assert.deepEqual(seen(session), seen(await storeOn(shared).getSession(s.id)));
  });

  it('are read from storage when the carried entries do not follow the state held (a notice was missed)', async () => {
    const shared = new MemoryStorage();
    const writer = storeOn(shared);
    const { s, kr } = await sessionWithHistory(writer);
    let drop = 0;
    const lossy = new Proxy(shared, {
      get(target, prop) {
        if (prop === 'watch')
          return (listener: (change: StorageChange) => void) =>
            target.watch((change) => {
              if (drop > 0) drop--;
              else listener(change);
            });
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const storage = counting(lossy);
    const reader = storeOn(storage);
    await reader.getSession(s.id);
    const before = storage.journalReads;
    drop = 1;
    await writer.checkIn(s.id, kr.id, { value: 20 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const heard = nextRemote(reader);
    await writer.checkIn(s.id, kr.id, { value: 30 });
    const session = await heard;
    assert.equal(session.keyResults.get(kr.id)?.latest?.value, 30);
    assert.equal(session.keyResults.get(kr.id)?.checkIns.length, 3);
    assert.equal(storage.journalReads - before, 1);
    assert.deepEqual(seen(session), seen(await storeOn(shared).getSession(s.id)));
  });
});

describe('a fresh store', () => {
  it('reads a session journal once when a page asks for its weeks, snapshot and state at once', async () => {
    const shared = new MemoryStorage();
    const { s } = await sessionWithHistory(storeOn(shared));
    const storage = counting(shared);
    const reader = storeOn(storage);
    const [weeks, snapshot, session] = await Promise.all([
      reader.weeks(s.id),
      reader.snapshot(s.id, '2026-W47'),
      reader.getSession(s.id),
    ]);
    assert.equal(storage.journalReads, 1);
    assert.equal(weeks.current.key, '2026-W47');
    assert.equal(snapshot.sessionId, s.id);
    assert.equal(session.head, 4);
  });

  it('reads the journal once for a first load and the first check-in after it, which refuses a used id', async () => {
    const shared = new MemoryStorage();
    const { s, kr, first } = await sessionWithHistory(storeOn(shared));
    const storage = counting(shared);
    const reader = storeOn(storage);
    await reader.getSession(s.id);
    await assert.rejects(reader.checkIn(s.id, kr.id, { id: first.id, value: 20 }), {
      code: 'invalid-input',
      message: /already used/,
    });
    const next = await reader.checkIn(s.id, kr.id, { value: 30 });
    assert.equal(storage.journalReads, 1);
    const session = await reader.getSession(s.id);
    assert.equal(session.keyResults.get(kr.id)?.latest?.id, next.id);
    assert.deepEqual(
      session.keyResults.get(kr.id)?.checkIns.map((c) => c.value),
      [10, 30],
    );
  });
});
