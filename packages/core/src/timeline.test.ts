import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type JournalEntry, ReplayError, replay, type Session } from './journal.js';
import { DEFAULT_STATUS_THRESHOLDS } from './progress.js';
import { snapshotOf } from './snapshot.js';
import { deriveRows } from './snapshot-rows.js';
import { Timeline } from './timeline.js';
import { parseWeek, weekRange } from './weeks.js';

const identity = { id: 'SE-01001', number: 1001 };

const STEPS = [
  'checkIn',
  'checkIn',
  'checkIn',
  'correct',
  'addKeyResult',
  'readdKeyResult',
  'removeKeyResult',
  'addObjective',
  'removeObjective',
  'hand over',
  'retarget',
  'reorder',
  'rename',
  'addInitiative',
] as const;

/**
 * A valid journal from a list of steps: a session, then what each step does to whatever
 * exists at that point (a step with nothing to act on checks in instead). Instants are
 * minutes apart, some equal.
 */
function journalOf(steps: readonly (typeof STEPS)[number][], picks: readonly number[], minutes = 1): JournalEntry[] {
  const entries: JournalEntry[] = [];
  let minute = 0;
  const add = (type: JournalEntry['type'], data: unknown) => {
    const at = new Date(Date.parse('2027-01-04T09:00:00.000Z') + minute * minutes * 60_000).toISOString();
    entries.push({ seq: entries.length + 1, at, actor: 'ada', type, data } as JournalEntry);
  };
  add('session.created', {
    title: 'Q1',
    start: '2027-01-04',
    end: '2027-03-31',
    timeZone: 'UTC',
    cadence: 'custom',
    checkInCadence: 'weekly',
    access: { view: { everyone: true }, edit: { everyone: true } },
  });
  const objectives: string[] = [];
  const keyResults = new Map<string, string>();
  const removed = new Map<string, string>();
  const open = new Map<string, string[]>();
  let n = 0;
  const pick = <T>(list: readonly T[]): T | undefined =>
    list[(picks[n % Math.max(1, picks.length)] ?? 0) % list.length];
  const addObjective = () => {
    const id = `o${n}`;
    add('objective.added', { id, title: id, order: objectives.length });
    objectives.push(id);
  };
  const addKeyResult = (id: string, objectiveId: string) => {
    const kinds = ['increase', 'decrease', 'stay_above', 'stay_below', 'boolean', 'milestones'];
    const kind = kinds[n % kinds.length];
    add('keyResult.added', {
      id,
      objectiveId,
      title: id,
      kind,
      start: 0,
      target: 10,
      threshold: 5,
      milestones: kind === 'milestones' ? ['a', 'b'] : undefined,
      weight: 1,
      order: [...keyResults.values()].filter((o) => o === objectiveId).length,
    });
    keyResults.set(id, objectiveId);
    open.set(id, []);
  };
  addObjective();
  addKeyResult('k0', 'o0');
  for (const step of steps) {
    n++;
    if (n % 3 !== 0) minute++;
    const kr = pick([...keyResults.keys()]);
    const objective = pick(objectives);
    if (step === 'addObjective' || !objective) addObjective();
    else if (step === 'addKeyResult' || !kr) addKeyResult(`k${n}`, objective);
    else if (step === 'readdKeyResult' && removed.size > 0) {
      const [id] = [...removed.keys()];
      if (id !== undefined && objectives.includes(removed.get(id) as string)) {
        removed.delete(id);
        addKeyResult(id, removed.get(id) ?? objective);
      } else addKeyResult(`k${n}`, objective);
    } else if (step === 'removeKeyResult') {
      add('keyResult.removed', { id: kr });
      removed.set(kr, keyResults.get(kr) as string);
      keyResults.delete(kr);
    } else if (step === 'removeObjective' && objectives.length > 1) {
      add('objective.removed', { id: objective });
      objectives.splice(objectives.indexOf(objective), 1);
      for (const [id, o] of keyResults) if (o === objective) keyResults.delete(id);
    } else if (step === 'correct' && (open.get(kr)?.length ?? 0) > 0) {
      const list = open.get(kr) as string[];
      const corrects = pick(list) as string;
      list.splice(list.indexOf(corrects), 1, `x${n}`);
      add('checkIn.corrected', { id: `x${n}`, keyResultId: kr, value: n % 11, corrects, comment: 'fixed' });
    } else if (step === 'hand over')
      add('owner.assigned', { item: 'keyResult', id: kr, ownerId: n % 2 ? `p${n}` : null });
    else if (step === 'retarget') add('keyResult.retargeted', { id: kr, kind: 'increase', start: 1, target: 9 });
    else if (step === 'reorder') {
      const ids = [...keyResults].filter(([, o]) => o === keyResults.get(kr)).map(([id]) => id);
      add('keyResult.reordered', { objectiveId: keyResults.get(kr), ids: ids.reverse() });
    } else if (step === 'rename') add('keyResult.changed', { id: kr, title: `renamed ${n}` });
    else if (step === 'addInitiative')
      add('initiative.added', { id: `i${n}`, title: `i${n}`, status: 'active', keyResultIds: [kr] });
    else {
      add('checkIn.added', { id: `c${n}`, keyResultId: kr, value: n % 11, status: n % 4 ? undefined : 'at_risk' });
      open.get(kr)?.push(`c${n}`);
    }
  }
  return entries;
}

