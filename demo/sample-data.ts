import {
  createOkrStore,
  type KeyResult,
  type KeyResultInput,
  keyResultProgress,
  type SessionHeader,
  type StorageAdapter,
  suggestTitle,
} from '@okrkit/core';
import { Temporal } from 'temporal-polyfill';
import { PERSONAS } from './people.js';

/**
 * Sample data relative to today, so that the demo always looks current: a yearly parent
 * session with the last quarter archived (13 weeks of check-ins), the current quarter in
 * progress (check-ins every week so far, some at risk, some stale, some corrected, some
 * unassigned) and the next quarter open for planning. Written through a store whose clock
 * walks through the past weeks, so every entry is recorded at a believable instant.
 */

const admin = PERSONAS[0]?.actor ?? { id: 'u-ada', role: 'admin' as const };

/** A small seeded random generator, so the sample looks the same on every visit. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface KrPlan extends Omit<KeyResultInput, 'objectiveId'> {
  /** How far it gets by the end of the quarter, 0..1.3, and how smoothly. */
  readonly reach: number;
  /** Skips check-ins after this fraction of the quarter (goes stale). */
  readonly staleAfter?: number;
}

interface ObjectivePlan {
  readonly title: string;
  readonly ownerId?: string;
  readonly keyResults: readonly KrPlan[];
  readonly initiatives?: readonly {
    title: string;
    ownerId?: string;
    link?: string;
    status: 'planned' | 'active' | 'done';
    krs: number[];
  }[];
}

const PLAN: readonly ObjectivePlan[] = [
  {
    title: 'Make onboarding effortless for new customers',
    ownerId: 'u-fatima',
    keyResults: [
      {
        title: 'Time to first value',
        kind: 'decrease',
        start: 14,
        target: 5,
        unit: 'days',
        ownerId: 'u-kim',
        reach: 0.8,
      },
      { title: 'Onboarding NPS', kind: 'increase', start: 32, target: 50, unit: 'pts', ownerId: 'u-kim', reach: 0.55 },
      { title: 'Self-serve setup guide published', kind: 'boolean', ownerId: 'u-gus', reach: 1 },
    ],
    initiatives: [
      {
        title: 'Guided setup wizard',
        ownerId: 'u-gus',
        link: 'https://example.com/wizard-spec',
        status: 'active',
        krs: [0, 2],
      },
      { title: 'Onboarding interviews with 20 customers', ownerId: 'u-kim', status: 'done', krs: [1] },
    ],
  },
  {
    title: 'Grow revenue from mid-market accounts',
    ownerId: 'u-chen',
    keyResults: [
      {
        title: 'New mid-market ARR',
        kind: 'increase',
        start: 0,
        target: 1200,
        unit: 'k€',
        ownerId: 'u-dana',
        reach: 0.7,
      },
      {
        title: 'Win rate on qualified deals',
        kind: 'increase',
        start: 18,
        target: 28,
        unit: '%',
        ownerId: 'u-eli',
        reach: 0.35,
      },
      {
        title: 'Sales cycle length',
        kind: 'decrease',
        start: 64,
        target: 45,
        unit: 'days',
        reach: 0.5,
        staleAfter: 0.45,
      },
    ],
    initiatives: [{ title: 'Partner referral programme', ownerId: 'u-chen', status: 'active', krs: [0, 1] }],
  },
  {
    title: 'Run a platform customers never have to think about',
    ownerId: 'u-hana',
    keyResults: [
      { title: 'Monthly uptime', kind: 'stay_above', threshold: 99.9, unit: '%', ownerId: 'u-ivan', reach: 1 },
      { title: 'P1 incidents per month', kind: 'stay_below', threshold: 2, ownerId: 'u-jo', reach: 1 },
      {
        title: 'Migrate to the new data store',
        kind: 'milestones',
        milestones: ['Design approved', 'Dual writes', 'Backfill done', 'Reads switched', 'Old store retired'],
        ownerId: 'u-hana',
        reach: 0.6,
      },
    ],
    initiatives: [{ title: 'Chaos testing game days', ownerId: 'u-jo', status: 'planned', krs: [0, 1] }],
  },
  {
    title: 'Keep the customers we have',
    ownerId: 'u-lea',
    keyResults: [
      {
        title: 'Gross revenue churn',
        kind: 'decrease',
        start: 2.4,
        target: 1.5,
        unit: '%/month',
        ownerId: 'u-lea',
        reach: 0.45,
      },
      {
        title: 'Accounts with a success plan',
        kind: 'increase',
        start: 40,
        target: 90,
        unit: '%',
        reach: 0.9,
        staleAfter: 0.6,
      },
    ],
  },
];

const COMMENTS = {
  up: [
    'Good week: the new flow is live for everyone.',
    'Two big deals closed earlier than planned.',
    'Fixes from the retro paid off.',
    'Momentum from the campaign is showing.',
  ],
  flat: [
    'Quiet week, holidays in two teams.',
    'No movement yet; waiting on the release.',
    'Holding steady while we finish the groundwork.',
  ],
  down: [
    'Lost ground after the outage on Tuesday.',
    'One large account paused its rollout.',
    'Slower than hoped: hiring is behind.',
  ],
};

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)] as T;
}

