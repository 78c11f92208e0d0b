import type { JournalEntry, SessionDetails } from '@okrkit/core';

/**
 * A deterministic (seeded) enterprise session as a journal: objectives with four key
 * results each, one initiative per objective linked to two of them, and one check-in
 * per key result per week, spread over the working week in recording order.
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
  readonly ownerOf: string[];
}

export function enterprise(options: EnterpriseOptions = ENTERPRISE): Enterprise {
  const random = mulberry32(options.seed);
  const entries: JournalEntry[] = [];
  let seq = 0;
  const push = (at: number, type: JournalEntry['type'], data: unknown) =>
    entries.push({ seq: ++seq, at: new Date(at).toISOString(), actor: 'u-admin', type, data } as JournalEntry);
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
  const krs: { id: string; start: number; target: number }[] = [];
  const ownerOf: string[] = [];
  for (let o = 0; o < options.objectives; o++) {
    t += 5;
    push(t, 'objective.added', { id: `ob${o}`, title: `Objective ${o}`, ownerId: `p${o % options.people}`, order: o });
    const mine: string[] = [];
    for (let k = 0; k < options.keyResultsPerObjective; k++) {
      const id = `kr${krs.length}`;
      const start = Math.round(random() * 100);
      const target = start + 10 + Math.round(random() * 200);
      t += 5;
      const owner = random() < 0.1 ? undefined : `p${Math.floor(random() * options.people)}`;
      push(t, 'keyResult.added', {
        id,
        objectiveId: `ob${o}`,
        title: `Key result ${id}`,
        kind: 'increase',
        start,
        target,
        weight: 1,
        order: k,
        ...(owner ? { ownerId: owner } : {}),
      });
      krs.push({ id, start, target });
      ownerOf.push(owner ?? '');
      mine.push(id);
    }
    t += 5;
    push(t, 'initiative.added', {
      id: `in${o}`,
      title: `Initiative ${o}`,
      status: 'active',
      keyResultIds: mine.slice(0, 2),
    });
  }
  for (let w = 0; w < options.weeks; w++) {
    // Monday 09:00 to Friday 17:00, in key result order.
    const from = START_MS + w * WEEK + 9 * 3_600_000;
    const span = 4 * 86_400_000 + 8 * 3_600_000;
    krs.forEach((kr, i) => {
      const value =
        kr.start + (kr.target - kr.start) * Math.min(1.2, ((w + 1) / options.weeks) * (0.6 + random() * 0.7));
      const status = random() < 0.15 ? 'at_risk' : random() < 0.05 ? 'off_track' : 'on_track';
      push(from + Math.floor((span * i) / krs.length), 'checkIn.added', {
        id: `ci${w}-${i}`,
        keyResultId: kr.id,
        value: Math.round(value * 10) / 10,
        status,
        comment: `Week ${w + 1} update`,
      });
    });
  }
  return { journal: entries, keyResults: krs.length, ownerOf };
}
