/**
 * Median wall time of `runs` calls after `warmup` calls, in milliseconds. Starts from a
 * collected heap where the runtime allows it (Node with --expose-gc), so that one
 * scenario's garbage is not collected during the next one's runs.
 */
export async function median(fn: () => unknown, runs = 9, warmup = 2): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
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
