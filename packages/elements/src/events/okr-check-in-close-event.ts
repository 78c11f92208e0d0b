/**
 * A person closed the check-in dialog (Cancel, Escape, or after saving). Not fired when
 * the host closes it by setting `open = false`.
 */
export class OkrCheckInCloseEvent extends Event {
  static readonly eventName = 'okr-check-in-close';
  /** The key result the dialog showed. */
  readonly keyResultId: string;

  constructor(keyResultId: string) {
    super(OkrCheckInCloseEvent.eventName, { bubbles: true, composed: true });
    this.keyResultId = keyResultId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-check-in-close': OkrCheckInCloseEvent;
  }
}
