import { after, describe, it } from 'node:test';
import { describeStorageContract, sampleHeader } from '@okrkit/core/testing';
import { pgliteDatabase } from './pglite-database.js';
import { type PostgresStorage, postgresStorage } from './postgres-storage.js';
import { createdEntry } from './testing/entries.js';
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
