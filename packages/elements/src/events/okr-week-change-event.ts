/**
 * A person moved `<okr-snapshot>` to another week (previous or next week, the month
 * picker, a week button, or "Go to the nearest week"). Fired after `week` changed; not
 * fired when the host sets `week`.
 */
export class OkrWeekChangeEvent extends Event {
  static readonly eventName = 'okr-week-change';
  /** The week now shown, e.g. `2027-W05`. */
  readonly week: string;
  /** The week shown before. */
  readonly previous: string | undefined;

  constructor(week: string, previous: string | undefined) {
    super(OkrWeekChangeEvent.eventName, { bubbles: true, composed: true });
    this.week = week;
    this.previous = previous;
  }

  /** `{ week, previous }`, for hosts that read events the `CustomEvent` way. */
  get detail(): { readonly week: string; readonly previous: string | undefined } {
    return { week: this.week, previous: this.previous };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-week-change': OkrWeekChangeEvent;
  }
}
