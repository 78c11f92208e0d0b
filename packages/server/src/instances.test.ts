import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { isOkrError, type StorageChange } from '@okrkit/core';
import { sampleHeader } from '@okrkit/core/testing';
import pg from 'pg';
import { pgDatabase } from './pg-database.js';
import { postgresStorage } from './postgres-storage.js';
import { createdEntry, renamedEntry } from './testing/entries.js';
import { freshTenant, testDatabaseUrl, testUrl, waitFor } from './testing/test-database.js';

// Two "instances": two pools on one PostgreSQL, each with its own listening connection.
const one = pgDatabase({ connectionString: testUrl({ applicationName: 'okrkit-instance-one' }) });
const two = pgDatabase({
  connectionString: testUrl({ applicationName: 'okrkit-instance-two' }),
  reconnectDelayMs: 300,
});
after(() => Promise.all([one.close(), two.close()]));

describe('two instances on one PostgreSQL', () => {
  it('300 rounds of two appends at the same head: exactly one wins each round, the journal stays contiguous', async () => {
    const tenant = freshTenant();
    const a = postgresStorage({ database: one, tenant });
    const b = postgresStorage({ database: two, tenant });
    const header = sampleHeader();
    const s = await a.createSession(header, [createdEntry(header)]);
    const winners: string[] = [];
    for (let head = 1; head <= 300; head++) {
      const tries = (['one', 'two'] as const).map((who) => {
        const storage = who === 'one' ? a : b;
        const title = `${who} ${head + 1}`;
        return storage
          .append(s.id, head, [renamedEntry(head + 1, title)], { ...s, title, head: head + 1 })
          .then(() => title);
      });
      const results = await Promise.allSettled(tries);
      const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      assert.equal(won.length, 1, `round ${head}: one winner`);
      assert.ok(isOkrError(lost[0], 'conflict'), `round ${head}: the other gets conflict, not ${String(lost[0])}`);
      winners.push(won[0] ?? '');
    }
    const journal = await b.readJournal(s.id);
    assert.deepEqual(
      journal.map((e) => e.seq),
      Array.from({ length: 301 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      journal.slice(1).map((e) => (e.type === 'session.changed' ? e.data.title : undefined)),
      winners,
    );
    const stored = await a.getSession(s.id);
    assert.equal(stored?.head, 301);
    assert.equal(stored?.title, winners.at(-1));
    // Both instances won some rounds: the race was real.
    assert.ok(winners.some((w) => w.startsWith('one')) && winners.some((w) => w.startsWith('two')));
    await Promise.all([a.close(), b.close()]);
  });

  it("an append on one instance reaches the other's watchers, and only those of its organisation", async () => {
    const tenant = freshTenant();
    const a = postgresStorage({ database: one, tenant });
    const b = postgresStorage({ database: two, tenant });
    const stranger = postgresStorage({ database: two, tenant: freshTenant() });
    const heard: StorageChange[] = [];
    const strangerHeard: StorageChange[] = [];
    b.watch((change) => heard.push(change));
    stranger.watch((change) => strangerHeard.push(change));
    const header = sampleHeader();
    const s = await a.createSession(header, [createdEntry(header)]);
    await a.append(s.id, 1, [renamedEntry(2, 'A')], { ...s, title: 'A', head: 2 });
    await waitFor(() => heard.length >= 2, 'two changes on the other instance');
    assert.deepEqual(heard, [
      { sessionId: s.id, head: 1 },
      { sessionId: s.id, head: 2 },
    ]);
    assert.deepEqual(strangerHeard, []);
    await Promise.all([a.close(), b.close(), stranger.close()]);
  });

  it('an instance whose listening connection was cut hears of what changed meanwhile, then listens again', async () => {
    const tenant = freshTenant();
    const a = postgresStorage({ database: one, tenant });
    const b = postgresStorage({ database: two, tenant });
    const heard: StorageChange[] = [];
    b.watch((change) => heard.push(change));
    const header = sampleHeader();
    const s = await a.createSession(header, [createdEntry(header)]);
    await waitFor(() => heard.length === 1, 'the new session on the other instance');
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      const cut = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'okrkit-instance-two' AND query LIKE 'LISTEN%'`,
      );
      assert.equal(cut.rowCount, 1, 'one listening connection cut');
    } finally {
      await admin.end();
    }
    // Committed while instance two cannot hear (it waits 300 ms before reconnecting).
    await a.append(s.id, 1, [renamedEntry(2, 'while away')], { ...s, title: 'while away', head: 2 });
    await waitFor(() => heard.some((c) => c.head === 2), 'the change made while away');
    await a.append(s.id, 2, [renamedEntry(3, 'back')], { ...s, title: 'back', head: 3 });
    await waitFor(() => heard.some((c) => c.head === 3), 'a change after listening again');
    assert.deepEqual(heard, [
      { sessionId: s.id, head: 1 },
      { sessionId: s.id, head: 2 },
      { sessionId: s.id, head: 3 },
    ]);
    await Promise.all([a.close(), b.close()]);
  });
});
