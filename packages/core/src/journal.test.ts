import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type CheckInData, type JournalEntry, ReplayError, replay, type Session } from './journal.js';
import type { CheckIn } from './model.js';

const identity = { id: 'SE-01001', number: 1001 };

/** A journal builder: entries one minute apart, starting with a session, an objective and a key result. */
function journal() {
  const entries: JournalEntry[] = [];
  const t0 = Date.parse('2027-01-04T09:00:00.000Z');
  const add = (type: JournalEntry['type'], data: unknown) => {
    const entry = {
      seq: entries.length + 1,
      at: new Date(t0 + entries.length * 60_000).toISOString(),
      actor: 'ada',
      type,
      data,
    } as JournalEntry;
    entries.push(entry);
    return entry;
  };
  add('session.created', {
    title: 'Q1 2027',
    start: '2027-01-04',
    end: '2027-03-31',
    timeZone: 'UTC',
    cadence: 'custom',
    checkInCadence: 'weekly',
  });
  add('objective.added', { id: 'o1', title: 'Grow', order: 0 });
  add('keyResult.added', {
    id: 'k1',
    objectiveId: 'o1',
    title: 'NPS',
    kind: 'increase',
    start: 0,
    target: 100,
    weight: 1,
    order: 0,
  });
  const checkIn = (id: string, value: number, more: Partial<CheckInData> = {}) =>
    add('checkIn.added', { id, keyResultId: 'k1', value, ...more });
  const correct = (id: string, corrects: string, value: number) =>
    add('checkIn.corrected', { id, keyResultId: 'k1', value, corrects });
  return { entries, add, checkIn, correct };
}

/** The history the old, eager fold made: one CheckIn per entry, the rule for what counts written out. */
function reference(entries: readonly JournalEntry[]): { checkIns: CheckIn[]; latest: CheckIn | undefined } {
  const checkIns: CheckIn[] = [];
  let latest: CheckIn | undefined;
  for (const entry of entries) {
    if (entry.type !== 'checkIn.added' && entry.type !== 'checkIn.corrected') continue;
    const d = entry.data;
    const corrects = entry.type === 'checkIn.corrected' ? entry.data.corrects : undefined;
    const index = checkIns.findIndex((c) => c.id === corrects);
    const original = checkIns[index];
    if (original) checkIns[index] = { ...original, supersededBy: d.id };
    const checkIn: CheckIn = {
      id: d.id,
      keyResultId: d.keyResultId,
      value: d.value,
      status: d.status,
      confidence: d.confidence,
      comment: d.comment,
      author: entry.actor,
      at: entry.at,
      writtenAt: d.writtenAt,
      effectiveAt: original?.effectiveAt ?? entry.at,
      corrects,
      supersededBy: undefined,
    };
    if (!latest || latest.id === corrects || checkIn.effectiveAt >= latest.effectiveAt) latest = checkIn;
    checkIns.push(checkIn);
  }
  return { checkIns, latest };
}

const kr = (session: Session | undefined) => session?.keyResults.get('k1') ?? assert.fail('no key result');
const values = (checkIns: readonly CheckIn[]) => checkIns.map((c) => `${c.id}=${c.value}`);

