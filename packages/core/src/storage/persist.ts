/**
 * Asks the browser to keep this origin's storage (IndexedDB included) under storage
 * pressure instead of evicting it. Call it from a user gesture where possible: browsers
 * grant it more readily then. Resolves to whether persistence is granted, and to false
 * where the Storage API is missing (Node, old browsers, some private modes).
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (typeof storage?.persist !== 'function') return false;
  return storage.persist();
}