/** Everything a person can read of a state, as plain data (key results with their check-ins and latest). */
function plain(state: Session | undefined): unknown {
  if (!state) return undefined;
  const { objectives, keyResults, initiatives, ...header } = state;
  return JSON.parse(
    JSON.stringify({
      header,
      objectives: [...objectives],
      keyResults: [...keyResults].map(([id, kr]) => [id, kr, { ...kr }.latest]),
      initiatives: [...initiatives],
    }),
  );
}

const journals = fc
  .tuple(fc.array(fc.constantFrom(...STEPS), { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { minLength: 1 }))
  .map(([steps, picks]) => journalOf(steps, picks));

describe('a timeline folds any prefix of its journal to what replaying it entry by entry gives', () => {
  it('for every prefix, asked in any order, with checkpoints kept or not (property)', () => {
    fc.assert(
      fc.property(journals, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (entries, asks) => {
        const timeline = new Timeline(identity, entries);
        for (const ask of asks) {
          const n = ask % (entries.length + 1);
          const state = timeline.stateAfter(n, ask % 2 === 0);
          assert.deepEqual(plain(state), plain(replay(identity, entries.slice(0, n))));
        }
        const ends = [...new Set(asks.map((a) => a % (entries.length + 1)))].sort((a, b) => a - b);
        const walked = [...timeline.statesBefore(ends.map((n) => Date.parse(entries[n]?.at ?? '2100-01-01')))];
        walked.forEach((state, i) => {
          const n = timeline.countBefore(Date.parse(entries[ends[i] as number]?.at ?? '2100-01-01'));
          assert.deepEqual(plain(state), plain(replay(identity, entries.slice(0, n))));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a state made from it apart from check-ins folded onto that state later', () => {
    const entries = journalOf(['checkIn', 'checkIn'], [0]);
    const timeline = new Timeline(identity, entries);
    const live = timeline.stateAfter(entries.length) as Session;
    // A check-in folded onto the state (as a command or a pending view does) is not the journal's.
    const pending = { ...(entries.at(-1) as JournalEntry), seq: entries.length + 1 } as JournalEntry;
    const next = replay(identity, [{ ...pending, data: { ...pending.data, id: 'pending' } } as JournalEntry], live);
    assert.equal(next?.keyResults.get('k0')?.latest?.id, 'pending');
    assert.equal(timeline.stateAfter(entries.length)?.keyResults.get('k0')?.latest?.id, 'c2');
    timeline.append([pending]);
    const after = timeline.stateAfter(entries.length + 1);
    assert.deepEqual(plain(after), plain(replay(identity, [...entries, pending])));
  });

  it('refuses a check-in on a key result that does not exist, and one recorded out of order', () => {
    const entries = journalOf(['checkIn'], [0]);
    const last = entries.at(-1) as JournalEntry;
    const stray = { ...last, seq: last.seq + 1, data: { id: 'c9', keyResultId: 'nope', value: 1 } } as JournalEntry;
    assert.throws(() => new Timeline(identity, [...entries, stray]), ReplayError);
    const early = { ...last, seq: last.seq + 1, at: '2000-01-01T00:00:00.000Z' } as JournalEntry;
    assert.throws(() => new Timeline(identity, [...entries, early]), ReplayError);
  });

  it('gives every past week the snapshot derived from states replayed entry by entry (property)', () => {
    const spread = fc
      .tuple(fc.array(fc.constantFrom(...STEPS), { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { minLength: 1 }))
      .map(([steps, picks]) => journalOf(steps, picks, 7 * 60));
    fc.assert(
      fc.property(
        spread,
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
        (entries, order) => {
          const timeline = new Timeline(identity, entries);
          const live = timeline.stateAfter(timeline.head) as Session;
          const now = new Date('2027-06-01T00:00:00.000Z');
          // Weeks asked in any order, some twice: checkpoints and remembered weeks change nothing.
          for (const w of order) {
            const key = `2027-W0${w}`;
            const snapshot = snapshotOf(timeline, live, key, now);
            assert.equal(snapshot.available, true);
            if (!snapshot.available) continue;
            const { from, to } = weekRange(parseWeek(key) as NonNullable<ReturnType<typeof parseWeek>>, 'UTC');
            const before = (t: number) => entries.filter((e) => Date.parse(e.at) < t);
            const removals = before(to).filter(
              (e) => Date.parse(e.at) >= from && (e.type === 'keyResult.removed' || e.type === 'objective.removed'),
            );
            const end = replay(identity, before(to)) as Session;
            const rows = deriveRows(
              end,
              replay(identity, before(from)),
              { from, asOf: new Date(to), startAsOf: new Date(from), removals },
              DEFAULT_STATUS_THRESHOLDS,
            );
            assert.deepEqual(JSON.parse(JSON.stringify(snapshot.rows)), JSON.parse(JSON.stringify(rows)));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
