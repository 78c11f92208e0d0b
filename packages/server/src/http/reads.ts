import { createHash } from 'node:crypto';
import { isOkrError, OkrError, type OkrStore, type OwnerFilter, snapshotToCsv } from '@okrkit/core';
import { badRequest } from './http-error.js';

/** A finished week never changes: a browser may keep it for a year without asking again. */
export const IMMUTABLE = 'private, max-age=31536000, immutable';
/** Anything live: kept, but asked about again each time (answered 304 when unchanged). */
export const REVALIDATE = 'private, no-cache';

/** A session hidden from the person reads exactly like one that does not exist. */
export async function visible<T>(id: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isOkrError(error, 'not-allowed')) throw new OkrError('not-found', `Session ${id} does not exist.`);
    throw error;
  }
}

export function ownerFilterOf(owner: string | undefined): OwnerFilter {
  if (owner === undefined || owner === '' || owner === 'all') return 'all';
  if (owner === 'unassigned') return 'unassigned';
  if (owner.length > 200) throw badRequest('owner', 'An owner is a person id of at most 200 characters.');
  return { ownerId: owner };
}

export interface Representation {
  readonly body: string;
  readonly type: string;
  readonly cacheControl: string;
}

/** The snapshot of `week` as JSON or CSV, cacheable for good once the week is finished. */
export async function snapshotRepresentation(
  store: OkrStore,
  id: string,
  week: string,
  owner: OwnerFilter,
  csv: boolean,
): Promise<Representation> {
  const result = await visible(id, () => store.snapshot(id, week, { owner }));
  const finished = result.available && !result.live;
  const cacheControl = finished ? IMMUTABLE : REVALIDATE;
  if (!csv) return { body: JSON.stringify(result), type: 'application/json; charset=utf-8', cacheControl };
  if (!result.available) {
    throw new OkrError('not-found', `Week ${week} has no snapshot (${result.reason}).`);
  }
  return { body: snapshotToCsv(result), type: 'text/csv; charset=utf-8', cacheControl };
}

/** A strong validator of a representation's bytes. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether an `If-None-Match` header names `etag` (or `*`). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}
