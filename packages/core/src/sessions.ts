import * as PlainDateFns from 'temporal-polyfill/fns/PlainDate';
import type { Session } from './journal.js';
import type { SessionHeader, SessionInput } from './model.js';
import { dateIn, nextPeriod, type PeriodOptions, parseDate, suggestTitle } from './time.js';
import { checkKnownKeys, isRecord, Problems } from './validate.js';

/** Pure questions about sessions: listing filters, windows, naming the next one. */

export interface CurrentSessionsOptions {
  /** The instant to ask about. Default: the store's clock. */
  readonly at?: Date;
  /** How many months before a session's start and after its end it still counts as current. Default 1. */
  readonly marginMonths?: number;
}

/** The longest margin a picker may ask for: beyond it every session would be "current". */
export const MARGIN_MONTHS_MAX = 120;

/**
 * Options of `currentSessions` from an untyped caller: `at` a valid `Date` (an ISO string
 * is refused rather than guessed at), `marginMonths` a whole number 0..120; plus the
 * listing option `includeArchived`. Throws `invalid-input` naming the field.
 */
export function validateCurrentSessionsOptions(
  options: unknown,
): CurrentSessionsOptions & { readonly includeArchived?: boolean } {
  if (options === undefined) return {};
  const problems = new Problems();
  if (!isRecord(options)) {
    problems.add('options', 'Expected { at, marginMonths, includeArchived }.');
    problems.done('Cannot list current sessions');
    return {};
  }
  checkKnownKeys(problems, options, ['at', 'marginMonths', 'includeArchived']);
  const { at, marginMonths, includeArchived } = options;
  if (at !== undefined && !(at instanceof Date && Number.isFinite(at.getTime())))
    problems.add('at', 'Must be a valid Date.');
  if (
    marginMonths !== undefined &&
    !(Number.isInteger(marginMonths) && (marginMonths as number) >= 0 && (marginMonths as number) <= MARGIN_MONTHS_MAX)
  )
    problems.add('marginMonths', `Must be a whole number of months from 0 to ${MARGIN_MONTHS_MAX}.`);
  if (includeArchived !== undefined && typeof includeArchived !== 'boolean')
    problems.add('includeArchived', 'Must be true or false.');
  problems.done('Cannot list current sessions');
  return {
    ...(at === undefined ? {} : { at: at as Date }),
    ...(marginMonths === undefined ? {} : { marginMonths: marginMonths as number }),
    ...(includeArchived === undefined ? {} : { includeArchived: includeArchived as boolean }),
  };
}

/** Whether `at` falls in `[start - margin, end + margin]` in the session's time zone: the pickers' "current" window. */
export function isCurrent(session: SessionHeader, at: Date, marginMonths = 1): boolean {
  // The store passes its callers' options straight here: a bad one must be typed, not a TypeError.
  validateCurrentSessionsOptions({ at, marginMonths });
  const start = parseDate(session.start);
  const end = parseDate(session.end);
  if (!start || !end) return false;
  const today = dateIn(at, session.timeZone);
  const from = PlainDateFns.subtractMonths(start, marginMonths);
  const to = PlainDateFns.addMonths(end, marginMonths);
  return PlainDateFns.compare(from, today) <= 0 && PlainDateFns.compare(today, to) <= 0;
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