function quarterOf(date: Temporal.PlainDate, offset: number): { start: string; end: string } {
  const first = date.with({ month: Math.floor((date.month - 1) / 3) * 3 + 1, day: 1 }).add({ months: 3 * offset });
  return { start: first.toString(), end: first.add({ months: 3 }).subtract({ days: 1 }).toString() };
}

/** Fills `storage` with the sample company unless it already holds sessions. Returns whether it did. */
export async function seedSampleData(storage: StorageAdapter, now: Date = new Date()): Promise<boolean> {
  if ((await storage.listSessions()).length > 0) return false;
  const zone = Temporal.Now.timeZoneId();
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  const random = seeded(2026);
  let clock = now.getTime() - 200 * 86_400_000;
  const store = createOkrStore({ storage, actor: admin, clock: () => new Date(clock), timeZone: zone });
  // Never later than `now`: a check-in planned for later this week (or later today) has not
  // happened yet, and since a journal never goes back in time, one stamped in the future
  // would drag the visitor's own first change into the future too.
  const at = (date: Temporal.PlainDate, hour: number) => {
    const planned = date.toZonedDateTime({ timeZone: zone, plainTime: { hour, minute: Math.floor(random() * 60) } });
    clock = Math.min(now.getTime(), Math.max(clock, planned.epochMilliseconds));
  };
  const previous = quarterOf(today, -1);
  const current = quarterOf(today, 0);
  const next = quarterOf(today, 1);
  at(Temporal.PlainDate.from(previous.start).subtract({ days: 10 }), 10);
  const fy = await store.createSession({
    title: `FY${today.year}`,
    start: `${today.year}-01-01`,
    end: `${today.year}-12-31`,
    cadence: 'year',
    checkInCadence: 'monthly',
  });
  const company = await store.addObjective(fy.id, {
    title: 'Become the tool teams recommend to each other',
    ownerId: 'u-ada',
  });
  const nrr = await store.addKeyResult(fy.id, {
    objectiveId: company.id,
    title: 'Net revenue retention',
    kind: 'increase',
    start: 98,
    target: 112,
    unit: '%',
    ownerId: 'u-ben',
  });
  await store.startSession(fy.id);
  const inYear = (q: { start: string }) => q.start.startsWith(String(today.year));
  const quarterSession = (q: { start: string; end: string }) =>
    store.createSession({
      title: suggestTitle(q.start, q.end) ?? q.start,
      ...q,
      cadence: 'quarter',
      ...(inYear(q) ? { parentId: fy.id } : {}),
    });

  for (const [index, q] of [previous, current].entries()) {
    at(Temporal.PlainDate.from(q.start).subtract({ days: 7 }), 9);
    const session = await quarterSession(q);
    const krIds: { id: string; plan: KrPlan; objectiveOwner?: string }[] = [];
    for (const objective of PLAN) {
      const o = await store.addObjective(session.id, {
        title: objective.title,
        ...(objective.ownerId ? { ownerId: objective.ownerId } : {}),
        ...(inYear(q) ? { alignedTo: { sessionId: fy.id, objectiveId: company.id } } : {}),
      });
      const mine: string[] = [];
      for (const plan of objective.keyResults) {
        const { reach: _r, staleAfter: _s, ...input } = plan;
        const kr = await store.addKeyResult(session.id, { ...input, objectiveId: o.id } as KeyResultInput);
        krIds.push({ id: kr.id, plan, ...(objective.ownerId ? { objectiveOwner: objective.ownerId } : {}) });
        mine.push(kr.id);
      }
      for (const initiative of objective.initiatives ?? []) {
        const { krs, ...rest } = initiative;
        await store.addInitiative(session.id, { ...rest, keyResultIds: krs.map((i) => mine[i] as string) });
      }
    }
    await store.startSession(session.id);
    // Weekly check-ins from the start of the quarter until today (or its end).
    const start = Temporal.PlainDate.from(q.start);
    const end = Temporal.PlainDate.from(q.end);
    const last = Temporal.PlainDate.compare(end, today) < 0 ? end : today;
    const days = end.since(start).days + 1;
    let lastCheckIns = new Map<string, string>();
    for (
      let week = start.add({ days: (8 - start.dayOfWeek) % 7 || 7 });
      Temporal.PlainDate.compare(week, last) <= 0;
      week = week.add({ weeks: 1 })
    ) {
      const fraction = week.since(start).days / days;
      const checkIns = new Map<string, string>();
      for (const { id, plan, objectiveOwner } of krIds) {
        if (plan.staleAfter !== undefined && fraction > plan.staleAfter && index === 1) continue;
        // The key result's owner checks in (else the objective's owner), as people would.
        const author = plan.ownerId ?? objectiveOwner ?? admin.id;
        store.setActor({ id: author, role: 'admin' });
        const day = week.add({ days: Math.floor(random() * 4) });
        at(Temporal.PlainDate.compare(day, today) > 0 ? today : day, 9 + Math.floor(random() * 8));
        const value = valueAt(plan, fraction, random);
        // The owner's status follows how far behind the plan the key result is, with a little doubt.
        const behind = fraction - progressOf(plan, value) + (random() - 0.5) * 0.1;
        const status = behind > 0.3 ? 'off_track' : behind > 0.15 ? 'at_risk' : 'on_track';
        const mood = status === 'on_track' ? COMMENTS.up : status === 'at_risk' ? COMMENTS.flat : COMMENTS.down;
        const checkIn = await store.checkIn(session.id, id, {
          value,
          status,
          confidence: Math.round((0.4 + random() * 0.5) * 100) / 100,
          comment: pick(mood, random),
        });
        checkIns.set(id, checkIn.id);
      }
      store.setActor(admin);
      // Now and then someone fixes a typo in last week's number.
      if (random() < 0.35 && lastCheckIns.size > 0) {
        const [krId, checkInId] = [...lastCheckIns][Math.floor(random() * lastCheckIns.size)] as [string, string];
        const plan = krIds.find((k) => k.id === krId)?.plan;
        if (plan && plan.kind !== 'boolean' && plan.kind !== 'milestones') {
          await store.correctCheckIn(session.id, checkInId, {
            value: valueAt(plan, fraction - 0.07, random),
            comment: 'Corrected: the export double-counted one team.',
          });
        }
      }
      lastCheckIns = checkIns;
    }
    if (index === 0) {
      at(end.add({ days: 3 }), 16);
      await store.closeSession(session.id);
    }
  }
  // The company key result is checked in monthly.
  const firstOfYear = Temporal.PlainDate.from(`${today.year}-01-01`);
  let checkInDay =
    Temporal.PlainDate.compare(firstOfYear, Temporal.PlainDate.from(previous.start)) < 0
      ? Temporal.PlainDate.from(previous.start)
      : firstOfYear;
  for (
    let month = 0;
    Temporal.PlainDate.compare(checkInDay, today) < 0;
    month++, checkInDay = checkInDay.add({ months: 1 })
  ) {
    // Each session's journal is in time order on its own, so the clock may go back here.
    clock = Math.min(
      now.getTime(),
      checkInDay.toZonedDateTime({ timeZone: zone, plainTime: { hour: 8 } }).epochMilliseconds,
    );
    await store.checkIn(fy.id, nrr.id, {
      value: Math.round((98 + month * 1.6 + random()) * 10) / 10,
      status: month % 4 === 3 ? 'at_risk' : 'on_track',
      comment: month % 4 === 3 ? 'Two renewals slipped into next month.' : 'Expansion revenue ahead of plan.',
    });
  }
  at(today.subtract({ days: 2 }), 11);
  const planning = await quarterSession(next);
  const o = await store.addObjective(planning.id, { title: 'Win the mid-market segment', ownerId: 'u-chen' });
  await store.addKeyResult(planning.id, {
    objectiveId: o.id,
    title: 'Mid-market ARR',
    kind: 'increase',
    start: 0,
    target: 1800,
    unit: 'k€',
    ownerId: 'u-dana',
  });
  await store.addKeyResult(planning.id, {
    objectiveId: o.id,
    title: 'Reference customers',
    kind: 'increase',
    start: 3,
    target: 10,
  });
  const o2 = await store.addObjective(planning.id, { title: 'Ship the self-serve admin console' });
  await store.addKeyResult(planning.id, { objectiveId: o2.id, title: 'Console GA', kind: 'boolean', ownerId: 'u-gus' });
  return true;
}

