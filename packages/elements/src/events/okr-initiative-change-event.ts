import type { Initiative } from '@okrkit/core';

/** What changed about an initiative: `links` is the key results it is linked to. */
export type InitiativeChange = 'status' | 'title' | 'link' | 'links' | 'removed';

/**
 * A person changed or removed an initiative; fired by `<okr-list>` after the store saved
 * the change, once per thing that changed. For `removed`, `initiative` is the initiative
 * as it was.
 */
export class OkrInitiativeChangeEvent extends Event {
  static readonly eventName = 'okr-initiative-change';
  readonly sessionId: string;
  readonly initiative: Initiative;
  readonly change: InitiativeChange;

  constructor(sessionId: string, initiative: Initiative, change: InitiativeChange) {
    super(OkrInitiativeChangeEvent.eventName, { bubbles: true, composed: true });
    this.sessionId = sessionId;
    this.initiative = initiative;
    this.change = change;
  }

  /** `{ sessionId, initiative, change }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly sessionId: string; readonly initiative: Initiative; readonly change: InitiativeChange } {
    return { sessionId: this.sessionId, initiative: this.initiative, change: this.change };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-initiative-change': OkrInitiativeChangeEvent;
  }
}
