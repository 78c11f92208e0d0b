import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMAND_TYPES, type Command } from './command-types.js';
import { COMMANDS } from './commands.js';
import { OkrError } from './errors.js';
import type { Actor } from './model.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore, type OkrStore, type StoreChange } from './store.js';

const ada: Actor = { id: 'ada', role: 'admin', name: 'Ada' };
const mo: Actor = { id: 'mo', role: 'member' };
const kim: Actor = { id: 'kim', role: 'member' };
const vic: Actor = { id: 'vic', role: 'viewer' };

function ticking(start = '2027-01-04T09:00:00Z') {
  let t = Date.parse(start);
  return () => {
    t += 60_000;
    return new Date(t);
  };
}

function storeFor(actor: Actor = ada, storage = new MemoryStorage()): OkrStore {
  return createOkrStore({ storage, actor, clock: ticking(), timeZone: 'Europe/Berlin' });
}

/** The command as it arrives over a wire: nothing but JSON. */
const wire = (command: Command): Command => JSON.parse(JSON.stringify(command));

async function refused(promise: Promise<unknown>, code: OkrError['code']): Promise<OkrError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OkrError, `expected an OkrError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected a ${code} refusal`);
}

describe('commands as data', () => {
  it('runs every command type of the table from its JSON form, with the ids the caller gave', async () => {
    const store = storeFor();
    const run = async (command: Command) => (await store.execute(wire(command))).value;
    const ran = new Set<string>();
    const go = async (command: Command) => {
      ran.add(command.type);
      return run(command);
    };
    const year = (await go({
      type: 'session.create',
      args: { title: 'FY2027', start: '2027-01-01', end: '2027-12-31', cadence: 'year' },
    })) as { id: string };
    const q1 = (await go({
      type: 'session.create',
      args: { title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31', cadence: 'quarter', parentId: year.id },
    })) as { id: string };
    const sessionId = q1.id;
    await go({ type: 'objective.add', sessionId: year.id, args: { id: 'ob-year', title: 'Win the market' } });
    await go({
      type: 'objective.add',
      sessionId,
      args: {
        id: 'ob-1',
        title: 'Grow revenue',
        ownerId: 'ada',
        alignedTo: { sessionId: year.id, objectiveId: 'ob-year' },
      },
    });
    await go({ type: 'objective.add', sessionId, args: { id: 'ob-2', title: 'Delight customers' } });
    await go({ type: 'objective.edit', sessionId, args: { id: 'ob-2', description: 'NPS and churn' } });
    await go({ type: 'objective.reorder', sessionId, args: { ids: ['ob-2', 'ob-1'] } });
    await go({
      type: 'keyResult.add',
      sessionId,
      args: {
        id: 'kr-arr',
        objectiveId: 'ob-1',
        title: 'New ARR',
        kind: 'increase',
        start: 0,
        target: 1200,
        unit: 'k€',
      },
    });
    await go({
      type: 'keyResult.add',
      sessionId,
      args: { id: 'kr-deals', objectiveId: 'ob-1', title: 'Deals', kind: 'increase', start: 0, target: 10 },
    });
    await go({ type: 'keyResult.edit', sessionId, args: { id: 'kr-deals', title: 'Closed deals' } });
    await go({ type: 'keyResult.retarget', sessionId, args: { id: 'kr-deals', start: 0, target: 12, weight: 2 } });
    await go({ type: 'keyResult.reorder', sessionId, args: { objectiveId: 'ob-1', ids: ['kr-deals', 'kr-arr'] } });
    await go({
      type: 'keyResult.add',
      sessionId,
      args: { id: 'kr-gone', objectiveId: 'ob-2', title: 'To remove', kind: 'boolean' },
    });
    await go({ type: 'keyResult.remove', sessionId, args: { id: 'kr-gone' } });
    await go({ type: 'objective.add', sessionId, args: { id: 'ob-gone', title: 'To remove' } });
    await go({ type: 'objective.remove', sessionId, args: { id: 'ob-gone' } });
    await go({ type: 'owner.assign', sessionId, args: { item: 'keyResult', id: 'kr-arr', ownerId: 'mo' } });
    await go({
      type: 'initiative.add',
      sessionId,
      args: { id: 'in-1', title: 'Partner program', keyResultIds: ['kr-arr'], link: 'https://example.com/p' },
    });
    await go({ type: 'initiative.edit', sessionId, args: { id: 'in-1', status: 'active' } });
    await go({ type: 'session.edit', sessionId, args: { description: 'The first quarter' } });
    await go({ type: 'session.transition', sessionId, args: { transition: 'start' } });
    await go({
      type: 'checkIn.add',
      sessionId,
      args: { id: 'ci-1', keyResultId: 'kr-arr', value: 300, status: 'on_track' },
    });
    const corrected = await go({
      type: 'checkIn.correct',
      sessionId,
      args: { id: 'ci-1b', checkInId: 'ci-1', value: 250, comment: 'One deal slipped' },
    });
    await go({ type: 'initiative.remove', sessionId, args: { id: 'in-1' } });
    const next = (await go({
      type: 'session.create',
      args: { title: 'Q2 2027', start: '2027-04-01', end: '2027-06-30', cadence: 'quarter', parentId: year.id },
    })) as { id: string };
    const copies = await go({
      type: 'objective.copy',
      sessionId: next.id,
      args: { fromSessionId: sessionId, objectiveIds: ['ob-1'], seed: 'q2' },
    });
    const exported = await store.exportSession(sessionId);
    const imported = (await go({ type: 'session.import', args: { data: exported } })) as { id: string };
    const spare = (await go({
      type: 'session.create',
      args: { title: 'Spare', start: '2027-01-01', end: '2027-01-31' },
    })) as {
      id: string;
    };
    await go({ type: 'session.delete', sessionId: spare.id, args: {} });

    assert.deepEqual([...ran].sort(), Object.keys(COMMANDS).sort(), 'every command type of the table ran');
    assert.deepEqual([...COMMAND_TYPES], Object.keys(COMMANDS), 'COMMAND_TYPES lists the table, in its order');
    const session = await store.getSession(sessionId);
    assert.equal(session.state, 'in_progress');
    assert.equal(session.description, 'The first quarter');
    assert.deepEqual([...session.objectives.keys()].sort(), ['ob-1', 'ob-2']);
    assert.equal(session.objectives.get('ob-2')?.order, 0);
    const deals = session.keyResults.get('kr-deals');
    assert.deepEqual([deals?.title, deals?.target, deals?.weight, deals?.order], ['Closed deals', 12, 2, 0]);
    assert.equal(session.keyResults.get('kr-arr')?.ownerId, 'mo');
    assert.equal(session.keyResults.get('kr-arr')?.latest?.id, 'ci-1b', 'the correction counts, under the given id');
    assert.deepEqual(
      [(corrected as { value: number }).value, session.keyResults.get('kr-arr')?.latest?.value],
      [250, 250],
    );
    assert.equal(session.initiatives.size, 0);
    assert.deepEqual(
      (copies as { id: string; title: string }[]).map((o) => [o.id, o.title]),
      [['ob_q2_0', 'Grow revenue']],
    );
    assert.equal((await store.getSession(next.id)).keyResults.size, 2, 'the copy brings its key results');
    assert.equal((await store.getSession(imported.id)).head, session.head);
    await refused(store.getSession(spare.id), 'not-found');
  });

  it('keeps ids the caller gives, refuses them twice (removed items too), and makes ids when none are given', async () => {
    const store = storeFor();
    const s = await store.createSession({ title: 'Q1', start: '2027-01-01', end: '2027-03-31' });
    const command: Command = { type: 'objective.add', sessionId: s.id, args: { id: 'ob-mine', title: 'Mine' } };
    const first = await store.execute(wire(command));
    assert.deepEqual(first.command, command, 'the command as run is the one given');
    await refused(store.execute(wire(command)), 'invalid-input');
    await store.removeObjective(s.id, 'ob-mine');
    const again = await refused(store.execute(wire(command)), 'invalid-input');
    assert.match(again.fields.id ?? '', /already used/);
    const bad = await refused(
      store.execute({ type: 'objective.add', sessionId: s.id, args: { id: '../x', title: 'x' } }),
      'invalid-input',
    );
    assert.ok(bad.fields.id);
    const made = await store.execute({ type: 'objective.add', sessionId: s.id, args: { title: 'Made' } });
    const madeId = (made.command.args as { id?: string }).id;
    assert.match(madeId ?? '', /^ob_/, 'the store filled in the id, and says so');
    assert.equal((await store.getSession(s.id)).objectives.get(madeId ?? '')?.title, 'Made');
    assert.equal((await store.journal(s.id)).length, 4, 'the refused commands appended nothing');
  });

  it('refuses what is not a command with invalid-input, never a TypeError', async () => {
    const store = storeFor();
    const s = await store.createSession({ title: 'Q1', start: '2027-01-01', end: '2027-03-31' });
    const hostile: unknown[] = [
      null,
      'objective.add',
      { type: '__proto__', sessionId: s.id, args: {} },
      { type: 'constructor', sessionId: s.id, args: {} },
      { type: 'objective.add', sessionId: s.id, args: null },
      { type: 'objective.add', args: { title: 'no session' } },
      { type: 'objective.add', sessionId: s.id, args: { title: 12n } },
      { type: 'session.transition', sessionId: s.id, args: { transition: '__proto__' } },
      { type: 'objective.copy', sessionId: s.id, args: { fromSessionId: s.id, objectiveIds: '' } },
      { type: 'owner.assign', sessionId: s.id, args: { item: 'toString', id: 'x', ownerId: null } },
    ];
    for (const command of hostile) await refused(store.execute(command as Command), 'invalid-input');
    for (const actor of [
      { id: 'x', role: 'constructor' },
      { id: 'x', role: 'admin', teams: 'abc' },
      { role: 'admin' },
    ]) {
      await refused(
        store.execute({ type: 'session.edit', sessionId: s.id, args: { title: 'x' } }, { actor: actor as Actor }),
        'invalid-input',
      );
    }
    assert.equal((await store.getSession(s.id)).head, 1);
  });

  it('treats undefined as not given: a patch never resets access, zone or parent by omission', async () => {
    const store = storeFor();
    const access = {
      view: { everyone: false, people: ['mo'], teams: [] },
      edit: { everyone: false, people: [], teams: [] },
    };
    const s = await store.createSession({
      title: 'Q1',
      start: '2027-01-01',
      end: '2027-03-31',
      timeZone: 'Asia/Tokyo',
      access,
    });
    const after = await store.updateSession(s.id, {
      access: undefined,
      timeZone: undefined,
      title: 'Q1 2027',
    } as never);
    assert.deepEqual([after.timeZone, after.access, after.title], ['Asia/Tokyo', access, 'Q1 2027']);
    const same = await store.updateSession(s.id, { title: 'Q1 2027' });
    assert.equal(same.head, after.head, 'a patch that changes nothing appends nothing');
  });
});

describe('one store, many actors', () => {
  it('serves two people with different roles concurrently from one fold', async () => {
    const store = storeFor(ada);
    const s = await store.createSession({ title: 'Q1', start: '2027-01-01', end: '2027-03-31' });
    await store.addObjective(s.id, { id: 'ob', title: 'Grow', ownerId: 'mo' });
    await store.addKeyResult(s.id, {
      id: 'kr',
      objectiveId: 'ob',
      title: 'ARR',
      kind: 'increase',
      start: 0,
      target: 10,
    });
    await store.startSession(s.id);
    const asMo = store.as(mo);
    const asVic = store.as(vic);
    const results = await Promise.allSettled([
      asMo.checkIn(s.id, 'kr', { value: 1 }),
      store.execute({ type: 'checkIn.add', sessionId: s.id, args: { keyResultId: 'kr', value: 2 } }, { actor: mo }),
      asVic.checkIn(s.id, 'kr', { value: 3 }),
      store.execute({ type: 'session.edit', sessionId: s.id, args: { title: 'Q1 2027' } }, { actor: mo }),
      store.updateSession(s.id, { description: 'by Ada' }),
    ]);
    assert.deepEqual(
      results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as OkrError).code)),
      ['ok', 'ok', 'not-allowed', 'not-allowed', 'ok'],
    );
    const [a, b, c] = await Promise.all([store.getSession(s.id), asMo.getSession(s.id), asVic.getSession(s.id)]);
    assert.equal(a, b, 'the same live state object for every actor');
    assert.equal(b, c);
    assert.deepEqual(
      a.keyResults.get('kr')?.checkIns.map((ci) => [ci.value, ci.author]),
      [
        [1, 'mo'],
        [2, 'mo'],
      ],
    );
    assert.equal(a.description, 'by Ada');
  });

  it('queues its own commands per session: twenty at once, no conflict, all kept in order', async () => {
    const store = storeFor(ada);
    const s = await store.createSession({ title: 'Q1', start: '2027-01-01', end: '2027-03-31' });
    await store.addObjective(s.id, { id: 'ob', title: 'Grow' });
    await store.addKeyResult(s.id, {
      id: 'kr',
      objectiveId: 'ob',
      title: 'ARR',
      kind: 'increase',
      start: 0,
      target: 100,
    });
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    await Promise.all(values.map((value) => store.checkIn(s.id, 'kr', { value })));
    const session = await store.getSession(s.id);
    assert.deepEqual(
      session.keyResults.get('kr')?.checkIns.map((c) => c.value),
      values,
    );
  });

  it('tells every subscriber the session as it now is, once per change', async () => {
    const store = storeFor(ada);
    const seen: StoreChange[] = [];
    store.subscribe((c) => seen.push(c));
    const s = await store.createSession({ title: 'Q1', start: '2027-01-01', end: '2027-03-31' });
    await store.as(ada).addObjective(s.id, { id: 'ob', title: 'Grow' });
    store.setActor(mo);
    await store.as(ada).deleteSession(s.id);
    const live = seen.map((c) => (c.type === 'session' ? `${c.type} ${c.session.head} ${c.origin}` : c.type));
    assert.deepEqual(live, ['session 1 local', 'session 2 local', 'actor', 'removed']);
    const second = seen[1];
    assert.ok(second?.type === 'session' && second.session.objectives.get('ob')?.title === 'Grow');
  });
});

