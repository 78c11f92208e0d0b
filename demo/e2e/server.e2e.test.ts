// The demo on its server (the default mode of `npm start`), end to end: the real demo
// server (demo/serve.mjs: the page, and okrkit's server on an in-memory PGlite with the
// sample company) driven by a headless Chromium, two browser contexts as two people. The
// demo tokens live 5 seconds here, so every test also renews them on the way.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { startDemoServer } from '../serve.mjs';
import { byRole, click, eventually, fill, isVisible, TIMEOUT, text } from './page-helpers.js';

const TOKEN_SECONDS = 5;
const APP = 'demo-app';
const SNAPSHOT = `${APP} >>> okr-snapshot`;

let server: Awaited<ReturnType<typeof startDemoServer>> | undefined;
let browser: Browser | undefined;
let origin = '';
const contexts: BrowserContext[] = [];
const pageErrors = new Map<Page, string[]>();

before(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium was not found: set CHROME_PATH to a Chromium or Chrome binary.');
  server = await startDemoServer(0, { tokenSeconds: TOKEN_SECONDS });
  origin = new URL(server.url).origin;
  browser = await puppeteer.launch({ executablePath, args: [...CHROMIUM_ARGS, '--lang=en-US'], headless: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

type PersonaKey = 'admin' | 'member' | 'viewer';

interface Person {
  readonly page: Page;
  /** How many demo tokens the page asked the demo server for. */
  tokens(): number;
  /** While false, the page cannot reach the okrkit server (`/v1`, the tokens): as if it had stopped. */
  serverReachable: boolean;
}

/** A person's first visit to the demo on the server (a fresh browser context, so a fresh IndexedDB), at `hash`. */
async function visit(persona: PersonaKey, hash: string): Promise<Person> {
  if (!browser) throw new Error('No browser');
  const context = await browser.createBrowserContext();
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // The browser's own line for a request the test cut is not the page's error.
    if (message.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(message.text()))
      errors.push(message.text());
  });
  let tokens = 0;
  const person: Person = { page, tokens: () => tokens, serverReachable: true };
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    const toServer = path.startsWith('/v1/') || path.startsWith('/demo/tokens/');
    if (path.startsWith('/demo/tokens/')) tokens++;
    if (toServer && !person.serverReachable) void request.abort('internetdisconnected');
    else void request.continue();
  });
  await page.evaluateOnNewDocument((key) => localStorage.setItem('okrkit-demo-persona', key), persona);
  // tsx compiles the functions these tests run in the page with esbuild's keepNames, which
  // wraps named functions in a `__name` helper that only the test's own module defines.
  await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn;');
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${origin}/demo/${hash}`);
  await page.waitForSelector(`${APP} >>> main`, { visible: true, timeout: 30_000 });
  return person;
}

function assertNoPageErrors(page: Page): void {
  assert.deepEqual(pageErrors.get(page), [], 'errors in the page');
}

interface Quarter {
  readonly id: string;
  /** A key result of the quarter that Kim (the member) owns. */
  readonly keyResult: { readonly id: string; readonly title: string; readonly start: number; readonly target: number };
}

/**
 * The check-in value that puts `kr` at `percent` % of the way from its start to its target,
 * and how its row in the snapshot shows that (the progress, not the value).
 */
function valueAt(kr: Quarter['keyResult'], percent: number): { value: string; number: number; shown: RegExp } {
  const number = Math.round((kr.start + ((kr.target - kr.start) * percent) / 100) * 10) / 10;
  const progress = Math.round(((number - kr.start) / (kr.target - kr.start)) * 100);
  return { value: String(number), number, shown: new RegExp(`(^|\\s)${progress}\\s?%`) };
}

/** The in-progress sample quarter and one of Kim's key results in it, as the page's store has them. */
async function sampleQuarter(page: Page): Promise<Quarter> {
  return eventually(
    () =>
      page.evaluate(async () => {
        const store = document.querySelector('demo-app')?.store;
        if (!store) return undefined;
        const quarter = (await store.listSessions()).find((s) => s.state === 'in_progress' && s.cadence === 'quarter');
        if (!quarter) return undefined;
        const session = await store.getSession(quarter.id);
        const kr = [...session.keyResults.values()].find((k) => k.ownerId === 'u-kim');
        return kr && kr.start !== undefined && kr.target !== undefined
          ? { id: quarter.id, keyResult: { id: kr.id, title: kr.title, start: kr.start, target: kr.target } }
          : undefined;
      }),
    'the in-progress sample quarter with a key result of Kim’s',
    30_000,
  );
}

/** Opens the live snapshot of `sessionId` and waits for its rows. */
async function openSnapshot(page: Page, sessionId: string): Promise<ElementHandle> {
  await page.evaluate((id) => {
    location.hash = `#/session/${id}/snapshot`;
  }, sessionId);
  const snapshot = (await page.waitForSelector(SNAPSHOT, { visible: true })) as ElementHandle;
  await eventually(async () => (await page.$$(`${SNAPSHOT} >>> [role="row"][data-id]`)).length > 0, 'rows');
  return snapshot;
}

