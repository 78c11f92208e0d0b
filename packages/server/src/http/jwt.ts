import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { type Authenticate, type AuthenticatedActor, bearerToken } from './authenticate.js';
import { VerifiedTokens } from './verified-tokens.js';

export interface JwtAuthenticatorOptions {
  /** A shared secret (HS256), at least 32 characters. Give this or `jwksUrl`. */
  readonly secret?: string;
  /** The identity provider's JSON Web Key Set (RS256, ES256, ...), fetched and cached by jose. */
  readonly jwksUrl?: string | URL;
  /** Refuse tokens from any other issuer (`iss`). */
  readonly issuer?: string;
  /** Refuse tokens meant for anyone else (`aud`). */
  readonly audience?: string;
  /** Maps the verified claims to the person. Default: `sub`, `role`, `name`, `teams`, `tenant`. */
  readonly claims?: (payload: JWTPayload) => AuthenticatedActor | null;
  /** Seconds of clock difference tolerated on `exp` and `nbf`. Default 5. */
  readonly clockTolerance?: number;
}

/** The default mapping: `sub` is the id; `role`, `name`, `teams` and `tenant` are claims of those names. */
export function actorOfClaims(payload: JWTPayload): AuthenticatedActor | null {
  const { sub, role, name, teams, tenant } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || typeof role !== 'string') return null;
  return {
    id: sub,
    role: role as AuthenticatedActor['role'],
    ...(typeof name === 'string' ? { name } : {}),
    ...(Array.isArray(teams) ? { teams: teams as string[] } : {}),
    ...(typeof tenant === 'string' ? { tenant } : {}),
  };
}

/**
 * Authenticates `Authorization: Bearer <JWT>` with jose: signature (shared secret or
 * JWKS), expiry, issuer and audience. The actor it returns is checked again by the core
 * (a role that is not one of okrkit's is refused there). A verified token is remembered
 * until it expires (at most a minute; see `VerifiedTokens`), so that a client's every
 * request does not pay for the signature again.
 */
export function jwtAuthenticator(options: JwtAuthenticatorOptions): Authenticate {
  const key = keyOf(options);
  const claims = options.claims ?? actorOfClaims;
  const clockTolerance = options.clockTolerance ?? 5;
  const verifyOptions = {
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
    clockTolerance,
  };
  const verified = new VerifiedTokens(clockTolerance);
  return async (request) => {
    const token = bearerToken(request);
    if (!token) return null;
    const known = verified.get(token, Date.now());
    if (known) return claims(known);
    try {
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, verifyOptions)
          : await jwtVerify(token, key, verifyOptions);
      verified.add(token, payload, Date.now());
      return claims(payload);
    } catch {
      return null;
    }
  };
}

function keyOf(options: JwtAuthenticatorOptions): Uint8Array | JWTVerifyGetKey {
  if (options.secret !== undefined && options.jwksUrl !== undefined) {
    throw new TypeError('jwtAuthenticator: give a secret or a jwksUrl, not both.');
  }
  if (options.jwksUrl !== undefined) return createRemoteJWKSet(new URL(options.jwksUrl));
  if (typeof options.secret !== 'string' || options.secret.length < 32) {
    throw new TypeError('jwtAuthenticator: the shared secret must be at least 32 characters.');
  }
  return new TextEncoder().encode(options.secret);
}

export interface SignTokenOptions {
  readonly secret: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** Lifetime, as jose takes it (`'8h'`, `'15m'`) or seconds. Default 8 hours. */
  readonly expiresIn?: string | number;
}

/** A token for `actor` signed with a shared secret: for development, demos and tests. */
export async function signToken(actor: AuthenticatedActor, options: SignTokenOptions): Promise<string> {
  const { id, role, name, teams, tenant } = actor;
  let jwt = new SignJWT({ role, ...(name ? { name } : {}), ...(teams ? { teams } : {}), ...(tenant ? { tenant } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(id)
    .setIssuedAt();
  const expiresIn = options.expiresIn ?? '8h';
  jwt = jwt.setExpirationTime(typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn);
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret));
}
