import { OkrError } from '../errors.js';
import type { SessionHeader } from '../model.js';
import type { NewSessionHeader, StorageAdapter } from '../storage/adapter.js';
import { createOkrStore, type OkrStore } from '../store.js';
import { created, equal, fail, rejectsWith, renamed, sampleHeader } from './contract-helpers.js';
import { pausingStorage } from './pausing-storage.js';

type It = (name: string, body: () => Promise<void>) => unknown;
type Using = (body: (storage: StorageAdapter) => Promise<void>) => () => Promise<void>;
type Create = (storage: StorageAdapter, overrides?: Partial<NewSessionHeader>) => Promise<SessionHeader>;

const ADMIN = { id: 'ada', role: 'admin' } as const;

function store(storage: StorageAdapter): OkrStore {
  return createOkrStore({ storage, actor: ADMIN, clock: () => new Date('2026-11-20T10:00:00Z'), timeZone: 'UTC' });
}

/** Every live session with a parent has a live parent that encloses its dates; answers what is broken. */
async function brokenTree(storage: StorageAdapter): Promise<string[]> {
  const headers = await storage.listSessions();
  const live = new Map(headers.filter((h) => !h.deleted).map((h) => [h.id, h]));
  return [...live.values()].flatMap((h) => {
    if (h.parentId === undefined) return [];
    const parent = live.get(h.parentId);
    if (!parent) return [`${h.id} lies in ${h.parentId}, which is gone`];
    if (h.start < parent.start || h.end > parent.end) return [`${h.id} lies outside ${parent.id}`];
    return [];
  });
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'done';
  } catch (error) {
    return error instanceof OkrError ? error.code : `untyped ${String(error)}`;
  }
}

/**
 * The links version (see `StorageAdapter.linksVersion`), and the races between sessions it
 * prevents, run through two stores on one storage: one store's write is held between its
 * plan and its write while the other runs whole, then let through.
 */
