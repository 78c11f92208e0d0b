/**
 * A person chose another owner filter in `<okr-snapshot>`. Fired after `owner` changed;
 * not fired when the host sets `owner`.
 */
export class OkrOwnerFilterChangeEvent extends Event {
  static readonly eventName = 'okr-owner-filter-change';
  /** `'all'`, `'unassigned'`, or an owner's id. */
  readonly owner: string;

  constructor(owner: string) {
    super(OkrOwnerFilterChangeEvent.eventName, { bubbles: true, composed: true });
    this.owner = owner;
  }

  /** `{ owner }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly owner: string } {
    return { owner: this.owner };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-owner-filter-change': OkrOwnerFilterChangeEvent;
  }
}
