import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Command } from './command-types.js';
import { OkrError } from './errors.js';
import type { JournalEntry } from './journal.js';
import type { Actor, SessionHeader } from './model.js';
import type { AppendCause, StorageAdapter } from './storage/adapter.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore, type OkrStore } from './store.js';
import { type PausingStorage, pausingStorage } from './testing/pausing-storage.js';

const ada: Actor = { id: 'ada', role: 'admin' };
const mo: Actor = { id: 'mo', role: 'member' };
const viewer: Actor = { id: 'vi', role: 'viewer' };

/**
 * A memory storage that takes grouped appends (as the server's PostgreSQL storage does),
 * records the cause of every append, and refuses any append that carries a command
 * tagged `refuse`. Wrapped in `pausingStorage` to hold a write on its way.
 */
class GroupingStorage extends MemoryStorage {
  readonly groupsCommands: boolean;
  readonly causes: AppendCause[] = [];

  constructor(groups = true) {
    super();
    this.groupsCommands = groups;
  }

  override async append(
    id: string,
    expectedHead: number,
    entries: readonly JournalEntry[],
    header: SessionHeader,
    links?: number,
    cause?: AppendCause,
  ): Promise<void> {
    if (cause) this.causes.push(cause);
    const tags = (cause?.group ?? [cause]).map((c) => c?.tag);
    if (tags.includes('refuse')) throw new OkrError('storage', 'This write is refused by the test.');
    return super.append(id, expectedHead, entries, header, links);
  }
}

/** A grouping storage, and the same behind `pausingStorage` for the store. */
function grouping(groups = true): { inner: GroupingStorage; storage: PausingStorage } {
  const inner = new GroupingStorage(groups);
  return { inner, storage: pausingStorage(inner) };
}

function ticking(start = '2026-11-20T09:00:00Z') {
  let t = Date.parse(start);
  return () => {
    t += 1000;
    return new Date(t);
  };
}

async function planned(storage: StorageAdapter): Promise<{ store: OkrStore; id: string }> {
  const store = createOkrStore({ storage, actor: ada, clock: ticking(), timeZone: 'UTC' });
  const { id } = await store.createSession({ title: 'Q1 2027', start: '2026-11-01', end: '2027-01-31' });
  await store.addObjective(id, { id: 'ob-1', title: 'Grow' });
  await store.addKeyResult(id, {
    id: 'kr-1',
    objectiveId: 'ob-1',
    title: 'ARR',
    kind: 'increase',
    start: 0,
    target: 100,
    ownerId: 'mo',
  });
  return { store, id };
}

const checkIn = (sessionId: string, value: number, keyResultId = 'kr-1'): Command =>
  ({ type: 'checkIn.add', sessionId, args: { keyResultId, value, status: 'on_track' } }) as Command;

/**
 * Runs `first` with its write held on its way to storage, then `queue` (the commands that
 * arrive meanwhile), lets the write through, and settles them all: `first`'s outcome first.
 */
async function behindAHeldWrite<T>(
  storage: PausingStorage,
  first: () => Promise<T>,
  queue: () => Promise<T>[],
): Promise<PromiseSettledResult<T>[]> {
  const held = storage.hold('append');
  const running = first();
  await held.reached;
  const queued = queue();
  held.release();
  return Promise.allSettled([running, ...queued]);
}

/** The check-in values of a journal, in journal order. */
async function valuesOf(storage: StorageAdapter, id: string): Promise<number[]> {
  const journal = await storage.readJournal(id);
  return journal.flatMap((e) => (e.type === 'checkIn.added' ? [e.data.value as number] : []));
}

