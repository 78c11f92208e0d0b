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
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export interface Row {
  readonly scenario: string;
  readonly size: string;
  readonly okrkit: number;
  readonly peer?: number;
  readonly peerName?: string;
  readonly memoryMb?: number;
  readonly goal?: string;
}
