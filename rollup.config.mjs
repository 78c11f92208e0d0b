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

function library(dir, input) {
  return {
    input: Object.fromEntries(input.map((file) => [file.replace(/\.ts$/, ''), `${dir}/src/${file}`])),
    external,
    plugins: [
      esbuild({ target: 'es2022', tsconfig: `${dir}/tsconfig.json`, minify: false, sourceMap: true }),
      { name: 'minify-templates', transform: (code, id) => minifyTemplates(code, id) ?? null },
    ],
    output: {
      dir: `${dir}/dist`,
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: `${dir}/src`,
      sourcemap: true,
      entryFileNames: '[name].js',
    },
  };
}

export default [
  library('packages/core', ['index.ts', 'testing/index.ts']),
  library('packages/elements', ['index.ts']),
  library('packages/server', ['index.ts']),
];
