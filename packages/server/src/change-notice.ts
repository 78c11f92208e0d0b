import type { StorageChange } from '@okrkit/core';

/** The NOTIFY channel on which every instance announces committed changes. */
export const CHANGE_CHANNEL = 'okrkit_change';

/**
 * What travels on `CHANGE_CHANNEL` (as JSON, far below PostgreSQL's 8,000-byte limit):
 * the change, whose organisation it is, and which adapter made it, so that an adapter
 * that already told its own watchers does not tell them twice.
 */
export interface ChangeNotice extends StorageChange {
  readonly tenant: string;
  readonly origin: string;
}

export function encodeChangeNotice(notice: ChangeNotice): string {
  return JSON.stringify(notice);
}

/** The notice in `payload`, or undefined for anything else (another program may share the channel). */
export function decodeChangeNotice(payload: string): ChangeNotice | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { tenant, origin, sessionId, head } = value as Record<string, unknown>;
  if (typeof tenant !== 'string' || typeof origin !== 'string' || typeof sessionId !== 'string') return undefined;
  if (typeof head !== 'number' || !Number.isInteger(head)) return undefined;
  return { tenant, origin, sessionId, head };
}
