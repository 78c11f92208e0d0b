import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isOkrError } from '@okrkit/core';
import { describeStorageContract, sampleHeader } from '@okrkit/core/testing';
import { pgliteDatabase } from './pglite-database.js';
import { type PostgresStorage, postgresStorage } from './postgres-storage.js';
import { createdEntry, renamedEntry } from './testing/entries.js';
import { describeImmutableEntries } from './testing/immutable-entries.js';
import { freshTenant } from './testing/test-database.js';

// One embedded database for the file (opening one takes seconds); each test gets its own
// organisation, which shares nothing with the others.
const database = pgliteDatabase();
after(() => database.close());

describeStorageContract({
  name: 'postgresStorage on PGlite',
  open: () => postgresStorage({ database, tenant: freshTenant() }),
  connect: (first) => postgresStorage({ database, tenant: (first as PostgresStorage).tenant }),
  describe,
  it,
});

describe('postgresStorage on PGlite: organisations', () => {
  it('keeps the sessions of two tenants apart, numbers included', async () => {
    const acme = postgresStorage({ database, tenant: freshTenant() });
    const globex = postgresStorage({ database, tenant: freshTenant() });
    const heard: string[] = [];
    globex.watch((change) => heard.push(change.sessionId));
    const header = sampleHeader();
    const a = await acme.createSession(header, [createdEntry(header)]);
    const b = await globex.createSession({ ...header, title: 'Globex' }, [createdEntry(header)]);
    if (a.id !== 'SE-01001' || b.id !== 'SE-01001') throw new Error(`numbers: ${a.id}, ${b.id}`);
    const titles = [(await acme.listSessions()).map((s) => s.title), (await globex.listSessions()).map((s) => s.title)];
    if (JSON.stringify(titles) !== JSON.stringify([['Q1 2027'], ['Globex']])) throw new Error(JSON.stringify(titles));
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (JSON.stringify(heard) !== JSON.stringify(['SE-01001']))
      throw new Error(`globex heard ${JSON.stringify(heard)}`);
    await acme.close();
    await globex.close();
  });
});

describeImmutableEntries('PGlite', database);

describe('pgliteDatabase in a folder', () => {
  it('keeps sessions across a restart of the embedded database', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'okrkit-pglite-'));
    try {
      const first = pgliteDatabase({ dataDir });
      const header = sampleHeader({ title: 'kept' });
      const made = await postgresStorage({ database: first }).createSession(header, [createdEntry(header)]);
      await first.close();
      const again = pgliteDatabase({ dataDir });
      const storage = postgresStorage({ database: again });
      assert.deepEqual(await storage.listSessions(), [made]);
      assert.deepEqual(await storage.readJournal(made.id), [createdEntry(header)]);
      await again.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('postgresStorage: bad input changes nothing', () => {
  it('refuses a header whose head does not follow the entries, an impossible instant and an empty tenant, burning no number', async () => {
    const storage = postgresStorage({ database, tenant: freshTenant() });
    const header = sampleHeader();
    await assert.rejects(storage.createSession({ ...header, head: 2 }, [createdEntry(header)]), (error: unknown) =>
      isOkrError(error, 'invalid-input'),
    );
    const s = await storage.createSession(header, [createdEntry(header)]);
    await assert.rejects(
      storage.append(s.id, 1, [renamedEntry(2, 'A')], { ...s, title: 'A', head: 5 }),
      (error: unknown) => isOkrError(error, 'invalid-input'),
    );
    await assert.rejects(
      storage.append(s.id, 1, [renamedEntry(2, 'A')], { ...s, id: 'SE-01002', head: 2 }),
      (error: unknown) => isOkrError(error, 'invalid-input'),
    );
    // Refused by the database inside the transaction: the number it had taken is given back.
    await assert.rejects(
      storage.createSession(header, [{ ...createdEntry(header), at: '2027-02-30T00:00:00.000Z' }]),
      (error: unknown) => isOkrError(error, 'invalid-input'),
    );
    assert.deepEqual(await storage.listSessions(), [s]);
    assert.equal((await storage.createSession(header, [createdEntry(header)])).id, 'SE-01002', 'no number burnt');
    assert.deepEqual(
      (await storage.readJournal(s.id)).map((e) => e.seq),
      [1],
    );
    assert.throws(
      () => postgresStorage({ database, tenant: '' }),
      (error: unknown) => isOkrError(error, 'invalid-input') && error.fields.tenant !== undefined,
    );
    await storage.close();
  });
});
