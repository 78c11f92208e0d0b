import type { Objective } from '@okrkit/core';

/** A person added an objective; fired by `<okr-list>` after the store saved it. */
export class OkrObjectiveAddEvent extends Event {
  static readonly eventName = 'okr-objective-add';
  readonly sessionId: string;
  /** The objective as saved. */
  readonly objective: Objective;

  constructor(sessionId: string, objective: Objective) {
    super(OkrObjectiveAddEvent.eventName, { bubbles: true, composed: true });
    this.sessionId = sessionId;
    this.objective = objective;
  }

  /** `{ sessionId, objective }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly sessionId: string; readonly objective: Objective } {
    return { sessionId: this.sessionId, objective: this.objective };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-objective-add': OkrObjectiveAddEvent;
  }
}
