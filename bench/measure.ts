/** Median wall time of `runs` calls after `warmup` calls, in milliseconds. */
export async function median(fn: () => unknown, runs = 7, warmup = 2): Promise<number> {
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
