// Every screen of the gallery (demo/gallery/: each element on fixed sample data, a fixed
// clock, UTC) in headless Chromium, in light, dark, right-to-left and German pages (German
// words are long: the 320 px check below is where they would overflow):
// - compared with the committed baseline PNG at 390, 900 and 1280 px within a tolerance,
//   so that a layout regression fails CI;
// - no horizontal overflow of the page or the element in a 320 px window;
// - axe finds nothing, in light and in dark.
// The light pages run with the operating system set to dark: the elements must follow the
// page's `color-scheme`, not the OS.
//
// Update the baselines after an intended change of the look, and look at what changed:
//   UPDATE_SCREENSHOTS=1 npm test -- e2e      (or: node --conditions=@okrkit/source --import tsx --test demo/e2e/screens.e2e.test.ts)
// A failing comparison writes the new screenshot and a diff beside each other in
// $TMPDIR/okrkit-screens/ and names them in the failure.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

const root = new URL('../..', import.meta.url).pathname;
const BASELINES = join(root, 'demo/e2e/screens');
const FAILURES = join(tmpdir(), 'okrkit-screens');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const WIDTHS = [390, 900, 1280] as const;
const HEIGHT = 900;
const MODES = ['light', 'dark', 'rtl', 'de'] as const;
type Mode = (typeof MODES)[number];
// Kept in step with SCREENS in demo/gallery/gallery.ts (a browser module, not importable here).
const SCREENS = [
  'sessions',
  'snapshot',
  'snapshot-closed',
  'tree',
  'check-in',
  'drawer',
  'list',
  'detail',
  'next-session',
  'access',
] as const;
/** A pixel differs when its colour moved more than this (pixelmatch's YIQ threshold, 0..1): anti-aliasing does not count. */
const PIXEL_THRESHOLD = 0.1;
/** A screen matches when at most this share of its pixels differ (a text caret, a sub-pixel shift). */
const MAX_DIFF_RATIO = 0.002;

let server: Awaited<ReturnType<typeof startDevServer>> | undefined;
let browser: Browser | undefined;
let origin = '';

before(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium was not found: set CHROME_PATH to a Chromium or Chrome binary.');
  server = await startDevServer({
    config: {
      rootDir: root,
      port: 0,
      hostname: '127.0.0.1',
      nodeResolve: { exportConditions: ['@okrkit/source', 'browser', 'production'] },
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
      watch: false,
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const address = server.server?.address() as AddressInfo | undefined;
  if (!address) throw new Error('The gallery server did not start');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await puppeteer.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, '--lang=en-US', '--font-render-hinting=none', '--hide-scrollbars'],
    headless: true,
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The gallery's screen in a fresh context, once everything on it has loaded. */
async function openScreen(screen: string): Promise<{ page: Page; errors: string[] }> {
  if (!browser) throw new Error('No browser');
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.emulateTimezone('UTC');
  await page.setViewport({ width: 1280, height: HEIGHT });
  await page.goto(`${origin}/demo/gallery/index.html?screen=${screen}`);
  await page.waitForSelector('html[data-ready]', { timeout: 30_000 });
  return { page, errors };
}

/**
 * Turns the loaded page light, dark, right-to-left or German, as a host page would (its
 * `color-scheme`, `dir` and `lang`), with the OS saying the opposite: the elements must follow the
 * page. One load per screen, not per mode: seeding the sample data is most of the time.
 */
async function setMode(page: Page, mode: Mode): Promise<void> {
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: mode === 'dark' ? 'light' : 'dark' },
    { name: 'prefers-reduced-motion', value: 'reduce' },
  ]);
  await page.evaluate((m) => {
    document.documentElement.dataset.scheme = m === 'dark' ? 'dark' : 'light';
    document.documentElement.dir = m === 'rtl' ? 'rtl' : 'ltr';
    document.documentElement.lang = m === 'de' ? 'de' : 'en';
  }, mode);
}

/** Lets a new viewport width lay out and paint (resize observers, the snapshot's row window). */
async function resize(page: Page, width: number): Promise<void> {
  await page.setViewport({ width, height: HEIGHT });
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))),
  );
}

function decode(png: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(png));
}

