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

const ALL_VERSIONS = ['1 journal', '2 push-results', '3 links'];

/** From schema `from` (1 or 2) with data to the newest: run on each engine. */
async function upgradesKeepingData(database: Database, from = 1): Promise<void> {
  assert.equal(await migrate(database, { to: from }), from);
  assert.deepEqual(await versions(database), ALL_VERSIONS.slice(0, from));
  const old = await writeSchema1Data(database, 'acme');
  assert.equal(await migrate(database), 3);
  assert.deepEqual(await versions(database), ALL_VERSIONS);
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
  // Schema 3: the organisation starts at links version 0, and a write given it raises it.
  assert.equal(await storage.linksVersion(), 0);
  await storage.append('SE-01001', 2, [renamedEntry(3, 'FY2026 (company)')], { ...old.header, head: 3 }, 0);
  assert.equal(await storage.linksVersion(), 1);
  await assert.rejects(
    storage.append('SE-01001', 3, [renamedEntry(4, 'stale')], { ...old.header, head: 4 }, 0),
    (error: unknown) => isOkrError(error, 'conflict'),
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
    assert.equal(await migrate(database), 3);
    assert.equal(await migrate(database), 3);
    assert.deepEqual(await versions(database), ALL_VERSIONS);
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
    assert.deepEqual(await Promise.all([migrate(one), migrate(two), migrate(one), migrate(two)]), [3, 3, 3, 3]);
    assert.deepEqual(await versions(two), ALL_VERSIONS);
  });

  it('upgrades a database of schema 1 and keeps its sessions, journals, numbers and checkpoints', async () => {
    await upgradesKeepingData((await emptyDatabase())());
  });

  it('upgrades a database of schema 2 and keeps its data, with links version 0', async () => {
    await upgradesKeepingData((await emptyDatabase())(), 2);
  });

  it('refuses a database of a newer schema and changes nothing', async () => {
    const database = (await emptyDatabase())();
    await migrate(database);
    await database.query(`INSERT INTO okrkit_schema_version (version, name) VALUES (4, 'from the future')`);
    await assert.rejects(migrate(database), (error: unknown) => {
      assert.ok(isOkrError(error, 'storage'));
      assert.match(error.message, /schema 4, newer than this server knows \(3\)/);
      return true;
    });
    assert.deepEqual(await versions(database), [...ALL_VERSIONS, '4 from the future']);
    await assert.rejects(postgresStorage({ database }).listSessions(), (error: unknown) =>
      isOkrError(error, 'storage'),
    );
  });
});

describe('migrations on PGlite', () => {
  it('upgrades a database of schema 1 and keeps its sessions, journals, numbers and checkpoints', async () => {
    const database = pgliteDatabase();
    await upgradesKeepingData(database);
    await database.close();
  });

  it('upgrades a database of schema 2 and keeps its data, with links version 0', async () => {
    const database = pgliteDatabase();
    await upgradesKeepingData(database, 2);
    await database.close();
  });
});
