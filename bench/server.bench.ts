// Check-ins through okrkit's HTTP server on one instance, with 1 and 8 clients, against the
// raw PostgreSQL rate of the same writes measured in the same run (the limit: one
// transaction per check-in, a compare-and-swap UPDATE of the session row and an INSERT of
// the entry, 1 and 8 connections on one session); p50 and p99 latency of a push; and the
// time from a push to another client's poke on the change stream. On the PostgreSQL at
// OKRKIT_TEST_DATABASE_URL, or a throw-away cluster started here (scripts/postgres.mjs).
// Prints a JSON list of rows (bench/run.mjs renders them) as its last line. Run alone:
//   node --conditions=@okrkit/source --import tsx bench/server.bench.ts
import { Agent, request } from 'node:http';
import { createOkrServer, type Database, listen, pgDatabase, signToken } from '@okrkit/server';
import { startPostgres } from '../scripts/postgres.mjs';

const SECRET = 'okrkit-bench-secret-at-least-32-characters';
const PER_CLIENT_8 = 150;
const SINGLE = 600;

interface Row {
  group: 'server';
  scenario: string;
  size: string;
  okrkit: number;
  unit?: string;
  peer?: number;
  peerName?: string;
  goal?: string;
  met?: boolean;
}

const cluster = process.env.OKRKIT_TEST_DATABASE_URL ? undefined : await startPostgres();
const url = process.env.OKRKIT_TEST_DATABASE_URL ?? cluster?.url ?? '';
const database: Database = pgDatabase({ connectionString: url, max: 12 });
const rows: Row[] = [];
let clientSeq = 0;
/**
 * The load generator's HTTP client: node:http over kept-alive connections, as load tools
 * (autocannon, wrk) do. The clients share this process's event loop with the server, and
 * `fetch` (undici and its web streams) took more CPU per push than the server's handling
 * of it: measured with it, the clients' cost was the larger part of every latency.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

try {
  const raw1 = await rawRate(database, 1, SINGLE);
  const raw8 = await rawRate(database, 8, PER_CLIENT_8);
  const server = createOkrServer({
    database,
    authenticate: (await import('@okrkit/server')).jwtAuthenticator({ secret: SECRET }),
    defaultTenant: `bench-${Date.now()}`,
    pushRate: { burst: 1e9, perSecond: 1e9 },
  });
  const http = await listen(server, { port: 0 });
  try {
    const admin = await signToken({ id: 'ada', role: 'admin' }, { secret: SECRET });
    const member = await signToken({ id: 'mo', role: 'member' }, { secret: SECRET });
    const sessionId = await plan(http.url, admin);
    await checkIns(http.url, member, sessionId, 1, 100); // warm-up: JIT, connections, the fold
    const one = await checkIns(http.url, member, sessionId, 1, SINGLE);
    const eight = await checkIns(http.url, member, sessionId, 8, PER_CLIENT_8);
    const fanOut = await pokeLatency(http.url, admin, member, sessionId, 200);
    const group = 'server' as const;
    rows.push(
      {
        group,
        scenario: 'Server: check-ins per second over HTTP, 1 client',
        size: `${SINGLE} pushes`,
        okrkit: one.rate,
        unit: '/s',
        peer: raw1,
        peerName: 'raw PostgreSQL CAS + INSERT, 1 connection',
        goal: '>= 0.5 of raw',
        met: one.rate >= 0.5 * raw1,
      },
      {
        group,
        scenario: 'Server: check-ins per second over HTTP, 8 clients on one session',
        size: `${8 * PER_CLIENT_8} pushes`,
        okrkit: eight.rate,
        unit: '/s',
        peer: raw8,
        peerName: 'raw PostgreSQL CAS + INSERT, 8 connections',
        goal: '>= 0.5 of raw',
        met: eight.rate >= 0.5 * raw8,
      },
      { group, scenario: 'Server: push latency p50, 1 client', size: `${SINGLE} pushes`, okrkit: one.p50 },
      { group, scenario: 'Server: push latency p99, 1 client', size: `${SINGLE} pushes`, okrkit: one.p99 },
      { group, scenario: 'Server: push latency p50, 8 clients', size: `${8 * PER_CLIENT_8} pushes`, okrkit: eight.p50 },
      {
        group,
        scenario: 'Server: push latency p99, 8 clients',
        size: `${8 * PER_CLIENT_8} pushes`,
        okrkit: eight.p99,
        goal: '< 25 ms',
        met: eight.p99 < 25,
      },
      { group, scenario: 'Server: push to another client’s poke, p50', size: '200 pushes', okrkit: fanOut.p50 },
      {
        group,
        scenario: 'Server: push to another client’s poke, p99',
        size: '200 pushes',
        okrkit: fanOut.p99,
        goal: '< 20 ms',
        met: fanOut.p99 < 20,
      },
    );
  } finally {
    agent.destroy();
    await http.close();
  }
} finally {
  await database.close();
  cluster?.stop();
}
console.log(JSON.stringify(rows));

/** Raw SQL, the limit: `clients` connections each doing `each` CAS+INSERT transactions on one session row. */
async function rawRate(db: Database, clients: number, each: number): Promise<number> {
  const table = `bench_raw_${clients}`;
  await db.script(`
    DROP TABLE IF EXISTS ${table}_entries; DROP TABLE IF EXISTS ${table}_heads;
    CREATE TABLE ${table}_heads (id text PRIMARY KEY, head integer NOT NULL);
    CREATE TABLE ${table}_entries (id text, seq integer, at timestamptz, data json, PRIMARY KEY (id, seq));
    INSERT INTO ${table}_heads VALUES ('s', 0);`);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < each; i++) {
        await db.transaction(async (tx) => {
          const { rows } = await tx.query<{ head: number }>(
            `UPDATE ${table}_heads SET head = head + 1 WHERE id = 's' RETURNING head`,
          );
          await tx.query(`INSERT INTO ${table}_entries VALUES ('s', $1, now(), $2::json)`, [
            rows[0]?.head,
            '{"keyResultId":"kr-1","value":1,"status":"on_track"}',
          ]);
        });
      }
    }),
  );
  const rate = (clients * each) / ((performance.now() - started) / 1000);
  await db.script(`DROP TABLE ${table}_entries; DROP TABLE ${table}_heads;`);
  return rate;
}

