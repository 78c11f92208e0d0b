import type { JournalEntry } from './journal.js';

/**
 * Every id a session's journal has ever given out (objectives, key results, initiatives,
 * check-ins, removed ones included), and which key result each check-in belongs to. The
 * command path asks it whether an id from a caller is new, and where a check-in to correct
 * is, without scanning the state. It only grows, as the journal does; the store builds
 * it the first time a command on the session needs it and extends it with each append.
 */
export class SessionIds {
  #head = 0;
  readonly #used = new Set<string>();
  readonly #keyResultOfCheckIn = new Map<string, string>();

  /** The seq of the last entry taken in. */
  get head(): number {
    return this.#head;
  }

  /** Takes in entries that continue the journal (older ones, already taken in, are skipped). */
  add(entries: Iterable<JournalEntry>): void {
    for (const entry of entries) {
      if (entry.seq <= this.#head) continue;
      this.#head = entry.seq;
      switch (entry.type) {
        case 'objective.added':
        case 'keyResult.added':
        case 'initiative.added':
          this.#used.add(entry.data.id);
          break;
        case 'checkIn.added':
        case 'checkIn.corrected':
          this.#used.add(entry.data.id);
          this.#keyResultOfCheckIn.set(entry.data.id, entry.data.keyResultId);
          break;
        default:
          break;
      }
    }
  }

  /** Whether the session ever used `id`. */
  has(id: string): boolean {
    return this.#used.has(id);
  }

  /** The key result a check-in (or correction) was recorded on. */
  keyResultOf(checkInId: string): string | undefined {
    return this.#keyResultOfCheckIn.get(checkInId);
  }
}
