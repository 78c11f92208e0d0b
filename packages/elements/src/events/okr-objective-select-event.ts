import type { Objective } from '@okrkit/core';

/** A person chose an objective in `<okr-tree>` (Enter, or a click on it). */
export class OkrObjectiveSelectEvent extends Event {
  static readonly eventName = 'okr-objective-select';
  /** The session the objective belongs to (the tree shows several). */
  readonly sessionId: string;
  readonly objective: Objective;

  constructor(sessionId: string, objective: Objective) {
    super(OkrObjectiveSelectEvent.eventName, { bubbles: true, composed: true });
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
    'okr-objective-select': OkrObjectiveSelectEvent;
  }
}
