import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OkrError } from './errors.js';
import { checkTextDepth, IMPORT_MAX_CHARS, readSessionExport } from './import.js';
import type { JournalEntry } from './journal.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore } from './store.js';

type Raw = { seq: number; at: string; actor: string; type: string; data: Record<string, unknown> };

/** A session that uses every kind of entry an export can hold, its export as data, and the instant after it. */
async function rich() {
  let now = Date.parse('2027-01-04T08:00:00Z');
  let n = 0;
  const store = createOkrStore({
    storage: new MemoryStorage(),
    actor: { id: 'ada', role: 'admin' },
    clock: () => new Date(now),
    timeZone: 'Europe/Berlin',
    ids: (kind) => `${kind}-${++n}`,
  });
  const fy = await store.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31', cadence: 'year' });
  const top = await store.addObjective(fy.id, { title: 'Company' });
  const s = await store.createSession({
    title: ' Q1 2027 ',
    description: 'Goals',
    start: '2027-01-04',
    end: '2027-03-28',
    parentId: fy.id,
    access: {
      view: { everyone: true },
      edit: { everyone: false, people: ['kim'], teams: ['sales'] },
    },
  });
  const o1 = await store.addObjective(s.id, {
    title: 'Grow',
    ownerId: 'kim',
    alignedTo: { sessionId: fy.id, objectiveId: top.id },
  });
  const o2 = await store.addObjective(s.id, { title: 'Keep', alignedTo: { sessionId: s.id, objectiveId: o1.id } });
  const inc = await store.addKeyResult(s.id, {
    objectiveId: o1.id,
    title: 'Revenue',
    kind: 'increase',
    start: 0,
    target: 100,
    unit: 'k€',
    weight: 2,
  });
  const dec = await store.addKeyResult(s.id, {
    objectiveId: o1.id,
    title: 'Churn',
    kind: 'decrease',
    start: 10,
    target: 5,
  });
  const above = await store.addKeyResult(s.id, {
    objectiveId: o2.id,
    title: 'Uptime',
    kind: 'stay_above',
    threshold: 99.9,
  });
  const below = await store.addKeyResult(s.id, {
    objectiveId: o2.id,
    title: 'Latency',
    kind: 'stay_below',
    threshold: 200,
  });
  const done = await store.addKeyResult(s.id, { objectiveId: o2.id, title: 'Launch', kind: 'boolean' });
  const steps = await store.addKeyResult(s.id, {
    objectiveId: o2.id,
    title: 'Steps',
    kind: 'milestones',
    milestones: ['a', 'b', 'c'],
  });
  await store.retargetKeyResult(s.id, inc.id, { start: 0, target: 120 });
  await store.updateKeyResult(s.id, dec.id, { title: 'Monthly churn', unit: '%' });
  await store.reorderKeyResults(s.id, o2.id, [steps.id, done.id, below.id, above.id]);
  await store.reorderObjectives(s.id, [o2.id, o1.id]);
  const pricing = await store.addInitiative(s.id, {
    title: 'Pricing',
    keyResultIds: [inc.id],
    link: 'https://example.com/p',
  });
  await store.updateInitiative(s.id, pricing.id, { status: 'active', keyResultIds: [inc.id, dec.id] });
  await store.updateObjective(s.id, o1.id, { description: 'More' });
  await store.assignOwner(s.id, 'keyResult', inc.id, 'kim');
  await store.removeKeyResult(s.id, below.id);
  await store.updateSession(s.id, { title: 'Q1 2027 (company)', description: null });
  await store.startSession(s.id);
  now = Date.parse('2027-01-06T10:00:00Z');
  const first = await store.checkIn(s.id, inc.id, { value: 10, status: 'at_risk', confidence: 0.6, comment: 'Slow' });
  await store.correctCheckIn(s.id, first.id, { value: 12 });
  await store.checkIn(s.id, done.id, { value: true });
  await store.checkIn(s.id, steps.id, { value: 2 });
  await store.checkIn(s.id, above.id, { value: 99.95 });
  await store.removeInitiative(s.id, pricing.id);
  await store.closeSession(s.id);
  await store.reopenSession(s.id);
  now = Date.parse('2027-01-20T10:00:00Z');
  const data = JSON.parse(await store.exportSession(s.id)) as { journal: Raw[] } & Record<string, unknown>;
  return { data, journal: await store.journal(s.id), now: new Date(now), ids: { o1, o2, inc, dec, first, pricing } };
}

