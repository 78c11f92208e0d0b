import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { isOkrError, type OkrError, type StorageChange } from '@okrkit/core';
import { sampleHeader } from '@okrkit/core/testing';
import pg from 'pg';
import { pgDatabase } from './pg-database.js';
import { postgresStorage } from './postgres-storage.js';
import { createdEntry, renamedEntry } from './testing/entries.js';
import { freshTenant, testDatabaseUrl, testUrl, waitFor } from './testing/test-database.js';

const APP = 'okrkit-outage-test';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('when the database goes away', () => {
  const database = pgDatabase({ connectionString: testUrl({ applicationName: APP }), max: 4, reconnectDelayMs: 50 });
  const other = pgDatabase({ connectionString: testDatabaseUrl() });
  after(() => Promise.all([database.close(), other.close()]));

  it('answers with typed storage errors, reconnects, and loses nothing it acknowledged', async () => {
    const tenant = freshTenant();
    const storage = postgresStorage({ database, tenant });
    const sessions = await Promise.all(
      Array.from({ length: 4 }, () => storage.createSession(sampleHeader(), [createdEntry()])),
    );
    const errors: unknown[] = [];
    const acknowledged = new Map<string, string[]>(sessions.map((s) => [s.id, []]));
    let load = true;

    /** One writer per session: appends until told to stop; after a failure it reads where the journal is. */
    const write = async (id: string) => {
      const header = sessions.find((s) => s.id === id) ?? assert.fail(id);
      let head = 1;
      while (load) {
        const title = `${id} #${head + 1}`;
        try {
          await storage.append(id, head, [renamedEntry(head + 1, title)], { ...header, title, head: head + 1 });
          acknowledged.get(id)?.push(title);
          head += 1;
        } catch (error) {
          errors.push(error);
          // An append whose answer was lost may have committed: continue from what is stored.
          for (;;) {
            try {
              head = (await storage.getSession(id))?.head ?? assert.fail(`${id} vanished`);
              break;
            } catch (readError) {
              errors.push(readError);
              await sleep(10);
            }
          }
        }
      }
    };

    /** Terminates every connection of this test's pool (listening included), five times over. */
    const outage = async () => {
      const admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      try {
        for (let i = 0; i < 5; i++) {
          await sleep(80);
          await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
            APP,
          ]);
        }
        await sleep(80);
      } finally {
        await admin.end();
      }
      load = false;
    };

    await Promise.all([...sessions.map((s) => write(s.id)), outage()]);

    assert.ok(errors.length > 0, 'the outage was felt');
    for (const error of errors) {
      assert.ok(isOkrError(error, 'storage'), `a storage error, not ${String(error)}`);
      assert.match((error as OkrError).message, /database/);
    }
    let total = 0;
    for (const s of sessions) {
      const journal = await storage.readJournal(s.id);
      assert.deepEqual(
        journal.map((e) => e.seq),
        Array.from({ length: journal.length }, (_, i) => i + 1),
        'a contiguous journal',
      );
      const titles = new Set(journal.map((e) => (e.type === 'session.changed' ? e.data.title : '')));
      const acked = acknowledged.get(s.id) ?? [];
      assert.deepEqual(
        acked.filter((t) => !titles.has(t)),
        [],
        'every acknowledged append is stored',
      );
      total += acked.length;
    }
    assert.ok(total > 20, `appends went through between the cuts (${total})`);

    // Back to normal: writes succeed and the listening connection is back.
    const heard: StorageChange[] = [];
    storage.watch((change) => heard.push(change));
    const elsewhere = postgresStorage({ database: other, tenant });
    const s = sessions[0] ?? assert.fail();
    const head = (await elsewhere.getSession(s.id))?.head ?? assert.fail();
    await elsewhere.append(s.id, head, [renamedEntry(head + 1, 'after')], { ...s, title: 'after', head: head + 1 });
    await waitFor(() => heard.some((c) => c.sessionId === s.id && c.head === head + 1), 'a change from elsewhere');
    await Promise.all([storage.close(), elsewhere.close()]);
  });

  it('rejects with storage, without retrying for ever, when nothing answers at the address', async () => {
    const nowhere = pgDatabase({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres' });
    await assert.rejects(postgresStorage({ database: nowhere }).listSessions(), (error: unknown) => {
      assert.ok(isOkrError(error, 'storage'), String(error));
      assert.match(error.message, /ECONNREFUSED/);
      return true;
    });
    await nowhere.close();
  });
});
