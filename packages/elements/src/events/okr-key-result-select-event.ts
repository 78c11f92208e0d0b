import type { KeyResult } from '@okrkit/core';

/** A person chose a key result in `<okr-tree>` (Enter, or a click on it). */
export class OkrKeyResultSelectEvent extends Event {
  static readonly eventName = 'okr-key-result-select';
  /** The session the key result belongs to (the tree shows several). */
  readonly sessionId: string;
  readonly keyResult: KeyResult;

  constructor(sessionId: string, keyResult: KeyResult) {
    super(OkrKeyResultSelectEvent.eventName, { bubbles: true, composed: true });
    this.sessionId = sessionId;
    this.keyResult = keyResult;
  }

  /** `{ sessionId, keyResult }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly sessionId: string; readonly keyResult: KeyResult } {
    return { sessionId: this.sessionId, keyResult: this.keyResult };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-key-result-select': OkrKeyResultSelectEvent;
  }
}
