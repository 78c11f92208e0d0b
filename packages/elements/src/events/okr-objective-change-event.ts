import type { Objective } from '@okrkit/core';

/** What changed about an objective. */
export type ObjectiveChange = 'title' | 'description' | 'order' | 'removed';

/**
 * A person renamed, described, moved or removed an objective; fired by `<okr-list>` after the store
 * saved the change. For `removed`, `objective` is the objective as it was.
 */
export class OkrObjectiveChangeEvent extends Event {
  static readonly eventName = 'okr-objective-change';
  readonly sessionId: string;
  readonly objective: Objective;
  readonly change: ObjectiveChange;

  constructor(sessionId: string, objective: Objective, change: ObjectiveChange) {
    super(OkrObjectiveChangeEvent.eventName, { bubbles: true, composed: true });
    this.sessionId = sessionId;
    this.objective = objective;
    this.change = change;
  }

  /** `{ sessionId, objective, change }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly sessionId: string; readonly objective: Objective; readonly change: ObjectiveChange } {
    return { sessionId: this.sessionId, objective: this.objective, change: this.change };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-objective-change': OkrObjectiveChangeEvent;
  }
}
