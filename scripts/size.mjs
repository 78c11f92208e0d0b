#!/usr/bin/env node
// `npm run size`: what each entry point costs a page, minified + gzipped, *with* every
// dependency it pulls (core with idb and temporal-polyfill; elements with lit, @lit/context
// and core), beside its budget and its goal; core's own code is also measured alone, as the
// goal for it is stated. Exits non-zero when an entry is over budget.
//
// A budget is what the entry weighs now plus a little room, so that a regression fails CI
// (raised on 2026-12-02 for the command table, the strict import and session checks in core,
// and the responsive, dark-mode, RTL and split okr-list work in the elements: +7 KB and +12 KB;
// raised again the same day for the sync client (syncStorage: protocol, outbox, IndexedDB
// cache, tabs), +5.5 KB in core's whole API and the bundle; a page that does not import
// syncStorage does not pay for it: the elements' own entries stayed where they were);
// raised once more the same day, +1.5-2.5 KB everywhere, for core's speed work (issue 22: the
// check-in index, weekly progress in one pass, the carried remote entries) and the person's own
// time on late check-ins (issue 19); the goals below are far off and issue 22 says so);
// a goal is what it should weigh (issue 21/performance: 60 KB for everything, 15 KB for
// core) and is reported, not enforced, until it is met.
//
// Each entry is bundled from the packages' sources through their `exports` maps (the
// `@okrkit/source` condition) as Vite bundles for production (Rollup, each chunk minified by
// esbuild), with the text of Lit templates minified as the library build does
// (scripts/minify-templates.mjs), so the size measured is the size shipped, and no build is
// needed first. What an entry loads on first use (an `import()`ed chunk) is reported beside it.
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { minifyTemplates } from './minify-templates.mjs';

const root = new URL('..', import.meta.url).pathname;
const KB = 1024;

/** The text of Lit templates minified, as the library build does (rollup.config.mjs). */
const templatesAsShipped = { name: 'minify-templates', transform: (code, id) => minifyTemplates(code, id) ?? null };

/** Whether `id` is one of the packages `patterns` names, or a subpath of one (as esbuild's `external` reads them). */
function matches(id, patterns) {
  return patterns.some((p) => {
    const name = p.endsWith('/*') ? p.slice(0, -2) : p;
    return id === name || id.startsWith(`${name}/`);
  });
}

/**
 * What a page imports, its budget and its goal (KB, min+gzip, with dependencies). `use` is
 * the import as a host writes it: a bare import for entries that register elements, one
 * named export for a class from a module without side effects.
 */
