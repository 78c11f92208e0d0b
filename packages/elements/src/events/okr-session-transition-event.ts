import type { SessionHeader, Transition } from '@okrkit/core';

/**
 * A person confirmed a lifecycle transition (start, close, reopen, unlock). Fired
 * *before* the transition is executed and cancelable: if a listener calls
 * `preventDefault()`, the transition is not performed.
 */
export class OkrSessionTransitionEvent extends Event {
  static readonly eventName = 'okr-session-transition';
  /** The session before the transition. */
  readonly session: SessionHeader;
  readonly transition: Transition;

  constructor(session: SessionHeader, transition: Transition) {
    super(OkrSessionTransitionEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.session = session;
    this.transition = transition;
  }

  /** `{ session, transition }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly session: SessionHeader; readonly transition: Transition } {
    return { session: this.session, transition: this.transition };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-session-transition': OkrSessionTransitionEvent;
  }
}
