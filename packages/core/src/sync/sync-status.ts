import type { Command } from '../command-types.js';
import type { OkrError } from '../errors.js';

/**
 * Where a sync store stands, for a quiet status line ("Saving…", "3 changes waiting", "Offline").
 * - `connection`: `connecting` until the server first answered, `online` while it answers,
 *   `offline` while it cannot be reached (changes wait in the outbox meanwhile);
 * - `pending`: commands made here that the server has not confirmed yet;
 * - `saving`: a push is on its way;
 * - `lastError`: the last failure talking to the server or refusal of a change, until the next success.
 */
export interface SyncStatus {
  readonly connection: 'connecting' | 'online' | 'offline';
  readonly pending: number;
  readonly saving: boolean;
  readonly lastError: OkrError | undefined;
}

/**
 * What a sync store tells: its status changed, or the server refused a command on arrival
 * (it has left the outbox, and what it showed is gone: it was never saved).
 */
export type SyncEvent =
  | { readonly type: 'status'; readonly status: SyncStatus }
  | { readonly type: 'refused'; readonly error: OkrError; readonly command: Command; readonly mutationId: number };

export const INITIAL_SYNC_STATUS: SyncStatus = Object.freeze({
  connection: 'connecting',
  pending: 0,
  saving: false,
  lastError: undefined,
});

/** A storage adapter that syncs with a server: its status and events, which the store passes on. */
export interface SyncingStorage {
  readonly syncStatus: SyncStatus;
  subscribeSync(listener: (event: SyncEvent) => void): () => void;
}

export function isSyncing(storage: object): storage is SyncingStorage {
  return 'syncStatus' in storage && typeof (storage as Partial<SyncingStorage>).subscribeSync === 'function';
}
