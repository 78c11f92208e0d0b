/** A page's script or its source map, as the demo server answers it. */
export interface BundleAnswer {
  readonly body: string;
  readonly type: string;
  readonly etag: string;
}

/**
 * A bundler for the demo under `root` (the repository): `answer(path)` resolves to the bundle
 * or source map of a page's entry script (`/demo/main.ts`, `/demo/main.ts.map`), or undefined
 * for any other path, and rejects with esbuild's error when the sources do not build;
 * `warm()` builds every bundle ahead of the first visit.
 */
export function demoBundler(root: string): {
  answer(path: string): Promise<BundleAnswer | undefined>;
  warm(): Promise<void>;
};
