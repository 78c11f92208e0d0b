import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OkrError } from './errors.js';
import type { Actor } from './model.js';
import { keyResultProgress, objectiveProgress, sessionProgress } from './progress.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore, type OkrStore } from './store.js';

const ada: Actor = { id: 'ada', role: 'admin' };
const kim: Actor = { id: 'kim', role: 'member' };
const zed: Actor = { id: 'zed', role: 'member' };
const vic: Actor = { id: 'vic', role: 'viewer' };

function setup() {
  const storage = new MemoryStorage();
  let t = Date.parse('2027-01-04T09:00:00Z');
  const clock = () => {
    t += 60_000;
    return new Date(t);
  };
  let n = 0;
  const as = (actor: Actor): OkrStore =>
    createOkrStore({ storage, actor, clock, timeZone: 'UTC', ids: (kind) => `${kind}-${++n}` });
  return { storage, as, admin: as(ada) };
}

async function rejects(promise: Promise<unknown>, code: OkrError['code'], field?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof OkrError, String(error));
    assert.equal(error.code, code, error.message);
    if (field) assert.ok(field in error.fields, `expected field ${field}, got ${Object.keys(error.fields).join(', ')}`);
    return true;
  });
}

async function planned() {
  const ctx = setup();
  const s = await ctx.admin.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
  const o = await ctx.admin.addObjective(s.id, { title: 'Delight customers', ownerId: 'obi' });
  const k = await ctx.admin.addKeyResult(s.id, {
    objectiveId: o.id,
    title: 'NPS',
    kind: 'increase',
    start: 30,
    target: 50,
    ownerId: 'kim',
    unit: 'pts',
  });
  return { ...ctx, s, o, k };
}

