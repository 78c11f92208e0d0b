import type { Actor } from '@okrkit/core';

/** The person a request is made by, and their organisation (default: the server's default tenant). */
export interface AuthenticatedActor extends Actor {
  readonly tenant?: string;
}

/**
 * The host's part: who made this request. Resolve with the person, or null when the
 * request carries no valid credentials (the server answers 401). Throwing is treated as
 * null too, so a malformed token never turns into a 500.
 */
export type Authenticate = (request: Request) => Promise<AuthenticatedActor | null> | AuthenticatedActor | null;

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+([^\s]+)\s*$/i.exec(header) : null;
  return match?.[1];
}