/** The export with entry `seq` replaced by `change(entry)` (or `undefined` to drop it). */
function altered(data: { journal: Raw[] }, seq: number, change: (entry: Raw) => Raw | undefined) {
  return { ...data, journal: data.journal.flatMap((e) => (e.seq === seq ? [change(e)].filter(Boolean) : [e])) };
}

function seqOf(data: { journal: Raw[] }, type: string, nth = 0): number {
  const found = data.journal.filter((e) => e.type === type)[nth];
  assert.ok(found, `no ${type} #${nth}`);
  return found.seq;
}

/** Expects `invalid-input` naming entry `seq` (and its type) in the message and a field of it. */
function refusesEntry(work: () => unknown, seq: number, field?: string | RegExp): OkrError {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof OkrError, `expected an OkrError, got ${String(error)}`);
    assert.equal(error.code, 'invalid-input');
    assert.match(error.message, new RegExp(`entry ${seq} \\(`), error.message);
    const fields = Object.keys(error.fields);
    assert.ok(fields.length > 0 && fields.every((f) => f.startsWith(`entry ${seq}.`)), fields.join(', '));
    if (field !== undefined)
      assert.ok(
        fields.some((f) => (typeof field === 'string' ? f === `entry ${seq}.${field}` : field.test(f))),
        fields.join(', '),
      );
    return error;
  }
  assert.fail(`expected entry ${seq} to be refused`);
}

