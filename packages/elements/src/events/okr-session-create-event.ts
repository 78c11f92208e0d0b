import type { SessionHeader } from '@okrkit/core';

/** A person added a session; fired after the store saved it. */
export class OkrSessionCreateEvent extends Event {
  static readonly eventName = 'okr-session-create';
  /** The session as saved (state `open`). */
  readonly session: SessionHeader;

  constructor(session: SessionHeader) {
    super(OkrSessionCreateEvent.eventName, { bubbles: true, composed: true });
    this.session = session;
  }

  /** `{ session }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly session: SessionHeader } {
    return { session: this.session };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-session-create': OkrSessionCreateEvent;
  }
}
