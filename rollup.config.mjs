import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { minifyTemplates } from './scripts/minify-templates.mjs';

/**
 * Library output: ES modules, one file per source module, not minified, with every
 * dependency left external (consumers' bundlers dedupe lit, temporal-polyfill, ...).
 * The .d.ts files come from `tsc -b`, which runs first. The text of Lit's css`` and
 * html`` templates is minified (scripts/minify-templates.mjs): whitespace and comments there
 * reach every user's bundle, and their bundlers leave template text as it is.
 */
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
const templates = { name: 'minify-templates', transform: (code, id) => minifyTemplates(code, id) ?? null };

function library(dir, input) {
  return {
    input: Object.fromEntries(input.map((file) => [file.replace(/\.ts$/, ''), `${dir}/src/${file}`])),
    external,
    plugins: [
      esbuild({ target: 'es2022', tsconfig: `${dir}/tsconfig.json`, minify: false, sourceMap: true }),
      templates,
    ],
    output: {
      // OKRKIT_LIBRARY_OUT: the import-map test builds its own copy into a temporary folder.
      dir: process.env.OKRKIT_LIBRARY_OUT ? `${process.env.OKRKIT_LIBRARY_OUT}/${dir.split('/').pop()}` : `${dir}/dist`,
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: `${dir}/src`,
      sourcemap: true,
      entryFileNames: '[name].js',
    },
  };
}

/**
 * The one-file bundle for `<script type="module" src=...>` on pages without a bundler or an
 * import map: elements and core with lit, @lit/context, idb and temporal-polyfill inside,
 * minified, Lit in its production build. Built from the sources (the `@okrkit/source`
 * condition), so it never depends on the order of the library builds.
 */
const bundle = {
  input: 'packages/elements/src/bundle.ts',
  plugins: [
    nodeResolve({ exportConditions: ['@okrkit/source', 'browser', 'production'], extensions: ['.ts', '.js', '.mjs'] }),
    esbuild({ target: 'es2022', tsconfig: 'packages/elements/tsconfig.json', minify: true, sourceMap: true }),
    templates,
  ],
  // OKRKIT_BUNDLE_FILE: the bundle test builds its own copy into a temporary folder.
  output: {
    file: process.env.OKRKIT_BUNDLE_FILE ?? 'packages/elements/dist/okrkit.bundle.js',
    format: 'es',
    // One file: the command table core loads on first use (command-table.ts) is inside it.
    inlineDynamicImports: true,
    sourcemap: true,
  },
};

const libraries = [
  library('packages/core', ['index.ts', 'internals.ts', 'testing/index.ts']),
  library('packages/elements', ['index.ts', 'react/index.ts', 'locales/de.ts']),
  library('packages/server', ['index.ts', 'cli.ts']),
];

// OKRKIT_ONLY=bundle or =libraries builds that part alone.
export default process.env.OKRKIT_ONLY === 'bundle'
  ? [bundle]
  : process.env.OKRKIT_ONLY === 'libraries'
    ? libraries
    : [...libraries, bundle];
