// The README's import map, as written there, on a plain page in Chromium: the packages'
// dist/ and their dependencies served as files from node_modules, no bundler, nothing
// rewritten. The page must show a working <okr-sessions> and load no module the map misses.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium.mjs';
import { type StaticPages, serveStaticPages } from '../test/static-pages.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
const TIMEOUT = 15_000;

/** The README's example page, between its import-map markers. */
function readmePage(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = readme.match(/<!-- import-map -->\s*```html\n([\s\S]*?)```\s*<!-- \/import-map -->/)?.[1];
  if (!block) throw new Error('README.md has no import-map example');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${block}</body></html>`;
}

/** Every .js file under `dir`, keyed by its URL under `prefix`. */
function filesUnder(dir: string, prefix: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const path = join(entry.parentPath, entry.name);
    files[`${prefix}${path.slice(dir.length)}`] = readFileSync(path);
  }
  return files;
}

let folder = '';
let pages: StaticPages | undefined;
let browser: Browser | undefined;

before(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium was not found: set CHROME_PATH to a Chromium or Chrome binary.');
  folder = mkdtempSync(join(tmpdir(), 'okrkit-import-map-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, OKRKIT_ONLY: 'libraries', OKRKIT_LIBRARY_OUT: folder },
  });
  const modules = join(ROOT, 'node_modules');
  pages = await serveStaticPages({
    '/index.html': readmePage(),
    ...Object.fromEntries(
      [
        '@lit/context',
        '@lit/reactive-element',
        'idb',
        'lit',
        'lit-element',
        'lit-html',
        'temporal-polyfill',
        'temporal-utils',
      ].flatMap((name) => Object.entries(filesUnder(join(modules, name), `/node_modules/${name}`))),
    ),
    // The packages as a host installs them: their dist/ (built here, so no earlier build is needed).
    ...filesUnder(join(folder, 'core'), '/node_modules/@okrkit/core/dist'),
    ...filesUnder(join(folder, 'elements'), '/node_modules/@okrkit/elements/dist'),
  });
  browser = await puppeteer.launch({ executablePath, args: [...CHROMIUM_ARGS, '--lang=en-US'], headless: true });
});

after(async () => {
  await browser?.close();
  await pages?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("the README's import map", () => {
  it('loads @okrkit/elements on a plain page: <okr-sessions> shows its empty state with Add session', async () => {
    if (!browser || !pages) throw new Error('not started');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()}: ${response.url()}`);
    });
    await page.goto(`${pages.origin}/index.html`);
    const add = await page
      .waitForSelector('::-p-aria([name="Add session"][role="button"])', { visible: true, timeout: TIMEOUT })
      .catch((error: unknown) => {
        // What the page said is why: a module the map does not name, a 404, an exception.
        throw new Error(`${String(error)}; the page said: ${errors.join(' | ') || 'nothing'}`);
      });
    assert.ok(add);
    const lit = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname),
    );
    assert.ok(lit.includes('/node_modules/lit-html/lit-html.js'), 'lit comes from node_modules through the map');
    assert.ok(lit.includes('/node_modules/temporal-polyfill/fns/PlainDate.js'), 'Temporal by its functional entry');
    assert.ok(!lit.includes('/node_modules/temporal-polyfill/index.js'), 'never its whole class API');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
