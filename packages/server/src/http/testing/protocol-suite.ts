import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../database.js';
import { waitFor } from '../../testing/test-database.js';
import {
  ADA,
  checkIn,
  MO,
  ok,
  Person,
  plannedSession,
  Q4,
  type RunningServer,
  readEvents,
  refused,
  startServer,
  TestClock,
  VIC,
} from './client.js';

/**
 * The protocol of PROTOCOL.md over real HTTP on 127.0.0.1, on one engine: run by
 * protocol.pglite.test.ts and protocol.postgres.test.ts.
 */
export function describeProtocol(engine: string, openDatabase: () => Database): void {
  describe(`the /v1 protocol on ${engine}`, () => {
    const clock = new TestClock('2026-11-10T09:00:00Z');
    let database: Database;
    let server: RunningServer;
    let ada: Person;
    let mo: Person;
    let vic: Person;

    before(async () => {
      database = openDatabase();
      server = await startServer(database, { clock: clock.now, pushRate: { burst: 1000, perSecond: 1000 } });
      ada = new Person(server.url, ADA);
      mo = new Person(server.url, MO);
      vic = new Person(server.url, VIC);
    });
    after(async () => {
      await server.close();
      await database.close();
    });

    it('answers 401 without a token, with a forged one and with an expired one, and says so', async () => {
      const none = await fetch(`${server.url}/v1/sessions`);
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer');
      assert.equal(((await none.json()) as { error: { code: string } }).error.code, 'unauthenticated');
      const forged = await fetch(`${server.url}/v1/sessions`, { headers: { authorization: 'Bearer a.b.c' } });
      assert.equal(forged.status, 401);
      const { signToken } = await import('../jwt.js');
      const expired = await signToken(ADA, { secret: 'another-secret-that-is-at-least-32-chars', expiresIn: 1 });
      const wrong = await fetch(`${server.url}/v1/sessions`, { headers: { authorization: `Bearer ${expired}` } });
      assert.equal(wrong.status, 401);
    });

    it('runs an admin’s commands and answers each with the session and its head', async () => {
      const sessionId = await plannedSession(ada);
      const { body } = await ada.json<{ id: string; state: string; head: number; title: string }>(
        `/v1/sessions/${sessionId}`,
      );
      assert.equal(body.state, 'in_progress');
      assert.equal(body.title, 'Q4 2026');
      assert.equal(body.head, 4);
    });

    it('refuses a member’s forged admin command as the core would, and appends nothing', async () => {
      const sessionId = await plannedSession(ada);
      const before = await ada.json<{ head: number }>(`/v1/sessions/${sessionId}`);
      const answer = await mo.push(
        { type: 'session.transition', sessionId, args: { transition: 'close' } },
        { type: 'session.delete', sessionId, args: {} },
        { type: 'session.create', args: { ...Q4, title: 'Mine' } },
      );
      assert.equal(answer.status, 200);
      refused(answer.results[0], 'not-allowed');
      refused(answer.results[1], 'not-allowed');
      refused(answer.results[2], 'not-allowed');
      const afterwards = await ada.json<{ head: number; state: string }>(`/v1/sessions/${sessionId}`);
      assert.equal(afterwards.body.head, before.body.head);
      assert.equal(afterwards.body.state, 'in_progress');
    });

    it('lets a member check in on their own key result, and no viewer change anything', async () => {
      const sessionId = await plannedSession(ada);
      const mine = await mo.push(checkIn(sessionId, 40));
      assert.equal(ok(mine.results[0]).head, 5);
      const viewer = await vic.push(checkIn(sessionId, 90), {
        type: 'objective.edit',
        sessionId,
        args: { id: 'ob-1', title: 'x' },
      });
      refused(viewer.results[0], 'not-allowed');
      refused(viewer.results[1], 'not-allowed');
      const { body } = await vic.json<{ head: number }>(`/v1/sessions/${sessionId}`);
      assert.equal(body.head, 5);
    });

    it('keeps an archived session locked: 423-style refusals in the results', async () => {
      const sessionId = await plannedSession(ada);
      ok((await ada.push({ type: 'session.transition', sessionId, args: { transition: 'close' } })).results[0]);
      const late = await mo.push(checkIn(sessionId, 50));
      refused(late.results[0], 'locked');
      const edit = await ada.push({ type: 'objective.edit', sessionId, args: { id: 'ob-1', title: 'Renamed' } });
      refused(edit.results[0], 'locked');
    });

    it('answers a repeated push from the kept results and applies nothing twice', async () => {
      const sessionId = await plannedSession(ada);
      const body = {
        clientId: mo.clientId,
        mutations: [{ mutationId: 900, command: checkIn(sessionId, 10, 'ci-once') }],
      };
      const first = await mo.pushRaw(body);
      const again = await mo.pushRaw(body);
      assert.deepEqual(again.results, first.results);
      const { body: pulled } = await mo.pull({ [sessionId]: 4 });
      const entries = pulled.sessions.find((s) => s.header.id === sessionId)?.entries ?? [];
      assert.deepEqual(
        entries.map((e) => e.type),
        ['checkIn.added'],
      );
      // Another person cannot read (or claim) this client's answers.
      const stolen = await ada.pushRaw(body);
      assert.equal(stolen.status, 403);
      assert.equal(stolen.error?.code, 'not-allowed');
    });

    it('answers a push repeated on another instance, or after a restart, from what was kept: nothing applied twice', async () => {
      const sessionId = await plannedSession(ada);
      const rate = { burst: 1000, perSecond: 1000 };
      // Another instance of the same organisation on the same database, and later a restarted one.
      const other = await startServer(database, { tenant: server.tenant, clock: clock.now, pushRate: rate });
      const moThere = new Person(other.url, MO);
      const clientId = `moved_${mo.clientId}`;
      const push = (person: Person, mutationId: number, command: unknown) =>
        person.pushRaw({ clientId, mutations: [{ mutationId, command }] });
      try {
        const first = await push(mo, 1, checkIn(sessionId, 11, 'ci-1'));
        // Its answer lost, the client repeats mutation 2 here: this instance answered only 1 of
        // this client, so it runs it at once (a check-in with a new id, which would apply), and
        // the kept result's key refuses the second write.
        const second = await push(moThere, 2, checkIn(sessionId, 12));
        assert.deepEqual((await push(mo, 2, checkIn(sessionId, 12))).results, second.results);
        // A mutation kept as a success, repeated once the command would be refused, still answers its success.
        const third = await push(moThere, 3, checkIn(sessionId, 13, 'ci-3'));
        ok((await ada.push({ type: 'session.transition', sessionId, args: { transition: 'close' } })).results[0]);
        assert.deepEqual((await push(mo, 3, checkIn(sessionId, 13, 'ci-3'))).results, third.results);
        const restarted = await startServer(database, { tenant: server.tenant, clock: clock.now, pushRate: rate });
        try {
          const again = await push(new Person(restarted.url, MO), 1, checkIn(sessionId, 11, 'ci-1'));
          assert.deepEqual(again.results, first.results);
        } finally {
          await restarted.close();
        }
        const { body: pulled } = await mo.pull({ [sessionId]: 4 });
        const entries = pulled.sessions.find((s) => s.header.id === sessionId)?.entries ?? [];
        assert.deepEqual(
          entries.map((e) => e.type),
          ['checkIn.added', 'checkIn.added', 'checkIn.added', 'session.transitioned'],
        );
      } finally {
        await other.close();
      }
    });

    it('records a late check-in at its own instant and keeps the person’s time (madeAt) with it', async () => {
      const sessionId = await plannedSession(ada);
      const madeAt = new Date(clock.now().getTime() - 3 * 3_600_000).toISOString();
      const answer = await mo.pushRaw({
        clientId: mo.clientId,
        mutations: [
          { mutationId: 7001, command: checkIn(sessionId, 15), madeAt },
          { mutationId: 7002, command: checkIn(sessionId, 16), madeAt: clock.now().toISOString() },
        ],
      });
      assert.equal(answer.status, 200);
      const { body } = await mo.pull({ [sessionId]: 4 });
      const entries = body.sessions.find((s) => s.header.id === sessionId)?.entries ?? [];
      const data = entries.map((e) => (e.data as { writtenAt?: string }).writtenAt);
      assert.deepEqual(data, [madeAt, undefined], 'kept only when it is a minute or more before the recorded instant');
      assert.deepEqual(
        entries.map((e) => e.at),
        [clock.now().toISOString(), clock.now().toISOString()],
      );
      const bad = await mo.pushRaw({
        clientId: mo.clientId,
        mutations: [{ mutationId: 7003, command: checkIn(sessionId, 17), madeAt: 'yesterday' }],
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.error?.code, 'invalid-input');
      assert.ok(bad.error && 'mutations[0].madeAt' in bad.error.fields);
    });

    it('consumes a refused command: the ones after it still run', async () => {
      const sessionId = await plannedSession(ada);
      const answer = await mo.push(
        { type: 'checkIn.add', sessionId, args: { keyResultId: 'kr-1', value: 'lots' } },
        { type: 'no.such.command', sessionId, args: {} },
        checkIn(sessionId, 60),
      );
      refused(answer.results[0], 'invalid-input');
      assert.ok(answer.results[0] && !answer.results[0].ok && Object.keys(answer.results[0].error.fields).length > 0);
      refused(answer.results[1], 'invalid-input');
      assert.equal(ok(answer.results[2]).head, 5);
    });

    it('pulls only what the person may view, and tells them what they can no longer see', async () => {
      const open = await plannedSession(ada);
      const hidden = await plannedSession(ada, {
        ...Q4,
        title: 'Board only',
        access: {
          view: { everyone: false, people: [], teams: ['board'] },
          edit: { everyone: false, people: [], teams: [] },
        },
      });
      const { body } = await vic.pull({ [open]: 2, [hidden]: 0 });
      const ids = body.sessions.map((s) => s.header.id);
      assert.ok(ids.includes(open));
      assert.ok(!ids.includes(hidden), 'a hidden session is never pulled');
      assert.deepEqual(body.removed, [hidden]);
      const openEntries = body.sessions.find((s) => s.header.id === open)?.entries ?? [];
      assert.deepEqual(
        openEntries.map((e) => e.seq),
        [3, 4],
      );
      const direct = await vic.json<{ error: { code: string } }>(`/v1/sessions/${hidden}`);
      assert.equal(direct.status, 404, 'hidden reads exactly like missing');
      const entries = await vic.json(`/v1/sessions/${hidden}/entries?after=0`);
      assert.equal(entries.status, 404);
      const listed = await vic.json<{ sessions: { id: string }[] }>('/v1/sessions');
      assert.ok(!listed.body.sessions.some((s) => s.id === hidden));
    });

    it('pages a long pull by entries: each answer within the limit, every entry once, in order', async () => {
      const first = await plannedSession(ada);
      const second = await plannedSession(ada);
      await ada.push(checkIn(first, 20), checkIn(first, 30), checkIn(second, 40));
      const paged = await startServer(database, { clock: clock.now, tenant: server.tenant, pullMaxEntries: 3 });
      try {
        const person = new Person(paged.url, ADA);
        const heads: Record<string, number> = {};
        const seen = new Map<string, number[]>();
        let pages = 0;
        for (let more = true; more; pages++) {
          assert.ok(pages < 500, 'the pull ends');
          const { status, body } = await person.pull(heads);
          assert.equal(status, 200);
          const sent = body.sessions.reduce((n, s) => n + s.entries.length, 0);
          assert.ok(sent <= 3, `a page holds ${sent} entries`);
          for (const { header, entries } of body.sessions) {
            seen.set(header.id, [...(seen.get(header.id) ?? []), ...entries.map((e) => e.seq)]);
            heads[header.id] = header.head;
          }
          more = body.more === true;
        }
        const { body: full } = await ada.json<{ head: number }>(`/v1/sessions/${first}`);
        assert.deepEqual(
          seen.get(first),
          Array.from({ length: full.head }, (_, i) => i + 1),
        );
        assert.deepEqual(seen.get(second)?.length, 5);
        assert.ok(pages > 3);
        // The entries route reads its one session only, a page at a time too.
        const one = await person.json<{
          header: { id: string; head: number };
          entries: { seq: number }[];
          more?: true;
        }>(`/v1/sessions/${second}/entries?after=1`);
        assert.equal(one.body.header.id, second);
        assert.deepEqual(
          one.body.entries.map((e) => e.seq),
          [2, 3, 4],
        );
        assert.equal(one.body.header.head, 4);
        assert.equal(one.body.more, true);
      } finally {
        await paged.close();
      }
    });

    it('pokes a stream client of a change it may see, and never of one it may not', async () => {
      const sessionId = await plannedSession(ada);
      const hidden = await plannedSession(ada, {
        ...Q4,
        title: 'Hidden',
        access: {
          view: { everyone: false, people: ['ada'], teams: [] },
          edit: { everyone: false, people: [], teams: [] },
        },
      });
      const controller = new AbortController();
      const response = await vic.request('/v1/stream', {
        headers: { accept: 'text/event-stream' },
        signal: controller.signal,
      });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
      const events: { event: string; data: string }[] = [];
      const reading = readEvents(response, (e) => events.push(e)).catch(() => undefined);
      await waitFor(() => events.some((e) => e.event === 'ready'), 'ready');
      ok((await ada.push(checkIn(hidden, 5))).results[0]);
      const { head } = ok((await mo.push(checkIn(sessionId, 70))).results[0]);
      await waitFor(() => events.some((e) => e.event === 'change'), 'a poke');
      const pokes = events.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data));
      assert.deepEqual(pokes, [{ sessionId, head }]);
      controller.abort();
      await reading;
    });

    it('serves a finished week as immutable with an ETag, the current week as revalidated, and CSV', async () => {
      clock.set('2026-11-10T09:00:00Z');
      const sessionId = await plannedSession(ada);
      ok((await mo.push(checkIn(sessionId, 30))).results[0]);
      clock.set('2026-12-02T10:00:00Z');
      const past = await vic.request(`/v1/sessions/${sessionId}/snapshots/2026-W46`);
      assert.equal(past.status, 200);
      assert.equal(past.headers.get('cache-control'), 'private, max-age=31536000, immutable');
      const etag = past.headers.get('etag');
      assert.match(etag ?? '', /^"[A-Za-z0-9_-]+"$/);
      const snapshot = (await past.json()) as {
        available: boolean;
        live: boolean;
        rows: { id: string; progress: number }[];
      };
      assert.equal(snapshot.available, true);
      assert.equal(snapshot.live, false);
      assert.ok(snapshot.rows.some((r) => r.id === 'kr-1'));
      const again = await vic.request(`/v1/sessions/${sessionId}/snapshots/2026-W46`, {
        headers: { 'if-none-match': etag ?? '' },
      });
      assert.equal(again.status, 304);
      const now = await vic.request(`/v1/sessions/${sessionId}/snapshots/2026-W49`);
      assert.equal(now.headers.get('cache-control'), 'private, no-cache');
      assert.equal(((await now.json()) as { live: boolean }).live, true);
      const csv = await vic.request(`/v1/sessions/${sessionId}/snapshots/2026-W46.csv`);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      assert.match(await csv.text(), /New ARR/);
      const bad = await vic.json<{ error: { code: string; fields: Record<string, string> } }>(
        `/v1/sessions/${sessionId}/snapshots/someday`,
      );
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'invalid-input');
    });

    it('exports a session as a file that imports as a new session', async () => {
      const sessionId = await plannedSession(ada);
      const exported = await ada.request(`/v1/sessions/${sessionId}/export`);
      assert.equal(exported.status, 200);
      assert.match(exported.headers.get('content-disposition') ?? '', /attachment/);
      const data = await exported.text();
      const imported = await ada.push({ type: 'session.import', args: { data } });
      const { sessionId: copy } = ok(imported.results[0]);
      assert.notEqual(copy, sessionId);
      const { body } = await ada.json<{ title: string }>(`/v1/sessions/${copy}`);
      assert.equal(body.title, 'Q4 2026');
    });

    it('answers malformed requests with 400 invalid-input naming the field, never a stack trace', async () => {
      const cases: [string, RequestInit][] = [
        ['/v1/push', { method: 'POST', body: '{not json' }],
        ['/v1/push', { method: 'POST', body: JSON.stringify({ clientId: 'bad id!', mutations: [] }) }],
        [
          '/v1/push',
          { method: 'POST', body: JSON.stringify({ clientId: 'c1', mutations: [{ mutationId: -1, command: {} }] }) },
        ],
        [
          '/v1/push',
          {
            method: 'POST',
            body: JSON.stringify({
              clientId: 'c1',
              mutations: [
                { mutationId: 2, command: {} },
                { mutationId: 1, command: {} },
              ],
            }),
          },
        ],
        ['/v1/pull', { method: 'POST', body: JSON.stringify({ heads: { 'SE-01001': 'x' } }) }],
        ['/v1/push', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }],
      ];
      for (const [path, init] of cases) {
        const { status, body } = await mo.json<{ error: { code: string; message: string; fields: object } }>(
          path,
          init,
        );
        assert.equal(status, 400, `${path} ${String(init.body)}`);
        assert.equal(body.error.code, 'invalid-input');
        assert.ok(Object.keys(body.error.fields).length > 0);
        assert.doesNotMatch(body.error.message, /at .*\.ts:\d+/);
      }
      const unknown = await mo.json<{ error: { code: string } }>('/v1/nothing');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, 'not-found');
    });
  });

  describe(`limits on ${engine}`, () => {
    let database: Database;
    let server: RunningServer;

    before(async () => {
      database = openDatabase();
      server = await startServer(database, {
        maxBodyBytes: 4096,
        pushRate: { burst: 3, perSecond: 0.01 },
        corsOrigins: ['https://okr.example.com'],
      });
    });
    after(async () => {
      await server.close();
      await database.close();
    });

    it('refuses a body over the limit with 413 and a client over its push rate with 429 and Retry-After', async () => {
      const mo = new Person(server.url, MO);
      const big = await mo.pushRaw({ clientId: mo.clientId, mutations: [], padding: 'x'.repeat(10_000) });
      assert.equal(big.status, 413);
      assert.equal(big.error?.code, 'too-large');
      // A body of unstated length (chunked) is counted as it arrives.
      const bytes = new TextEncoder().encode(JSON.stringify({ clientId: mo.clientId, padding: 'x'.repeat(10_000) }));
      const chunked = await mo.request('/v1/push', {
        method: 'POST',
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(bytes);
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      assert.equal(chunked.status, 413);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await mo.push()).status);
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      const limited = await mo.request('/v1/push', {
        method: 'POST',
        body: JSON.stringify({ clientId: mo.clientId, mutations: [] }),
      });
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      // Another client of the same person has a bucket of its own.
      const other = new Person(server.url, MO);
      assert.equal((await other.push()).status, 200);
    });

    it('answers browsers on an allowed origin only (CORS), the preflight before any token', async () => {
      const preflight = (origin: string) =>
        fetch(`${server.url}/v1/push`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization, content-type',
          },
        });
      const allowed = await preflight('https://okr.example.com');
      assert.equal(allowed.status, 204);
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://okr.example.com');
      assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/i);
      const other = await preflight('https://evil.example');
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      const mo = new Person(server.url, MO);
      const read = await mo.request('/v1/sessions', { headers: { origin: 'https://okr.example.com' } });
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('access-control-allow-origin'), 'https://okr.example.com');
      assert.match(read.headers.get('access-control-expose-headers') ?? '', /ETag/i);
    });
  });
}
