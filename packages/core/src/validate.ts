import { OkrError } from './errors.js';
import { type Access, type Audience, CADENCES, CHECK_IN_CADENCES, OPEN_ACCESS, type SessionDetails } from './model.js';
import { canonicalTimeZone, parseDate } from './time.js';

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

export function checkDate(problems: Problems, field: string, value: unknown, label: string): string {
  if (value === undefined || value === null || value === '') {
    problems.add(field, `${label} is required.`);
    return '';
  }
  if (typeof value !== 'string' || !parseDate(value)) {
    problems.add(field, `${label} is not a valid date (expected YYYY-MM-DD, e.g. 2027-01-31).`);
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
  const zone = typeof value === 'string' ? canonicalTimeZone(value) : undefined;
  if (!zone) {
    problems.add(field, `Unknown time zone ${JSON.stringify(value)} (expected an IANA name such as Europe/Berlin).`);
    return 'UTC';
  }
  return zone;
}

function checkIdList(problems: Problems, field: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    problems.add(field, 'Must be a list of ids.');
    return [];
  }
  return [...new Set(value as string[])];
}

function checkAudience(problems: Problems, field: string, value: unknown): Audience {
  if (value === 'everyone') return { everyone: true };
  if (!isRecord(value) || typeof value.everyone !== 'boolean') {
    problems.add(field, 'Must be { everyone: true } or { everyone: false, people: [...], teams: [...] }.');
    return { everyone: true };
  }
  if (value.everyone) return { everyone: true };
  return {
    everyone: false,
    people: checkIdList(problems, `${field}.people`, value.people),
    teams: checkIdList(problems, `${field}.teams`, value.teams),
  };
}

export function checkAccess(problems: Problems, field: string, value: unknown): Access {
  if (value === undefined) return OPEN_ACCESS;
  if (!isRecord(value)) {
    problems.add(field, 'Must be { view, edit }.');
    return OPEN_ACCESS;
  }
  return {
    view: checkAudience(problems, `${field}.view`, value.view ?? 'everyone'),
    edit: checkAudience(problems, `${field}.edit`, value.edit ?? 'everyone'),
  };
}

/** Rejects keys a command does not know, so a typo never passes silently. */
export function checkKnownKeys(problems: Problems, value: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problems.add(key, `Unknown field "${key}".`);
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

/**
 * Validates a session's details from an untyped caller: `input` is either a full input
 * (for create) or a patch merged onto `current` (for edit). Returns normalised details;
 * throws `invalid-input` naming every bad field. Cross-session rules (parent, cycles)
 * are checked by the store, which can see the other sessions.
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
  const pick = <K extends (typeof SESSION_FIELDS)[number]>(key: K): unknown =>
    key in input ? input[key] : current?.[key];
  const title = checkTitle(problems, 'title', pick('title'));
  const description = checkText(problems, 'description', pick('description'));
  const start = checkDate(problems, 'start', pick('start'), 'The start date');
  const end = checkDate(problems, 'end', pick('end'), 'The end date');
  if (start && end && end < start) problems.add('end', 'The end date must be on or after the start date.');
  const timeZone = checkTimeZone(problems, 'timeZone', pick('timeZone') ?? defaults.timeZone);
  const cadence = checkOneOf(problems, 'cadence', pick('cadence') ?? 'custom', CADENCES);
  const checkInCadence = checkOneOf(problems, 'checkInCadence', pick('checkInCadence') ?? 'weekly', CHECK_IN_CADENCES);
  const parentId = pick('parentId');
  if (parentId !== undefined && parentId !== null && (typeof parentId !== 'string' || parentId === '')) {
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
