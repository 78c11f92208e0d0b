/** Clients remembered at most: forgetting one only costs its next push a read. */
const MAX_CLIENTS = 10_000;

/**
 * The highest mutation id this instance has answered, per client. A client numbers its
 * mutations 1, 2, 3, ... and repeats a push only when its answer was lost, so a push that
 * starts above that number is new here, and reading kept results for it would find
 * nothing. Anything else is in doubt, and is read first: a repeat, an earlier number, a
 * client this instance does not know (it restarted, or the client was served elsewhere).
 *
 * Only an economy: a mutation kept by another instance meanwhile is still answered from
 * what was kept, because the kept result's key refuses a second write (`AlreadyKept`).
 */
export class AnsweredMutations {
  readonly #highest = new Map<string, number>();

  /** Whether a push of `clientId` whose first mutation is `first` may repeat an answered one. */
  mayRepeat(tenant: string, clientId: string, first: number): boolean {
    const highest = this.#highest.get(keyOf(tenant, clientId));
    return highest === undefined || first <= highest;
  }

  /** `mutationId` of `clientId` was answered (applied, refused or read from what was kept). */
  answered(tenant: string, clientId: string, mutationId: number): void {
    const key = keyOf(tenant, clientId);
    const highest = Math.max(this.#highest.get(key) ?? -1, mutationId);
    // Re-inserted, so that the map's order is from least to most recently answered.
    this.#highest.delete(key);
    this.#highest.set(key, highest);
    if (this.#highest.size > MAX_CLIENTS) {
      const oldest = this.#highest.keys().next().value;
      if (oldest !== undefined) this.#highest.delete(oldest);
    }
  }
}

function keyOf(tenant: string, clientId: string): string {
  return `${tenant}\u0000${clientId}`;
}
