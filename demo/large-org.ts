import { EXPORT_SCHEMA_VERSION, type JournalEntry, type OkrStore, type Session } from '@okrkit/core';
import { Temporal } from 'temporal-polyfill';

/**
 * A large organisation to feel the speed: one session of `objectives` × 4 key results
 * with weekly check-ins for the last 12 weeks, imported in one go as a session export.
 * Nothing is stamped later than `now` (this morning's check-ins stop at the current minute).
 */
export async function importLargeOrganisation(
  store: OkrStore,
  objectives = 750,
  weeks = 12,
  now: Date = new Date(),
): Promise<Session> {
  const zone = Temporal.Now.timeZoneId();
  const nowInstant = Temporal.Instant.fromEpochMilliseconds(now.getTime());
  const today = nowInstant.toZonedDateTimeISO(zone).toPlainDate();
  const monday = today.subtract({ days: today.dayOfWeek - 1 });
  const start = monday.subtract({ weeks });
  const end = start.add({ weeks: 26 }).subtract({ days: 1 });
  const instant = (date: Temporal.PlainDate, minutes: number) => {
    const planned = date.toZonedDateTime({ timeZone: zone }).add({ hours: 8, minutes }).toInstant();
    const at = Temporal.Instant.compare(planned, nowInstant) > 0 ? nowInstant : planned;
    return at.toString({ fractionalSecondDigits: 3 });
  };
  const journal: JournalEntry[] = [];
  const add = (at: string, type: JournalEntry['type'], data: unknown) =>
    journal.push({ seq: journal.length + 1, at, actor: 'u-ada', type, data } as JournalEntry);
  const setup = start.subtract({ days: 3 });
  add(instant(setup, 0), 'session.created', {
    title: `Large organisation (${(objectives * 4).toLocaleString('en')} key results)`,
    start: start.toString(),
    end: end.toString(),
    timeZone: zone,
    cadence: 'custom',
    checkInCadence: 'weekly',
    access: { view: { everyone: true }, edit: { everyone: true } },
  });
  const people = [
    'u-ada',
    'u-ben',
    'u-chen',
    'u-dana',
    'u-eli',
    'u-fatima',
    'u-gus',
    'u-hana',
    'u-ivan',
    'u-jo',
    'u-kim',
    'u-lea',
  ];
  const krs: { id: string; start: number; target: number; pace: number }[] = [];
  for (let o = 0; o < objectives; o++) {
    const at = instant(setup, 1);
    add(at, 'objective.added', {
      id: `ob${o}`,
      title: `Team ${o + 1}: deliver the plan`,
      ownerId: people[o % people.length],
      order: o,
    });
    for (let k = 0; k < 4; k++) {
      const id = `kr${o}-${k}`;
      const startValue = (o * 7 + k * 13) % 50;
      const target = startValue + 20 + ((o + k) % 60);
      const owner = (o + k) % 9 === 0 ? undefined : people[(o * 4 + k) % people.length];
      add(at, 'keyResult.added', {
        id,
        objectiveId: `ob${o}`,
        title: `Metric ${k + 1} of team ${o + 1}`,
        kind: 'increase',
        start: startValue,
        target,
        weight: 1,
        order: k,
        ...(owner ? { ownerId: owner } : {}),
      });
      krs.push({ id, start: startValue, target, pace: 0.4 + ((o * 31 + k * 17) % 80) / 100 });
    }
  }
  const statuses = ['on_track', 'on_track', 'on_track', 'at_risk', 'off_track'] as const;
  // Every week up to and including this one (when its check-in day has come).
  for (let w = 0; w <= weeks; w++) {
    const day = start.add({ weeks: w, days: 1 });
    if (Temporal.PlainDate.compare(day, today) > 0) break;
    krs.forEach((kr, i) => {
      if (i % 13 === 5 && w > weeks - 3) return; // some go stale
      const value = kr.start + (kr.target - kr.start) * Math.min(1.1, ((w + 1) / 26) * kr.pace * 2);
      add(instant(day, Math.floor((i * 480) / krs.length)), 'checkIn.added', {
        id: `ci${w}-${i}`,
        keyResultId: kr.id,
        value: Math.round(value * 10) / 10,
        status: statuses[(i + w) % statuses.length],
        comment: `Week ${w + 1} update`,
      });
    });
  }
  return store.importSession({
    format: 'okrkit.session',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    session: { id: 'large', title: 'Large organisation' },
    journal,
  });
}
