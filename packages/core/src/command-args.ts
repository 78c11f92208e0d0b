import { OkrError } from './errors.js';
import type { Session } from './journal.js';
import type { SessionDetails } from './model.js';
import { invalid } from './session-rules.js';
import { isRecord } from './validate.js';

/**
 * The shape checks every command row starts with: arguments are a plain object, known
 * keys only, `undefined` means "not given" (never "reset"), ids are ids.
 */

export type Args = Readonly<Record<string, unknown>>;

/** Ids okrkit makes look like `ob_3k9x...`; a caller's own ids may be any 1-64 of these characters. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/**
 * The arguments as a plain object without `undefined` values. With `known`, any other key
 * is refused, so a typo never passes silently (rows that hand the rest to a validator that
 * checks keys itself pass `null`).
 */
export function argsOf(args: unknown, known: readonly string[] | null, what: string): Record<string, unknown> {
  if (!isRecord(args)) throw invalid('args', `${what}: expected an object with the details.`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    if (known && !known.includes(key)) throw invalid(key, `${what}: unknown field "${key}".`);
    out[key] = value;
  }
  return out;
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

/** The id of a new item (the caller's, or one the store filled in), checked for its form. */
export function newId(value: unknown, field = 'id'): string {
  if (!isId(value))
    throw invalid(field, 'An id is 1 to 64 letters, digits, _ . : or -, starting with a letter or digit.');
  return value;
}

/** The id of something that exists (checked against the state later). */
export function refId(value: unknown, field: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    throw new OkrError('invalid-input', `${what}: ${field} must be an id.`, {
      fields: { [field]: value === undefined ? 'This is required.' : 'Must be an id (non-empty text).' },
    });
  }
  return value;
}

/** A list of ids (an array of non-empty strings). */
export function checkIdList(value: unknown, field: string, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '' && v.length <= 200)) {
    throw new OkrError('invalid-input', `${what}: ${field} must be a list of ids.`, {
      fields: { [field]: 'Must be a list of ids.' },
    });
  }
  return [...value];
}

/** The fields of `details` that differ from `session`; `null` clears an optional one. */
export function diffDetails(session: Session, details: SessionDetails): Record<string, unknown> {
  const change: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(details), 'description', 'parentId']) as Set<keyof SessionDetails>;
  for (const key of keys) {
    const before = session[key];
    const after = details[key];
    if (JSON.stringify(before) !== JSON.stringify(after)) change[key] = after === undefined ? null : after;
  }
  return change;
}

/** The part of `change` that differs from `current` (`null` clears a field, so it differs only if the field is set). */
export function changedFields<T extends Record<string, unknown>>(current: object, change: T): Partial<T> {
  const out: Record<string, unknown> = {};
  const before = current as Record<string, unknown>;
  for (const [key, value] of Object.entries(change)) {
    const was = before[key];
    const same = value === null ? was === undefined : JSON.stringify(was) === JSON.stringify(value);
    if (!same) out[key] = value;
  }
  return out as Partial<T>;
}
