import type { KeyResult } from '@okrkit/core';

/** What changed about a key result: `target` is its numbers (start and target, threshold or steps). */
export type KeyResultChange = 'title' | 'order' | 'target' | 'unit' | 'weight' | 'removed';

/**
 * A person renamed, moved, retargeted or removed a key result; fired by `<okr-list>`
 * after the store saved the change, once per thing that changed. For `removed`,
 * `keyResult` is the key result as it was.
 */
export class OkrKeyResultChangeEvent extends Event {
  static readonly eventName = 'okr-key-result-change';
  readonly sessionId: string;
  readonly keyResult: KeyResult;
  readonly change: KeyResultChange;

  constructor(sessionId: string, keyResult: KeyResult, change: KeyResultChange) {
    super(OkrKeyResultChangeEvent.eventName, { bubbles: true, composed: true });
    this.sessionId = sessionId;
    this.keyResult = keyResult;
    this.change = change;
  }

  /** `{ sessionId, keyResult, change }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly sessionId: string; readonly keyResult: KeyResult; readonly change: KeyResultChange } {
    return { sessionId: this.sessionId, keyResult: this.keyResult, change: this.change };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-key-result-change': OkrKeyResultChangeEvent;
  }
}
