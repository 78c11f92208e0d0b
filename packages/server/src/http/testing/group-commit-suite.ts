import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AppendCause, type Command, createOkrStore, type StorageAdapter } from '@okrkit/core';
import type { Database } from '../../database.js';
import { postgresStorage } from '../../postgres-storage.js';
import { freshTenant } from '../../testing/test-database.js';
import { AlreadyKept, KeptResults, type MutationResult } from '../kept-results.js';
import { checkIn, MO, ok, Person, plannedSession, type RunningServer, startServer, TestClock } from './client.js';

/**
 * Group commit on one engine (run by protocol.pglite.test.ts and protocol.postgres.test.ts):
 * the check-ins that queue on a busy session are appended in one statement, each with its
 * own kept result, and still apply exactly once.
 */
export function describeGroupCommit(engine: string, openDatabase: () => Database): void {
  describe(`group commit on ${engine}`, () => {
    const clock = new TestClock('2026-11-10T09:00:00Z');
    let database: Database;
    let server: RunningServer;

    before(async () => {
      database = openDatabase();
      server = await startServer(database, { clock: clock.now, pushRate: { burst: 1000, perSecond: 1000 } });
    });
    after(async () => {
      await server.close();
      await database.close();
    });

    it('answers ten people checking in on one session at once, each push once, each with its own head', async () => {
      const ada = new Person(server.url, { id: 'ada', role: 'admin' });
      const sessionId = await plannedSession(ada);
      const people = Array.from({ length: 10 }, () => new Person(server.url, MO));
      const pushes = people.map((person, p) =>
        Array.from({ length: 6 }, (_, i) => ({
          clientId: person.clientId,
          mutations: [{ mutationId: i + 1, command: checkIn(sessionId, p * 100 + i) }],
        })),
      );
      const answers = await Promise.all(
        people.map(async (person, p) => {
          const mine = [];
          for (const body of pushes[p] ?? []) mine.push(await person.pushRaw(body));
          return mine;
        }),
      );
      const heads = answers.flat().map((answer) => ok(answer.results[0]).head);
      // The planned session is at head 4: sixty check-ins take heads 5 to 64, one each.
      assert.deepEqual(
        [...heads].sort((a, b) => a - b),
        Array.from({ length: 60 }, (_, i) => 5 + i),
      );
      const { body } = await ada.pull({ [sessionId]: 4 });
      const entries = body.sessions.find((s) => s.header.id === sessionId)?.entries ?? [];
      const values = entries.map((e) => (e.data as { value: number }).value);
      assert.equal(entries.length, 60);
      assert.deepEqual(
        [...values].sort((a, b) => a - b),
        people.flatMap((_, p) => Array.from({ length: 6 }, (_, i) => p * 100 + i)),
      );
      // Each head answers the check-in written at it.
      for (const [p, mine] of answers.entries()) {
        for (const [i, answer] of mine.entries()) {
          const at = entries.find((e) => e.seq === ok(answer.results[0]).head);
          assert.ok(at, `no entry at the head answered for push ${i + 1} of person ${p}`);
          assert.equal((at.data as { value: number }).value, p * 100 + i);
        }
      }
      // Every push repeated: answered from what was kept, nothing applied twice.
      const again = await Promise.all(
        people.map(async (person, p) => {
          const mine = [];
          for (const push of pushes[p] ?? []) mine.push(await person.pushRaw(push));
          return mine;
        }),
      );
      assert.deepEqual(
        again.map((mine) => mine.map((a) => a.results)),
        answers.map((mine) => mine.map((a) => a.results)),
      );
      const { body: after } = await ada.pull({ [sessionId]: 64 });
      assert.deepEqual(after.sessions.find((s) => s.header.id === sessionId)?.entries ?? [], []);
    });

    describe('a store on postgresStorage with kept results', () => {
      /** A store whose storage records the cause of every append; mutations run through `KeptResults`. */
      function grouping() {
        const tenant = freshTenant();
        const kept = new KeptResults(database);
        const inner = postgresStorage({ database, tenant, alsoWrite: kept.alsoWrite(tenant) });
        const causes: AppendCause[] = [];
        // The adapter itself, but for `append`, which notes its cause first.
        const storage = new Proxy(inner, {
          get(target, prop) {
            if (prop === 'append') {
              return (...args: Parameters<StorageAdapter['append']>) => {
                const cause = args[5];
                if (cause) causes.push(cause);
                return target.append(...args);
              };
            }
            const value = Reflect.get(target, prop);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
        const store = createOkrStore({ storage, actor: { id: 'ada', role: 'admin' }, clock: clock.now });
        const run = (mutationId: number, command: Command) => {
          const mutation = { tenant, clientId: 'c_group', mutationId, actorId: 'ada' };
          return kept.run(mutation, (tag) => store.execute(command, { tag }));
        };
        return { tenant, kept, store, causes, run };
      }

      async function session(store: ReturnType<typeof grouping>['store']) {
        const { id } = await store.createSession({ title: 'Q4', start: '2026-10-01', end: '2026-12-31' });
        await store.addObjective(id, { id: 'ob-1', title: 'Grow' });
        await store.addKeyResult(id, {
          id: 'kr-1',
          objectiveId: 'ob-1',
          title: 'ARR',
          kind: 'increase',
          start: 0,
          target: 9,
        });
        return { id, head: (await store.getSession(id))?.head ?? 0 };
      }

      const keptHeads = async (kept: KeptResults, tenant: string, ids: number[]) => {
        const results = await kept.read(tenant, 'c_group', 'ada', ids);
        return ids.map((id) => {
          const result = results.get(id) as MutationResult | undefined;
          return result?.ok ? result.head : undefined;
        });
      };

      it('writes the check-ins queued together in one append, keeping each one’s result at its own head', async () => {
        const { tenant, kept, store, causes, run } = grouping();
        const { id, head } = await session(store);
        causes.length = 0;
        // Issued in one go: they queue on the session together and run as one group.
        const done = await Promise.all([1, 2, 3, 4].map((m) => run(m, checkIn(id, m) as Command)));
        assert.deepEqual(
          causes.map((c) => c.group?.length ?? 1),
          [4],
        );
        assert.deepEqual(
          done.map((d) => d.written?.head),
          [head + 1, head + 2, head + 3, head + 4],
        );
        assert.deepEqual(await keptHeads(kept, tenant, [1, 2, 3, 4]), [head + 1, head + 2, head + 3, head + 4]);
      });

      it('runs a group one by one when one of its mutations was kept before: only that one is not applied', async () => {
        const { tenant, kept, store, causes, run } = grouping();
        const { id, head } = await session(store);
        // Mutation 2 was answered before (by another instance, say).
        const mutation = { tenant, clientId: 'c_group', mutationId: 2, actorId: 'ada' };
        await kept.keep(mutation, { mutationId: 2, ok: true, sessionId: id, head: 1 });
        causes.length = 0;
        const done = await Promise.allSettled([1, 2, 3].map((m) => run(m, checkIn(id, m) as Command)));
        assert.equal(done[1]?.status === 'rejected' && done[1].reason instanceof AlreadyKept, true);
        assert.deepEqual(
          causes.map((c) => c.group?.length ?? 1),
          [3, 1, 1, 1],
        );
        assert.deepEqual(await keptHeads(kept, tenant, [1, 2, 3]), [head + 1, 1, head + 2]);
        const journal = await store.storage.readJournal(id, head);
        assert.deepEqual(
          journal.map((e) => (e.data as { value: number }).value),
          [1, 3],
        );
      });
    });
  });
}
