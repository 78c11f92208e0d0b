#!/usr/bin/env node
// `npm run size`: minified + gzipped size of each package entry, without its dependencies
// (core without idb and temporal-polyfill; elements without lit, @lit/context and core),
// beside its budget. Bundles the sources, so no build is needed first, with the text of
// Lit templates minified as the library build does (scripts/minify-templates.mjs), so the
// size measured is the size shipped.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minifyTemplates } from './minify-templates.mjs';

/** Each source module compiled on its own, then its templates minified: what rollup.config.mjs does. */
const templatesAsShipped = {
  name: 'minify-templates',
  setup(bundler) {
    bundler.onLoad({ filter: /\/packages\/[^/]+\/src\/.*\.ts$/ }, async ({ path }) => {
      const compiled = await build({
        entryPoints: [path],
        bundle: false,
        format: 'esm',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      });
      const code = compiled.outputFiles[0].text;
      return { contents: minifyTemplates(code, path)?.code ?? code, loader: 'js' };
    });
  },
};

const entries = [
  { name: '@okrkit/core', entry: 'packages/core/src/index.ts', budget: 15 * 1024 },
  { name: '@okrkit/elements', entry: 'packages/elements/src/index.ts', budget: 40 * 1024 },
];

export async function measure() {
  const rows = [];
  for (const { name, entry, budget } of entries) {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      external: ['lit', 'lit/*', '@lit/context', '@okrkit/core', 'idb', 'temporal-polyfill'],
      logLevel: 'silent',
      plugins: [templatesAsShipped],
    });
    const code = result.outputFiles[0].contents;
    rows.push({ name, min: code.length, gzip: gzipSync(code, { level: 9 }).length, budget });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log('| package | minified | min+gzip | budget | within |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const r of await measure()) {
    console.log(
      `| ${r.name} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.budget)} | ${r.gzip <= r.budget ? 'yes' : 'NO'} |`,
    );
  }
}
