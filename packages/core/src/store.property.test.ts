import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OkrError } from './errors.js';
import { headerOf, replay } from './journal.js';
import type { Actor } from './model.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore } from './store.js';

const actors: Actor[] = [
  { id: 'ada', role: 'admin' },
  { id: 'mo', role: 'member' },
  { id: 'vic', role: 'viewer' },
];

// Mostly real dates (so that many commands succeed), sometimes impossible or malformed ones.
const date = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('2027-01-01', '2027-03-31', '2027-04-01', '2027-06-30', '2027-12-31', '2026-10-01'),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        y: fc.integer({ min: 2026, max: 2027 }),
        m: fc.integer({ min: 1, max: 13 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('', 'soon', '2027-1-1') },
);
const title = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Q1 2027', 'FY2027', 'Growth', ' Ünïcødé 🚀 ') },
  { weight: 1, arbitrary: fc.string({ maxLength: 130 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'x'.repeat(121)) },
);

/** Commands, valid and invalid, on a session picked by index among those created so far. */
const command = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    title,
    start: date,
    end: date,
    parent: fc.option(fc.nat(6), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('rename' as const), target: fc.nat(6), title }),
  fc.record({ kind: fc.constant('redate' as const), target: fc.nat(6), start: date, end: date }),
  fc.record({
    kind: fc.constant('transition' as const),
    target: fc.nat(6),
    transition: fc.constantFrom('start', 'close', 'reopen', 'unlock', 'jump'),
  }),
  fc.record({ kind: fc.constant('delete' as const), target: fc.nat(6) }),
);
// Admins most of the time, so that sequences get far; members and viewers are refused session management.
const step = fc.record({
  actor: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.constant(1), fc.constant(2)),
  command,
});

async function snapshot(storage: MemoryStorage) {
  const sessions = await storage.listSessions();
  const journals = await Promise.all(sessions.map((s) => storage.readJournal(s.id)));
  return JSON.stringify({ sessions, journals });
}

describe('random command sequences', () => {
  it('keep every invariant: refused commands change nothing, replay equals live state, numbers are unique, archived sessions never change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (raw) => {
        // Every sequence starts by creating a session, so that later commands have a target.
        const first = {
          actor: 0,
          command: {
            kind: 'create' as const,
            title: 'FY2027',
            start: '2027-01-01',
            end: '2027-12-31',
            parent: undefined,
          },
        };
        const steps = [first, ...raw];
        const storage = new MemoryStorage();
        let t = Date.parse('2026-11-20T09:00:00Z');
        const clock = () => {
          t += 1000;
          return new Date(t);
        };
        const stores = actors.map((actor) => createOkrStore({ storage, actor, clock, timeZone: 'UTC' }));
        const ids: string[] = [];
        const pick = (i: number) => ids[i % Math.max(ids.length, 1)] ?? 'SE-00000';
        for (const { actor, command: c } of steps) {
          const store = stores[actor];
          assert.ok(store);
          const before = await snapshot(storage);
          const archivedBefore = new Map(
            (await storage.listSessions()).filter((s) => s.state === 'archived').map((s) => [s.id, s.head]),
          );
          try {
            switch (c.kind) {
              case 'create': {
                const parentId = c.parent === undefined ? undefined : pick(c.parent);
                const s = await store.createSession({
                  title: c.title,
                  start: c.start,
                  end: c.end,
                  ...(parentId ? { parentId } : {}),
                });
                ids.push(s.id);
                break;
              }
              case 'rename':
                await store.updateSession(pick(c.target), { title: c.title });
                break;
              case 'redate':
                await store.updateSession(pick(c.target), { start: c.start, end: c.end });
                break;
              case 'transition':
                await store.transition(pick(c.target), c.transition as 'start');
                break;
              case 'delete':
                await store.deleteSession(pick(c.target));
                break;
            }
          } catch (error) {
            assert.ok(error instanceof OkrError, `a refusal is an OkrError, got ${String(error)}`);
            assert.notEqual(error.code, 'storage');
            assert.equal(await snapshot(storage), before, `a refused ${c.kind} changed nothing`);
          }
          for (const [id, head] of archivedBefore) {
            const now = await storage.getSession(id);
            if (now?.state === 'archived') assert.equal(now.head, head, 'an archived session never changes');
            else
              assert.equal(c.kind === 'transition' && c.transition === 'reopen', true, 'only reopen leaves archived');
          }
        }
        const headers = await storage.listSessions();
        assert.equal(new Set(headers.map((h) => h.id)).size, headers.length, 'numbers are unique');
        assert.deepEqual(
          headers.map((h) => h.number),
          headers.map((_, i) => 1001 + i),
          'numbers are sequential',
        );
        for (const header of headers) {
          const replayed = headerOf(
            replay(header, await storage.readJournal(header.id)) ?? assert.fail('nothing replayed'),
          );
          assert.deepEqual(replayed, header, 'replaying the journal gives the live state');
          const entries = await storage.readJournal(header.id);
          assert.ok(
            entries.every((e, i) => i === 0 || (entries[i - 1]?.at ?? '') <= e.at),
            'instants never go back',
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
