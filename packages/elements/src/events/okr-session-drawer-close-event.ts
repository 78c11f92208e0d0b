/**
 * A person closed the session drawer (Close button, Escape, or after discarding edits).
 * Not fired when the host closes it by setting `open = false`.
 */
export class OkrSessionDrawerCloseEvent extends Event {
  static readonly eventName = 'okr-session-drawer-close';
  /** The session the drawer showed. */
  readonly sessionId: string;

  constructor(sessionId: string) {
    super(OkrSessionDrawerCloseEvent.eventName, { bubbles: true, composed: true });
    this.sessionId = sessionId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-session-drawer-close': OkrSessionDrawerCloseEvent;
  }
}
