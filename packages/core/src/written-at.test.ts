import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OkrError } from './errors.js';
import type { Actor } from './model.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore, type OkrStore } from './store.js';

const ada: Actor = { id: 'ada', role: 'admin', name: 'Ada' };

/** A store whose clock reads `now.at` (tests move it). */
function storeAt(now: { at: string }, storage = new MemoryStorage()): OkrStore {
  return createOkrStore({ storage, actor: ada, clock: () => new Date(now.at), timeZone: 'UTC' });
}

async function running(store: OkrStore): Promise<{ sessionId: string; keyResultId: string }> {
  const session = await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
  const objective = await store.addObjective(session.id, { title: 'Delight customers' });
  const kr = await store.addKeyResult(session.id, {
    objectiveId: objective.id,
    title: 'NPS',
    kind: 'increase',
    start: 30,
    target: 50,
  });
  await store.startSession(session.id);
  return { sessionId: session.id, keyResultId: kr.id };
}

describe("the person's own time (writtenAt)", () => {
  it('keeps it with a check-in that arrives a minute or more late; the week is still the recorded instant’s', async () => {
    const now = { at: '2027-01-04T08:00:00.000Z' };
    const store = storeAt(now);
    const { sessionId, keyResultId } = await running(store);
    now.at = '2027-01-11T08:00:00.000Z';
    // Written on Friday evening, offline; it reaches the store on Monday morning.
    const late = await store.execute(
      { type: 'checkIn.add', sessionId, args: { keyResultId, value: 40, comment: 'On the train' } },
      { writtenAt: '2027-01-08T17:40:00Z' },
    );
    const checkIn = (await store.getSession(sessionId)).keyResults.get(keyResultId)?.checkIns.at(-1);
    assert.equal(checkIn?.at, '2027-01-11T08:00:00.000Z');
    assert.equal(checkIn?.writtenAt, '2027-01-08T17:40:00.000Z');
    assert.deepEqual(late.value, checkIn);
    // The Friday week does not hold it: it counts where it was recorded.
    const row = async (week: string) => {
      const snapshot = await store.snapshot(sessionId, week);
      assert.ok(snapshot.available, `${week}: ${snapshot.available ? '' : snapshot.reason}`);
      return snapshot.rows.find((r) => r.id === keyResultId);
    };
    assert.equal((await row('2027-W01'))?.checkInsThisWeek, 0);
    const monday = await row('2027-W02');
    assert.equal(monday?.checkInsThisWeek, 1);
    assert.equal(monday?.latestCheckIn?.writtenAt, '2027-01-08T17:40:00.000Z');
  });

  it('leaves it out when the check-in arrives within the minute, as an online one does', async () => {
    const now = { at: '2027-01-11T08:00:00.000Z' };
    const store = storeAt(now);
    const { sessionId, keyResultId } = await running(store);
    const { value } = await store.execute(
      { type: 'checkIn.add', sessionId, args: { keyResultId, value: 41 } },
      { writtenAt: new Date('2027-01-11T07:59:30Z') },
    );
    assert.equal((value as { writtenAt?: string }).writtenAt, undefined);
    const journal = await store.storage.readJournal(sessionId);
    assert.ok(!('writtenAt' in (journal.at(-1)?.data ?? {})));
  });

  it('keeps it with a late correction too, and through an export and an import', async () => {
    const now = { at: '2027-01-11T08:00:00.000Z' };
    const store = storeAt(now);
    const { sessionId, keyResultId } = await running(store);
    const first = await store.checkIn(sessionId, keyResultId, { value: 35 });
    now.at = '2027-01-12T09:00:00.000Z';
    await store.execute(
      { type: 'checkIn.correct', sessionId, args: { checkInId: first.id, value: 36 } },
      { writtenAt: '2027-01-11T18:00:00.000Z' },
    );
    const exported = await store.exportSession(sessionId);
    const copy = storeAt(now);
    const imported = await copy.importSession(exported);
    const history = imported.keyResults.get(keyResultId)?.checkIns ?? [];
    assert.deepEqual(
      history.map((c) => c.writtenAt),
      [undefined, '2027-01-11T18:00:00.000Z'],
    );
  });

  it('refuses a writtenAt that is not an instant, appending nothing', async () => {
    const now = { at: '2027-01-11T08:00:00.000Z' };
    const store = storeAt(now);
    const { sessionId, keyResultId } = await running(store);
    const head = (await store.getSession(sessionId)).head;
    for (const writtenAt of ['last Friday', '', '2027-13-45T00:00:00Z', 42, new Date(Number.NaN)]) {
      await assert.rejects(
        store.execute(
          { type: 'checkIn.add', sessionId, args: { keyResultId, value: 40 } },
          { writtenAt: writtenAt as string },
        ),
        (error: unknown) => error instanceof OkrError && error.code === 'invalid-input' && 'writtenAt' in error.fields,
      );
    }
    assert.equal((await store.getSession(sessionId)).head, head);
  });

  it('refuses an import whose check-in was written after it was recorded, or at no instant', async () => {
    const now = { at: '2027-01-11T08:00:00.000Z' };
    const store = storeAt(now);
    const { sessionId, keyResultId } = await running(store);
    await store.execute(
      { type: 'checkIn.add', sessionId, args: { keyResultId, value: 40 } },
      { writtenAt: '2027-01-08T17:40:00.000Z' },
    );
    const exported = JSON.parse(await store.exportSession(sessionId));
    const entry = exported.journal.at(-1);
    for (const writtenAt of ['2027-01-12T00:00:00.000Z', 'Friday', 17]) {
      entry.data.writtenAt = writtenAt;
      const fresh = storeAt(now);
      await assert.rejects(
        fresh.importSession(JSON.stringify(exported)),
        (error: unknown) =>
          error instanceof OkrError &&
          error.code === 'invalid-input' &&
          Object.keys(error.fields).some((f) => f.endsWith('.writtenAt')),
      );
      assert.deepEqual(await fresh.listSessions(), []);
    }
  });
});
