// Runs a benchmark module in headless Chromium (served from the sources) and returns its rows.

import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { startBenchPages } from './bench-pages.ts';

function launch() {
  return puppeteer.launch({
    executablePath: findChromium(),
    // --expose-gc: a bench collects before a timed first view (bench/browser/render.bench.ts).
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
    headless: true,
    protocolTimeout: 1_200_000,
  });
}

export async function runInBrowser(modulePath) {
  const server = await startBenchPages();
  const { port } = server;
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
  const server = await startBenchPages();
  const { port } = server;
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

/** Opens bench/browser/sync.ts in a new page of `browser` on the sync host's origin. */
async function openSyncPage(browser, origin) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(error));
  await page.goto(`${origin}/bench/browser/blank.html`);
  await page.addScriptTag({ url: `${origin}/bench/browser/sync.ts`, type: 'module' });
  await page.waitForFunction(() => globalThis.benchReady === true, { timeout: 120_000 });
  return page;
}

/**
 * The sync store against the real okrkit server (bench/sync-host.ts: PGlite in memory, the
 * pages on the server's origin, 127.0.0.1), in Chromium (bench/browser/sync.ts):
 * 1. a member's check-in in one browser rendered in an admin's <okr-snapshot> in another
 *    (two browsers: two profiles, nothing shared but the server), the demo's large
 *    organisation; median of `rounds` after `warmups`;
 * 2. the first load of the enterprise session (1x) into <okr-list>: from the server into a
 *    sync store with an empty cache, against a fresh store over a page database holding
 *    the session; in turns, median of `loads` after one of each.
 */
export async function runSync({ rounds = 15, warmups = 5, loads = 3 } = {}) {
  const { ADMIN, MEMBER, startSyncHost } = await import('./sync-host.ts');
  const host = await startSyncHost();
  const browsers = [];
  try {
    const large = await host.seedLargeOrganisation();
    // Two people on two browsers: the admin watches, the member checks in on his key result.
    browsers.push(await launch(), await launch());
    const viewer = await openSyncPage(browsers[0], host.origin);
    const writer = await openSyncPage(browsers[1], host.origin);
    const keyResult = 'kr0-1';
    const open = (page, token, actor, name) =>
      page.evaluate((...a) => globalThis.benchSync.open(...a), token, actor, large.id, large.head, name);
    await open(viewer, host.tokens.admin, ADMIN, 'bench-sync-a');
    await open(writer, host.tokens.member, MEMBER, 'bench-sync-b');
    let { shown, start, target } = await viewer.evaluate(
      (...a) => globalThis.benchSync.view(...a),
      large.id,
      keyResult,
    );
    // The two browsers' clocks agree (both the system's): an instant read in between falls in between.
    const [a, b, c] = [
      await viewer.evaluate(() => globalThis.benchSync.now()),
      await writer.evaluate(() => globalThis.benchSync.now()),
      await viewer.evaluate(() => globalThis.benchSync.now()),
    ];
    if (!(a <= b && b <= c)) throw new Error(`the pages' clocks disagree: ${a}, ${b}, ${c}`);
    const times = [];
    for (let i = 0; i < warmups + rounds; i++) {
      // A new value each round, at a whole percent of the way: the admin's page must show that percent.
      const percent = 10 + i;
      const value = start + ((target - start) * percent) / 100;
      const seen = viewer.evaluate((before) => globalThis.benchSync.changed(before), shown);
      const started = await writer.evaluate((...a) => globalThis.benchSync.checkIn(...a), large.id, keyResult, value);
      const [at, now, progress] = await seen;
      if (progress !== `${percent}%`) throw new Error(`the admin's page shows ${progress} ("${now}"), not ${percent}%`);
      if (i >= warmups) times.push(at - started);
      shown = now;
    }
    await Promise.all(browsers.splice(1).map((b) => b.close()));
    await viewer.close();

    const big = await host.seedEnterprise();
    const page = await openSyncPage(browsers[0], host.origin);
    const database = 'bench-sync-enterprise';
    const seeded = await page.evaluate((name) => globalThis.benchSync.seedIndexedDb(name), database);
    const server = [];
    const local = [];
    for (let i = 0; i <= loads; i++) {
      const fromServer = await page.evaluate(
        (...a) => globalThis.benchSync.firstLoad(...a),
        { server: { token: host.tokens.admin, name: `bench-sync-load-${i}` } },
        ADMIN,
        big.id,
        big.head,
        big.objectives,
      );
      const fromIndexedDb = await page.evaluate(
        (...a) => globalThis.benchSync.firstLoad(...a),
        { indexedDb: database },
        ADMIN,
        seeded.id,
        seeded.head,
        big.objectives,
      );
      console.error(
        `sync bench, first load ${i}: server ${JSON.stringify(fromServer)}, IndexedDB ${JSON.stringify(fromIndexedDb)}`,
      );
      // The first of each compiles the code and warms the server's store of the session: dropped.
      if (i > 0) {
        server.push(fromServer);
        local.push(fromIndexedDb);
      }
    }
    const ms = middle(times);
    const at = (list, key) => middle(list.map((l) => l[key]));
    const whole = (list) => at(list, 'whole');
    const size = `${big.objectives.toLocaleString('en')} objectives, ${big.keyResults.toLocaleString('en')} key results, ${big.head.toLocaleString('en')} entries`;
    return [
      {
        group: 'browser',
        scenario:
          "A member's check-in in one browser rendered in an admin's <okr-snapshot> in another (sync store, okrkit server on PGlite, 127.0.0.1)",
        size: '750 objectives, 3,000 key results, 12 weeks',
        okrkit: ms,
        goal: '< 100 ms',
        met: ms < 100,
        note: `from the command's start in the member's page to the admin's DOM showing the value (push, poke on the change stream, pull, fold, render); median of ${rounds} after ${warmups} warm-ups; fastest ${Math.min(...times).toFixed(1)}, slowest ${Math.max(...times).toFixed(1)} ms`,
      },
      {
        group: 'cold',
        scenario:
          'First load of a session into <okr-list>: from the server into an empty sync store, vs from IndexedDB',
        size,
        okrkit: whole(server),
        peer: whole(local),
        peerName: 'a fresh indexedDbStorage store over a page database holding the session',
        note: `a new store handed to a new <okr-list>, until the whole session is read and all its objectives are in the DOM (the list adds them a slice a frame); from the server: first objectives after ${at(server, 'rows').toFixed(0)} ms (after the first of ${at(server, 'pulls')} pulls of up to 20,000 entries), the whole session read after ${at(server, 'read').toFixed(0)} ms, ${at(server, 'pullMs').toFixed(0)} ms of it in the pulls (request to response end); from IndexedDB: first objectives after ${at(local, 'rows').toFixed(0)} ms, read after ${at(local, 'read').toFixed(0)} ms; median of ${loads} in turns after one of each`,
      },
    ];
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
    await host.stop();
  }
}
