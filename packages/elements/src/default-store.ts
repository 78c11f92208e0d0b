import { createOkrStore, indexedDbStorage, memoryStorage, type OkrStore } from '@okrkit/core';
import { isServer } from 'lit';

let shared: OkrStore | undefined;

/**
 * The store elements use when the host gives them none: one per page, created on first
 * use (importing this module has no side effect), acting as a local admin. It keeps
 * sessions in this origin's IndexedDB (database `okrkit`), so that they survive a reload
 * and every tab of the page sees the same sessions. Rendered on a server (@lit-labs/ssr)
 * there is no IndexedDB, and a store there would not be the visitor's anyway: the server
 * renders from an empty in-memory store, and the browser loads the real one after hydration.
 */
export function defaultStore(): OkrStore {
  shared ??= createOkrStore({
    storage: isServer ? memoryStorage() : indexedDbStorage(),
    actor: { id: 'local-admin', role: 'admin', name: 'You' },
  });
  return shared;
}
