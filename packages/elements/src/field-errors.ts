import { isOkrError, type OkrError } from '@okrkit/core';

export interface SplitFieldErrors<F extends string> {
  /** Messages for the fields this form shows, to put next to them. */
  readonly fields: Partial<Record<F, string>>;
  /** Messages for fields the form does not show, for the form's summary line. */
  readonly other: readonly string[];
}

/**
 * Splits an `invalid-input` error's field messages between the fields a form shows and
 * the rest. Undefined for any other error, which the form shows as a whole and reports
 * with `okr-error`.
 */
export function splitFieldErrors<F extends string>(
  error: OkrError,
  formFields: readonly F[],
): SplitFieldErrors<F> | undefined {
  if (!isOkrError(error, 'invalid-input') || Object.keys(error.fields).length === 0) return undefined;
  const fields: Partial<Record<F, string>> = {};
  const other: string[] = [];
  for (const [key, message] of Object.entries(error.fields)) {
    if ((formFields as readonly string[]).includes(key)) fields[key as F] = message;
    else other.push(message);
  }
  return { fields, other };
}