export const ENTRIES = [
  { name: '@okrkit/core', use: "export * from '@okrkit/core';", budget: 47.5 },
  {
    name: '@okrkit/core (its own code: without idb, temporal-polyfill)',
    use: "export * from '@okrkit/core';",
    external: ['idb', 'temporal-polyfill'],
    // 37.0 KB (the ids' random bytes drawn 64 at a time added 0.3 KB), then 37.7 KB with group
    // commit (CommandGroups, the planner as a class of its own, the tag a command's write carries:
    // +0.6 KB): a third of a KB of room.
    budget: 38.5,
    goal: 15,
  },
  // The drawer (and so <okr-sessions> and the whole set) grew by 1.2 KB for <okr-next-session> and
  // <okr-access-editor> (issue #20 item 9): the budgets rose by 2 KB with them. <okr-snapshot>, <okr-list>
  // and <okr-tree> each carry an <okr-detail> (item 8; 3.5-5 KB with the progress and format code the
  // tree did not need before): their budgets rose by that, the whole set's by 3 KB more.
  // Merged the same day: the language registry (every element resolves its texts and locale through it),
  // the sync status line, <okr-detail> carried by snapshot, list and tree: each entry grew 1-2 KB.
  // Core's calendar code moved to temporal-polyfill's functional entry (fns/*): every entry
  // with core fell by about 10.5 KB, and the budgets with it.
  // <okr-snapshot> split into modules of plain functions and two small classes: the names of
  // their parameters' fields and methods are not minified as the element's #private ones were,
  // about 0.9 KB min+gzip; the whole set's and the bundle's budgets rose by 1 KB.
  // <okr-check-in> split the same way (its draft, fields, form, history, dialog flow and editor):
  // the names of the parts' inputs and of the two classes' handlers, which stay as written, cost
  // 0.6-0.8 KB min+gzip in every entry that carries it (the element itself, <okr-list>, the whole
  // set, the bundle); their budgets rose by 0.5-1 KB, to keep a quarter KB or more of room.
  // <okr-snapshot> for speed (issue 22): Lit's `live` directive (aria-busy set without a render of
  // every row), its formats made while storage reads, the owner choices kept across check-ins:
  // 68.8 -> 69.2 KB, its budget up by half a KB. With core's group commit (+0.6 KB in every entry
  // that carries core): <okr-snapshot> 69.7 KB, the whole set 100.0; their budgets up by half a KB.
  // Finished weeks kept in storage (week-results.ts, stored-week.ts) added 1.5 KB to core's own
  // code (37.7 -> 39.2 KB) and so to every entry that carries core: each budget up by 1.5 KB.
  // The drawer's and the sessions table's parts as controllers of their own (files of one
  // concept each, classes under about 300 lines) cost 0.4-0.5 KB in the entries that carry
  // them (okr-sessions 66.3 -> 66.8 KB, the bundle 108.4 -> 108.8, the drawer 61.3 -> 61.8, the
  // whole set 101.5 -> 101.9): those budgets up by 1 KB (the drawer's and the set's by half a KB).
  // 2026-12-04: measured as Vite bundles for production (Rollup, then esbuild's minifier), split
  // into what a page loads first and what it loads on first use; the same code measured so gave
  // the whole set 103.2 KB (esbuild alone: 101.9). The command table (commands.ts with the import's
  // checks and the input validators, 9.4 KB) is now loaded by a store's first command
  // (command-table.ts), so every entry with a store fell by 8.5-10 KB before its first view (the
  // whole set 103.2 -> 93.7 KB, <okr-snapshot> 72.8 -> 62.6 KB): every budget down with it, to
  // about 1 KB of room. Core's own `export *` keeps `readSessionExport` (the import's checks) in its
  // first chunk: only the 3.6 KB of the table itself is deferred there.
  { name: '@okrkit/elements (all)', use: "export * from '@okrkit/elements';", budget: 94.5, goal: 60 },
  {
    name: '@okrkit/elements/bundle (elements and core)',
    use: "export * from '@okrkit/elements/bundle';",
    budget: 107.5,
  },
  { name: '@okrkit/elements/okr-sessions.js', use: "import '@okrkit/elements/okr-sessions.js';", budget: 58.5 },
  { name: '@okrkit/elements/okr-snapshot.js', use: "import '@okrkit/elements/okr-snapshot.js';", budget: 63.5 },
  { name: '@okrkit/elements/okr-list.js', use: "import '@okrkit/elements/okr-list.js';", budget: 69.5 },
  { name: '@okrkit/elements/okr-tree.js', use: "import '@okrkit/elements/okr-tree.js';", budget: 55.5 },
  { name: '@okrkit/elements/okr-check-in.js', use: "import '@okrkit/elements/okr-check-in.js';", budget: 53.5 },
  {
    name: '@okrkit/elements/okr-session-drawer.js',
    use: "import '@okrkit/elements/okr-session-drawer.js';",
    budget: 53.5,
  },
  {
    name: '@okrkit/elements/okr-next-session.js',
    use: "import '@okrkit/elements/okr-next-session.js';",
    budget: 47.5,
  },
  {
    name: '@okrkit/elements/okr-access-editor.js',
    use: "import '@okrkit/elements/okr-access-editor.js';",
    budget: 47.5,
  },
  { name: '@okrkit/elements/okr-detail.js', use: "import '@okrkit/elements/okr-detail.js';", budget: 51 },
  { name: '@okrkit/elements/okr-provider.js', use: "import '@okrkit/elements/okr-provider.js';", budget: 7 },
  {
    name: '@okrkit/elements/locales/de.js (German texts, registered)',
    use: "import '@okrkit/elements/locales/de.js';",
    budget: 5.5,
  },
  {
    name: 'OkrSessionSelectEvent (events/*.js)',
    use: "export { OkrSessionSelectEvent } from '@okrkit/elements/events/okr-session-select-event.js';",
    budget: 0.5,
  },
];

