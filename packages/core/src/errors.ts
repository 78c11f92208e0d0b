/** Why a command was refused. Every rejected command carries exactly one of these. */
export const ERROR_CODES = ['invalid-input', 'not-allowed', 'locked', 'not-found', 'conflict', 'storage'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field name to a message a person can act on, e.g. `{ end: 'End date must be on or after the start date.' }`. */
export type FieldErrors = Readonly<Record<string, string>>;

export interface OkrErrorOptions {
  readonly fields?: FieldErrors;
  readonly cause?: unknown;
}

/**
 * The one error type okrkit rejects with. `code` says what kind of refusal it is,
 * `message` says what to do about it, and for `invalid-input` `fields` names the
 * offending fields. A command that rejects with an `OkrError` has changed nothing.
 */
export class OkrError extends Error {
  override readonly name = 'OkrError';
  readonly code: ErrorCode;
  readonly fields: FieldErrors;

  constructor(code: ErrorCode, message: string, options: OkrErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fields = Object.freeze({ ...options.fields });
  }
}

export function isOkrError(value: unknown, code?: ErrorCode): value is OkrError {
  return value instanceof OkrError && (code === undefined || value.code === code);
}

/** Wraps anything a storage layer threw into an `OkrError` with code `storage`, keeping the cause. */
export function storageError(cause: unknown, doing: string): OkrError {
  if (cause instanceof OkrError) return cause;
  const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return new OkrError('storage', `Could not ${doing}: ${detail}`, { cause });
}