/** Compares the page as it looks with its baseline; writes the baseline when updating. */
async function compareWithBaseline(page: Page, name: string): Promise<void> {
  const shot = await page.screenshot({ type: 'png' });
  const file = join(BASELINES, `${name}.png`);
  const write = () => {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, shot);
  };
  if (!existsSync(file)) {
    write();
    if (!UPDATE) assert.fail(`No baseline for ${name}: wrote ${file}; look at it and commit it.`);
    return;
  }
  const actual = decode(shot);
  const expected = decode(readFileSync(file));
  // Updating rewrites only the baselines that changed beyond the tolerance: no churn of PNGs.
  if (UPDATE && (actual.width !== expected.width || actual.height !== expected.height)) {
    write();
    return;
  }
  const save = () => {
    mkdirSync(FAILURES, { recursive: true });
    const actualFile = join(FAILURES, `${name}.actual.png`);
    writeFileSync(actualFile, shot);
    return actualFile;
  };
  if (actual.width !== expected.width || actual.height !== expected.height) {
    assert.fail(
      `${name}: ${actual.width}x${actual.height}, the baseline is ${expected.width}x${expected.height} (${save()})`,
    );
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
  });
  const ratio = differing / (actual.width * actual.height);
  if (ratio > MAX_DIFF_RATIO && UPDATE) {
    write();
    return;
  }
  if (ratio > MAX_DIFF_RATIO) {
    const actualFile = save();
    const diffFile = join(FAILURES, `${name}.diff.png`);
    writeFileSync(diffFile, PNG.sync.write(diff));
    assert.fail(
      `${name}: ${(ratio * 100).toFixed(2)} % of the pixels differ from the baseline (at most ${MAX_DIFF_RATIO * 100} %). ` +
        `See ${actualFile} and ${diffFile}; if the change is intended, run with UPDATE_SCREENSHOTS=1.`,
    );
  }
}

/** How far the page, and each okr- element and dialog in it, is wider than it shows. */
function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) found.push(`the page: ${page.scrollWidth} > ${page.clientWidth}`);
    for (const host of document.querySelectorAll<HTMLElement>('#frame > *')) {
      const boxes = [host, ...(host.shadowRoot?.querySelectorAll<HTMLElement>('[part~=base], dialog[open]') ?? [])];
      for (const box of boxes) {
        if (box.getClientRects().length === 0) continue;
        const what = box === host ? host.localName : `${host.localName} ${box.localName}.${box.className}`;
        if (box.scrollWidth > box.clientWidth) found.push(`${what}: ${box.scrollWidth} > ${box.clientWidth}`);
        const rect = box.getBoundingClientRect();
        if (rect.left < -0.5 || rect.right > innerWidth + 0.5)
          found.push(`${what}: spans ${Math.round(rect.left)}..${Math.round(rect.right)} of ${innerWidth}`);
      }
    }
    return found;
  });
}

interface AxeResult {
  readonly violations: readonly { id: string; help: string; nodes: readonly { target: unknown }[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
  }
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe.run(document),
  )) as AxeResult;
  return result.violations.map((v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`);
}

for (const screen of SCREENS) {
  describe(`the ${screen} screen`, () => {
    let opened: { page: Page; errors: string[] } | undefined;
    before(async () => {
      opened = await openScreen(screen);
    });
    after(async () => {
      await opened?.page.browserContext().close();
    });

    for (const mode of MODES) {
      it(`${mode}: looks as its baselines at ${WIDTHS.join(', ')} px, fits 320 px${mode === 'rtl' ? '' : ', and axe finds nothing'}`, async () => {
        if (!opened) throw new Error('The screen did not open');
        const { page, errors } = opened;
        await setMode(page, mode);
        await resize(page, WIDTHS[WIDTHS.length - 1] ?? 1280);
        if (mode !== 'rtl') assert.deepEqual(await axeViolations(page), [], 'axe violations');
        for (const width of WIDTHS) {
          await resize(page, width);
          await compareWithBaseline(page, `${screen}-${mode}-${width}`);
        }
        await resize(page, 320);
        assert.deepEqual(await overflows(page), [], 'overflow at 320 px');
        assert.deepEqual(errors, [], 'errors in the page');
      });
    }
  });
}
