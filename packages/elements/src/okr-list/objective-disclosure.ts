import type { Disclosure } from './objective-section.js';

/**
 * A session with more objectives than this shows only the first few open: rendering
 * every key result of a large organisation (750 objectives, 3,000 key results) took
 * seconds, while a closed objective is a header of a few elements.
 */
export const ALL_OPEN_UP_TO = 25;
/** How many objectives a large session opens with: about the first screen. */
export const FIRST_OPEN = 5;

/** Which objectives show their key results: all in a small session; in a large one, the first few and those opened. */
export class ObjectiveDisclosure {
  /** The person's choices, by objective id: open (`true`) or closed. */
  #chosen = new Map<string, boolean>();

  of(id: string, index: number, count: number): Disclosure {
    if (count <= ALL_OPEN_UP_TO) return 'always';
    return (this.#chosen.get(id) ?? index < FIRST_OPEN) ? 'open' : 'closed';
  }

  toggle(id: string, index: number, count: number): void {
    this.#chosen.set(id, this.of(id, index, count) === 'closed');
  }

  /** Opens an objective (one just added, so that its Add key result is at hand). */
  open(id: string): void {
    this.#chosen.set(id, true);
  }

  /** Forgets the choices (another session). */
  reset(): void {
    this.#chosen.clear();
  }
}
