import { CheckInIndex } from './check-in-index.js';
import { foldStructure, type Identity, type JournalEntry, type Session } from './journal.js';

/**
 * How many folded states a timeline keeps. A state of a large session is megabytes (every
 * key result a week touched is a copy), so they are kept for the weeks people look at, not
 * for every week: a snapshot needs two (its week's start and end), a comparison of a few
 * weeks a few more. Whatever was dropped is folded again from the nearest one kept.
 */
export const MAX_CHECKPOINTS = 8;

/**
 * A session's journal laid out in time, answering "what was the state at instant t?".
 * Because entries are appended with non-decreasing `at`, the entries recorded before t
 * are a prefix of the journal: the state at t is the fold of that prefix.
 *
 * Checkpoints make this fast: the folded state at a boundary (a week's end) is kept and
 * the next question folds only the entries after the nearest checkpoint. A checkpoint is
 * a cache: dropping them all changes no answer. Only boundaries at or before the last
 * recorded entry are kept, because no later entry can ever land before them.
 */
export class Timeline {
  readonly identity: Identity;
  #entries: JournalEntry[] = [];
  /** Positions of the entries that remove objectives or key results (rare), for "what was removed in a week". */
  readonly #removals: number[] = [];
  /** Folded state after the first `n` entries, by `n`. */
  readonly #checkpoints = new Map<number, Session>();
  /** Where each key result's check-ins are: a state is folded from the other entries alone. */
  readonly #index = new CheckInIndex();

  constructor(identity: Identity, entries: readonly JournalEntry[] = []) {
    this.identity = identity;
    this.append(entries);
  }

  get head(): number {
    return this.#entries.length;
  }

  get entries(): readonly JournalEntry[] {
    return this.#entries;
  }

  /**
   * Adds entries recorded since; they must continue the journal. Throws `ReplayError` for
   * an entry recorded before the one it follows, or a check-in the fold would refuse (and
   * keeps the entries before it).
   */
  append(entries: readonly JournalEntry[]): void {
    const first = this.#entries.length;
    // A whole journal at once (a first load) is copied in one go: growing the list an
    // entry at a time cost as much as indexing it.
    const copied = first === 0 && entries[0]?.seq === 1;
    if (copied) this.#entries = entries.slice();
    let position = first;
    try {
      for (; position < first + entries.length; position++) {
        const entry = entries[position - first] as JournalEntry;
        if (entry.seq !== position + 1)
          throw new RangeError(`Entry ${entry.seq} does not continue a journal of ${position}.`);
        this.#index.add(entry, position);
        if (!copied) this.#entries.push(entry);
        if (entry.type === 'objective.removed' || entry.type === 'keyResult.removed') this.#removals.push(position);
      }
    } catch (error) {
      // The entries before the one refused stay.
      this.#entries.length = position;
      throw error;
    }
  }

  /** How many entries were recorded before `instant` (epoch ms). */
  countBefore(instant: number): number {
    // Recorded instants are canonical ISO text (as `toISOString` writes them; the fold and
    // the import rely on it too), which orders as time does: compared as text, no entry's
    // instant is parsed (parsing each took a quarter of a fresh store's first load).
    const iso = new Date(instant).toISOString();
    const entries = this.#entries;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((entries[mid] as JournalEntry).at < iso) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The entries recorded in [from, to) that remove an objective or a key result. */
  removalsBetween(from: number, to: number): readonly JournalEntry[] {
    const first = this.countBefore(from);
    const end = this.countBefore(to);
    const found: JournalEntry[] = [];
    for (const at of this.#removals) if (at >= first && at < end) found.push(this.#entries[at] as JournalEntry);
    return found;
  }

  /**
   * The session as it was just before `instant`, or undefined if it did not exist yet.
   * `keep` stores the result as a checkpoint (for week ends, which are asked again).
   */
  stateBefore(instant: number, keep = false): Session | undefined {
    return this.stateAfter(this.countBefore(instant), keep);
  }

  /** The session after its first `n` entries. */
  stateAfter(n: number, keep = false): Session | undefined {
    if (n === 0) return undefined;
    const cached = this.#checkpoints.get(n);
    if (cached) {
      // The most recently used last: the least recently used goes first.
      this.#checkpoints.delete(n);
      this.#checkpoints.set(n, cached);
      return cached;
    }
    let from = 0;
    for (const at of this.#checkpoints.keys()) if (at <= n && at > from) from = at;
    const state = this.#fold(n, this.#checkpoints.get(from));
    if (state && keep) {
      this.#checkpoints.set(n, state);
      if (this.#checkpoints.size > MAX_CHECKPOINTS)
        this.#checkpoints.delete(this.#checkpoints.keys().next().value as number);
    }
    return state;
  }

  /**
   * The states just before each of `instants` (epoch ms, ascending), folded in one pass
   * from the nearest checkpoint and not kept: for walking every week once.
   */
  *statesBefore(instants: readonly number[]): Generator<Session | undefined> {
    let at = -1;
    let state: Session | undefined;
    for (const instant of instants) {
      const n = this.countBefore(instant);
      if (at < 0 || n < at) state = this.stateAfter(n);
      else if (n > at) state = this.#fold(n, state);
      at = n;
      yield state;
    }
  }

  /** The state after the first `n` entries, from `from` (an earlier state of this timeline, or nothing). */
  #fold(n: number, from: Session | undefined): Session | undefined {
    return foldStructure(this.identity, this.#entries, this.#index.structural, this.#index, n, from);
  }

  readonly #memo = new Map<string, unknown>();

  /**
   * Remembers a value derived from the journal (e.g. a finished week's rows) under a key
   * that names every input it depends on; keeps the last few. A cache like checkpoints.
   */
  memo<T>(key: string, derive: () => T, keep = 6): T {
    if (this.#memo.has(key)) {
      const value = this.#memo.get(key) as T;
      this.#memo.delete(key);
      this.#memo.set(key, value);
      return value;
    }
    const value = derive();
    this.#memo.set(key, value);
    if (this.#memo.size > keep) this.#memo.delete(this.#memo.keys().next().value as string);
    return value;
  }

  /** A remembered value, if there is one (without deriving it). */
  peek<T>(key: string): T | undefined {
    return this.#memo.get(key) as T | undefined;
  }

  /** Forgets remembered values but keeps checkpoints. */
  dropMemo(): void {
    this.#memo.clear();
  }

  /** Drops every checkpoint and remembered value (they are a cache). */
  dropCheckpoints(): void {
    this.#checkpoints.clear();
    this.#memo.clear();
  }

  get checkpointCount(): number {
    return this.#checkpoints.size;
  }
}