export function describeLinksContract(it: It, using: Using, create: Create): void {
  it(
    'compares-and-swaps the links version with a write given it, and leaves it alone otherwise',
    using(async (storage) => {
      equal(await storage.linksVersion(), 0, 'the links version of a new storage');
      const s = await create(storage);
      await storage.append(s.id, 1, [renamed(2, 'A')], { ...s, title: 'A', head: 2 });
      equal(await storage.linksVersion(), 0, 'after writes given no links version');
      const header = sampleHeader({ title: 'Child' });
      const child = await storage.createSession(header, [created(header)], 0);
      equal(await storage.linksVersion(), 1, 'after a create given version 0');
      await storage.append(s.id, 2, [renamed(3, 'B')], { ...s, title: 'B', head: 3 }, 1);
      equal(await storage.linksVersion(), 2, 'after an append given version 1');
      await rejectsWith(
        storage.append(s.id, 3, [renamed(4, 'stale')], { ...s, title: 'stale', head: 4 }, 1),
        'conflict',
        'an append given a stale links version',
      );
      await rejectsWith(
        storage.createSession(sampleHeader({ title: 'stale' }), [created(sampleHeader({ title: 'stale' }))], 1),
        'conflict',
        'a create given a stale links version',
      );
      equal(await storage.linksVersion(), 2, 'after refused writes');
      equal(
        (await storage.readJournal(s.id)).map((e) => e.seq),
        [1, 2, 3],
        'the journal after the refused append',
      );
      equal((await storage.getSession(s.id))?.title, 'B', 'the header after the refused append');
      equal(
        (await storage.listSessions()).map((h) => h.id),
        [s.id, child.id],
        'the sessions after the refused create',
      );
      equal((await create(storage)).number, child.number + 1, 'the number after the refused create');
    }),
  );

  it(
    'lets exactly one of concurrent writes on different sessions given the same links version win',
    using(async (storage) => {
      const [a, b] = [await create(storage), await create(storage)];
      if (!a || !b) fail('no sessions');
      const header = sampleHeader({ title: 'C' });
      const results = await Promise.allSettled([
        storage.append(a.id, 1, [renamed(2, 'A')], { ...a, title: 'A', head: 2 }, 0),
        storage.append(b.id, 1, [renamed(2, 'B')], { ...b, title: 'B', head: 2 }, 0),
        storage.createSession(header, [created(header)], 0),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled').length;
      const conflicts = results.filter(
        (r) => r.status === 'rejected' && r.reason instanceof OkrError && r.reason.code === 'conflict',
      ).length;
      equal([won, conflicts], [1, 2], 'winners and conflicts');
      equal(await storage.linksVersion(), 1, 'the links version after the race');
      // Two sessions at head 1 and one write kept: an entry more, or a session more.
      const heads = (await storage.listSessions()).map((h) => h.head);
      equal(
        heads.reduce((sum, head) => sum + head, 0),
        3,
        'the heads of every session',
      );
    }),
  );

  it(
    'race: a parent deleted while a child is created keeps no child without its parent',
    using(async (storage) => {
      const paused = pausingStorage(storage);
      const [one, two] = [store(paused), store(storage)];
      const parent = await two.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31' });
      const held = paused.hold('createSession');
      const child = outcome(
        one.createSession({ title: 'Q1', start: '2027-01-01', end: '2027-03-31', parentId: parent.id }),
      );
      await held.reached;
      await two.deleteSession(parent.id);
      held.release();
      equal(await child, 'invalid-input', 'the child planned under the deleted parent');
      equal(await brokenTree(storage), [], 'what is broken');
    }),
  );

  it(
    'race: a child created while its parent is deleted keeps the parent',
    using(async (storage) => {
      const paused = pausingStorage(storage);
      const [one, two] = [store(paused), store(storage)];
      const parent = await one.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31' });
      const held = paused.hold('append');
      const deleted = outcome(one.deleteSession(parent.id));
      await held.reached;
      await two.createSession({ title: 'Q1', start: '2027-01-01', end: '2027-03-31', parentId: parent.id });
      held.release();
      equal(await deleted, 'conflict', 'the delete planned before the child existed');
      equal(await brokenTree(storage), [], 'what is broken');
    }),
  );

  it(
    "race: a parent's dates shrunk while a child is created keep the child inside them",
    using(async (storage) => {
      const paused = pausingStorage(storage);
      const [one, two] = [store(paused), store(storage)];
      const parent = await two.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31' });
      const held = paused.hold('createSession');
      const child = outcome(
        one.createSession({ title: 'Q4', start: '2027-10-01', end: '2027-12-31', parentId: parent.id }),
      );
      await held.reached;
      await two.updateSession(parent.id, { end: '2027-06-30' });
      held.release();
      equal(await child, 'invalid-input', 'the child planned inside the old dates');
      equal(await brokenTree(storage), [], 'what is broken');
      const shrunk = pausingStorage(storage);
      const three = store(shrunk);
      // The other order: the shrink is planned first, the child created before it is written.
      const again = shrunk.hold('append');
      const edit = outcome(three.updateSession(parent.id, { end: '2027-03-31' }));
      await again.reached;
      await two.createSession({ title: 'Q2', start: '2027-04-01', end: '2027-06-30', parentId: parent.id });
      again.release();
      equal(await edit, 'invalid-input', 'the shrink planned before the child existed');
      equal(await brokenTree(storage), [], 'what is broken after the other order');
    }),
  );

  it(
    'race: an objective removed while another session aligns to it is not aligned to',
    using(async (storage) => {
      const paused = pausingStorage(storage);
      const [one, two] = [store(paused), store(storage)];
      const parent = await two.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31' });
      const goal = await two.addObjective(parent.id, { title: 'Grow' });
      const child = await two.createSession({
        title: 'Q1',
        start: '2027-01-01',
        end: '2027-03-31',
        parentId: parent.id,
      });
      await one.getSession(parent.id);
      const held = paused.hold('append');
      const aligned = outcome(
        one.addObjective(child.id, { title: 'Grow in Q1', alignedTo: { sessionId: parent.id, objectiveId: goal.id } }),
      );
      await held.reached;
      await two.removeObjective(parent.id, goal.id);
      held.release();
      equal(await aligned, 'invalid-input', 'the alignment planned on the removed objective');
      const kept = await two.getSession(child.id);
      equal([...(kept?.objectives.values() ?? [])], [], "the child's objectives");
    }),
  );

  it(
    'check-ins and edits on one session read no links version and never conflict on it',
    using(async (storage) => {
      const one = store(storage);
      const s = await one.createSession({ title: 'Q1', start: '2027-01-01', end: '2027-03-31' });
      const o = await one.addObjective(s.id, { title: 'Grow' });
      const kr = await one.addKeyResult(s.id, {
        objectiveId: o.id,
        title: 'Users',
        kind: 'increase',
        start: 0,
        target: 10,
      });
      const before = await storage.linksVersion();
      await one.updateSession(s.id, { title: 'Q1 2027' });
      await one.checkIn(s.id, kr.id, { value: 3 });
      equal(await storage.linksVersion(), before, 'the links version after an edit and a check-in');
    }),
  );
}