describe('group commit over a storage that groupsCommands', () => {
  it('appends the commands that queued during a write together, in order, each answered with its own head', async () => {
    const { inner, storage } = grouping();
    const { store, id } = await planned(storage);
    const before = (await store.getSession(id))?.head ?? 0;
    inner.causes.length = 0;
    // Queued while the first write is on its way: a refused command among them.
    const [a, b, c, d, e] = await behindAHeldWrite(
      storage,
      () => store.execute(checkIn(id, 1), { actor: mo, tag: 'a' }),
      () => [
        store.execute(checkIn(id, 2), { actor: mo, tag: 'b' }),
        store.execute(checkIn(id, 3, 'kr-404'), { actor: ada, tag: 'c' }),
        store.execute(checkIn(id, 4), { actor: viewer, tag: 'd' }),
        store.execute(checkIn(id, 5), { actor: ada, tag: 'e' }),
      ],
    );

    assert.equal(a?.status, 'fulfilled');
    assert.equal(b?.status, 'fulfilled');
    assert.equal(c?.status === 'rejected' && (c.reason as OkrError).code, 'not-found');
    assert.equal(d?.status === 'rejected' && (d.reason as OkrError).code, 'not-allowed');
    assert.equal(e?.status, 'fulfilled');
    // Two writes: the first alone, then the two accepted commands that queued behind it, as one.
    assert.deepEqual(
      inner.causes.map((cause) => (cause.group ?? [cause]).map((c) => c.tag)),
      [['a'], ['b', 'e']],
    );
    const group = inner.causes[1]?.group ?? [];
    assert.deepEqual(
      group.map((c) => [c.actor.id, c.head]),
      [
        ['mo', before + 2],
        ['ada', before + 3],
      ],
    );
    // Each command answers with the session just after its own entries.
    const heads = [a, b, e].map((r) => (r?.status === 'fulfilled' ? r.value.session?.head : undefined));
    assert.deepEqual(heads, [before + 1, before + 2, before + 3]);
    assert.deepEqual(await valuesOf(storage, id), [1, 2, 5]);
    const journal = await storage.readJournal(id);
    assert.deepEqual(
      journal.map((entry) => entry.seq),
      journal.map((_, i) => i + 1),
    );
    assert.equal((await store.getSession(id))?.head, before + 3);
  });

  it('runs a group whose write fails again one command at a time, so only the failing one fails', async () => {
    const { inner, storage } = grouping();
    const { store, id } = await planned(storage);
    inner.causes.length = 0;
    const [a, b, refused, d] = await behindAHeldWrite(
      storage,
      () => store.execute(checkIn(id, 1), { actor: mo, tag: 'a' }),
      () => [
        store.execute(checkIn(id, 2), { actor: mo, tag: 'b' }),
        store.execute(checkIn(id, 3), { actor: mo, tag: 'refuse' }),
        store.execute(checkIn(id, 4), { actor: mo, tag: 'd' }),
      ],
    );
    assert.deepEqual(
      [a, b, d].map((r) => r?.status),
      ['fulfilled', 'fulfilled', 'fulfilled'],
    );
    assert.equal(refused?.status === 'rejected' && (refused.reason as OkrError).code, 'storage');
    assert.deepEqual(await valuesOf(storage, id), [1, 2, 4]);
    assert.deepEqual(
      inner.causes.map((cause) => (cause.group ?? [cause]).map((c) => c.tag)),
      [['a'], ['b', 'refuse', 'd'], ['b'], ['refuse'], ['d']],
    );
    // What the store shows is what storage holds.
    const shown = (await store.getSession(id))?.keyResults.get('kr-1')?.checkIns.map((c) => c.value);
    assert.deepEqual(shown, [1, 2, 4]);
  });

  it('keeps one command per append on a storage that does not group (a sync storage queues each command)', async () => {
    const { inner, storage } = grouping(false);
    const { store, id } = await planned(storage);
    inner.causes.length = 0;
    const settled = await behindAHeldWrite(
      storage,
      () => store.execute(checkIn(id, 1), { actor: mo, tag: 'a' }),
      () => [2, 3, 4].map((v) => store.execute(checkIn(id, v), { actor: mo, tag: String(v) })),
    );
    assert.deepEqual(
      settled.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'],
    );
    assert.deepEqual(
      inner.causes.map((cause) => cause.group?.length ?? 1),
      [1, 1, 1, 1],
    );
    assert.deepEqual(await valuesOf(storage, id), [1, 2, 3, 4]);
  });

  it("keeps a session's order when a command that must be written alone comes between grouped ones", async () => {
    const { inner, storage } = grouping();
    const { store, id } = await planned(storage);
    const parent = await store.createSession({ title: 'FY2027', start: '2026-10-01', end: '2027-12-31' });
    inner.causes.length = 0;
    const settled = await behindAHeldWrite(
      storage,
      () => store.execute(checkIn(id, 1), { tag: 'a' }),
      () => [
        store.execute(checkIn(id, 2), { tag: 'b' }),
        // Linking to a parent reads the links version: written alone.
        store.execute({ type: 'session.edit', sessionId: id, args: { parentId: parent.id } } as Command, { tag: 'p' }),
        store.execute(checkIn(id, 3), { tag: 'c' }),
      ],
    );
    assert.deepEqual(
      settled.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'],
    );
    assert.deepEqual(
      inner.causes.map((cause) => (cause.group ?? [cause]).map((c) => c.tag)),
      [['a'], ['b'], ['p'], ['c']],
    );
    const journal = await storage.readJournal(id);
    assert.deepEqual(
      journal.slice(-4).map((e) => e.type),
      ['checkIn.added', 'checkIn.added', 'session.changed', 'checkIn.added'],
    );
  });
});