describe('the fold keeps check-ins as journal entries', () => {
  it('gives every check-in with its author, instants and correction marks, and the one that counts', () => {
    const j = journal();
    const first = j.checkIn('c1', 10, { status: 'on_track', comment: 'kick-off', confidence: 0.8 });
    j.checkIn('c2', 30);
    const fix = j.correct('c3', 'c1', 12);
    const state = replay(identity, j.entries);
    const { latest, checkIns } = kr(state);
    assert.equal(latest?.id, 'c2', 'correcting an older check-in does not change the one that counts');
    assert.deepEqual(checkIns[0], {
      id: 'c1',
      keyResultId: 'k1',
      value: 10,
      status: 'on_track',
      confidence: 0.8,
      comment: 'kick-off',
      author: 'ada',
      at: first.at,
      writtenAt: undefined,
      effectiveAt: first.at,
      corrects: undefined,
      supersededBy: 'c3',
    });
    assert.equal(checkIns[2]?.corrects, 'c1');
    assert.equal(checkIns[2]?.effectiveAt, first.at, 'a correction takes the place of what it corrects');
    assert.equal(checkIns[2]?.at, fix.at);
    assert.equal(checkIns[1], latest, 'the check-in that counts is the same object in the history');
    assert.equal(kr(state).checkIns, checkIns, 'the history is made once per state');
  });

  it('lets a correction of the check-in that counts count, and a correction of a correction', () => {
    const j = journal();
    j.checkIn('c1', 10);
    j.checkIn('c2', 30);
    j.correct('c3', 'c2', 25);
    assert.equal(kr(replay(identity, j.entries)).latest?.value, 25);
    j.correct('c4', 'c3', 27);
    const state = kr(replay(identity, j.entries));
    assert.equal(state.latest?.id, 'c4');
    assert.deepEqual(
      state.checkIns.map((c) => [c.id, c.supersededBy]),
      [
        ['c1', undefined],
        ['c2', 'c3'],
        ['c3', 'c4'],
        ['c4', undefined],
      ],
    );
    assert.equal(state.checkIns[3]?.effectiveAt, state.checkIns[1]?.at);
  });

  it('refuses a journal that corrects a check-in twice, or one that does not exist', () => {
    const twice = journal();
    twice.checkIn('c1', 10);
    twice.correct('c2', 'c1', 11);
    twice.correct('c3', 'c1', 12);
    assert.throws(() => replay(identity, twice.entries), ReplayError);
    const nowhere = journal();
    nowhere.correct('c1', 'c0', 11);
    assert.throws(() => replay(identity, nowhere.entries), ReplayError);
  });

  it('never changes an earlier state when a later one is folded from it, whichever way the journal went on', () => {
    const j = journal();
    j.checkIn('c1', 10);
    j.checkIn('c2', 20);
    const base = replay(identity, j.entries);
    const baseHistory = values(kr(base).checkIns);
    // Two different continuations of the same state (as a refused command and the next
    // one make): each sees its own check-in, and the state they came from sees neither.
    const next = { seq: 6, at: '2027-01-04T09:06:00.000Z', actor: 'ada' } as const;
    const a = replay(
      identity,
      [{ ...next, type: 'checkIn.added', data: { id: 'a', keyResultId: 'k1', value: 30 } }],
      base,
    );
    const b = replay(
      identity,
      [{ ...next, type: 'checkIn.added', data: { id: 'b', keyResultId: 'k1', value: 40 } }],
      base,
    );
    assert.deepEqual(values(kr(a).checkIns), [...baseHistory, 'a=30']);
    assert.deepEqual(values(kr(b).checkIns), [...baseHistory, 'b=40']);
    assert.equal(kr(a).latest?.value, 30);
    assert.equal(kr(b).latest?.value, 40);
    assert.deepEqual(values(kr(base).checkIns), baseHistory);
    assert.equal(kr(base).latest?.value, 20);
  });

  it('keeps the history through edits, retargets and hand-overs folded in the same replay', () => {
    const j = journal();
    j.checkIn('c1', 10);
    j.add('keyResult.changed', { id: 'k1', title: 'Net promoter score' });
    j.checkIn('c2', 20);
    j.add('keyResult.retargeted', { id: 'k1', kind: 'increase', start: 0, target: 50 });
    j.add('owner.assigned', { item: 'keyResult', id: 'k1', ownerId: 'kim' });
    const state = kr(replay(identity, j.entries));
    assert.equal(state.title, 'Net promoter score');
    assert.equal(state.target, 50);
    assert.equal(state.ownerId, 'kim');
    assert.equal(state.latest?.id, 'c2');
    assert.deepEqual(values(state.checkIns), ['c1=10', 'c2=20']);
  });

  it('writes key results to JSON with their check-ins, and spreads them with their latest', () => {
    const j = journal();
    j.checkIn('c1', 10);
    j.checkIn('c2', 20);
    const state = kr(replay(identity, j.entries));
    const json = JSON.parse(JSON.stringify(state));
    assert.deepEqual(values(json.checkIns), ['c1=10', 'c2=20']);
    assert.equal(json.latest.id, 'c2');
    assert.equal(json.title, 'NPS');
    assert.equal({ ...state }.latest?.id, 'c2');
  });

  it('folds any split of a journal to the same key results as one replay (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant('add'), fc.constant('correct'), fc.constant('edit')), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (steps, cuts) => {
          const j = journal();
          const open: string[] = [];
          steps.forEach((step, i) => {
            const target = open[i % Math.max(1, open.length)];
            if (step === 'correct' && target !== undefined) {
              open.splice(open.indexOf(target), 1, `x${i}`);
              j.correct(`x${i}`, target, i);
            } else if (step === 'edit') j.add('keyResult.changed', { id: 'k1', title: `NPS ${i}` });
            else {
              j.checkIn(`c${i}`, i);
              open.push(`c${i}`);
            }
          });
          const whole = kr(replay(identity, j.entries));
          // The same journal folded in pieces, each piece from the state before it, and
          // every intermediate state read before the next piece is folded.
          const points = [...new Set(cuts.map((c) => 1 + (c % j.entries.length)))].sort((a, b) => a - b);
          let state: Session | undefined;
          let from = 0;
          for (const to of [...points, j.entries.length]) {
            state = replay(identity, j.entries.slice(from, to), state);
            void state?.keyResults.get('k1')?.checkIns;
            from = to;
          }
          const expected = reference(j.entries);
          assert.deepEqual(whole.checkIns, expected.checkIns);
          assert.deepEqual(whole.latest, expected.latest);
          const pieces = kr(state);
          assert.deepEqual(pieces.checkIns, whole.checkIns);
          assert.deepEqual(pieces.latest, whole.latest);
          assert.equal(pieces.title, whole.title);
        },
      ),
      { numRuns: 300 },
    );
  });
});
