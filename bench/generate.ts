import type { JournalEntry, KeyResultKind, SessionDetails } from '@okrkit/core';

/**
 * A deterministic (seeded) enterprise session as a journal: objectives with four key
 * results each (all six kinds), one initiative per objective linked to two of them, one
 * check-in per key result per week, and the corrections, owner changes and initiative
 * changes a real session has (see `enterprise`).
 */
export interface EnterpriseOptions {
  readonly objectives: number;
  readonly keyResultsPerObjective: number;
  readonly weeks: number;
  readonly people: number;
  readonly seed: number;
}

export const ENTERPRISE: EnterpriseOptions = {
  objectives: 2000,
  keyResultsPerObjective: 4,
  weeks: 26,
  people: 300,
  seed: 42,
};

export function scaled(factor: number): EnterpriseOptions {
  return { ...ENTERPRISE, objectives: Math.max(1, Math.round(ENTERPRISE.objectives * factor)) };
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const START = '2026-01-05';
export const START_MS = Date.parse('2026-01-05T00:00:00Z');
const WEEK = 7 * 86_400_000;

export interface Enterprise {
  readonly journal: JournalEntry[];
  readonly keyResults: number;
  /** Each key result's owner at the end of the journal ('' for none), by key result index. */
  readonly ownerOf: string[];
  /** How many entries of each kind of change the workload holds, to show what it exercises. */
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * Key result kinds, as a share of all key results: mostly "increase", every kind present
 * (each computes its progress differently, so a peer must reproduce all six).
 */
const KINDS: readonly [KeyResultKind, number][] = [
  ['increase', 0.5],
  ['decrease', 0.6],
  ['stay_above', 0.7],
  ['stay_below', 0.8],
  ['boolean', 0.9],
  ['milestones', 1],
];

interface PlannedKr {
  readonly id: string;
  readonly kind: KeyResultKind;
  readonly start: number;
  readonly target: number;
  /** boolean: the week it is done in; milestones: how many steps. */
  readonly doneWeek: number;
}

/**
 * The session as a journal. Besides the weekly check-in of every key result (in key
 * result order, Monday 09:00 to Friday 17:00) each week holds what real sessions hold:
 * corrections of about 2 % of the check-ins (recorded half an hour later, with another
 * value), owner changes of about 1 % of the key results and 0.2 % of the objectives (one
 * in ten handed to nobody), and initiatives moving from planned to active to done or
 * dropped. Entries are ordered by the instant they are recorded.
 */
export function enterprise(options: EnterpriseOptions = ENTERPRISE): Enterprise {
  const random = mulberry32(options.seed);
  const entries: JournalEntry[] = [];
  const counts: Record<string, number> = {};
  let seq = 0;
  const push = (at: number, type: JournalEntry['type'], data: unknown) => {
    counts[type] = (counts[type] ?? 0) + 1;
    entries.push({ seq: ++seq, at: new Date(at).toISOString(), actor: 'u-admin', type, data } as JournalEntry);
  };
  const end = new Date(START_MS + options.weeks * WEEK - 86_400_000).toISOString().slice(0, 10);
  const details: SessionDetails = {
    title: 'FY2026 H1 (enterprise)',
    start: START,
    end,
    timeZone: 'UTC',
    cadence: 'custom',
    checkInCadence: 'weekly',
    access: { view: { everyone: true }, edit: { everyone: true } },
  };
  let t = START_MS - 3 * 86_400_000;
  push(t, 'session.created', details);
  const krs: PlannedKr[] = [];
  const ownerOf: string[] = [];
  const person = () => `p${Math.floor(random() * options.people)}`;
  /** Per initiative: the week it becomes active, and the week it is done or dropped (or never). */
  const initiatives: { id: string; active: number; closed: number; dropped: boolean }[] = [];
  for (let o = 0; o < options.objectives; o++) {
    t += 5;
    push(t, 'objective.added', { id: `ob${o}`, title: `Objective ${o}`, ownerId: `p${o % options.people}`, order: o });
    const mine: string[] = [];
    for (let k = 0; k < options.keyResultsPerObjective; k++) {
      const id = `kr${krs.length}`;
      const r = random();
      const kind = (KINDS.find(([, upTo]) => r < upTo) ?? KINDS[0])?.[0] ?? 'increase';
      const low = Math.round(random() * 100);
      const high = low + 10 + Math.round(random() * 200);
      const start = kind === 'decrease' ? high : low;
      const target = kind === 'decrease' ? low : high;
      const steps = 3 + Math.floor(random() * 4);
      const doneWeek = kind === 'milestones' ? steps : Math.floor(random() * options.weeks * 1.3);
      t += 5;
      const owner = random() < 0.1 ? undefined : person();
      const numbers =
        kind === 'increase' || kind === 'decrease'
          ? { start, target }
          : kind === 'stay_above' || kind === 'stay_below'
            ? { threshold: low }
            : kind === 'milestones'
              ? { milestones: Array.from({ length: steps }, (_, i) => `Step ${i + 1}`) }
              : {};
      push(t, 'keyResult.added', {
        id,
        objectiveId: `ob${o}`,
        title: `Key result ${id}`,
        kind,
        ...numbers,
        weight: 1 + (krs.length % 3),
        order: k,
        ...(owner ? { ownerId: owner } : {}),
      });
      krs.push({ id, kind, start, target, doneWeek });
      ownerOf.push(owner ?? '');
      mine.push(id);
    }
    t += 5;
    const active = Math.floor(random() * 6);
    const closed = active + 4 + Math.floor(random() * options.weeks);
    initiatives.push({ id: `in${o}`, active, closed, dropped: random() < 0.2 });
    push(t, 'initiative.added', {
      id: `in${o}`,
      title: `Initiative ${o}`,
      status: active === 0 ? 'active' : 'planned',
      keyResultIds: mine.slice(0, 2),
    });
  }
  /** A check-in's value for a key result `share` of the way (about) to its target in week `w`. */
  const checkInValue = (kr: PlannedKr, w: number, share: number): number => {
    switch (kr.kind) {
      case 'increase':
      case 'decrease':
        return Math.round((kr.start + (kr.target - kr.start) * share) * 10) / 10;
      case 'stay_above':
        return Math.round((kr.start + (random() - 0.2) * 20) * 10) / 10;
      case 'stay_below':
        return Math.round((kr.start - (random() - 0.2) * 20) * 10) / 10;
      case 'boolean':
        return w >= kr.doneWeek ? 1 : 0;
      case 'milestones':
        return Math.min(kr.doneWeek, Math.floor(share * kr.doneWeek));
    }
  };
  let checkIns = 0;
  for (let w = 0; w < options.weeks; w++) {
    // Monday 09:00 to Friday 17:00, in key result order; the week's other changes between.
    const from = START_MS + w * WEEK + 9 * 3_600_000;
    const span = 4 * 86_400_000 + 8 * 3_600_000;
    const week: { at: number; type: JournalEntry['type']; data: unknown }[] = [];
    krs.forEach((kr, i) => {
      const share = Math.min(1.2, ((w + 1) / options.weeks) * (0.6 + random() * 0.7));
      const status = random() < 0.15 ? 'at_risk' : random() < 0.05 ? 'off_track' : 'on_track';
      const at = from + Math.floor((span * i) / krs.length);
      const id = `ci${w}-${i}`;
      week.push({
        at,
        type: 'checkIn.added',
        data: { id, keyResultId: kr.id, value: checkInValue(kr, w, share), status, comment: `Week ${w + 1} update` },
      });
      checkIns++;
      if (random() < 0.02) {
        week.push({
          at: at + 30 * 60_000,
          type: 'checkIn.corrected',
          data: {
            id: `cc${w}-${i}`,
            keyResultId: kr.id,
            corrects: id,
            value: checkInValue(kr, w, share * 0.9),
            status,
            comment: `Week ${w + 1} update (corrected)`,
          },
        });
      }
      if (random() < 0.01) {
        const next = random() < 0.1 ? null : person();
        ownerOf[i] = next ?? '';
        week.push({
          at: at + 60 * 60_000,
          type: 'owner.assigned',
          data: { item: 'keyResult', id: kr.id, ownerId: next },
        });
      }
    });
    for (let o = 0; o < options.objectives; o++) {
      if (random() < 0.002) {
        const at = from + Math.floor(random() * span);
        week.push({ at, type: 'owner.assigned', data: { item: 'objective', id: `ob${o}`, ownerId: person() } });
      }
    }
    for (const initiative of initiatives) {
      const status =
        w === initiative.active && w > 0
          ? 'active'
          : w === initiative.closed
            ? initiative.dropped
              ? 'dropped'
              : 'done'
            : undefined;
      if (status) {
        const at = from + Math.floor(random() * span);
        week.push({ at, type: 'initiative.changed', data: { id: initiative.id, status } });
      }
    }
    week.sort((a, b) => a.at - b.at);
    for (const change of week) push(change.at, change.type, change.data);
  }
  counts.checkIns = checkIns;
  return { journal: entries, keyResults: krs.length, ownerOf, counts };
}
