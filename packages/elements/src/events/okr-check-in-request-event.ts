/**
 * A person asked to check in on a key result (the "Check in" action of the current
 * week in `<okr-snapshot>`). Cancelable: a listener that handles the request itself
 * (opens its own dialog, navigates) calls `preventDefault()` so that no other handler,
 * such as a page's `<okr-check-in>` dialog, acts on it as well.
 */
export class OkrCheckInRequestEvent extends Event {
  static readonly eventName = 'okr-check-in-request';
  readonly sessionId: string;
  readonly keyResultId: string;

  constructor(sessionId: string, keyResultId: string) {
    super(OkrCheckInRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.sessionId = sessionId;
    this.keyResultId = keyResultId;
  }

  /** `{ sessionId, keyResultId }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly sessionId: string; readonly keyResultId: string } {
    return { sessionId: this.sessionId, keyResultId: this.keyResultId };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-check-in-request': OkrCheckInRequestEvent;
  }
}