describe('readSessionExport', () => {
  it('round-trips a real export of a rich session: every entry kept, rebuilt from validated data', async () => {
    const { data, journal, now } = await rich();
    const read = readSessionExport(JSON.stringify(data), { now });
    assert.deepEqual(JSON.parse(JSON.stringify(read.journal)), JSON.parse(JSON.stringify(journal)));
    assert.equal(read.journal.length, journal.length);
  });

  it('gives the imported session the state a fresh store folds from what was stored, under its new id and number', async () => {
    const { data, now } = await rich();
    const storage = new MemoryStorage();
    const store = createOkrStore({ storage, actor: { id: 'ada', role: 'admin' }, clock: () => now });
    // The session belongs to SE-01001 (FY2027): here the parent comes first, so the import is SE-01002.
    await store.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31', cadence: 'year' });
    const imported = await store.importSession(data);
    const plain = (session: typeof imported) =>
      JSON.parse(
        JSON.stringify({
          ...session,
          objectives: [...session.objectives.values()],
          keyResults: [...session.keyResults.values()],
          initiatives: [...session.initiatives.values()],
        }),
      );
    const fresh = createOkrStore({ storage, actor: { id: 'ada', role: 'admin' }, clock: () => now });
    const read = await fresh.getSession(imported.id);
    assert.equal(imported.id, 'SE-01002');
    assert.equal(imported.number, 1002);
    assert.deepEqual(plain(imported), plain(read));
    assert.equal((await storage.getSession(imported.id))?.head, data.journal.length);
  });

  describe('refuses a session.changed that carries anything but session details', () => {
    for (const [what, change] of [
      ['an id', { id: 'SE-01001' }],
      ['a number', { number: 1 }],
      ['state bogus', { state: 'bogus' }],
      ['state open (a reopen without a transition)', { state: 'open' }],
      ['a head', { head: 1 }],
      ['deleted', { deleted: false }],
      ['createdBy', { createdBy: 'mallory' }],
    ] as const) {
      it(what, async () => {
        const { data, now } = await rich();
        const seq = seqOf(data, 'session.changed');
        const key = Object.keys(change)[0] as string;
        refusesEntry(
          () =>
            readSessionExport(
              altered(data, seq, (e) => ({ ...e, data: { ...e.data, ...change } })),
              { now },
            ),
          seq,
          key,
        );
      });
    }
    it('and an access list that is not one of the two shapes', async () => {
      const { data, now } = await rich();
      const seq = seqOf(data, 'session.changed');
      const wide = altered(data, seq, (e) => ({ ...e, data: { access: { view: null, edit: { everyone: true } } } }));
      refusesEntry(() => readSessionExport(wide, { now }), seq, 'access.view');
    });
  });

  it('stores the validated session.created data, not the raw data', async () => {
    const { data, now } = await rich();
    const padded = altered(data, 1, (e) => ({ ...e, data: { ...e.data, title: '  Q1  ', timeZone: 'europe/berlin' } }));
    const created = readSessionExport(padded, { now }).journal[0];
    assert.ok(created?.type === 'session.created');
    assert.deepEqual([created.data.title, created.data.timeZone], ['Q1', 'Europe/Berlin']);
    refusesEntry(
      () =>
        readSessionExport(
          altered(data, 1, (e) => ({ ...e, data: { ...e.data, state: 'archived' } })),
          { now },
        ),
      1,
      'state',
    );
    refusesEntry(
      () =>
        readSessionExport(
          altered(data, 1, (e) => ({ ...e, data: { ...e.data, start: '0000-01-01' } })),
          { now },
        ),
      1,
      'start',
    );
  });

  it('refuses duplicate objective, key result, initiative and check-in ids', async () => {
    const { data, now, ids } = await rich();
    for (const [type, nth, id] of [
      ['objective.added', 1, ids.o1.id],
      ['keyResult.added', 1, ids.inc.id],
      ['checkIn.added', 1, ids.first.id],
      ['initiative.added', 0, ids.o2.id],
    ] as const) {
      const seq = seqOf(data, type, nth);
      refusesEntry(
        () =>
          readSessionExport(
            altered(data, seq, (e) => ({ ...e, data: { ...e.data, id } })),
            { now },
          ),
        seq,
        'id',
      );
    }
  });

  it('refuses instants in the future, beyond the supported range, or going back', async () => {
    const { data, now } = await rich();
    const last = data.journal.length;
    refusesEntry(() => readSessionExport(altered(data, 5, (e) => ({ ...e, at: '9999-01-01T00:00:00.000Z' }))), 5, 'at');
    refusesEntry(
      () =>
        readSessionExport(
          altered(data, last, (e) => ({ ...e, at: '2027-06-01T00:00:00.000Z' })),
          { now },
        ),
      last,
      'at',
    );
    refusesEntry(
      () =>
        readSessionExport(
          altered(data, 5, (e) => ({ ...e, at: '2026-01-01T00:00:00.000Z' })),
          { now },
        ),
      5,
      'at',
    );
    refusesEntry(
      () =>
        readSessionExport(
          altered(data, 5, (e) => ({ ...e, actor: '' })),
          { now },
        ),
      5,
      'actor',
    );
  });

  describe('refuses what the commands refuse', () => {
    const cases: [string, string, number, (d: Record<string, unknown>) => Record<string, unknown>, string][] = [
      ['a negative weight', 'keyResult.added', 0, (d) => ({ ...d, weight: -1 }), 'weight'],
      ['a 5,000-character title', 'objective.added', 1, (d) => ({ ...d, title: 'x'.repeat(5000) }), 'title'],
      ['confidence 5', 'checkIn.added', 0, (d) => ({ ...d, confidence: 5 }), 'confidence'],
      ['an increase with its target below its start', 'keyResult.added', 0, (d) => ({ ...d, target: -5 }), 'target'],
      ['a javascript: initiative link', 'initiative.added', 0, (d) => ({ ...d, link: 'javascript:alert(1)' }), 'link'],
      ['an array where text belongs', 'objective.added', 1, (d) => ({ ...d, title: ['Grow'] }), 'title'],
      ['an unknown key', 'checkIn.added', 0, (d) => ({ ...d, author: 'mallory' }), 'author'],
      ['a milestone count beyond its steps', 'checkIn.added', 2, (d) => ({ ...d, value: 9 }), 'value'],
      [
        'a link to a key result that does not exist',
        'initiative.added',
        0,
        (d) => ({ ...d, keyResultIds: ['nope'] }),
        'keyResultIds',
      ],
      [
        'an alignment outside the session and its parent',
        'objective.added',
        0,
        (d) => ({ ...d, alignedTo: { sessionId: 'SE-09999', objectiveId: 'x' } }),
        'alignedTo',
      ],
      ['an owner that is not an id', 'owner.assigned', 0, (d) => ({ ...d, ownerId: 42 }), 'ownerId'],
      [
        'a reorder that drops an objective',
        'objective.reordered',
        0,
        (d) => ({ ...d, ids: (d.ids as string[]).slice(1) }),
        'ids',
      ],
      [
        'a correction of a check-in of another key result',
        'checkIn.corrected',
        0,
        (d) => ({ ...d, keyResultId: 'keyResult-8' }),
        'corrects',
      ],
      [
        'a transition that does not lead where it says',
        'session.transitioned',
        0,
        (d) => ({ ...d, to: 'archived' }),
        'to',
      ],
      ['an unknown transition', 'session.transitioned', 0, (d) => ({ ...d, transition: '__proto__' }), 'transition'],
    ];
    for (const [what, type, nth, change, field] of cases) {
      it(what, async () => {
        const { data, now } = await rich();
        const seq = seqOf(data, type, nth);
        refusesEntry(
          () =>
            readSessionExport(
              altered(data, seq, (e) => ({ ...e, data: change(e.data) })),
              { now },
            ),
          seq,
          field,
        );
      });
    }

    it('changes the lifecycle does not allow (an objective added while in progress, anything while archived)', async () => {
      const { data, now } = await rich();
      const started = seqOf(data, 'session.transitioned', 0);
      const objective = data.journal.find((e) => e.type === 'objective.added') as Raw;
      const late = {
        ...data,
        journal: [
          ...data.journal.slice(0, started),
          {
            ...objective,
            seq: started + 1,
            at: data.journal[started - 1]?.at as string,
            data: { ...objective.data, id: 'late' },
          },
        ],
      };
      refusesEntry(() => readSessionExport(late, { now }), started + 1, 'type');
      const closed = seqOf(data, 'session.transitioned', 1);
      const checkIn = data.journal.find((e) => e.type === 'checkIn.added') as Raw;
      const archived = {
        ...data,
        journal: [
          ...data.journal.slice(0, closed),
          {
            ...checkIn,
            seq: closed + 1,
            at: data.journal[closed - 1]?.at as string,
            data: { ...checkIn.data, id: 'late' },
          },
        ],
      };
      refusesEntry(() => readSessionExport(archived, { now }), closed + 1, 'type');
    });

    it('a time zone change once a week has finished, and a deleted session', async () => {
      const { data, now } = await rich();
      const last = data.journal[data.journal.length - 1] as Raw;
      const seq = last.seq + 1;
      const zone = {
        ...data,
        journal: [
          ...data.journal,
          { seq, at: now.toISOString(), actor: 'ada', type: 'session.changed', data: { timeZone: 'UTC' } },
        ],
      };
      refusesEntry(() => readSessionExport(zone, { now }), seq, 'timeZone');
      const gone = {
        ...data,
        journal: [...data.journal, { seq, at: now.toISOString(), actor: 'ada', type: 'session.deleted', data: {} }],
      };
      refusesEntry(() => readSessionExport(gone, { now }), seq, 'type');
    });
  });

  it('refuses an oversized file before reading it, and a deeply nested one before parsing it', () => {
    const huge = `{"format":"okrkit.session","journal":[${'0,'.repeat(14 * 1024 * 1024)}0]}`;
    assert.ok(huge.length > IMPORT_MAX_CHARS);
    const nested = `{"format":"okrkit.session","journal":${'['.repeat(10 * 1024 * 1024)}`;
    // "Before parsing": JSON.parse is never called for either (a count, not a clock).
    const parse = JSON.parse;
    let parsed = 0;
    JSON.parse = ((...args: Parameters<typeof JSON.parse>) => {
      parsed += 1;
      return parse(...args);
    }) as typeof JSON.parse;
    try {
      assert.throws(
        () => readSessionExport(huge),
        (e: unknown) =>
          e instanceof OkrError && e.code === 'invalid-input' && 'file' in e.fields && /too large/.test(e.message),
      );
      assert.throws(
        () => readSessionExport(nested),
        (e: unknown) => e instanceof OkrError && e.code === 'invalid-input' && /nested too deeply/.test(e.message),
      );
    } finally {
      JSON.parse = parse;
    }
    assert.equal(parsed, 0, 'neither file was parsed');
    // Brackets inside strings are text, not nesting.
    checkTextDepth(JSON.stringify({ a: '[[[[[[[[[[[[[[[[[[[[[[["\\' }), 3);
  });

  it('returns plain entries: no key beyond seq, at, actor, type and data', async () => {
    const { data, now } = await rich();
    for (const entry of readSessionExport(data, { now }).journal as JournalEntry[]) {
      assert.deepEqual(Object.keys(entry).sort(), ['actor', 'at', 'data', 'seq', 'type']);
    }
  });
});
