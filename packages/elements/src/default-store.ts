import { createOkrStore, indexedDbStorage, type OkrStore } from '@okrkit/core';

let shared: OkrStore | undefined;

/**
 * The store elements use when the host gives them none: one per page, created on first
 * use (importing this module has no side effect), acting as a local admin. It keeps
 * sessions in this origin's IndexedDB (database `okrkit`), so that they survive a reload
 * and every tab of the page sees the same sessions.
 */
export function defaultStore(): OkrStore {
  shared ??= createOkrStore({
    storage: indexedDbStorage(),
    actor: { id: 'local-admin', role: 'admin', name: 'You' },
  });
  return shared;
}
