/**
 * Where the demo keeps its data: on the demo's okrkit server (the default: every window
 * and person shares it, live), or in this browser only (IndexedDB, `?storage=local`: the
 * embedded mode `<okr-sessions>` uses alone on a bare page).
 */
export const STORAGE_MODES = ['server', 'local'] as const;
export type StorageMode = (typeof STORAGE_MODES)[number];

/** The mode a page address asks for. */
export function storageModeOf(url: URL): StorageMode {
  return url.searchParams.get('storage') === 'local' ? 'local' : 'server';
}

/** The same page in the other mode (its route kept). */
export function addressInMode(url: URL, mode: StorageMode): string {
  const next = new URL(url);
  if (mode === 'local') next.searchParams.set('storage', 'local');
  else next.searchParams.delete('storage');
  return next.href;
}
