// Runs a benchmark module in headless Chromium (served from the sources) and returns its rows.

import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

export async function runInBrowser(modulePath) {
  const server = await startDevServer({
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
  const { port } = server.server.address();
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
    protocolTimeout: 1_200_000,
  });
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
