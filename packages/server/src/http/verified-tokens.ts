import type { JWTPayload } from 'jose';

/** Tokens remembered at most: forgetting one only costs its next request a verification. */
const MAX_TOKENS = 10_000;

/**
 * How long a verification is trusted, at most, even before the token expires: a key
 * withdrawn from the identity provider's key set stops being honoured within this time.
 */
const TRUSTED_MS = 60_000;

interface Verified {
  readonly payload: JWTPayload;
  readonly until: number;
}

/**
 * Tokens whose signature and claims were verified, by the token itself, so that a
 * client's every request does not verify its signature again (a client sends the same
 * token for hours). A token is trusted until its `exp` (give or take the same tolerance
 * the verification allowed), and never longer than `TRUSTED_MS`; refusals are not
 * remembered, so a token not yet valid (`nbf`) is verified again on its next request.
 */
export class VerifiedTokens {
  readonly #tokens = new Map<string, Verified>();
  readonly #toleranceMs: number;

  constructor(clockToleranceSeconds: number) {
    this.#toleranceMs = clockToleranceSeconds * 1000;
  }

  /** The verified payload of `token`, if it was verified and is still valid at `now` (ms). */
  get(token: string, now: number): JWTPayload | undefined {
    const verified = this.#tokens.get(token);
    if (!verified) return undefined;
    if (now < verified.until) return verified.payload;
    this.#tokens.delete(token);
    return undefined;
  }

  /** Remembers `token`, just verified at `now` (ms), with its payload. */
  add(token: string, payload: JWTPayload, now: number): void {
    // jose refuses a token once `exp <= now - tolerance`: trusted strictly before that instant.
    const expires = typeof payload.exp === 'number' ? payload.exp * 1000 + this.#toleranceMs : Number.POSITIVE_INFINITY;
    const until = Math.min(expires, now + TRUSTED_MS);
    if (until <= now) return;
    this.#tokens.delete(token);
    this.#tokens.set(token, { payload, until });
    if (this.#tokens.size > MAX_TOKENS) {
      const oldest = this.#tokens.keys().next().value;
      if (oldest !== undefined) this.#tokens.delete(oldest);
    }
  }
}
