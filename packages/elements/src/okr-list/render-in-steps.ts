import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How many objectives the first render shows: a tall screen of closed objectives. */
export const FIRST_STEP = 25;
/** How many more each later frame adds. */
export const NEXT_STEP = 120;

/**
 * Renders a long list in steps: the first screen at once, the rest a slice per frame,
 * so that a large organisation shows (and takes input) within a frame or two instead
 * of after one long task. Every item is in the document a few frames later, where
 * find-in-page, Tab and the End key reach it; nothing is ever taken out again.
 */
export class RenderInSteps implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #limit = FIRST_STEP;
  #count = 0;
  #frame: number | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** How many of `count` items to render now. */
  limit(count: number): number {
    this.#count = count;
    return Math.min(count, this.#limit);
  }

  /** Starts again from the first step (another session). */
  reset(): void {
    this.#limit = FIRST_STEP;
  }

  hostUpdated(): void {
    if (this.#limit >= this.#count || this.#frame !== undefined) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = undefined;
      this.#limit += NEXT_STEP;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }
}
