import type { KeyResult } from '@okrkit/core';

/** A person added a key result; fired by `<okr-list>` after the store saved it. */
export class OkrKeyResultAddEvent extends Event {
  static readonly eventName = 'okr-key-result-add';
  readonly sessionId: string;
  /** The key result as saved. */
  readonly keyResult: KeyResult;

  constructor(sessionId: string, keyResult: KeyResult) {
    super(OkrKeyResultAddEvent.eventName, { bubbles: true, composed: true });
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
    'okr-key-result-add': OkrKeyResultAddEvent;
  }
}