function push(base: string, token: string, clientId: string, mutationId: number, command: unknown) {
  const body = JSON.stringify({ clientId, mutations: [{ mutationId, command }] });
  return new Promise<{ ok: boolean; sessionId?: string }>((resolve, reject) => {
    const req = request(
      `${base}/v1/push`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const answer = JSON.parse(text) as { results: { ok: boolean; sessionId?: string }[] };
          const first = answer.results?.[0];
          if (res.statusCode !== 200 || !first?.ok) reject(new Error(`push failed: ${text}`));
          else resolve(first);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function plan(base: string, token: string): Promise<string> {
  let m = 0;
  const c = 'bench-admin';
  const { sessionId } = await push(base, token, c, ++m, {
    type: 'session.create',
    args: { title: 'Bench', start: '2026-10-01', end: '2027-03-31', timeZone: 'UTC' },
  });
  const id = sessionId as string;
  await push(base, token, c, ++m, { type: 'objective.add', sessionId: id, args: { id: 'ob-1', title: 'Grow' } });
  await push(base, token, c, ++m, {
    type: 'keyResult.add',
    sessionId: id,
    args: { id: 'kr-1', objectiveId: 'ob-1', title: 'ARR', kind: 'increase', start: 0, target: 1e6, ownerId: 'mo' },
  });
  await push(base, token, c, ++m, { type: 'session.transition', sessionId: id, args: { transition: 'start' } });
  return id;
}

async function checkIns(base: string, token: string, sessionId: string, clients: number, each: number) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const clientId = `bench-${++clientSeq}`;
      for (let i = 1; i <= each; i++) {
        const t = performance.now();
        await push(base, token, clientId, i, {
          type: 'checkIn.add',
          sessionId,
          args: { keyResultId: 'kr-1', value: i, status: 'on_track' },
        });
        latencies.push(performance.now() - t);
      }
    }),
  );
  const rate = (clients * each) / ((performance.now() - started) / 1000);
  return { rate, ...percentiles(latencies) };
}

/** From sending a push to the poke arriving at another person's stream. */
async function pokeLatency(base: string, watcherToken: string, token: string, sessionId: string, samples: number) {
  const controller = new AbortController();
  const response = await fetch(`${base}/v1/stream`, {
    headers: { authorization: `Bearer ${watcherToken}` },
    signal: controller.signal,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let waiting: ((head: number) => void) | undefined;
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (block.includes('event: change') && data) waiting?.(JSON.parse(data).head);
      }
    }
  })().catch(() => undefined);
  const latencies: number[] = [];
  const clientId = `bench-poke-${Date.now()}`;
  for (let i = 1; i <= samples; i++) {
    const t = performance.now();
    const poked = new Promise<number>((resolve) => {
      waiting = resolve;
    });
    await push(base, token, clientId, i, { type: 'checkIn.add', sessionId, args: { keyResultId: 'kr-1', value: i } });
    await poked;
    latencies.push(performance.now() - t);
  }
  controller.abort();
  await reading;
  return percentiles(latencies);
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}