/** Progress of a planned key result at `value`, 0..1, by the core's own rule. */
function progressOf(plan: KrPlan, value: number | boolean): number {
  const kr: KeyResult = { id: '', objectiveId: '', weight: 1, order: 0, checkIns: [], ...plan };
  return keyResultProgress(kr, typeof value === 'boolean' ? Number(value) : value).clamped;
}

function valueAt(plan: KrPlan, fraction: number, random: () => number): number | boolean {
  const f = Math.max(0, Math.min(1, fraction));
  const wobble = 0.85 + random() * 0.3;
  switch (plan.kind) {
    case 'increase':
    case 'decrease': {
      const start = plan.start ?? 0;
      const target = plan.target ?? 1;
      const value = start + (target - start) * plan.reach * f * wobble;
      return Math.round(value * 10) / 10;
    }
    case 'stay_above':
      return Math.round(((plan.threshold ?? 0) + (random() < 0.06 ? -0.05 : 0.04)) * 100) / 100;
    case 'stay_below':
      return random() < 0.08 ? (plan.threshold ?? 0) + 1 : Math.max(0, (plan.threshold ?? 0) - 1);
    case 'boolean':
      return f * plan.reach > 0.7;
    case 'milestones':
      return Math.min(plan.milestones?.length ?? 0, Math.floor((plan.milestones?.length ?? 0) * plan.reach * f + 0.3));
  }
}

export type { SessionHeader };