/** Checks in on `title` through the snapshot's Check in dialog. */
async function checkIn(page: Page, title: string, value: string): Promise<void> {
  await click(page, 'button', `Check in on ${title}`);
  const dialog = await byRole(page, 'dialog', `Check in: ${title}`);
  await fill(page, dialog, 'New value', value);
  await click(dialog, 'button', 'Save check-in');
  await eventually(async () => !(await isVisible(dialog)), 'the check-in dialog to close');
}

/** The values of the check-ins on `krId` recorded in the page's store after `afterSeq`, in journal order. */
function checkInValues(page: Page, sessionId: string, krId: string, afterSeq: number): Promise<number[]> {
  return page.evaluate(
    async (id, kr, seq) => {
      const store = document.querySelector('demo-app')?.store;
      const journal = (await store?.journal(id)) ?? [];
      return journal
        .filter(
          (e) => e.seq > seq && e.type === 'checkIn.added' && (e.data as { keyResultId: string }).keyResultId === kr,
        )
        .map((e) => (e.data as { value: number }).value);
    },
    sessionId,
    krId,
    afterSeq,
  );
}

const headOf = (page: Page, sessionId: string) =>
  page.evaluate(async (id) => (await document.querySelector('demo-app')?.store.getSession(id))?.head ?? 0, sessionId);

const pendingOf = (page: Page) =>
  page.evaluate(() => document.querySelector('demo-app')?.store.syncStatus?.pending ?? -1);

/** The snapshot's quiet sync status line: its state and text ('saved' and '' when all is saved). */
async function syncLine(page: Page): Promise<{ state: string; text: string }> {
  const line = await page.$(`${SNAPSHOT} >>> [part="sync-status"]`);
  if (!line) return { state: 'none', text: '' };
  return { state: (await line.evaluate((el) => el.getAttribute('data-state'))) ?? '', text: await text(line) };
}

/** The text of the snapshot row of `id` in `page`. */
function rowText(page: Page, id: string): Promise<string> {
  return page.$(`${SNAPSHOT} >>> [role="row"][data-id="${id}"]`).then((row) => (row ? text(row) : ''));
}

