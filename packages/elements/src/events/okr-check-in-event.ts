import type { CheckIn } from '@okrkit/core';

/**
 * A person saved a check-in (or a correction: `checkIn.corrects` names the check-in it
 * corrects); fired by `<okr-check-in>` after the store recorded it.
 */
export class OkrCheckInEvent extends Event {
  static readonly eventName = 'okr-check-in';
  readonly sessionId: string;
  /** The check-in as recorded. */
  readonly checkIn: CheckIn;

  constructor(sessionId: string, checkIn: CheckIn) {
    super(OkrCheckInEvent.eventName, { bubbles: true, composed: true });
    this.sessionId = sessionId;
    this.checkIn = checkIn;
  }

  /** `{ sessionId, checkIn }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly sessionId: string; readonly checkIn: CheckIn } {
    return { sessionId: this.sessionId, checkIn: this.checkIn };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-check-in': OkrCheckInEvent;
  }
}
