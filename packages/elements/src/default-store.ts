import { createOkrStore, memoryStorage, type OkrStore } from '@okrkit/core';

let shared: OkrStore | undefined;

/**
 * The store elements use when the host gives them none: one per page, created on first
 * use (importing this module has no side effect), acting as a local admin.
 */
export function defaultStore(): OkrStore {
  shared ??= createOkrStore({
    storage: memoryStorage(),
    actor: { id: 'local-admin', role: 'admin', name: 'You' },
  });
  return shared;
}
