import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { isOkrError, type JournalEntry, type SessionHeader } from '@okrkit/core';
import { sampleHeader } from '@okrkit/core/testing';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { pgDatabase } from './pg-database.js';
import { pgliteDatabase } from './pglite-database.js';
import { postgresStorage } from './postgres-storage.js';
import { createdEntry, renamedEntry } from './testing/entries.js';
import { testDatabaseUrl, testUrl } from './testing/test-database.js';

const TABLES = [
  'okrkit_checkpoints',
  'okrkit_entries',
  'okrkit_push_results',
  'okrkit_schema_version',
  'okrkit_sessions',
  'okrkit_tenants',
];

/** A session as schema 1 stored it, written with schema 1's SQL: what an older server left behind. */
async function writeSchema1Data(database: Database, tenant: string) {
  const header: SessionHeader = { ...sampleHeader({ title: 'FY2026', head: 2 }), id: 'SE-01001', number: 1001 };
  const journal: JournalEntry[] = [createdEntry(header), renamedEntry(2, 'FY2026')];
  const checkpoint = { week: '2027-W02', rows: [{ id: 'kr1', progress: 0.5 }] };
  await database.transaction(async (tx) => {
    await tx.query('INSERT INTO okrkit_tenants (tenant, next_number) VALUES ($1, 1002)', [tenant]);
    await tx.query(
      `INSERT INTO okrkit_sessions (tenant, id, number, head, header) VALUES ($1, 'SE-01001', 1001, 2, $2::json)`,
      [tenant, JSON.stringify(header)],
    );
    for (const e of journal) {
      await tx.query(
        'INSERT INTO okrkit_entries (tenant, session_id, seq, at, actor, type, data) VALUES ($1, $2, $3, $4, $5, $6, $7::json)',
        [tenant, header.id, e.seq, e.at, e.actor, e.type, JSON.stringify(e.data)],
      );
    }
    await tx.query(
      `INSERT INTO okrkit_checkpoints (tenant, session_id, key, value) VALUES ($1, 'SE-01001', '2027-W02', $2::json)`,
      [tenant, JSON.stringify(checkpoint)],
    );
  });
  return { header, journal, checkpoint };
}

async function versions(database: Database): Promise<string[]> {
  const { rows } = await database.query<{ version: number; name: string }>(
    'SELECT version, name FROM okrkit_schema_version ORDER BY version',
  );
  return rows.map((r) => `${r.version} ${r.name}`);
}

/** From schema 1 with data to the newest: run on each engine. */
async function upgradesKeepingData(database: Database): Promise<void> {
  assert.equal(await migrate(database, { to: 1 }), 1);
  assert.deepEqual(await versions(database), ['1 journal']);
  const old = await writeSchema1Data(database, 'acme');
  assert.equal(await migrate(database), 2);
  assert.deepEqual(await versions(database), ['1 journal', '2 push-results']);
  const storage = postgresStorage({ database, tenant: 'acme' });
  assert.deepEqual(await storage.getSession('SE-01001'), old.header);
  assert.deepEqual(await storage.readJournal('SE-01001'), old.journal);
  assert.equal(JSON.stringify(await storage.readJournal('SE-01001')), JSON.stringify(old.journal), 'byte for byte');
  assert.deepEqual(await storage.readCheckpoint('SE-01001', '2027-W02'), old.checkpoint);
  // The counter carried over, and schema 2's table is there to use.
  const next = sampleHeader();
  assert.equal((await storage.createSession(next, [createdEntry(next)])).id, 'SE-01002');
  await database.query(
    `INSERT INTO okrkit_push_results (tenant, client_id, mutation_id, result) VALUES ('acme', 'c1', 1, '{"ok":true}')`,
  );
  await storage.close();
}

describe('migrations on PostgreSQL', () => {
  const schemas: string[] = [];
  const opened: Database[] = [];
  const admin = pgDatabase({ connectionString: testDatabaseUrl() });
  after(async () => {
    await Promise.all(opened.map((d) => d.close()));
    for (const schema of schemas) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  });

  /** An empty database: a schema of its own, set as the connections' search path. */
  async function emptyDatabase(): Promise<() => Database> {
    const schema = `okrkit_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    schemas.push(schema);
    return () => {
      const database = pgDatabase({ connectionString: testUrl({ searchPath: schema }) });
      opened.push(database);
      return database;
    };
  }

  it('creates every table in an empty database, and a restart finds nothing to do', async () => {
    const database = (await emptyDatabase())();
    assert.equal(await migrate(database), 2);
    assert.equal(await migrate(database), 2);
    assert.deepEqual(await versions(database), ['1 journal', '2 push-results']);
    const { rows } = await database.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    assert.deepEqual(
      rows.map((r) => r.table_name),
      TABLES,
    );
    // json keeps what was written byte for byte; jsonb would reorder keys.
    const json = await database.query<{ column: string; data_type: string }>(
      `SELECT table_name || '.' || column_name AS column, data_type FROM information_schema.columns
       WHERE table_schema = current_schema() AND data_type IN ('json', 'jsonb') ORDER BY 1`,
    );
    assert.deepEqual(
      json.rows.map((r) => `${r.column} ${r.data_type}`),
      [
        'okrkit_checkpoints.value json',
        'okrkit_entries.data json',
        'okrkit_push_results.result json',
        'okrkit_sessions.header json',
      ],
    );
  });

  it('applies each migration once when two instances start together', async () => {
    const open = await emptyDatabase();
    const [one, two] = [open(), open()];
    assert.deepEqual(await Promise.all([migrate(one), migrate(two), migrate(one), migrate(two)]), [2, 2, 2, 2]);
    assert.deepEqual(await versions(two), ['1 journal', '2 push-results']);
  });

  it('upgrades a database of schema 1 and keeps its sessions, journals, numbers and checkpoints', async () => {
    await upgradesKeepingData((await emptyDatabase())());
  });

  it('refuses a database of a newer schema and changes nothing', async () => {
    const database = (await emptyDatabase())();
    await migrate(database);
    await database.query(`INSERT INTO okrkit_schema_version (version, name) VALUES (3, 'from the future')`);
    await assert.rejects(migrate(database), (error: unknown) => {
      assert.ok(isOkrError(error, 'storage'));
      assert.match(error.message, /schema 3, newer than this server knows \(2\)/);
      return true;
    });
    assert.deepEqual(await versions(database), ['1 journal', '2 push-results', '3 from the future']);
    await assert.rejects(postgresStorage({ database }).listSessions(), (error: unknown) =>
      isOkrError(error, 'storage'),
    );
  });
});

describe('migrations on PGlite', () => {
  const database = pgliteDatabase();
  after(() => database.close());

  it('upgrades a database of schema 1 and keeps its sessions, journals, numbers and checkpoints', async () => {
    await upgradesKeepingData(database);
  });
});
