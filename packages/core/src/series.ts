import type { Session } from './journal.js';
import { keyResultProgress } from './progress.js';
import { keyResultsIn } from './session-index.js';
import { unavailableReason } from './snapshot.js';
import type { Timeline } from './timeline.js';
import { weekRange, weeksBetween } from './weeks.js';

export interface SeriesPoint {
  readonly week: string;
  /** Clamped progress at the week's end (or now, for the current week); undefined where the item did not exist. */
  readonly progress: number | undefined;
}

/**
 * An objective's or key result's progress at the end of every week of the session so
 * far, for sparklines and burn-up charts. Uses (and fills) the timeline's checkpoints.
 */
export function seriesOf(timeline: Timeline, live: Session, itemId: string, now: Date): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (const week of weeksBetween(live.start, live.end)) {
    if (unavailableReason(live, week, now)) continue;
    const { to } = weekRange(week, live.timeZone);
    const state = to > now.getTime() ? live : timeline.stateBefore(to, true);
    points.push({ week: week.key, progress: state ? itemProgress(state, itemId) : undefined });
  }
  return points;
}

function itemProgress(session: Session, id: string): number | undefined {
  const kr = session.keyResults.get(id);
  if (kr) return keyResultProgress(kr).clamped;
  if (!session.objectives.has(id)) return undefined;
  let weights = 0;
  let sum = 0;
  for (const k of keyResultsIn(session, id)) {
    weights += k.weight;
    sum += k.weight * keyResultProgress(k).clamped;
  }
  return weights === 0 ? 0 : sum / weights;
}
