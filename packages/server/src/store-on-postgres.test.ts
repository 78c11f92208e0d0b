import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createOkrStore, isOkrError, keyResultProgress } from '@okrkit/core';
import pg from 'pg';
import { pgDatabase } from './pg-database.js';
import { postgresStorage } from './postgres-storage.js';
import { freshTenant, testDatabaseUrl, waitFor } from './testing/test-database.js';

// A Node host running okrkit's core on PostgreSQL, without HTTP: two stores on two pools.
const url = testDatabaseUrl();
const one = pgDatabase({ connectionString: url });
const two = pgDatabase({ connectionString: url });
after(() => Promise.all([one.close(), two.close()]));

describe('an OkrStore on postgresStorage', () => {
  it('runs real commands, and a store on another pool reads them back and hears of them', async () => {
    const tenant = freshTenant();
    const clock = () => new Date('2027-01-06T10:00:00Z');
    const admin = createOkrStore({
      storage: postgresStorage({ database: one, tenant }),
      actor: { id: 'ada', role: 'admin' },
      clock,
      timeZone: 'UTC',
    });
    const member = createOkrStore({
      storage: postgresStorage({ database: two, tenant }),
      actor: { id: 'kim', role: 'member' },
      clock,
      timeZone: 'UTC',
    });
    const heard: string[] = [];
    member.subscribe((change) => {
      // A session the member store holds no state for is told by its header; one it holds, by its new state.
      if (change.type === 'session') heard.push(`${change.session.id}@${change.session.head}`);
      if (change.type === 'header') heard.push(`${change.header.id}@${change.header.head}`);
    });

    const s = await admin.createSession({ title: 'Q1 2027', start: '2027-01-04', end: '2027-03-28' });
    const o = await admin.addObjective(s.id, { title: 'Delight customers', ownerId: 'kim' });
    const k = await admin.addKeyResult(s.id, {
      objectiveId: o.id,
      title: 'NPS',
      kind: 'increase',
      start: 20,
      target: 60,
      ownerId: 'kim',
    });
    await admin.startSession(s.id);
    await admin.checkIn(s.id, k.id, { value: 30, comment: 'first survey' });

    assert.equal(s.id, 'SE-01001');
    const read = await member.getSession(s.id);
    assert.equal(read.state, 'in_progress');
    assert.equal(read.objectives.get(o.id)?.title, 'Delight customers');
    const kr = read.keyResults.get(k.id) ?? assert.fail('the key result');
    assert.equal(kr.latest?.value, 30);
    assert.equal(keyResultProgress(kr).raw, 0.25);
    await waitFor(() => heard.includes(`${s.id}@${read.head}`), 'the member store to hear the check-in');

    // The member's own check-in goes through the same storage; an admin's command does not.
    await member.checkIn(s.id, k.id, { value: 40 });
    await assert.rejects(member.closeSession(s.id), (error: unknown) => isOkrError(error, 'not-allowed'));
    const journal = await admin.journal(s.id);
    assert.deepEqual(
      journal.map((e) => `${e.seq} ${e.type} ${e.actor}`),
      [
        '1 session.created ada',
        '2 objective.added ada',
        '3 keyResult.added ada',
        '4 session.transitioned ada',
        '5 checkIn.added ada',
        '6 checkIn.added kim',
      ],
    );
    await Promise.all([admin.close(), member.close()]);
  });
});

describe("a host's own pg.Pool", () => {
  it('is used as given, heard on, and left open when the database closes', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const database = pgDatabase({ pool });
    const tenant = freshTenant();
    const storage = postgresStorage({ database, tenant });
    const heard: number[] = [];
    storage.watch((change) => heard.push(change.head));
    await storage.listSessions(); // the first call waits until the adapter listens
    const elsewhere = createOkrStore({
      storage: postgresStorage({ database: one, tenant }),
      actor: { id: 'ada', role: 'admin' },
    });
    const s = await elsewhere.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31' });
    await waitFor(() => heard.includes(1), 'the session created elsewhere');
    assert.equal((await storage.getSession(s.id))?.title, 'FY2027');
    await elsewhere.close();
    await storage.close();
    await database.close();
    const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one');
    assert.deepEqual(rows, [{ one: 1 }]);
    await pool.end();
  });
});
