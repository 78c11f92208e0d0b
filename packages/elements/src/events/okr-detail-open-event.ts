/** The kinds of item a detail view shows. */
export const DETAIL_KINDS = ['objective', 'keyResult', 'initiative', 'checkIn'] as const;
export type DetailKind = (typeof DETAIL_KINDS)[number];

/** One item of a session, by kind and id. */
export interface DetailItem {
  readonly kind: DetailKind;
  readonly id: string;
}

/**
 * A person asked for the details of an objective, key result, initiative or check-in
 * (Enter or a click on its title in `<okr-snapshot>`, `<okr-list>` or `<okr-tree>`).
 * Cancelable: the element opens its own `<okr-detail>` unless a listener calls
 * `preventDefault()` to show the item its own way (a page, a side panel).
 */
export class OkrDetailOpenEvent extends Event {
  static readonly eventName = 'okr-detail-open';
  readonly sessionId: string;
  readonly item: DetailItem;

  constructor(sessionId: string, item: DetailItem) {
    super(OkrDetailOpenEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.sessionId = sessionId;
    this.item = item;
  }

  /** `{ sessionId, item }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly sessionId: string; readonly item: DetailItem } {
    return { sessionId: this.sessionId, item: this.item };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-detail-open': OkrDetailOpenEvent;
  }
}