describe('objectives and key results', () => {
  it('adds objectives in order and key results under them, with owners and units', async () => {
    const { admin, s, o, k } = await planned();
    const o2 = await admin.addObjective(s.id, { title: '  Grow revenue ' });
    const live = await admin.getSession(s.id);
    assert.deepEqual(
      [...live.objectives.values()].map((x) => [x.title, x.order, x.ownerId]),
      [
        ['Delight customers', 0, 'obi'],
        ['Grow revenue', 1, undefined],
      ],
    );
    assert.deepEqual(
      [k.objectiveId, k.kind, k.start, k.target, k.weight, k.unit, k.ownerId],
      [o.id, 'increase', 30, 50, 1, 'pts', 'kim'],
    );
    await admin.reorderObjectives(s.id, [o2.id, o.id]);
    assert.deepEqual(
      [...(await admin.getSession(s.id)).objectives.values()].sort((a, b) => a.order - b.order).map((x) => x.title),
      ['Grow revenue', 'Delight customers'],
    );
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['start equal to target', { kind: 'increase', start: 5, target: 5 }, 'target'],
    ['a non-finite number', { kind: 'increase', start: 0, target: Number.POSITIVE_INFINITY }, 'target'],
    ['NaN', { kind: 'stay_above', threshold: Number.NaN }, 'threshold'],
    ['a decrease whose target is above its start', { kind: 'decrease', start: 10, target: 20 }, 'target'],
    ['an increase whose target is below its start', { kind: 'increase', start: 10, target: 2 }, 'target'],
    ['milestones without steps', { kind: 'milestones', milestones: [] }, 'milestones'],
    ['an unknown kind', { kind: 'maximise' }, 'kind'],
    ['a zero weight', { kind: 'boolean', weight: 0 }, 'weight'],
    ['a string for a number', { kind: 'increase', start: '0', target: 10 }, 'start'],
  ];
  for (const [what, fields, field] of invalid) {
    it(`refuses a key result with ${what}, and stores nothing`, async () => {
      const { admin, storage, s, o } = await planned();
      const before = (await storage.readJournal(s.id)).length;
      await rejects(
        admin.addKeyResult(s.id, { objectiveId: o.id, title: 'KR', ...fields } as never),
        'invalid-input',
        field,
      );
      assert.equal((await storage.readJournal(s.id)).length, before);
    });
  }

  it('reorders key results within their objective', async () => {
    const { admin, s, o, k } = await planned();
    const k2 = await admin.addKeyResult(s.id, {
      objectiveId: o.id,
      title: 'CSAT',
      kind: 'increase',
      start: 3,
      target: 4.5,
    });
    await admin.reorderKeyResults(s.id, o.id, [k2.id, k.id]);
    const live = await admin.getSession(s.id);
    assert.deepEqual([live.keyResults.get(k2.id)?.order, live.keyResults.get(k.id)?.order], [0, 1]);
    await rejects(admin.reorderKeyResults(s.id, o.id, [k.id]), 'invalid-input', 'ids');
    await admin.startSession(s.id);
    await rejects(admin.reorderKeyResults(s.id, o.id, [k.id, k2.id]), 'locked');
  });

  it('refuses a key result under an unknown objective', async () => {
    const { admin, s } = await planned();
    await rejects(
      admin.addKeyResult(s.id, { objectiveId: 'nope', title: 'KR', kind: 'boolean' }),
      'invalid-input',
      'objectiveId',
    );
  });

  it('retargets a key result and changes its weight in one append, or changes nothing', async () => {
    const { admin, storage, s, k } = await planned();
    const before = await storage.readJournal(s.id);
    const kr = await admin.retargetKeyResult(s.id, k.id, { start: 30, target: 80, weight: 3 });
    assert.deepEqual([kr.start, kr.target, kr.weight], [30, 80, 3]);
    const added = (await storage.readJournal(s.id)).slice(before.length);
    assert.deepEqual(
      added.map((e) => [e.type, e.data]),
      [
        ['keyResult.retargeted', { id: k.id, kind: 'increase', start: 30, target: 80 }],
        ['keyResult.changed', { id: k.id, weight: 3 }],
      ],
    );
    assert.equal(new Set(added.map((e) => e.at)).size, 1, 'one command, recorded at one instant');
    // An unchanged weight adds no entry of its own.
    await admin.retargetKeyResult(s.id, k.id, { target: 90, weight: 3 });
    assert.deepEqual(
      (await storage.readJournal(s.id)).slice(before.length + 2).map((e) => e.type),
      ['keyResult.retargeted'],
    );
    // A bad weight refuses the target too: both or neither.
    const head = await storage.readJournal(s.id);
    await rejects(admin.retargetKeyResult(s.id, k.id, { target: 100, weight: 0 }), 'invalid-input', 'weight');
    await rejects(admin.retargetKeyResult(s.id, k.id, { target: 10, weight: 2 }), 'invalid-input', 'target');
    assert.deepEqual(await storage.readJournal(s.id), head);
    const live = (await admin.getSession(s.id)).keyResults.get(k.id);
    assert.deepEqual([live?.target, live?.weight], [90, 3]);
  });

  it('aligns objectives within the session or to the parent session, never in a cycle', async () => {
    const { admin } = setup();
    const fy = await admin.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31' });
    const company = await admin.addObjective(fy.id, { title: 'Be the best' });
    const q1 = await admin.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31', parentId: fy.id });
    const team = await admin.addObjective(q1.id, {
      title: 'Team',
      alignedTo: { sessionId: fy.id, objectiveId: company.id },
    });
    const person = await admin.addObjective(q1.id, {
      title: 'Person',
      alignedTo: { sessionId: q1.id, objectiveId: team.id },
    });
    assert.deepEqual(person.alignedTo, { sessionId: q1.id, objectiveId: team.id });
    await rejects(
      admin.updateObjective(q1.id, team.id, { alignedTo: { sessionId: q1.id, objectiveId: person.id } }),
      'invalid-input',
      'alignedTo',
    );
    const other = await admin.createSession({ title: 'Other', start: '2027-01-01', end: '2027-03-31' });
    await rejects(
      admin.addObjective(other.id, { title: 'x', alignedTo: { sessionId: fy.id, objectiveId: company.id } }),
      'invalid-input',
      'alignedTo',
    );
  });

  it('removes an objective with its key results and unlinks them from initiatives', async () => {
    const { admin, s, o, k } = await planned();
    const i = await admin.addInitiative(s.id, { title: 'Survey', keyResultIds: [k.id] });
    await admin.removeObjective(s.id, o.id);
    const live = await admin.getSession(s.id);
    assert.deepEqual(
      [live.objectives.size, live.keyResults.size, live.initiatives.get(i.id)?.keyResultIds],
      [0, 0, []],
    );
  });
});

describe('initiatives', () => {
  it('links to key results and accepts only http(s) links', async () => {
    const { admin, s, k } = await planned();
    const i = await admin.addInitiative(s.id, {
      title: 'Onboarding revamp',
      keyResultIds: [k.id],
      link: 'https://example.com/doc',
      ownerId: 'kim',
    });
    assert.deepEqual([i.status, i.link, i.keyResultIds], ['planned', 'https://example.com/doc', [k.id]]);
    for (const link of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.org', 'not a url']) {
      await rejects(admin.addInitiative(s.id, { title: 'x', keyResultIds: [k.id], link }), 'invalid-input', 'link');
    }
    await rejects(admin.addInitiative(s.id, { title: 'x', keyResultIds: [] }), 'invalid-input', 'keyResultIds');
    await rejects(
      admin.addInitiative(s.id, { title: 'x', keyResultIds: ['kr-nope'] }),
      'invalid-input',
      'keyResultIds',
    );
    assert.equal((await admin.updateInitiative(s.id, i.id, { status: 'active' })).status, 'active');
  });
});

describe('check-ins and corrections', () => {
  it('records value, status, confidence, comment, author and instant, and moves progress', async () => {
    const { as, s, k } = await planned();
    const c = await as(kim).checkIn(s.id, k.id, {
      value: 40,
      status: 'on_track',
      confidence: 0.7,
      comment: 'Survey wave 1 landed',
    });
    assert.deepEqual(
      [c.value, c.status, c.confidence, c.comment, c.author],
      [40, 'on_track', 0.7, 'Survey wave 1 landed', 'kim'],
    );
    const live = await as(kim).getSession(s.id);
    const kr = live.keyResults.get(k.id);
    assert.ok(kr);
    assert.equal(keyResultProgress(kr).raw, 0.5);
    assert.equal(sessionProgress(live).clamped, 0.5);
  });

  it('lets the key result owner, the objective owner and admins check in; nobody else', async () => {
    const { as, s, k } = await planned();
    await as(kim).checkIn(s.id, k.id, { value: 31 });
    await as({ id: 'obi', role: 'member' }).checkIn(s.id, k.id, { value: 32 });
    await as(ada).checkIn(s.id, k.id, { value: 33 });
    await rejects(as(zed).checkIn(s.id, k.id, { value: 34 }), 'not-allowed');
    await rejects(as(vic).checkIn(s.id, k.id, { value: 34 }), 'not-allowed');
  });

  it('checks the value against the kind', async () => {
    const { admin, s, o, k } = await planned();
    await rejects(admin.checkIn(s.id, k.id, { value: Number.NaN }), 'invalid-input', 'value');
    await rejects(admin.checkIn(s.id, k.id, { value: 40, status: 'fine' as never }), 'invalid-input', 'status');
    await rejects(admin.checkIn(s.id, k.id, { value: 40, confidence: 2 }), 'invalid-input', 'confidence');
    const m = await admin.addKeyResult(s.id, {
      objectiveId: o.id,
      title: 'Launch',
      kind: 'milestones',
      milestones: ['Beta', 'GA'],
    });
    await rejects(admin.checkIn(s.id, m.id, { value: 3 }), 'invalid-input', 'value');
    assert.equal((await admin.checkIn(s.id, m.id, { value: 1 })).value, 1);
    const b = await admin.addKeyResult(s.id, { objectiveId: o.id, title: 'SOC2', kind: 'boolean' });
    assert.equal((await admin.checkIn(s.id, b.id, { value: true })).value, 1);
    await rejects(admin.checkIn(s.id, 'kr-unknown', { value: 1 }), 'not-found');
  });

  it('corrects a wrong check-in: both stay in the history, the correction counts', async () => {
    const { admin, s, k } = await planned();
    const first = await admin.checkIn(s.id, k.id, { value: 35, comment: 'wave 1' });
    const wrong = await admin.checkIn(s.id, k.id, { value: 400, comment: 'typo' });
    const fixed = await admin.correctCheckIn(s.id, wrong.id, { value: 40, comment: 'meant 40' });
    const history = await admin.checkInHistory(s.id, k.id);
    assert.deepEqual(
      history.map((h) => [h.checkIn.value, h.counts]),
      [
        [40, true],
        [400, false],
        [35, true],
      ],
    );
    assert.equal(history[1]?.supersededBy?.id, fixed.id);
    assert.equal(history[0]?.corrects?.id, wrong.id);
    assert.equal((await admin.getSession(s.id)).keyResults.get(k.id)?.latest?.value, 40);
    await rejects(admin.correctCheckIn(s.id, wrong.id, { value: 41 }), 'conflict');
    // Correcting an older check-in does not change what counts now.
    await admin.correctCheckIn(s.id, first.id, { value: 34 });
    assert.equal((await admin.getSession(s.id)).keyResults.get(k.id)?.latest?.value, 40);
  });
});

describe('the lifecycle decides', () => {
  it('allows progress only while in progress', async () => {
    const { admin, s, o, k } = await planned();
    await admin.startSession(s.id);
    await rejects(admin.addObjective(s.id, { title: 'Late idea' }), 'locked');
    await rejects(admin.addKeyResult(s.id, { objectiveId: o.id, title: 'x', kind: 'boolean' }), 'locked');
    await rejects(admin.retargetKeyResult(s.id, k.id, { target: 60 }), 'locked');
    await rejects(admin.removeKeyResult(s.id, k.id), 'locked');
    await rejects(admin.removeObjective(s.id, o.id), 'locked');
    await rejects(admin.updateObjective(s.id, o.id, { title: 'Renamed' }), 'locked');
    await admin.checkIn(s.id, k.id, { value: 42 });
    await admin.addInitiative(s.id, { title: 'Interviews', keyResultIds: [k.id] });
    await admin.assignOwner(s.id, 'keyResult', k.id, 'zed');
    assert.equal((await admin.getSession(s.id)).keyResults.get(k.id)?.ownerId, 'zed');
  });

  it('changes nothing once archived, but keeps everything readable', async () => {
    const { admin, storage, s, k } = await planned();
    await admin.checkIn(s.id, k.id, { value: 45 });
    await admin.closeSession(s.id);
    const before = await storage.readJournal(s.id);
    await rejects(admin.checkIn(s.id, k.id, { value: 50 }), 'locked');
    await rejects(admin.addInitiative(s.id, { title: 'x', keyResultIds: [k.id] }), 'locked');
    await rejects(admin.assignOwner(s.id, 'keyResult', k.id, null), 'locked');
    assert.deepEqual(await storage.readJournal(s.id), before);
    assert.equal((await admin.checkInHistory(s.id, k.id)).length, 1);
  });

  it('lets members plan in sessions they may edit, and viewers nothing', async () => {
    const { as, s, o } = await planned();
    await as(kim).addKeyResult(s.id, { objectiveId: o.id, title: 'Churn', kind: 'decrease', start: 5, target: 3 });
    await rejects(as(vic).addObjective(s.id, { title: 'x' }), 'not-allowed');
  });
});

describe('owners and copying', () => {
  it('keeps hand-offs in the history and allows unassigned items', async () => {
    const { admin, storage, s, k } = await planned();
    await admin.assignOwner(s.id, 'keyResult', k.id, 'zed');
    await admin.assignOwner(s.id, 'keyResult', k.id, null);
    assert.equal((await admin.getSession(s.id)).keyResults.get(k.id)?.ownerId, undefined);
    const handoffs = (await storage.readJournal(s.id))
      .filter((e) => e.type === 'owner.assigned')
      .map((e) => e.type === 'owner.assigned' && e.data.ownerId);
    assert.deepEqual(handoffs, ['zed', null]);
  });

  it('copies objectives and key results into the next session without check-ins', async () => {
    const { admin, s, k } = await planned();
    await admin.checkIn(s.id, k.id, { value: 49 });
    const next = await admin.createNextSession(s.id);
    const [copy] = await admin.copyObjectives(s.id, next.id);
    const live = await admin.getSession(next.id);
    const krs = [...live.keyResults.values()];
    assert.deepEqual(
      [copy?.title, copy?.ownerId, krs.map((x) => [x.title, x.start, x.target, x.checkIns.length, x.latest])],
      ['Delight customers', 'obi', [['NPS', 30, 50, 0, undefined]]],
    );
    assert.equal(objectiveProgress(krs).clamped, 0);
  });
});

describe('random check-ins and corrections', () => {
  it('keep clamped progress within 0..1 and never erase history', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ value: fc.double({ min: -1e6, max: 1e6, noNaN: true }), correct: fc.boolean() }), {
          minLength: 1,
          maxLength: 25,
        }),
        async (steps) => {
          const { admin, s, k } = await planned();
          let last: string | undefined;
          let count = 0;
          for (const { value, correct } of steps) {
            const c =
              correct && last
                ? await admin.correctCheckIn(s.id, last, { value })
                : await admin.checkIn(s.id, k.id, { value });
            last = c.id;
            count++;
            const live = await admin.getSession(s.id);
            const kr = live.keyResults.get(k.id);
            assert.ok(kr);
            const p = keyResultProgress(kr);
            assert.ok(p.clamped >= 0 && p.clamped <= 1);
            assert.equal(kr.latest?.value, value, 'the newest check-in or correction counts');
            const history = await admin.checkInHistory(s.id, k.id);
            assert.equal(history.length, count, 'every check-in stays in the history');
            assert.equal(
              history.filter((h) => !h.counts).length,
              steps.slice(0, count).filter((x, i) => x.correct && i > 0).length,
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
