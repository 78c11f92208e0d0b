import { OkrError } from '@okrkit/core';

/**
 * SQLSTATE codes of a race lost to another writer. PostgreSQL rolls the transaction
 * back, so nothing was written and the caller may read again and retry.
 */
const LOST_RACE = new Set(['23505', '40001', '40P01']);

/** SQLSTATE class 22 ("data exception"): a value the database cannot take, e.g. an impossible timestamp. */
const BAD_VALUE_CLASS = '22';

/**
 * Turns anything a database client threw into the `OkrError` a caller of okrkit gets,
 * keeping the original as `cause`: a lost race becomes `conflict`, a refused value
 * `invalid-input`, and everything else (connection refused or terminated, an
 * administrator's shutdown, a failing disk, a bug in our SQL) `storage`, which says the
 * database is away or broken. A connection lost during COMMIT leaves unknown whether the
 * change was kept, so after `storage` a writer reads the head again before retrying.
 */
export function databaseError(cause: unknown, doing: string): OkrError {
  if (cause instanceof OkrError) return cause;
  const code = sqlState(cause);
  const detail = cause instanceof Error ? cause.message : String(cause);
  if (code !== undefined && LOST_RACE.has(code)) {
    return new OkrError('conflict', `Could not ${doing}: another change got there first (${detail}). Try again.`, {
      cause,
    });
  }
  if (code?.startsWith(BAD_VALUE_CLASS)) {
    return new OkrError('invalid-input', `Could not ${doing}: ${detail}. Nothing was saved.`, { cause });
  }
  return new OkrError('storage', `Could not ${doing}: the database failed (${detail}).`, { cause });
}

/** The five-character SQLSTATE of a PostgreSQL error (pg and PGlite both put it on `code`), if any. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * The unique constraint that `error` (or an error it was made from) violated, if it is a
 * unique violation: tells a row written before apart from other lost races.
 */
export function violatedUniqueKey(error: unknown): string | undefined {
  for (let at = error, depth = 0; typeof at === 'object' && at !== null && depth < 5; depth++) {
    const { constraint } = at as { constraint?: unknown };
    if (sqlState(at) === '23505' && typeof constraint === 'string') return constraint;
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
}
