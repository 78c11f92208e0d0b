import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { pgDatabase } from '../pg-database.js';
import { testDatabaseUrl, testUrl, waitFor } from '../testing/test-database.js';
import {
  ADA,
  MO,
  Person,
  type PushAnswer,
  plannedSession,
  Q4,
  type RunningServer,
  readEvents,
  startServer,
} from './testing/client.js';

const APP_ONE = 'okrkit-http-one';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two server instances on two pools of one PostgreSQL, serving one organisation. */
describe('two server instances on one PostgreSQL, over HTTP', () => {
  const tenant = `test-${randomUUID()}`;
  const dbOne = pgDatabase({ connectionString: testUrl({ applicationName: APP_ONE }), reconnectDelayMs: 50 });
  const dbTwo = pgDatabase({ connectionString: testDatabaseUrl() });
  let one: RunningServer;
  let two: RunningServer;
  let sessionId: string;

  before(async () => {
    const rate = { burst: 10_000, perSecond: 10_000 };
    one = await startServer(dbOne, { tenant, pushRate: rate });
    two = await startServer(dbTwo, { tenant, pushRate: rate });
    sessionId = await plannedSession(new Person(one.url, ADA), { ...Q4, timeZone: 'UTC' });
  });
  after(async () => {
    await one.close();
    await two.close();
    await dbOne.close();
    await dbTwo.close();
  });

  it('refuses a member’s forged admin command on either instance', async () => {
    for (const server of [one, two]) {
      const mo = new Person(server.url, MO);
      const answer = await mo.push({ type: 'session.transition', sessionId, args: { transition: 'close' } });
      const result = answer.results[0];
      assert.ok(result && !result.ok);
      assert.equal(result.error.code, 'not-allowed');
    }
  });

  it('pokes a stream client of one instance about a push to the other', async () => {
    const watcher = new Person(two.url, ADA);
    const controller = new AbortController();
    const response = await watcher.request('/v1/stream', { signal: controller.signal });
    const pokes: { sessionId: string; head: number }[] = [];
    let ready = false;
    const reading = readEvents(response, (e) => {
      if (e.event === 'ready') ready = true;
      if (e.event === 'change') pokes.push(JSON.parse(e.data));
    }).catch(() => undefined);
    await waitFor(() => ready, 'the stream to be ready');
    const mo = new Person(one.url, MO);
    const answer = await mo.push({ type: 'checkIn.add', sessionId, args: { keyResultId: 'kr-1', value: 5 } });
    const result = answer.results[0];
    assert.ok(result?.ok);
    await waitFor(() => pokes.some((p) => p.head === result.head), 'the poke on the other instance');
    controller.abort();
    await reading;
  });

  it('eight clients pushing to both instances at once: every check-in applied once, the journal contiguous', async () => {
    const clients = Array.from({ length: 8 }, (_, i) => new Person(i % 2 ? two.url : one.url, MO));
    const ids: string[] = [];
    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = 0; i < 15; i++) {
          const id = `ci-${c}-${i}`;
          ids.push(id);
          const answer = await client.push({
            type: 'checkIn.add',
            sessionId,
            args: { id, keyResultId: 'kr-1', value: i },
          });
          assert.equal(answer.status, 200);
          assert.ok(answer.results[0]?.ok, JSON.stringify(answer.results[0]));
        }
      }),
    );
    const { body } = await new Person(one.url, ADA).pull({});
    const entries = body.sessions.find((s) => s.header.id === sessionId)?.entries ?? [];
    assert.deepEqual(
      entries.map((e) => e.seq),
      entries.map((_, i) => i + 1),
      'contiguous from 1',
    );
    const pushed = entries
      .filter((e) => e.type === 'checkIn.added')
      .map((e) => (e as unknown as { data: { id: string } }).data.id);
    for (const id of ids) assert.equal(pushed.filter((p) => p === id).length, 1, `${id} once`);
  });

  it('while the database connections are cut: typed 503s, then the repeated pushes apply each mutation once', async () => {
    const mo = new Person(one.url, MO);
    const statuses = new Set<number>();
    let cutting = true;
    const cut = (async () => {
      const admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      try {
        for (let i = 0; i < 5 && cutting; i++) {
          await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
            APP_ONE,
          ]);
          await sleep(40);
        }
      } finally {
        await admin.end();
      }
    })();
    const ids: string[] = [];
    for (let m = 1; m <= 40; m++) {
      const id = `cut-${m}`;
      ids.push(id);
      const body = {
        clientId: mo.clientId,
        mutations: [
          { mutationId: m, command: { type: 'checkIn.add', sessionId, args: { id, keyResultId: 'kr-1', value: m } } },
        ],
      };
      // A client repeats a push until it has an answer: that is what kept results are for.
      for (let attempt = 0; ; attempt++) {
        const answer: PushAnswer = await mo.pushRaw(body);
        statuses.add(answer.status);
        if (answer.status === 200) {
          assert.ok(answer.results[0]?.ok, JSON.stringify(answer.results[0]));
          break;
        }
        assert.equal(answer.status, 503, JSON.stringify(answer));
        assert.equal(answer.error?.code, 'storage');
        assert.ok(attempt < 200, 'the server came back');
        await sleep(20);
      }
    }
    cutting = false;
    await cut;
    // The last terminations reach their connections a moment later: let the pool hear them
    // before the suite ends it (a FATAL arriving while pg-pool ends an idle client, after it
    // took its error listener off, is thrown as uncaught).
    await sleep(500);
    const { body } = await new Person(two.url, ADA).pull({});
    const entries = body.sessions.find((s) => s.header.id === sessionId)?.entries ?? [];
    const pushed = entries
      .filter((e) => e.type === 'checkIn.added')
      .map((e) => (e as unknown as { data: { id: string } }).data.id);
    for (const id of ids) assert.equal(pushed.filter((p) => p === id).length, 1, `${id} applied exactly once`);
    assert.ok(statuses.has(200));
  });
});
