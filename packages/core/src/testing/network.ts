/**
 * A `fetch` that a test can cut off like a network (for `syncStorage({ fetch })`): while
 * offline, requests reject as `fetch` does without a network, and cutting ends the open
 * change streams. It can also lose the answer of the next push after the server handled
 * it, as a dropped connection would.
 */
export class TestNetwork {
  online = true;
  /** Every address asked for, in order. */
  readonly requests: string[] = [];
  /** Drops the answer of the next push after the server has handled it. */
  loseNextPushAnswer = false;
  readonly #open = new Set<AbortController>();

  readonly fetch: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    this.requests.push(url);
    if (!this.online) throw new TypeError('Failed to fetch (offline)');
    const controller = new AbortController();
    if (init?.signal?.aborted) controller.abort();
    else init?.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    this.#open.add(controller);
    try {
      const response = await fetch(input, { ...init, signal: controller.signal });
      if (url.endsWith('/v1/push') && this.loseNextPushAnswer) {
        this.loseNextPushAnswer = false;
        await response.text();
        throw new TypeError('Failed to fetch (the answer was lost)');
      }
      return response;
    } finally {
      if (!url.endsWith('/v1/stream')) this.#open.delete(controller);
    }
  };

  /** Goes offline: new requests fail, open streams end. */
  cut(): void {
    this.online = false;
    for (const controller of this.#open) controller.abort();
    this.#open.clear();
  }

  /** How many change streams were opened. */
  get streams(): number {
    return this.requests.filter((url) => url.endsWith('/v1/stream')).length;
  }
}