/**
 * Minified and min+gzip bytes of what `use` pulls in, dependencies included (but `external`),
 * templates minified as shipped, bundled and split as Vite does for production (Rollup, its
 * chunks minified by esbuild): `min` and `gzip` are what a page downloads before its first
 * view (the entry and the chunks it imports statically), `lazyMin` and `lazyGzip` what it
 * loads on first use (`import()`ed chunks: the command table, on the first command). Each
 * file is gzipped on its own, as a server sends it. (esbuild's own splitting puts a module in
 * the page's first chunk when the index re-exports it at all, used or not: Rollup keeps to
 * what is used.)
 */
export async function sizeOf(use, external = []) {
  const bundle = await rollup({
    input: 'entry',
    external: (id) => matches(id, ['react', 'react-dom', ...external]),
    plugins: [
      { name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? use : null) },
      nodeResolve({
        exportConditions: ['@okrkit/source', 'browser', 'production'],
        extensions: ['.ts', '.js', '.mjs'],
        rootDir: root,
      }),
      esbuild({
        target: 'es2022',
        tsconfig: `${root}packages/elements/tsconfig.json`,
        minify: false,
        sourceMap: false,
      }),
      templatesAsShipped,
    ],
    onLog: () => undefined,
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  /** The entry and every chunk it reaches through static imports. */
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  visit([...chunks.values()].find((c) => c.isEntry).fileName);
  const sizes = { min: 0, gzip: 0, lazyMin: 0, lazyGzip: 0 };
  for (const [name, chunk] of chunks) {
    const { code } = await transform(chunk.code, { minify: true, format: 'esm', target: 'es2022' });
    const min = Buffer.byteLength(code);
    const gzip = gzipSync(code, { level: 9 }).length;
    if (initial.has(name)) {
      sizes.min += min;
      sizes.gzip += gzip;
    } else {
      sizes.lazyMin += min;
      sizes.lazyGzip += gzip;
    }
  }
  return sizes;
}

export async function measure() {
  const rows = [];
  for (const { name, use, external, budget, goal } of ENTRIES) {
    rows.push({ name, ...(await sizeOf(use, external)), budget: budget * KB, ...(goal ? { goal: goal * KB } : {}) });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (n) => `${(n / KB).toFixed(1)} KB`;
  const rows = await measure();
  console.log(
    '| entry (with its dependencies) | minified | min+gzip | budget | goal | loaded on first use, min+gzip |',
  );
  console.log('| --- | ---: | ---: | ---: | --- | ---: |');
  for (const r of rows) {
    const budget = r.gzip <= r.budget ? kb(r.budget) : `${kb(r.budget)} **OVER BUDGET**`;
    const goal = r.goal === undefined ? '' : r.gzip <= r.goal ? `${kb(r.goal)} met` : `${kb(r.goal)} over goal`;
    const lazy = r.lazyGzip > 0 ? kb(r.lazyGzip) : '';
    console.log(`| ${r.name} | ${kb(r.min)} | ${kb(r.gzip)} | ${budget} | ${goal} | ${lazy} |`);
  }
  const over = rows.filter((r) => r.gzip > r.budget);
  if (over.length > 0) {
    console.error(
      `\n${over.map((r) => r.name).join(', ')}: over budget. Make it smaller, or raise the budget in scripts/size.mjs and say why.`,
    );
    process.exit(1);
  }
}
