/**
 * Median wall time of at least `runs` calls after `warmup` calls, in milliseconds. Starts from a
 * collected heap where the runtime allows it (Node with --expose-gc), so that one
 * scenario's garbage is not collected during the next one's runs.
 */
export async function median(fn: () => unknown, runs = 9, warmup = 2): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < warmup; i++) await fn();
  // Scenarios run until they have had a second, up to 500 runs: nine runs of 0.2 ms
  // moved their median by a third from one run of the suite to the next, and nine cold
  // folds of 20 ms by whether a young-generation collection fell in the middle ones.
  const times: number[] = [];
  let spent = 0;
  while (times.length < runs || (spent < 1000 && times.length < 500)) {
    const t0 = performance.now();
    await fn();
    const t = performance.now() - t0;
    times.push(t);
    spent += t;
  }
  return middleOf(times);
}

/** The median of `values`. */
export function middleOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * okrkit and its peer measured in turns, `rounds` times each, and the median of each's
 * medians: a slower spell of the machine (this one's speed drifts by half from minute to
 * minute) then falls on both sides of a ratio, not on one.
 */
export async function inTurns(
  ours: () => unknown,
  theirs: (() => unknown) | undefined,
  rounds = 3,
): Promise<{ okrkit: number; peer: number | undefined }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < rounds; round++) {
    a.push(await median(ours));
    if (theirs) b.push(await median(theirs, 5, 1));
  }
  return { okrkit: middleOf(a), peer: theirs ? middleOf(b) : undefined };
}

export interface Row {
  readonly scenario: string;
  readonly size: string;
  readonly okrkit: number;
  readonly peer?: number;
  readonly peerName?: string;
  readonly memoryMb?: number;
  readonly goal?: string;
  /** Whether the goal is met, when it can be judged from this row. */
  readonly met?: boolean;
  /** Which table of results.md the row belongs to: cold first-visit figures lead. */
  readonly group?: 'cold' | 'warm' | 'cached' | 'memory' | 'browser' | 'size' | 'other';
  /** The unit of `okrkit` and `peer` when not milliseconds. */
  readonly unit?: string;
  readonly note?: string;
}
