// Runs a benchmark module in headless Chromium (served from the sources) and returns its rows.

import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

async function startBenchServer() {
  return startDevServer({
    config: {
      rootDir: new URL('..', import.meta.url).pathname,
      port: 0,
      hostname: '127.0.0.1',
      nodeResolve: { exportConditions: ['@okrkit/source', 'browser', 'production'] },
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
}

function launch() {
  return puppeteer.launch({
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
    protocolTimeout: 1_200_000,
  });
}

export async function runInBrowser(modulePath) {
  const server = await startBenchServer();
  const { port } = server.server.address();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    let failure;
    page.on('pageerror', (error) => {
      failure = error;
      console.error(error);
    });
    await page.goto(`http://127.0.0.1:${port}/bench/browser/blank.html`);
    await page.evaluate(() => window.addEventListener('error', () => (globalThis.benchFailed = true)));
    await page.evaluate(() => window.addEventListener('unhandledrejection', () => (globalThis.benchFailed = true)));
    await page.addScriptTag({ url: `http://127.0.0.1:${port}/${modulePath}`, type: 'module' });
    // An uncaught error in the benchmark ends the wait at once instead of after the timeout.
    await page.waitForFunction(() => globalThis.benchResult !== undefined || globalThis.benchFailed, {
      timeout: 1_200_000,
      polling: 500,
    });
    if (failure) throw failure;
    return await page.evaluate(() => globalThis.benchResult);
  } finally {
    await browser.close();
    await server.stop();
  }
}

const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * A check-in in one tab rendered in another: two pages of one browser over one IndexedDB
 * (bench/browser/tabs.ts), the large organisation of the demo. Median of `runs` check-ins.
 */
export async function runTabs(runs = 7) {
  const server = await startBenchServer();
  const { port } = server.server.address();
  const browser = await launch();
  try {
    const open = async () => {
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error(error));
      await page.goto(`http://127.0.0.1:${port}/bench/browser/blank.html`);
      await page.addScriptTag({ url: `http://127.0.0.1:${port}/bench/browser/tabs.ts`, type: 'module' });
      await page.waitForFunction(() => globalThis.benchReady === true, { timeout: 120_000 });
      return page;
    };
    const writer = await open();
    const viewer = await open();
    const sessionId = await writer.evaluate(() => globalThis.benchTabs.seed());
    let shown = await viewer.evaluate((id) => globalThis.benchTabs.view(id), sessionId);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const seen = viewer.evaluate((before) => globalThis.benchTabs.changed(before), shown);
      const started = await writer.evaluate((id, value) => globalThis.benchTabs.checkIn(id, value), sessionId, 1 + i);
      const at = await seen;
      times.push(at - started);
      shown = await viewer.evaluate(
        () =>
          new Promise((resolve) =>
            requestAnimationFrame(() =>
              resolve(
                document
                  .querySelector('okr-snapshot')
                  ?.shadowRoot?.querySelector('[data-id="kr0-0"] .pct')
                  ?.textContent?.trim(),
              ),
            ),
          ),
      );
    }
    const ms = middle(times);
    return [
      {
        group: 'browser',
        scenario: 'A check-in in one tab rendered in another (large organisation, IndexedDB + BroadcastChannel)',
        size: '750 objectives, 3,000 key results, 12 weeks',
        okrkit: ms,
        goal: '<= 30 ms',
        met: ms <= 30,
        note: `from the command's start in one page to the other page's DOM showing the value; median of ${runs}`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

/**
 * The demo's snapshot page loaded cold: the demo server as `npm start` runs it
 * (demo/serve.mjs: the page's script one bundle built in memory) and a browser whose IndexedDB the demo has already seeded;
 * each load in a new page with the HTTP cache off, timed from navigation start to the first
 * rows of <okr-snapshot> in the DOM. Median of `runs` loads.
 */
export async function runDemoColdLoad(runs = 5) {
  const { startDemoServer } = await import('../demo/serve.mjs');
  const { url, stop } = await startDemoServer(0);
  const browser = await launch();
  try {
    const seeding = await browser.newPage();
    await seeding.goto(url);
    await seeding.waitForFunction(() => (document.querySelector('demo-app')?.sessions?.length ?? 0) > 0, {
      timeout: 120_000,
    });
    const sessionId = await seeding.evaluate(
      () => document.querySelector('demo-app').sessions.find((s) => s.state === 'in_progress')?.id,
    );
    await seeding.close();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.setCacheEnabled(false);
      await page.goto(`${url}#/session/${sessionId}/snapshot`);
      const ms = await page.waitForFunction(
        () => {
          const snapshot = document.querySelector('demo-app')?.shadowRoot?.querySelector('okr-snapshot');
          const rows = snapshot?.shadowRoot?.querySelectorAll('[part~=row]').length ?? 0;
          return rows > 0 ? performance.now() : false;
        },
        { timeout: 120_000, polling: 'raf' },
      );
      times.push(await ms.jsonValue());
      await page.close();
    }
    const ms = middle(times);
    return [
      {
        group: 'cold',
        scenario: "Cold load of the demo's snapshot page, seeded (npm start: one bundled script, HTTP cache off)",
        size: `session ${sessionId}`,
        okrkit: ms,
        goal: '<= 300 ms',
        met: ms <= 300,
        note: `navigation start to the first rows; median of ${runs}`,
      },
    ];
  } finally {
    await browser.close();
    await stop();
  }
}
