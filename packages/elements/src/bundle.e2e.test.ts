// The one-file bundle (dist/okrkit.bundle.js) on a plain HTML page: no bundler, no import
// map, one <script type="module" src=...>. Built here from the sources into a temporary
// folder, served by a bare static server on 127.0.0.1, driven by a headless Chromium.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium.mjs';
import { type StaticPages, serveStaticPages } from '../test/static-pages.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
const TIMEOUT = 15_000;

const PAGES: Record<string, string> = {
  '/index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Plain page</title>
    <script type="module" src="./okrkit.bundle.js"></script>
  </head>
  <body><okr-sessions></okr-sessions></body>
</html>`,
  // Two micro-frontends that each ship their own copy of okrkit.
  '/two-copies.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Two copies</title>
    <script type="module" src="./okrkit.bundle.js"></script>
    <script type="module" src="./okrkit.bundle.js?copy=2"></script>
  </head>
  <body><okr-sessions></okr-sessions></body>
</html>`,
};

let folder = '';
let pages: StaticPages | undefined;
let browser: Browser | undefined;
let origin = '';

before(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium was not found: set CHROME_PATH to a Chromium or Chrome binary.');
  folder = mkdtempSync(join(tmpdir(), 'okrkit-bundle-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, OKRKIT_ONLY: 'bundle', OKRKIT_BUNDLE_FILE: join(folder, 'okrkit.bundle.js') },
  });
  const bundle = readFileSync(join(folder, 'okrkit.bundle.js'));
  pages = await serveStaticPages({ ...PAGES, '/okrkit.bundle.js': bundle });
  origin = pages.origin;
  browser = await puppeteer.launch({ executablePath, args: [...CHROMIUM_ARGS, '--lang=en-US'], headless: true });
});

after(async () => {
  await browser?.close();
  await pages?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  errors: string[];
  warnings: string[];
}

async function open(path: string): Promise<Opened> {
  if (!browser) throw new Error('no browser');
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warn') warnings.push(message.text());
  });
  await page.goto(`${origin}${path}`);
  return { page, errors, warnings };
}

/** The rows of <okr-sessions>' table as a person reads them: id, title. */
function rows(page: Page): Promise<string[]> {
  return page.$$eval('okr-sessions >>> tbody tr', (trs) =>
    trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.innerText.trim()).join(' | ')),
  );
}

describe('the one-file bundle on a plain HTML page', () => {
  it('shows a working <okr-sessions>: a person adds a session and sees it listed', async () => {
    const { page, errors } = await open('/index.html');
    const add = await page.waitForSelector('::-p-aria([name="Add session"][role="button"])', {
      visible: true,
      timeout: TIMEOUT,
    });
    assert.ok(add);
    await add.click();
    const dialog = await page.waitForSelector('::-p-aria([name="Add session"][role="dialog"])', {
      visible: true,
      timeout: TIMEOUT,
    });
    assert.ok(dialog);
    for (const [label, value] of [
      ['Begin', '2027-01-01'],
      ['End', '2027-03-31'],
      ['Title', 'Q1 2027 from a plain page'],
    ] as const) {
      const input = (await page.waitForFunction(
        (root: Element, text: string) =>
          [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)?.control ?? null,
        { timeout: TIMEOUT },
        dialog,
        label,
      )) as ElementHandle<HTMLInputElement>;
      await input.asLocator().fill(value);
    }
    const submit = await dialog.waitForSelector('::-p-aria([name="Add session"][role="button"])', { visible: true });
    await submit?.click();
    await page.waitForFunction(
      () => {
        const host = document.querySelector('okr-sessions');
        return [...(host?.shadowRoot?.querySelectorAll('tbody tr') ?? [])].some((tr) =>
          (tr as HTMLElement).innerText.includes('Q1 2027 from a plain page'),
        );
      },
      { timeout: TIMEOUT },
    );
    assert.match((await rows(page)).join('\n'), /SE-\d+ \| Q1 2027 from a plain page/);
    // The default store is this origin's IndexedDB: the session is still there after a reload.
    await page.reload();
    await page.waitForFunction(
      () => (document.querySelector('okr-sessions')?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) > 0,
      { timeout: TIMEOUT },
    );
    assert.match((await rows(page)).join('\n'), /Q1 2027 from a plain page/);
    assert.deepEqual(errors, []);
    await page.browserContext().close();
  });

  it('exports the core beside the elements, from the same file', async () => {
    const { page, errors } = await open('/index.html');
    const names = await page.evaluate(async () => {
      const bundle: Record<string, unknown> = await import('./okrkit.bundle.js' as string);
      return ['createOkrStore', 'memoryStorage', 'indexedDbStorage', 'OkrSessions', 'OkrSessionSelectEvent'].filter(
        (name) => typeof bundle[name] === 'function',
      );
    });
    assert.deepEqual(names, [
      'createOkrStore',
      'memoryStorage',
      'indexedDbStorage',
      'OkrSessions',
      'OkrSessionSelectEvent',
    ]);
    assert.deepEqual(errors, []);
    await page.browserContext().close();
  });

  it('loads twice on one page (two micro-frontends) without an error: the first copy wins, with a warning', async () => {
    const { page, errors, warnings } = await open('/two-copies.html');
    await page.waitForSelector('::-p-aria([name="Add session"][role="button"])', {
      visible: true,
      timeout: TIMEOUT,
    });
    await page.waitForFunction(() => performance.getEntriesByType('resource').length >= 2, { timeout: TIMEOUT });
    assert.deepEqual(errors, []);
    assert.ok(
      warnings.some((w) => w.includes('<okr-sessions> is already defined by another copy of okrkit')),
      warnings.join('\n'),
    );
    await page.browserContext().close();
  });
});
