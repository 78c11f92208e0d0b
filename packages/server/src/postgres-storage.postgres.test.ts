import { after, describe, it } from 'node:test';
import { describeStorageContract } from '@okrkit/core/testing';
import { pgDatabase } from './pg-database.js';
import { type PostgresStorage, postgresStorage } from './postgres-storage.js';
import { describeImmutableEntries } from './testing/immutable-entries.js';
import { freshTenant, testDatabaseUrl } from './testing/test-database.js';

// Two pools on one PostgreSQL play two server instances: `connect` opens the second
// adapter on the other pool. Each test gets its own organisation.
const url = testDatabaseUrl();
const here = pgDatabase({ connectionString: url });
const there = pgDatabase({ connectionString: url });
after(() => Promise.all([here.close(), there.close()]));

describeStorageContract({
  name: 'postgresStorage on PostgreSQL',
  open: () => postgresStorage({ database: here, tenant: freshTenant() }),
  connect: (first) => postgresStorage({ database: there, tenant: (first as PostgresStorage).tenant }),
  describe,
  it,
});

describeImmutableEntries('PostgreSQL', here);
