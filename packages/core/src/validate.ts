import * as PlainDateFns from 'temporal-polyfill/fns/PlainDate';
import { OkrError } from './errors.js';
import { type Access, type Audience, CADENCES, CHECK_IN_CADENCES, OPEN_ACCESS, type SessionDetails } from './model.js';
import {
  canonicalTimeZone,
  DATE_MAX,
  DATE_MIN,
  isoDate,
  type PlainDate,
  parseDate,
  SESSION_MAX_YEARS,
} from './time.js';

/**
 * Input validation for untyped callers: every command checks its input here before
 * anything else. Validators collect every problem at once (so a form can show each next
 * to its field) and throw one `OkrError('invalid-input')` naming the fields.
 */

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 4000;

/** Collects field errors; `done()` throws if there are any. */
export class Problems {
  readonly #fields: Record<string, string> = {};

  add(field: string, message: string): void {
    this.#fields[field] ??= message;
  }

  has(field: string): boolean {
    return field in this.#fields;
  }

  done(what: string): void {
    const fields = Object.keys(this.#fields);
    if (fields.length === 0) return;
    const first = this.#fields[fields[0] as string];
    const message =
      fields.length === 1
        ? `${what}: ${first}`
        : `${what}: ${fields.length} fields need attention (${fields.join(', ')}).`;
    throw new OkrError('invalid-input', message, { fields: this.#fields });
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A value for a message, whatever it is: `JSON.stringify` throws on a BigInt and
 * template literals throw on a Symbol, and a validator must never throw anything but
 * its own `invalid-input`.
 */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  if (typeof value === 'bigint') return `${String(value)}n`;
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A required, trimmed title of 1..max characters. */
export function checkTitle(problems: Problems, field: string, value: unknown, max = TITLE_MAX): string {
  if (typeof value !== 'string') {
    problems.add(field, value === undefined ? 'A title is required.' : 'The title must be text.');
    return '';
  }
  const title = value.trim();
  if (title === '') problems.add(field, 'A title is required.');
  else if ([...title].length > max)
    problems.add(field, `The title is too long (${[...title].length} of at most ${max} characters).`);
  return title;
}

/** An optional text; empty means none. */
export function checkText(
  problems: Problems,
  field: string,
  value: unknown,
  max = DESCRIPTION_MAX,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.add(field, 'This must be text.');
    return undefined;
  }
  const text = value.trim();
  if ([...text].length > max) problems.add(field, `This is too long (at most ${max} characters).`);
  return text === '' ? undefined : text;
}

/** A date within [DATE_MIN, DATE_MAX]: outside it no session makes sense, and the calendar work stays bounded. */
export function checkDate(problems: Problems, field: string, value: unknown, label: string): string {
  if (value === undefined || value === null || value === '') {
    problems.add(field, `${label} is required.`);
    return '';
  }
  if (typeof value !== 'string' || !parseDate(value)) {
    problems.add(field, `${label} is not a valid date (expected YYYY-MM-DD, e.g. 2027-01-31).`);
    return '';
  }
  if (value < DATE_MIN || value > DATE_MAX) {
    problems.add(field, `${label} must lie between ${DATE_MIN} and ${DATE_MAX}.`);
    return '';
  }
  return value;
}

export function checkOneOf<T extends string>(
  problems: Problems,
  field: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    problems.add(field, `Must be one of ${allowed.join(', ')}.`);
    return allowed[0] as T;
  }
  return value as T;
}

export function checkTimeZone(problems: Problems, field: string, value: unknown): string {
  const zone = typeof value === 'string' && value.length <= 64 ? canonicalTimeZone(value) : undefined;
  if (!zone) {
    problems.add(field, `Unknown time zone ${shown(value)} (expected an IANA name such as Europe/Berlin).`);
    return 'UTC';
  }
  return zone;
}

/** At most this many people or teams in one access list: a list is read on every permission check. */
export const ACCESS_LIST_MAX = 1000;

function checkIdList(problems: Problems, field: string, value: unknown): string[] {
  if (
    !Array.isArray(value) ||
    value.length > ACCESS_LIST_MAX ||
    !value.every((v) => typeof v === 'string' && v.trim() !== '' && v.length <= 200)
  ) {
    problems.add(field, `Must be a list of ids (at most ${ACCESS_LIST_MAX}).`);
    return [];
  }
  return [...new Set(value as string[])];
}

const AUDIENCE_SHAPE = 'Must be { everyone: true } or { everyone: false, people: [...], teams: [...] }.';

/**
 * Exactly one of the two audience shapes, nothing missing and nothing extra: a typo
 * (`{ veiw: ... }`), a `null` or a missing list must never read as "everyone".
 */
function checkAudience(problems: Problems, field: string, value: unknown): Audience {
  if (!isRecord(value) || typeof value.everyone !== 'boolean') {
    problems.add(field, AUDIENCE_SHAPE);
    return { everyone: false, people: [], teams: [] };
  }
  if (value.everyone) {
    checkKnownKeys(problems, value, ['everyone'], `${field}.`);
    return { everyone: true };
  }
  checkKnownKeys(problems, value, ['everyone', 'people', 'teams'], `${field}.`);
  return {
    everyone: false,
    people: checkIdList(problems, `${field}.people`, value.people),
    teams: checkIdList(problems, `${field}.teams`, value.teams),
  };
}

/** `{ view, edit }`, both given: an audience left out would otherwise mean everyone. */
export function checkAccess(problems: Problems, field: string, value: unknown): Access {
  if (value === undefined) return OPEN_ACCESS;
  if (!isRecord(value)) {
    problems.add(field, 'Must be { view, edit }.');
    return OPEN_ACCESS;
  }
  checkKnownKeys(problems, value, ['view', 'edit'], `${field}.`);
  return {
    view: checkAudience(problems, `${field}.view`, value.view),
    edit: checkAudience(problems, `${field}.edit`, value.edit),
  };
}

/** Rejects keys a command does not know, so a typo never passes silently. */
export function checkKnownKeys(
  problems: Problems,
  value: Record<string, unknown>,
  known: readonly string[],
  prefix = '',
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problems.add(`${prefix}${key}`, `Unknown field "${key}".`);
  }
}

const SESSION_FIELDS = [
  'title',
  'description',
  'start',
  'end',
  'timeZone',
  'cadence',
  'checkInCadence',
  'parentId',
  'access',
] as const;

/** The fields `null` may clear; every other field of a session always has a value. */
const CLEARABLE: readonly string[] = ['description', 'parentId'];

/**
 * Validates a session's details from an untyped caller: `input` is either a full input
 * (for create) or a patch merged onto `current` (for edit). In a patch a field that is
 * missing or `undefined` is not given (it keeps its value), `null` clears an optional
 * field (description, parent) and is refused for every other, and an unknown key is
 * refused. Returns normalised details; throws `invalid-input` naming every bad field.
 * Cross-session rules (parent, cycles) are checked by the store, which can see the
 * other sessions.
 */
export function validateSessionDetails(
  input: unknown,
  defaults: { readonly timeZone: string },
  current?: SessionDetails,
): SessionDetails {
  const problems = new Problems();
  if (!isRecord(input)) {
    problems.add('session', 'Expected an object with the session details.');
    problems.done('Session not saved');
    throw new Error('unreachable');
  }
  checkKnownKeys(problems, input, SESSION_FIELDS);
  const pick = <K extends (typeof SESSION_FIELDS)[number]>(key: K): unknown => {
    const value = Object.hasOwn(input, key) ? input[key] : undefined;
    if (value === null && !CLEARABLE.includes(key)) {
      problems.add(key, 'This field cannot be cleared; give a value or leave it out.');
      return current?.[key];
    }
    if (value === null) return undefined;
    return value === undefined ? current?.[key] : value;
  };
  const title = checkTitle(problems, 'title', pick('title'));
  const description = checkText(problems, 'description', pick('description'));
  const start = checkDate(problems, 'start', pick('start'), 'The start date');
  const end = checkDate(problems, 'end', pick('end'), 'The end date');
  if (start && end && end < start) problems.add('end', 'The end date must be on or after the start date.');
  else if (start && end && end >= lastDayAfter(start)) {
    problems.add('end', `A session lasts at most ${SESSION_MAX_YEARS} years; end it before ${lastDayAfter(start)}.`);
  }
  const timeZone = checkTimeZone(problems, 'timeZone', pick('timeZone') ?? defaults.timeZone);
  const cadence = checkOneOf(problems, 'cadence', pick('cadence') ?? 'custom', CADENCES);
  const checkInCadence = checkOneOf(problems, 'checkInCadence', pick('checkInCadence') ?? 'weekly', CHECK_IN_CADENCES);
  const parentId = pick('parentId');
  if (parentId !== undefined && (typeof parentId !== 'string' || parentId.trim() === '' || parentId.length > 200)) {
    problems.add('parentId', 'The parent must be a session id such as SE-01001.');
  }
  const access = checkAccess(problems, 'access', pick('access'));
  problems.done('Session not saved');
  return {
    title,
    ...(description === undefined ? {} : { description }),
    start,
    end,
    timeZone,
    cadence,
    checkInCadence,
    ...(typeof parentId === 'string' ? { parentId } : {}),
    access,
  };
}

/** The first day a session starting on `start` may no longer include. */
function lastDayAfter(start: string): string {
  return isoDate(PlainDateFns.addYears(parseDate(start) as PlainDate, SESSION_MAX_YEARS));
}

/**
 * A session patch from an untyped caller, before the store knows which action it
 * needs: refuses anything but an object and unknown keys, and drops `undefined`
 * fields (they are not given). `touchesAccess` says whether `access` was given, so the
 * caller can ask for `session.editAccess` only then.
 */
export function validateSessionPatch(input: unknown): { patch: Record<string, unknown>; touchesAccess: boolean } {
  const problems = new Problems();
  if (!isRecord(input)) {
    problems.add('session', 'Expected an object with the fields to change.');
    problems.done('Session not saved');
    throw new Error('unreachable');
  }
  checkKnownKeys(problems, input, SESSION_FIELDS);
  problems.done('Session not saved');
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined) patch[key] = value;
  return { patch, touchesAccess: patch.access !== undefined };
}
