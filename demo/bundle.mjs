// The demo's page scripts as one minified bundle each, built in memory by esbuild from the
// packages' sources: a first visit fetches and parses one file instead of some two hundred
// modules (about 1.3 s down to about half a second on this machine's cold snapshot page).
// A bundle is rebuilt when one of its input files changed since it was built, so an edit
// shows on the next reload without a watcher. Every other module under demo/ (a page of
// your own) is still served unbundled by the dev server.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

/** The pages' entry scripts, by the path the pages load them from. */
const ENTRIES = ['/demo/main.ts', '/demo/gallery/gallery.ts'];

/**
 * A bundler for the demo under `root` (the repository). `answer(path)` resolves to the
 * bundle or source map for `path` (`/demo/main.ts`, `/demo/main.ts.map`) as `{ body, type,
 * etag }`, or undefined for any other path; it rejects with esbuild's error when the
 * sources do not build; `warm()` builds every bundle ahead of the first visit.
 */
export function demoBundler(root) {
  /** Per entry: the build in flight or done, with the inputs' modification times it saw. */
  const built = new Map();

  async function fresh(entry) {
    const current = built.get(entry);
    if (current) {
      const done = await current.catch(() => undefined);
      if (done && !changed(done.inputs)) return done;
      // A failed build is tried again: the error may have been fixed meanwhile.
      if (built.get(entry) !== current) return fresh(entry);
    }
    const next = bundle(root, entry);
    built.set(entry, next);
    return next;
  }

  return {
    async answer(path) {
      const map = path.endsWith('.map');
      const entry = map ? path.slice(0, -'.map'.length) : path;
      if (!ENTRIES.includes(entry)) return undefined;
      const built = await fresh(entry);
      const { body, etag } = map ? built.map : built.script;
      const type = map ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8';
      return { body, type, etag };
    },
    async warm() {
      await Promise.all(ENTRIES.map((entry) => fresh(entry).catch(() => undefined)));
    },
  };
}

async function bundle(root, entry) {
  const file = join(root, entry);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: true,
    conditions: ['@okrkit/source', 'browser', 'production'],
    tsconfig: join(root, 'tsconfig.json'),
    // The output file is named after the entry, so the linked map is `<entry>.map`.
    outfile: `${file}.js`,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'));
  const name = entry.split('/').pop();
  const inputs = await Promise.all(
    Object.keys(result.metafile.inputs).map(async (input) => {
      const path = join(root, input);
      return { path, mtimeMs: (await stat(path)).mtimeMs };
    }),
  );
  return {
    script: tagged(code.text.replace(/\/\/# sourceMappingURL=\S+\s*$/, `//# sourceMappingURL=${name}.map\n`)),
    map: tagged(sourcesRelativeTo(map.text, root, dirname(file))),
    inputs,
  };
}

/** A body with its ETag, hashed once per build rather than on every request (half a megabyte each time). */
function tagged(body) {
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"` };
}

/** The map's source paths as the repository names them (`packages/core/src/store.ts`), not the build's temp folder. */
function sourcesRelativeTo(text, root, from) {
  const map = JSON.parse(text);
  map.sources = map.sources.map((source) => `/${relative(root, join(from, source))}`);
  return JSON.stringify(map);
}

/**
 * Whether any input changed since the build. Asked on every request of the page's script, for
 * some two hundred files: synchronous calls take about 2 ms here, where awaiting each `stat`
 * took 10 to 20 ms of every cold load (all at once through the thread pool, still 7 to 12).
 */
function changed(inputs) {
  for (const { path, mtimeMs } of inputs) {
    const now = statSync(path, { throwIfNoEntry: false });
    if (!now || now.mtimeMs !== mtimeMs) return true;
  }
  return false;
}
