// The React wrappers in a real React 19 app in Chromium: props reach the element as
// properties (the store object, a boolean), and a person's click reaches the `onOkr...`
// prop as the element's own event class. The app is bundled by esbuild, as a host's
// bundler would, and served as a plain page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../../../scripts/chromium.mjs';
import { type StaticPages, serveStaticPages } from '../../test/static-pages.js';

const ROOT = new URL('../../../..', import.meta.url).pathname;
const TIMEOUT = 15_000;

const APP = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createOkrStore, memoryStorage } from '@okrkit/core';
import { OkrSessions } from '@okrkit/elements/react';
import { OkrSessionSelectEvent } from '@okrkit/elements/events/okr-session-select-event.js';

const store = createOkrStore({ storage: memoryStorage(), actor: { id: 'ada', role: 'admin' } });
await store.createSession({ title: 'Q1 2027 in React', start: '2027-01-01', end: '2027-03-31' });
await store.createSession({ title: 'Q4 2026 archived', start: '2026-10-01', end: '2026-12-31' });
window.selected = [];
const record = (event) =>
  window.selected.push((event instanceof OkrSessionSelectEvent) + ' ' + event.type + ': ' + event.session.title);
// ?tag: the tag itself, as React 19 JSX writes it (props set as properties, on + the event's name).
const app = location.search === '?tag'
  ? createElement('okr-sessions', { store, includeArchived: true, 'onokr-session-select': record })
  : createElement(OkrSessions, { store, includeArchived: true, onOkrSessionSelect: record });
createRoot(document.getElementById('root')).render(app);
`;

let browser: Browser | undefined;
let pages: StaticPages | undefined;

before(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium was not found: set CHROME_PATH to a Chromium or Chrome binary.');
  const bundled = await build({
    stdin: { contents: APP, resolveDir: ROOT, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    conditions: ['@okrkit/source', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  pages = await serveStaticPages({
    '/index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
      <script type="module" src="./app.js"></script></head><body><div id="root"></div></body></html>`,
    '/app.js': bundled.outputFiles[0]?.contents ?? '',
  });
  browser = await puppeteer.launch({ executablePath, args: [...CHROMIUM_ARGS, '--lang=en-US'], headless: true });
});

after(async () => {
  await browser?.close();
  await pages?.close();
});

describe('React wrappers (@okrkit/elements/react)', () => {
  for (const [how, query] of [
    ['the OkrSessions wrapper and onOkrSessionSelect', ''],
    ['the <okr-sessions> tag itself (React 19) and onokr-session-select', '?tag'],
  ]) {
    it(`renders <okr-sessions> from React props and hands a row click to ${how}`, async () => {
      if (!browser || !pages) throw new Error('not started');
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${pages.origin}/index.html${query}`);
      // includeArchived and store arrived as properties: the store's sessions are listed.
      await page.waitForFunction(
        () => (document.querySelector('okr-sessions')?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) === 2,
        { timeout: TIMEOUT },
      );
      const row = await page.waitForSelector('okr-sessions >>> tbody tr ::-p-text(Q1 2027 in React)', {
        visible: true,
        timeout: TIMEOUT,
      });
      await row?.click();
      await page.waitForFunction(() => (window as unknown as { selected: string[] }).selected.length > 0, {
        timeout: TIMEOUT,
      });
      const selected = await page.evaluate(() => (window as unknown as { selected: string[] }).selected);
      assert.deepEqual(selected, ['true okr-session-select: Q1 2027 in React']);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
