import type { Session } from './journal.js';
import { keyResultProgress } from './progress.js';
import { unavailableReason } from './snapshot.js';
import type { Timeline } from './timeline.js';
import { objectiveProgress, WeeklyProgress } from './weekly-progress.js';
import { weekRange, weeksBetween } from './weeks.js';

export interface SeriesPoint {
  readonly week: string;
  /** Clamped progress at the week's end (or now, for the current week); undefined where the item did not exist. */
  readonly progress: number | undefined;
}

/**
 * An objective's or key result's progress at the end of every week of the session so
 * far, for sparklines and burn-up charts. The finished weeks' progress of every item is
 * derived in one pass and kept by the timeline (a cache), so the next item's series
 * costs a lookup per week; it keeps no week checkpoints.
 */
export function seriesOf(timeline: Timeline, live: Session, itemId: string, now: Date): SeriesPoint[] {
  const weeks: { key: string; to: number }[] = [];
  for (const week of weeksBetween(live.start, live.end)) {
    if (unavailableReason(live, week, now)) continue;
    weeks.push({ key: week.key, to: weekRange(week, live.timeZone).to });
  }
  const finished = weeks.filter((w) => w.to <= now.getTime());
  const ends = finished.map((w) => w.to);
  // Everything the finished weeks' progress depends on: their boundaries and the entries before the last.
  const last = ends[ends.length - 1] ?? 0;
  const key = `progress:${live.timeZone}:${ends[0] ?? 0}:${last}:${ends.length}:${timeline.countBefore(last)}`;
  const progress = timeline.memo(key, () => new WeeklyProgress(timeline, ends));
  return weeks.map((week, i) =>
    i < finished.length
      ? { week: week.key, progress: progress.at(i, itemId) }
      : { week: week.key, progress: itemProgress(live, itemId) },
  );
}

function itemProgress(session: Session, id: string): number | undefined {
  const kr = session.keyResults.get(id);
  if (kr) return keyResultProgress(kr).clamped;
  return session.objectives.has(id) ? objectiveProgress(session, id) : undefined;
}
