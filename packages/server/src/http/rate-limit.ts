export interface RateLimitOptions {
  /** Requests allowed at once. Default 60. */
  readonly burst?: number;
  /** Requests allowed per second after the burst. Default 20. */
  readonly perSecond?: number;
}

/**
 * A token bucket per key (organisation, person and client): `take` answers 0 when the
 * request may go ahead, otherwise the seconds to wait. Buckets that are full again are
 * forgotten, so memory stays bounded by the clients active in the last few seconds.
 */
export class RateLimit {
  readonly #burst: number;
  readonly #perMs: number;
  readonly #clock: () => number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  #sweptAt = 0;

  constructor(options: RateLimitOptions = {}, clock: () => number = Date.now) {
    this.#burst = options.burst ?? 60;
    this.#perMs = (options.perSecond ?? 20) / 1000;
    this.#clock = clock;
    if (!(this.#burst >= 1) || !(this.#perMs > 0))
      throw new RangeError('A rate limit needs burst >= 1 and perSecond > 0.');
  }

  take(key: string): number {
    const now = this.#clock();
    this.#sweep(now);
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now };
    bucket.tokens = Math.min(this.#burst, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.#perMs / 1000);
  }

  #sweep(now: number): void {
    if (now - this.#sweptAt < 10_000) return;
    this.#sweptAt = now;
    const refill = this.#burst / this.#perMs;
    for (const [key, bucket] of this.#buckets) if (now - bucket.at > refill) this.#buckets.delete(key);
  }
}
