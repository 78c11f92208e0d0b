import type { SessionHeader } from '@okrkit/core';

/**
 * A person chose a session (clicked its row or pressed Enter on it). Fired by
 * `<okr-sessions>` before it opens the session drawer.
 */
export class OkrSessionSelectEvent extends Event {
  static readonly eventName = 'okr-session-select';
  /** The session chosen. */
  readonly session: SessionHeader;

  constructor(session: SessionHeader) {
    super(OkrSessionSelectEvent.eventName, { bubbles: true, composed: true });
    this.session = session;
  }

  /** `{ session }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly session: SessionHeader } {
    return { session: this.session };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-session-select': OkrSessionSelectEvent;
  }
}
