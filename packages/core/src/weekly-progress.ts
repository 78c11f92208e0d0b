import type { Session } from './journal.js';
import { keyResultProgress } from './progress.js';
import { keyResultsIn } from './session-index.js';
import type { Timeline } from './timeline.js';

/**
 * Every objective's and key result's clamped progress at the ends of a run of finished
 * weeks, from one forward pass over the journal: what sparklines read. Kept as one number
 * per item and week (NaN where the item did not exist), not as a folded state per week:
 * a state per week of a large session is megabytes, and one sparkline made them all.
 */
export class WeeklyProgress {
  /** Column of each item that existed at some week's end. */
  readonly #columns = new Map<string, number>();
  /** One row per week, in the order the week ends were given. */
  readonly #rows: Float64Array[] = [];

  /** Folds `timeline` once, stopping at each of `weekEnds` (epoch ms, ascending). */
  constructor(timeline: Timeline, weekEnds: readonly number[]) {
    const states = timeline.statesBefore(weekEnds);
    for (const state of states) this.#rows.push(this.#row(state));
  }

  /** The progress of `id` at the end of the `week`-th week given, or undefined where it did not exist. */
  at(week: number, id: string): number | undefined {
    const column = this.#columns.get(id);
    const value = column === undefined ? Number.NaN : (this.#rows[week]?.[column] ?? Number.NaN);
    return Number.isNaN(value) ? undefined : value;
  }

  #row(state: Session | undefined): Float64Array {
    if (!state) return new Float64Array(0);
    const ids: string[] = [];
    const values: number[] = [];
    for (const kr of state.keyResults.values()) {
      ids.push(kr.id);
      values.push(keyResultProgress(kr).clamped);
    }
    for (const id of state.objectives.keys()) {
      ids.push(id);
      values.push(objectiveProgress(state, id));
    }
    for (const id of ids) if (!this.#columns.has(id)) this.#columns.set(id, this.#columns.size);
    const row = new Float64Array(this.#columns.size).fill(Number.NaN);
    ids.forEach((id, i) => {
      row[this.#columns.get(id) as number] = values[i] as number;
    });
    return row;
  }
}

/** An objective's clamped progress: its key results' weighted mean (0 with none). */
export function objectiveProgress(session: Session, id: string): number {
  let weights = 0;
  let sum = 0;
  for (const k of keyResultsIn(session, id)) {
    weights += k.weight;
    sum += k.weight * keyResultProgress(k).clamped;
  }
  return weights === 0 ? 0 : sum / weights;
}
