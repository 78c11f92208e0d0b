// One writer, 1,000 single-entry appends through postgresStorage, on PGlite and on the
// PostgreSQL at OKRKIT_TEST_DATABASE_URL, against the raw rate of the same work in plain
// SQL on the same engine in the same run (one transaction: compare-and-swap UPDATE of a
// row, INSERT of a row). Run:
//   node scripts/postgres.mjs node --conditions=@okrkit/source --import tsx bench/postgres-storage.bench.ts
import { sampleHeader } from '@okrkit/core/testing';
import { type Database, pgDatabase, pgliteDatabase, postgresStorage } from '@okrkit/server';

const APPENDS = 1000;

async function adapterRate(database: Database): Promise<number> {
  const storage = postgresStorage({ database, tenant: `bench-${Date.now()}` });
  const header = sampleHeader();
  const { title, start, end, timeZone, cadence, checkInCadence, access } = header;
  const s = await storage.createSession(header, [
    {
      seq: 1,
      at: header.createdAt,
      actor: 'ada',
      type: 'session.created',
      data: { title, start, end, timeZone, cadence, checkInCadence, access },
    },
  ]);
  const started = performance.now();
  for (let head = 1; head <= APPENDS; head++) {
    const at = new Date(Date.parse(header.createdAt) + head).toISOString();
    await storage.append(
      s.id,
      head,
      [{ seq: head + 1, at, actor: 'ada', type: 'session.changed', data: { title: `T${head}` } }],
      {
        ...s,
        title: `T${head}`,
        head: head + 1,
      },
    );
  }
  const rate = APPENDS / ((performance.now() - started) / 1000);
  await storage.close();
  return rate;
}

async function rawRate(database: Database): Promise<number> {
  await database.script(`
    DROP TABLE IF EXISTS bench_entries; DROP TABLE IF EXISTS bench_heads;
    CREATE TABLE bench_heads (id text PRIMARY KEY, head integer NOT NULL);
    CREATE TABLE bench_entries (id text, seq integer, data json, PRIMARY KEY (id, seq));
    INSERT INTO bench_heads VALUES ('s', 0);`);
  const started = performance.now();
  for (let head = 0; head < APPENDS; head++) {
    await database.transaction(async (tx) => {
      await tx.query('UPDATE bench_heads SET head = $2 WHERE id = $1 AND head = $3', ['s', head + 1, head]);
      await tx.query('INSERT INTO bench_entries VALUES ($1, $2, $3::json)', ['s', head + 1, '{"title":"T"}']);
    });
  }
  const rate = APPENDS / ((performance.now() - started) / 1000);
  await database.script('DROP TABLE bench_entries; DROP TABLE bench_heads;');
  return rate;
}

const engines: [string, () => Database][] = [['PGlite (in memory)', () => pgliteDatabase()]];
const url = process.env.OKRKIT_TEST_DATABASE_URL;
if (url) engines.push(['PostgreSQL', () => pgDatabase({ connectionString: url })]);
else console.error('OKRKIT_TEST_DATABASE_URL is not set: PostgreSQL is left out.');

for (const [name, open] of engines) {
  const database = open();
  await adapterRate(database); // warm-up: schema, JIT, connections
  const raw = await rawRate(database);
  const adapter = await adapterRate(database);
  console.log(
    `${name}: postgresStorage ${adapter.toFixed(0)} appends/s, raw SQL ${raw.toFixed(0)}/s, ratio ${(adapter / raw).toFixed(2)}`,
  );
  await database.close();
}
