import type { SessionHeader } from '@okrkit/core';

/** A person saved changes to a session's details; fired after the store saved them. */
export class OkrSessionChangeEvent extends Event {
  static readonly eventName = 'okr-session-change';
  /** The session as saved. */
  readonly session: SessionHeader;

  constructor(session: SessionHeader) {
    super(OkrSessionChangeEvent.eventName, { bubbles: true, composed: true });
    this.session = session;
  }

  /** `{ session }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly session: SessionHeader } {
    return { session: this.session };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-session-change': OkrSessionChangeEvent;
  }
}