describe('the demo on its server, end to end', () => {
  it('shows a check-in made in one person’s window in the other’s, live', async () => {
    const ada = await visit('admin', '#/sessions');
    const quarter = await sampleQuarter(ada.page);
    const kim = await visit('member', '#/sessions');
    await openSnapshot(ada.page, quarter.id);
    await openSnapshot(kim.page, quarter.id);
    const kr = quarter.keyResult;

    const timings: number[] = [];
    for (const percent of [41, 47, 53, 59, 65]) {
      const { value, shown } = valueAt(kr, percent);
      await checkIn(kim.page, kr.title, value);
      const saved = Date.now();
      // Rendered in Ada's window, her page never reloaded nor asked.
      await ada.page.waitForFunction(
        (krId, pattern) =>
          new RegExp(pattern).test(
            document
              .querySelector('demo-app')
              ?.shadowRoot?.querySelector('okr-snapshot')
              ?.shadowRoot?.querySelector(`[role="row"][data-id="${krId}"]`)
              ?.textContent?.replace(/\s+/g, ' ') ?? '',
          ),
        { polling: 'raf', timeout: TIMEOUT },
        kr.id,
        shown.source,
      );
      timings.push(Date.now() - saved);
    }
    console.log(`# a check-in saved in one window was rendered in the other after ${timings.join(', ')} ms`);
    assert.match(await rowText(ada.page, kr.id), valueAt(kr, 65).shown);
    assert.equal(await pendingOf(kim.page), 0);
    assertNoPageErrors(ada.page);
    assertNoPageErrors(kim.page);
  });

  it('keeps two check-ins made offline across a reload, then delivers both once, in order', async () => {
    const ada = await visit('admin', '#/sessions');
    const quarter = await sampleQuarter(ada.page);
    const kim = await visit('member', '#/sessions');
    await openSnapshot(kim.page, quarter.id);
    await openSnapshot(ada.page, quarter.id);
    const head = await headOf(ada.page, quarter.id);
    const { id, title } = quarter.keyResult;

    // Kim's browser goes offline; she checks in twice.
    await kim.page.setOfflineMode(true);
    const first = valueAt(quarter.keyResult, 23);
    const second = valueAt(quarter.keyResult, 29);
    await checkIn(kim.page, title, first.value);
    await checkIn(kim.page, title, second.value);
    await eventually(async () => (await syncLine(kim.page)).state === 'offline', 'Kim’s page to say it is offline');
    assert.match((await syncLine(kim.page)).text, /2 changes/);

    // The network comes back but the okrkit server does not answer yet (as if it had
    // stopped), and the page reloads: the check-ins are still there, still waiting.
    kim.serverReachable = false;
    await kim.page.setOfflineMode(false);
    await kim.page.reload();
    await openSnapshot(kim.page, quarter.id);
    await eventually(
      async () => second.shown.test(await rowText(kim.page, id)),
      'the pending check-in after the reload',
    );
    await eventually(async () => (await pendingOf(kim.page)) === 2, 'two changes still waiting after the reload');
    assert.deepEqual(await checkInValues(ada.page, quarter.id, id, head), [], 'nothing reached the server yet');

    // The server is back: the page finds it on its next retry (backing off, at most 30 s apart).
    kim.serverReachable = true;
    const back = Date.now();
    await eventually(async () => (await pendingOf(kim.page)) === 0, 'the outbox to empty', 45_000);
    console.log(`# the outbox emptied ${Date.now() - back} ms after the server was back`);
    await eventually(
      async () => (await checkInValues(ada.page, quarter.id, id, head)).length >= 2,
      'both check-ins in Ada’s window',
    );
    await delay(500); // time for a duplicate, if one were coming
    assert.deepEqual(await checkInValues(ada.page, quarter.id, id, head), [first.number, second.number]);
    await eventually(async () => second.shown.test(await rowText(ada.page, id)), 'Ada’s row to show the last one');
    assertNoPageErrors(ada.page);
  });

  it('refuses, on the server, every change a viewer makes from the page’s console', async () => {
    const ada = await visit('admin', '#/sessions');
    const quarter = await sampleQuarter(ada.page);
    const vic = await visit('viewer', '#/sessions');
    await openSnapshot(vic.page, quarter.id);
    const head = await headOf(ada.page, quarter.id);
    const { id } = quarter.keyResult;

    // The page's store believes what it is told; the server believes the token.
    const attempts = await vic.page.evaluate(
      async (sessionId, krId) => {
        const store = document.querySelector('demo-app')?.store;
        if (!store) throw new Error('no store');
        const admin = { id: 'u-ada', role: 'admin' as const };
        // (No named functions in here: the test's compiler would wrap them in a helper the page lacks.)
        const outcome = (attempt: Promise<unknown>) =>
          attempt.then(
            () => 'accepted by the page',
            (error: { code?: string }) => String(error.code),
          );
        const asViewer = await outcome(store.checkIn(sessionId, krId, { value: 9 }));
        const forged = await outcome(
          store.execute({ type: 'checkIn.add', sessionId, args: { keyResultId: krId, value: 8 } }, { actor: admin }),
        );
        store.setActor(admin);
        const asAdmin = await outcome(store.closeSession(sessionId));
        return [asViewer, forged, asAdmin];
      },
      quarter.id,
      id,
    );
    assert.deepEqual(attempts, ['not-allowed', 'accepted by the page', 'accepted by the page']);
    // The forged ones pass the page, wait in the outbox, and are refused by the server.
    await eventually(async () => (await pendingOf(vic.page)) === 0, 'the viewer’s outbox to empty', 20_000);
    await eventually(async () => (await syncLine(vic.page)).state === 'refused', 'the refusal in the viewer’s page');
    assert.match((await syncLine(vic.page)).text, /^Not saved: /);
    await delay(300);
    assert.equal(await headOf(ada.page, quarter.id), head, 'nothing was recorded');
    const state = await vic.page.evaluate(
      async (sessionId) => (await document.querySelector('demo-app')?.store.getSession(sessionId))?.state,
      quarter.id,
    );
    assert.equal(state, 'in_progress', 'the viewer’s page no longer shows its own forged close');
  });

  it('asks the page for a new token when the demo token expires mid-session, and carries on', async () => {
    const ada = await visit('admin', '#/sessions');
    const quarter = await sampleQuarter(ada.page);
    const kim = await visit('member', '#/sessions');
    await openSnapshot(kim.page, quarter.id);
    await openSnapshot(ada.page, quarter.id);
    const asked = kim.tokens();
    assert.ok(asked >= 1);
    await delay((TOKEN_SECONDS + 1) * 1000); // Kim's token is now refused by the server
    const { value, shown } = valueAt(quarter.keyResult, 37);
    await checkIn(kim.page, quarter.keyResult.title, value);
    await eventually(
      async () => shown.test(await rowText(ada.page, quarter.keyResult.id)),
      'the check-in in Ada’s window',
    );
    assert.equal(await pendingOf(kim.page), 0);
    assert.ok(kim.tokens() > asked, `Kim’s page asked for ${kim.tokens() - asked} new token(s)`);
    assert.notEqual((await syncLine(kim.page)).state, 'refused');
    assertNoPageErrors(kim.page);
  });

  // Last: it closes the sample quarter.
  it('tells a person whose offline check-in arrives after an admin closed the session, and empties the outbox', async () => {
    const ada = await visit('admin', '#/sessions');
    const quarter = await sampleQuarter(ada.page);
    const kim = await visit('member', '#/sessions');
    await openSnapshot(kim.page, quarter.id);
    const { id, title } = quarter.keyResult;

    kim.serverReachable = false;
    const refused = valueAt(quarter.keyResult, 83);
    await checkIn(kim.page, title, refused.value);
    await eventually(async () => (await pendingOf(kim.page)) === 1, 'the check-in waiting');
    await ada.page.evaluate(
      (sessionId) => document.querySelector('demo-app')?.store.closeSession(sessionId),
      quarter.id,
    );

    kim.serverReachable = true;
    await eventually(async () => (await syncLine(kim.page)).state === 'refused', 'the refusal in Kim’s page', 30_000);
    assert.match((await syncLine(kim.page)).text, /^Not saved: /);
    assert.equal(await pendingOf(kim.page), 0, 'the outbox is empty');
    await eventually(
      async () => !refused.shown.test(await rowText(kim.page, id)),
      'the refused check-in gone from the row',
    );
    await eventually(
      async () =>
        (await kim.page.evaluate(
          async (sessionId) => (await document.querySelector('demo-app')?.store.getSession(sessionId))?.state,
          quarter.id,
        )) === 'archived',
      'the session closed in Kim’s page',
    );
  });
});