describe('who may hand over and check in (ownership.ts)', () => {
  async function planned() {
    const store = storeFor(ada);
    const s = await store.createSession({ title: 'Q1', start: '2027-01-01', end: '2027-03-31' });
    await store.addObjective(s.id, { id: 'ob-ada', title: "Ada's", ownerId: 'ada' });
    await store.addKeyResult(s.id, {
      id: 'kr-ada',
      objectiveId: 'ob-ada',
      title: 'A',
      kind: 'boolean',
      ownerId: 'ada',
    });
    await store.addObjective(s.id, { id: 'ob-mo', title: "Mo's", ownerId: 'mo' });
    await store.addKeyResult(s.id, { id: 'kr-mo', objectiveId: 'ob-mo', title: 'M', kind: 'boolean' });
    await store.addKeyResult(s.id, { id: 'kr-nobody', objectiveId: 'ob-ada', title: 'N', kind: 'boolean' });
    return { store, id: s.id };
  }

  it('a member who owns nothing cannot claim an admin key result and then check in on it', async () => {
    const { store, id } = await planned();
    const kimStore = store.as(kim);
    await refused(kimStore.assignOwner(id, 'keyResult', 'kr-ada', 'kim'), 'not-allowed');
    await refused(kimStore.assignOwner(id, 'keyResult', 'kr-nobody', 'kim'), 'not-allowed');
    await refused(kimStore.checkIn(id, 'kr-ada', { value: true }), 'not-allowed');
    const session = await store.getSession(id);
    assert.equal(session.keyResults.get('kr-ada')?.ownerId, 'ada');
    assert.equal(kimStore.can('owner.assign', session, { item: 'keyResult', id: 'kr-ada' }), false);
  });

  it('the owner of an objective hands over its key results, and can() says so before', async () => {
    const { store, id } = await planned();
    const moStore = store.as(mo);
    const session = await store.getSession(id);
    assert.equal(moStore.can('owner.assign', session, { item: 'keyResult', id: 'kr-mo' }), true);
    assert.equal(moStore.can('checkIn.add', session, { keyResultId: 'kr-mo' }), true);
    assert.equal(moStore.can('checkIn.add', session, { keyResultId: 'kr-ada' }), false);
    await moStore.assignOwner(id, 'keyResult', 'kr-mo', 'kim');
    await moStore.checkIn(id, 'kr-mo', { value: true });
    await store.as(kim).checkIn(id, 'kr-mo', { value: false });
    assert.deepEqual(
      (await store.getSession(id)).keyResults.get('kr-mo')?.checkIns.map((c) => c.author),
      ['mo', 'kim'],
    );
  });

  it('an objective in a session the actor may not see reads as missing', async () => {
    const store = storeFor(ada);
    const hidden = {
      view: { everyone: false, people: [], teams: [] },
      edit: { everyone: false, people: [], teams: [] },
    };
    const year = await store.createSession({ title: 'FY', start: '2027-01-01', end: '2027-12-31', access: hidden });
    await store.addObjective(year.id, { id: 'ob-secret', title: 'Secret' });
    const q1 = await store.createSession({ title: 'Q1', start: '2027-01-01', end: '2027-03-31', parentId: year.id });
    const moStore = store.as(mo);
    const real = await refused(
      moStore.addObjective(q1.id, { title: 'x', alignedTo: { sessionId: year.id, objectiveId: 'ob-secret' } }),
      'invalid-input',
    );
    const missing = await refused(
      moStore.addObjective(q1.id, { title: 'x', alignedTo: { sessionId: year.id, objectiveId: 'ob-none' } }),
      'invalid-input',
    );
    assert.equal(real.message.replace('ob-secret', 'X'), missing.message.replace('ob-none', 'X'));
    assert.doesNotMatch(real.message, /FY/, 'the hidden session is not named');
  });
});
