import type { Initiative } from '@okrkit/core';

/** A person added an initiative; fired by `<okr-list>` after the store saved it. */
export class OkrInitiativeAddEvent extends Event {
  static readonly eventName = 'okr-initiative-add';
  readonly sessionId: string;
  /** The initiative as saved. */
  readonly initiative: Initiative;

  constructor(sessionId: string, initiative: Initiative) {
    super(OkrInitiativeAddEvent.eventName, { bubbles: true, composed: true });
    this.sessionId = sessionId;
    this.initiative = initiative;
  }

  /** `{ sessionId, initiative }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly sessionId: string; readonly initiative: Initiative } {
    return { sessionId: this.sessionId, initiative: this.initiative };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-initiative-add': OkrInitiativeAddEvent;
  }
}
