import { storageError } from './errors.js';

type Commands = typeof import('./commands.js');

/**
 * A loader of a module on first use: one load shared by everyone who asks while it is on
 * its way; a load that fails (the network went away) rejects with an `OkrError` of code
 * `storage` and is tried again by the next caller.
 */
export function onFirstUse<T>(load: () => Promise<T>, doing: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw storageError(error, doing);
    });
    return loading;
  };
}

/**
 * The command table (every command's validator and planner, the import's checks with it),
 * loaded when a store first runs a command: a page that only shows sessions and snapshots
 * does not download it before its first view. In a browser it is fetched once the page is
 * idle (`prefetchCommands`), so that the first click does not wait for it.
 */
export const loadCommands: () => Promise<Commands> = /* @__PURE__ */ onFirstUse(
  () => import('./commands.js'),
  'load the commands',
);

/** Loads the command table when the browser is next idle (nothing in Node, where the first command loads it from disk). */
export function prefetchCommands(): void {
  const idle = (globalThis as { requestIdleCallback?: (run: () => void, options?: { timeout: number }) => void })
    .requestIdleCallback;
  idle?.(() => void loadCommands().catch(() => undefined), { timeout: 5000 });
}
