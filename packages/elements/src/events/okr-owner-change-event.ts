/** The kinds of item that have an owner. */
import type { OwnedItem } from '@okrkit/core';

export type { OwnedItem };

/** A person handed an objective, key result or initiative to another owner; fired after the store saved it. */
export class OkrOwnerChangeEvent extends Event {
  static readonly eventName = 'okr-owner-change';
  readonly sessionId: string;
  readonly item: OwnedItem;
  /** The id of the objective, key result or initiative. */
  readonly itemId: string;
  /** The new owner, or `null` for unassigned. */
  readonly ownerId: string | null;

  constructor(sessionId: string, item: OwnedItem, itemId: string, ownerId: string | null) {
    super(OkrOwnerChangeEvent.eventName, { bubbles: true, composed: true });
    this.sessionId = sessionId;
    this.item = item;
    this.itemId = itemId;
    this.ownerId = ownerId;
  }

  /** `{ sessionId, item, itemId, ownerId }`, for hosts that read events the `CustomEvent` way. */
  get detail(): {
    readonly sessionId: string;
    readonly item: OwnedItem;
    readonly itemId: string;
    readonly ownerId: string | null;
  } {
    return { sessionId: this.sessionId, item: this.item, itemId: this.itemId, ownerId: this.ownerId };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-owner-change': OkrOwnerChangeEvent;
  }
}
