import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OkrError } from './errors.js';
import type { Actor } from './model.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore, type OkrStore, type StoreChange } from './store.js';

const ada: Actor = { id: 'ada', role: 'admin', name: 'Ada' };
const mo: Actor = { id: 'mo', role: 'member' };
const vic: Actor = { id: 'vic', role: 'viewer' };

/** A clock that advances one minute per reading, from 2026-11-20 09:00 UTC. */
function ticking(start = '2026-11-20T09:00:00Z') {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += 60_000;
    return now;
  };
}

function storeFor(actor: Actor = ada, storage = new MemoryStorage()): OkrStore {
  return createOkrStore({ storage, actor, clock: ticking(), timeZone: 'Europe/Berlin' });
}

const q1 = { title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31', cadence: 'quarter' } as const;

async function rejects(promise: Promise<unknown>, code: OkrError['code'], fields?: string[]): Promise<OkrError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OkrError, `expected an OkrError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (fields) assert.deepEqual(Object.keys(error.fields).sort(), [...fields].sort());
    return error;
  }
  assert.fail(`expected a rejection with ${code}`);
}

describe('creating sessions', () => {
  it('creates an open session numbered SE-01001 with its audit, defaults and journal', async () => {
    const store = storeFor();
    const s = await store.createSession({ ...q1, title: '  Q1 2027  ' });
    assert.equal(s.id, 'SE-01001');
    assert.equal(s.number, 1001);
    assert.equal(s.title, 'Q1 2027');
    assert.equal(s.state, 'open');
    assert.equal(s.timeZone, 'Europe/Berlin');
    assert.equal(s.checkInCadence, 'weekly');
    assert.deepEqual(s.access, { view: { everyone: true }, edit: { everyone: true } });
    assert.deepEqual(
      [s.createdBy, s.createdAt, s.changedBy, s.changedAt],
      ['ada', '2026-11-20T09:00:00.000Z', 'ada', '2026-11-20T09:00:00.000Z'],
    );
    const journal = await store.journal(s.id);
    assert.deepEqual(
      journal.map((e) => [e.seq, e.type, e.actor]),
      [[1, 'session.created', 'ada']],
    );
    assert.equal((await store.createSession(q1)).id, 'SE-01002');
  });

  const invalid: [string, Record<string, unknown>, string[]][] = [
    ['an empty title', { ...q1, title: '   ' }, ['title']],
    ['a title over 120 characters', { ...q1, title: 'x'.repeat(121) }, ['title']],
    ['a missing start date', { title: 'x', end: '2027-03-31' }, ['start']],
    ['an impossible date', { ...q1, end: '2026-02-30' }, ['end']],
    ['an end before the start', { ...q1, start: '2027-03-31', end: '2027-01-01' }, ['end']],
    ['an unknown time zone', { ...q1, timeZone: 'Mars/Olympus' }, ['timeZone']],
    ['an unknown cadence', { ...q1, cadence: 'fortnight' }, ['cadence']],
    ['an unknown check-in cadence', { ...q1, checkInCadence: 'hourly' }, ['checkInCadence']],
    ['a number for a title', { ...q1, title: 42 }, ['title']],
    ['an unknown field', { ...q1, colour: 'red' }, ['colour']],
    [
      'bad access lists',
      { ...q1, access: { view: { everyone: false, people: [1], teams: [] }, edit: { everyone: true } } },
      ['access.view.people'],
    ],
    ['several problems at once', { title: '', start: 'soon', end: '2027-01-01' }, ['title', 'start']],
  ];
  for (const [what, input, fields] of invalid) {
    it(`refuses ${what} with invalid-input naming the fields, and stores nothing`, async () => {
      const storage = new MemoryStorage();
      const store = storeFor(ada, storage);
      await rejects(store.createSession(input as never), 'invalid-input', fields);
      assert.deepEqual(await storage.listSessions(), []);
    });
  }

  it('refuses input that is not an object', async () => {
    await rejects(storeFor().createSession(null as never), 'invalid-input', ['session']);
  });

  it('keeps children within their parent and refuses unknown parents', async () => {
    const store = storeFor();
    const fy = await store.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31', cadence: 'year' });
    const child = await store.createSession({ ...q1, parentId: fy.id });
    assert.equal(child.parentId, fy.id);
    await rejects(store.createSession({ ...q1, start: '2026-12-01', parentId: fy.id }), 'invalid-input', ['parentId']);
    await rejects(store.createSession({ ...q1, parentId: 'SE-09999' }), 'invalid-input', ['parentId']);
    // Shrinking the parent so that the child falls outside is refused too.
    await rejects(store.updateSession(fy.id, { start: '2027-02-01' }), 'invalid-input', ['start', 'end']);
  });

  it('refuses a parent that would make a cycle', async () => {
    const store = storeFor();
    const fy = await store.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31' });
    const h1 = await store.createSession({ title: 'H1 2027', start: '2027-01-01', end: '2027-12-31', parentId: fy.id });
    await rejects(store.updateSession(fy.id, { parentId: h1.id }), 'invalid-input', ['parentId']);
    await rejects(store.updateSession(fy.id, { parentId: fy.id }), 'invalid-input', ['parentId']);
    assert.equal((await store.getSession(fy.id)).parentId, undefined);
  });

  it('lets only admins create sessions', async () => {
    const storage = new MemoryStorage();
    await rejects(storeFor(mo, storage).createSession(q1), 'not-allowed');
    await rejects(storeFor(vic, storage).createSession(q1), 'not-allowed');
    assert.deepEqual(await storage.listSessions(), []);
  });
});

describe('editing and the lifecycle', () => {
  it('records who changed what and when', async () => {
    const storage = new MemoryStorage();
    const store = storeFor(ada, storage);
    const s = await store.createSession(q1);
    const other = createOkrStore({
      storage,
      actor: { id: 'bo', role: 'admin' },
      clock: () => new Date('2026-11-21T12:00:00Z'),
    });
    const renamed = await other.updateSession(s.id, { title: 'Q1 2027 — Company', description: 'Grow' });
    assert.deepEqual(
      [renamed.title, renamed.description, renamed.changedBy, renamed.changedAt],
      ['Q1 2027 — Company', 'Grow', 'bo', '2026-11-21T12:00:00.000Z'],
    );
    assert.deepEqual([renamed.createdBy, renamed.createdAt], ['ada', '2026-11-20T09:00:00.000Z']);
    const cleared = await other.updateSession(s.id, { description: null });
    assert.equal(cleared.description, undefined);
    assert.equal(cleared.head, 3);
  });

  it('appends nothing for an edit that changes nothing', async () => {
    const store = storeFor();
    const s = await store.createSession(q1);
    const same = await store.updateSession(s.id, { title: 'Q1 2027' });
    assert.equal(same.head, 1);
  });

  it('starts, unlocks, closes and reopens to the state it was closed from', async () => {
    const store = storeFor();
    const s = await store.createSession(q1);
    assert.equal((await store.startSession(s.id)).state, 'in_progress');
    assert.equal((await store.unlockSession(s.id)).state, 'open');
    assert.equal((await store.startSession(s.id)).state, 'in_progress');
    const closed = await store.closeSession(s.id);
    assert.deepEqual([closed.state, closed.closedFrom], ['archived', 'in_progress']);
    const reopened = await store.reopenSession(s.id);
    assert.deepEqual([reopened.state, reopened.closedFrom], ['in_progress', undefined]);
    const journal = await store.journal(s.id);
    assert.deepEqual(
      journal
        .filter((e) => e.type === 'session.transitioned')
        .map((e) => e.type === 'session.transitioned' && e.data.transition),
      ['start', 'unlock', 'start', 'close', 'reopen'],
    );
  });

  it('refuses transitions the state does not have, with locked', async () => {
    const store = storeFor();
    const s = await store.createSession(q1);
    await rejects(store.reopenSession(s.id), 'locked');
    await rejects(store.unlockSession(s.id), 'locked');
    await store.closeSession(s.id);
    await rejects(store.startSession(s.id), 'locked');
    await rejects(store.closeSession(s.id), 'locked');
    await rejects(store.transition(s.id, 'explode' as never), 'invalid-input');
  });

  it('keeps archived sessions read-only but readable', async () => {
    const store = storeFor();
    const s = await store.createSession(q1);
    await store.closeSession(s.id);
    await rejects(store.updateSession(s.id, { title: 'Renamed' }), 'locked');
    await rejects(store.deleteSession(s.id), 'locked');
    const read = await store.getSession(s.id);
    assert.deepEqual([read.title, read.state, read.head], ['Q1 2027', 'archived', 2]);
  });

  it('lets admins edit title and dates while in progress', async () => {
    const store = storeFor();
    const s = await store.createSession(q1);
    await store.startSession(s.id);
    assert.equal((await store.updateSession(s.id, { end: '2027-04-07' })).end, '2027-04-07');
  });

  it('refuses members and viewers session management', async () => {
    const storage = new MemoryStorage();
    const s = await storeFor(ada, storage).createSession(q1);
    await rejects(storeFor(mo, storage).updateSession(s.id, { title: 'x' }), 'not-allowed');
    await rejects(storeFor(mo, storage).startSession(s.id), 'not-allowed');
    await rejects(storeFor(vic, storage).closeSession(s.id), 'not-allowed');
    assert.equal((await storage.readJournal(s.id)).length, 1);
  });

  it('rejects not-found for unknown sessions', async () => {
    const store = storeFor();
    await rejects(store.getSession('SE-04242'), 'not-found');
    await rejects(store.startSession('SE-04242'), 'not-found');
    await rejects(store.getSession(''), 'invalid-input');
  });
});

describe('listing and finding sessions', () => {
  it('lists non-archived sessions by default, archived ones on request, deleted ones never', async () => {
    const store = storeFor();
    const a = await store.createSession({ ...q1, title: 'A' });
    const b = await store.createSession({ ...q1, title: 'B' });
    const c = await store.createSession({ ...q1, title: 'C' });
    await store.closeSession(b.id);
    await store.deleteSession(c.id);
    assert.deepEqual(
      (await store.listSessions()).map((s) => s.title),
      ['A'],
    );
    assert.deepEqual(
      (await store.listSessions({ includeArchived: true })).map((s) => s.title),
      ['A', 'B'],
    );
    await rejects(store.getSession(c.id), 'not-found');
    assert.equal((await store.createSession(q1)).id, 'SE-01004', 'numbers are not reused after a delete');
    assert.equal(a.id, 'SE-01001');
  });

  it('refuses to delete a session that has children', async () => {
    const store = storeFor();
    const fy = await store.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31' });
    await store.createSession({ ...q1, parentId: fy.id });
    await rejects(store.deleteSession(fy.id), 'conflict');
  });

  it('hides sessions not shared with the actor', async () => {
    const storage = new MemoryStorage();
    const admin = storeFor(ada, storage);
    await admin.createSession({ ...q1, title: 'Everyone' });
    await admin.createSession({
      ...q1,
      title: 'Sales only',
      access: {
        view: { everyone: false, people: [], teams: ['sales'] },
        edit: { everyone: false, people: [], teams: ['sales'] },
      },
    });
    assert.deepEqual(
      (await storeFor(mo, storage).listSessions()).map((s) => s.title),
      ['Everyone'],
    );
    const seller = createOkrStore({ storage, actor: { id: 'sy', role: 'member', teams: ['sales'] } });
    assert.deepEqual(
      (await seller.listSessions()).map((s) => s.title),
      ['Everyone', 'Sales only'],
    );
    await rejects(storeFor(mo, storage).getSession('SE-01002'), 'not-allowed');
  });

  it('finds current sessions within a month of their dates, the margin configurable', async () => {
    const store = storeFor();
    await store.createSession({ title: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' });
    await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    await store.createSession({ title: 'Q2 2027', start: '2027-04-01', end: '2027-06-30' });
    await store.createSession({ title: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' });
    const at = new Date('2026-12-15T12:00:00Z');
    assert.deepEqual(
      (await store.currentSessions({ at })).map((s) => s.title),
      ['Q4 2026', 'Q1 2027'],
    );
    assert.deepEqual(
      (await store.currentSessions({ at, marginMonths: 4 })).map((s) => s.title),
      ['Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2026'],
    );
    assert.deepEqual(
      (await store.currentSessions({ at, marginMonths: 0 })).map((s) => s.title),
      ['Q4 2026'],
    );
  });

  it('creates the next session by cadence, inside the same parent when it fits', async () => {
    const store = storeFor();
    const fy = await store.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31', cadence: 'year' });
    const first = await store.createSession({ ...q1, parentId: fy.id, checkInCadence: 'biweekly' });
    const next = await store.createNextSession(first.id);
    assert.deepEqual(
      [next.title, next.start, next.end, next.parentId, next.checkInCadence],
      ['Q2 2027', '2027-04-01', '2027-06-30', fy.id, 'biweekly'],
    );
    const q4 = await store.createSession({
      title: 'Q4 2027',
      start: '2027-10-01',
      end: '2027-12-31',
      cadence: 'quarter',
      parentId: fy.id,
    });
    const after = await store.createNextSession(q4.id);
    assert.deepEqual(
      [after.title, after.start, after.end, after.parentId],
      ['Q1 2028', '2028-01-01', '2028-03-31', undefined],
    );
  });
});

describe('concurrency and subscriptions', () => {
  it('never loses an update between two stores on one storage: the stale one retries on fresh state', async () => {
    const storage = new MemoryStorage();
    const one = storeFor(ada, storage);
    const two = storeFor(ada, storage);
    const s = await one.createSession(q1);
    await two.getSession(s.id);
    await Promise.all([
      one.updateSession(s.id, { title: 'From one' }),
      two.updateSession(s.id, { description: 'From two' }),
    ]);
    const final = await storeFor(ada, storage).getSession(s.id);
    assert.deepEqual([final.title, final.description, final.head], ['From one', 'From two', 3]);
  });

  it('re-checks the rules on fresh state when it retries', async () => {
    const storage = new MemoryStorage();
    const one = storeFor(ada, storage);
    const two = storeFor(ada, storage);
    const s = await one.createSession(q1);
    await two.getSession(s.id);
    await one.closeSession(s.id);
    await rejects(two.updateSession(s.id, { title: 'Too late' }), 'locked');
  });

  it('tells subscribers about local and remote changes', async () => {
    const storage = new MemoryStorage();
    const one = storeFor(ada, storage);
    const two = storeFor(ada, storage);
    const seen: StoreChange[] = [];
    one.subscribe((c) => seen.push(c));
    const s = await one.createSession(q1);
    await two.startSession(s.id);
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(
      seen.map((c) =>
        c.type === 'session' ? [c.type, c.session.id, c.session.head, c.session.state, c.origin] : [c.type],
      ),
      [
        ['session', s.id, 1, 'open', 'local'],
        ['session', s.id, 2, 'in_progress', 'remote'],
      ],
      'each notice carries the session as it now is',
    );
    assert.equal((await one.getSession(s.id)).state, 'in_progress', 'the remote change is visible');
  });

  it('turns storage failures into storage errors with the cause', async () => {
    const storage = new MemoryStorage();
    const store = storeFor(ada, storage);
    await storage.close();
    const error = await rejects(store.listSessions(), 'storage');
    assert.match(error.message, /closed/);
  });
});

describe('every public entry point refuses bad input with invalid-input naming the field', () => {
  it('patches, copies, pickers, actors and transitions', async () => {
    const store = storeFor();
    const s = await store.createSession(q1);
    await store.addObjective(s.id, { title: 'Grow' });
    const next = await store.createSession({ ...q1, title: 'Q2', start: '2027-04-01', end: '2027-06-30' });
    const cases: [string, () => Promise<unknown>, string][] = [
      ['updateSession(id, null)', () => store.updateSession(s.id, null as never), 'session'],
      ['copyObjectives with null options', () => store.copyObjectives(s.id, next.id, null as never), 'options'],
      [
        'copyObjectives with a string of ids',
        () => store.copyObjectives(s.id, next.id, { objectiveIds: '' as never }),
        'objectiveIds',
      ],
      ['currentSessions at a string', () => store.currentSessions({ at: '2027-01-01' as never }), 'at'],
      ['a BigInt title', () => store.addObjective(s.id, { title: 10n as never }), 'title'],
      ['transition __proto__', () => store.transition(s.id, '__proto__' as never), 'transition'],
      [
        'an actor with role constructor',
        () => Promise.resolve().then(() => store.setActor({ id: 'x', role: 'constructor' as never })),
        'actor.role',
      ],
      [
        'an actor with teams as text',
        () => Promise.resolve().then(() => store.as({ id: 'x', role: 'member', teams: 'abc' as never })),
        'actor.teams',
      ],
    ];
    for (const [what, call, field] of cases) {
      const error = await rejects(call(), 'invalid-input');
      assert.ok(field in error.fields, `${what}: names ${field} (got ${Object.keys(error.fields).join(', ')})`);
    }
    assert.equal((await store.getSession(s.id)).head, 2, 'nothing was appended');
    assert.equal((await store.getSession(next.id)).objectives.size, 0, 'nothing was copied');
  });
});
