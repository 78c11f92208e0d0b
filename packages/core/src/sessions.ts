import { Temporal } from 'temporal-polyfill';
import type { Session } from './journal.js';
import type { SessionHeader, SessionInput } from './model.js';
import { dateIn, nextPeriod, type PeriodOptions, parseDate, suggestTitle } from './time.js';

/** Pure questions about sessions: listing filters, windows, naming the next one. */

export interface CurrentSessionsOptions {
  /** The instant to ask about. Default: the store's clock. */
  readonly at?: Date;
  /** How many months before a session's start and after its end it still counts as current. Default 1. */
  readonly marginMonths?: number;
}

/** Whether `at` falls in `[start - margin, end + margin]` in the session's time zone: the pickers' "current" window. */
export function isCurrent(session: SessionHeader, at: Date, marginMonths = 1): boolean {
  const start = parseDate(session.start);
  const end = parseDate(session.end);
  if (!start || !end) return false;
  const today = dateIn(at, session.timeZone);
  const from = start.subtract({ months: marginMonths });
  const to = end.add({ months: marginMonths });
  return Temporal.PlainDate.compare(from, today) <= 0 && Temporal.PlainDate.compare(today, to) <= 0;
}

/** Whether `[start, end]` lies within the parent's dates. */
export function within(parent: Pick<SessionHeader, 'start' | 'end'>, start: string, end: string): boolean {
  return parent.start <= start && end <= parent.end;
}

/** The input for the session after `session` by its cadence, ready for `createSession` (or a form). */
export function nextSessionInput(
  session: Session,
  options: PeriodOptions & { readonly parent?: SessionHeader } = {},
): SessionInput {
  const { start, end } = nextPeriod(session.start, session.end, session.cadence);
  const title = suggestTitle(start, end, options) ?? session.title;
  const keepParent = options.parent !== undefined && within(options.parent, start, end);
  return {
    title,
    start,
    end,
    timeZone: session.timeZone,
    cadence: session.cadence,
    checkInCadence: session.checkInCadence,
    access: session.access,
    ...(keepParent && session.parentId !== undefined ? { parentId: session.parentId } : {}),
  };
}
