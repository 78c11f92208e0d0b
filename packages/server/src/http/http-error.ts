import { type ErrorCode, type FieldErrors, isOkrError } from '@okrkit/core';

/** The codes a refusal can carry over HTTP: the core's, and the protocol's own three. */
export type ProtocolErrorCode = ErrorCode | 'unauthenticated' | 'too-large' | 'rate-limited';

/** What the core's codes answer as (PROTOCOL.md, Errors). */
export const STATUS_OF_CODE: Readonly<Record<ProtocolErrorCode, number>> = {
  'invalid-input': 400,
  unauthenticated: 401,
  'not-allowed': 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  locked: 423,
  'rate-limited': 429,
  storage: 503,
};

/** A refusal of the protocol itself (no person, too large, too many), with headers to send. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

export interface ErrorBody {
  readonly error: { readonly code: ProtocolErrorCode; readonly message: string; readonly fields: FieldErrors };
}

/** The body of a refusal: the core's code and message, never a stack trace. */
export function errorBodyOf(error: unknown): ErrorBody {
  if (isOkrError(error) || error instanceof HttpError) {
    return { error: { code: error.code, message: error.message, fields: { ...error.fields } } };
  }
  return {
    error: { code: 'storage', message: 'The server could not do this just now; nothing was changed.', fields: {} },
  };
}

/** The response for anything thrown while answering a request. */
export function errorResponse(error: unknown): Response {
  const body = errorBodyOf(error);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (error instanceof HttpError) Object.assign(headers, error.headers);
  if (body.error.code === 'unauthenticated') headers['www-authenticate'] ??= 'Bearer';
  if (body.error.code === 'storage') headers['retry-after'] ??= '1';
  if (!isOkrError(error) && !(error instanceof HttpError)) {
    // Not a refusal the core made: the host's log gets the cause, the client a plain answer.
    console.error('okrkit-server: unexpected error', error);
  }
  return new Response(JSON.stringify(body), { status: STATUS_OF_CODE[body.error.code], headers });
}

/** `invalid-input` for a request whose shape is wrong, naming the field. */
export function badRequest(field: string, message: string): HttpError {
  return new HttpError('invalid-input', message, {}, { [field]: message });
}
