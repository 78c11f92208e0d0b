// End-to-end tests of the demo site in its local mode (`?storage=local`: the data in this
// browser's IndexedDB): a headless Chromium drives the served demo (from the sources, as
// `npm start` serves it) the way a new visitor would. Each test gets a fresh browser
// context, so a fresh IndexedDB and the sample company seeded anew. The demo on its server
// (the default mode) is tested in server.e2e.test.ts.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { startDemoServer } from '../serve.mjs';
import { byRole, click, control, eventually, fill, isVisible, TIMEOUT, text } from './page-helpers.js';

const APP = 'demo-app';
const SESSIONS = `${APP} >>> okr-sessions`;
const LIST = `${APP} >>> okr-list`;
const SNAPSHOT = `${APP} >>> okr-snapshot`;

let server: Awaited<ReturnType<typeof startDemoServer>> | undefined;
let browser: Browser | undefined;
let origin = '';
const contexts: BrowserContext[] = [];
const pageErrors = new Map<Page, string[]>();

before(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium was not found: set CHROME_PATH to a Chromium or Chrome binary.');
  // The server `npm start` runs (demo/serve.mjs): loopback only, the demo's files only.
  server = await startDemoServer(0);
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

// ---- helpers ---------------------------------------------------------------------------

/** A first visit to the demo in a fresh browser context, at `hash`, once the sample company is shown. */
async function openDemo(hash: string): Promise<Page> {
  if (!browser) throw new Error('No browser');
  const context = await browser.createBrowserContext();
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${origin}/demo/?storage=local${hash}`);
  await page.waitForSelector(`${APP} >>> main`, { visible: true, timeout: 30_000 });
  return page;
}

/** Nothing went wrong in the page that the visitor would not see. */
function assertNoPageErrors(page: Page): void {
  assert.deepEqual(pageErrors.get(page), [], 'errors in the page');
}

interface SessionRow {
  readonly id: string;
  readonly title: string;
  readonly state: string;
  readonly closed: boolean;
}

/** The rows of the sessions table, as shown. */
async function sessionRows(page: Page): Promise<SessionRow[]> {
  return page.$$eval(`${SESSIONS} >>> tbody tr`, (rows) =>
    rows.map((row) => {
      const cells = (row as HTMLTableRowElement).cells;
      return {
        id: cells[0]?.innerText.trim() ?? '',
        title: cells[1]?.innerText.trim() ?? '',
        state: cells[2]?.innerText.trim() ?? '',
        closed: (row.getAttribute('part') ?? '').split(' ').includes('row-archived'),
      };
    }),
  );
}

async function sessionRow(page: Page, title: string): Promise<SessionRow> {
  return eventually(async () => (await sessionRows(page)).find((r) => r.title === title), `the session “${title}”`);
}

/** Adds a session through the Add session dialog; returns its row. */
async function addSession(page: Page, title: string, begin: string, end: string): Promise<SessionRow> {
  await click(page, 'button', 'Add session');
  const dialog = await byRole(page, 'dialog', 'Add session');
  await fill(page, dialog, 'Begin', begin);
  await fill(page, dialog, 'End', end);
  await fill(page, dialog, 'Title', title);
  await click(dialog, 'button', 'Add session');
  await eventually(async () => !(await isVisible(dialog)), 'the Add session dialog to close');
  return sessionRow(page, title);
}

/** Opens the drawer of a session from the sessions table. */
async function openDrawer(page: Page, title: string): Promise<ElementHandle> {
  const { id } = await sessionRow(page, title);
  const row = await page.waitForSelector(`${SESSIONS} >>> tbody tr[data-id="${id}"]`, { visible: true });
  await row?.click();
  return byRole(page, 'dialog', title);
}

/** Drawer → Actions → `action` → confirm with the button of the same name. */
async function runAction(page: Page, drawer: ElementHandle, action: string, title: string): Promise<void> {
  await click(drawer, 'button', 'Actions');
  await click(drawer, 'menuitem', action);
  const confirm = await byRole(page, 'alertdialog', `${action} ${title}?`);
  await click(confirm, 'button', action);
  await eventually(async () => !(await isVisible(confirm)), 'the confirmation to close');
}

/** Follows a link of the demo, as a visitor would click it. */
async function goTo(page: Page, linkName: string): Promise<void> {
  await click(page, 'link', linkName);
}

async function visibleButtonTexts(page: Page, host: string): Promise<string[]> {
  return page.$$eval(`${host} >>> button`, (buttons) =>
    buttons
      .filter((b) => b.checkVisibility())
      .map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

/** The ids of every session in the demo's store, closed ones included. */
async function storedSessionIds(page: Page): Promise<string[] | undefined> {
  return page.evaluate(async () =>
    (await document.querySelector('demo-app')?.store.listSessions({ includeArchived: true }))?.map((x) => x.id),
  );
}

/** A small RFC 4180 reader for the exported CSV. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The in-progress quarter of the sample company (not the yearly session). */
async function sampleQuarter(page: Page): Promise<SessionRow> {
  return eventually(
    async () => (await sessionRows(page)).find((r) => r.state === 'In progress' && /^Q\d \d{4}$/.test(r.title)),
    'the in-progress sample quarter',
  );
}

interface EarlierWeek {
  readonly session: SessionRow;
  readonly week: string;
  readonly snapshot: ElementHandle;
}

/**
 * Opens the snapshot of a sample session in progress (the quarter, else the year) and
 * steps back one week with Previous week. Undefined in the first week of both (early
 * January), when no session in progress has an earlier week.
 */
async function earlierWeek(
  page: Page,
  inLiveWeek?: (snapshot: ElementHandle) => Promise<void>,
): Promise<EarlierWeek | undefined> {
  await sampleQuarter(page);
  const candidates = (await sessionRows(page))
    .filter((r) => r.state === 'In progress')
    .sort((a, b) => Number(/^Q\d/.test(b.title)) - Number(/^Q\d/.test(a.title)));
  for (const session of candidates) {
    await page.evaluate((id) => {
      location.hash = `#/session/${id}/snapshot`;
    }, session.id);
    const snapshot = (await page.waitForSelector(SNAPSHOT, { visible: true })) as ElementHandle;
    await eventually(
      async () => (await page.$$(`${SNAPSHOT} >>> [role="row"][data-id]`)).length > 0,
      `the rows of ${session.id} this week`,
    );
    await inLiveWeek?.(snapshot);
    const previous = await byRole(snapshot, 'button', 'Previous week');
    if (await previous.evaluate((b) => (b as HTMLButtonElement).disabled)) continue;
    await previous.click();
    const week = await eventually(
      async () => (await page.evaluate(() => location.hash)).match(/\/snapshot\/(\d{4}-W\d{2})$/)?.[1],
      'the week in the address',
    );
    await page.waitForSelector(`${SNAPSHOT} >>> [part="read-only"]`, { visible: true, timeout: TIMEOUT });
    await eventually(
      async () => (await page.$$(`${SNAPSHOT} >>> [role="row"][data-id]`)).length > 0,
      'the rows of the earlier week',
    );
    return { session, week, snapshot };
  }
  return undefined;
}

const NO_EARLIER_WEEK = 'today is in the first week of every sample session in progress';

// ---- tests ---------------------------------------------------------------------------

describe('okrkit demo, end to end', () => {
  it('shows an end date before the begin date as an error beside End, saves nothing, then adds the session as Open', async () => {
    const page = await openDemo('#/sessions');
    await sampleQuarter(page);
    const before = await sessionRows(page);
    const storedBefore = await storedSessionIds(page);

    await click(page, 'button', 'Add session');
    const dialog = await byRole(page, 'dialog', 'Add session');
    await fill(page, dialog, 'Title', 'Partner launch');
    await fill(page, dialog, 'Begin', '2027-06-30');
    await fill(page, dialog, 'End', '2027-04-01');
    await click(dialog, 'button', 'Add session');

    const end = await control(page, dialog, 'End');
    const shown = await eventually(
      () =>
        end.evaluate((input) => {
          const root = input.getRootNode() as ShadowRoot;
          const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
          const error = ids.map((id) => root.getElementById(id)).find((e) => e?.classList.contains('error'));
          if (!error) return undefined;
          return {
            text: (error as HTMLElement).innerText.trim(),
            visible: error.checkVisibility(),
            besideEnd: input.closest('.field')?.contains(error) ?? false,
            invalid: input.getAttribute('aria-invalid'),
          };
        }),
      'the error on End',
    );
    assert.deepEqual(shown, {
      text: 'The end date must be on or after the begin date.',
      visible: true,
      besideEnd: true,
      invalid: 'true',
    });
    const alert = await dialog.waitForSelector('[role="alert"]', { visible: true, timeout: TIMEOUT });
    assert.equal(await text(alert as ElementHandle), 'The session was not saved. Check the fields marked below.');
    const begin = await control(page, dialog, 'Begin');
    assert.equal(await begin.evaluate((input) => input.getAttribute('aria-invalid')), null, 'Begin is not marked');
    assert.ok(await isVisible(dialog), 'the dialog stays open');
    assert.deepEqual(await sessionRows(page), before, 'nothing was saved');
    assert.deepEqual(await storedSessionIds(page), storedBefore, 'nothing was stored');

    await fill(page, dialog, 'End', '2027-09-30');
    await eventually(
      () => end.evaluate((input) => input.getAttribute('aria-invalid') === null),
      'the error to go once End is changed',
    );
    await click(dialog, 'button', 'Add session');
    await eventually(async () => !(await isVisible(dialog)), 'the dialog to close');

    const row = await sessionRow(page, 'Partner launch');
    assert.equal(row.state, 'Open');
    assert.equal((await sessionRows(page)).length, before.length + 1);
    const cells = await page.$eval(`${SESSIONS} >>> tbody tr[data-id="${row.id}"]`, (tr) =>
      [...(tr as HTMLTableRowElement).cells].map((c) => c.innerText.trim()),
    );
    assert.deepEqual(cells.slice(3, 5), ['Jun 30, 2027', 'Sep 30, 2027']);
    assertNoPageErrors(page);
  });

  it('plans an objective and a key result in the List view, starts the session and checks in', async () => {
    const page = await openDemo('#/sessions');
    const session = await addSession(page, 'Partner launch', '2027-04-01', '2027-06-30');

    // The session just opened in the drawer becomes the demo's current session.
    let drawer = await openDrawer(page, 'Partner launch');
    await click(drawer, 'button', 'Close');
    await goTo(page, 'Session');
    await goTo(page, 'List');
    const hash = await eventually(async () => {
      const now = await page.evaluate(() => location.hash);
      return now.endsWith('/list') ? now : undefined;
    }, 'the List view');
    assert.equal(hash, `#/session/${session.id}/list`, 'the List view of the session chosen in the drawer');

    await click(page, 'button', 'Add objective');
    const objectiveDialog = await byRole(page, 'dialog', 'Add objective');
    await fill(page, objectiveDialog, 'Title', 'Launch the partner portal');
    await click(objectiveDialog, 'button', 'Add objective');
    await byRole(page, 'heading', 'Launch the partner portal');

    await click(page, 'button', 'Add key result');
    const krDialog = await byRole(page, 'dialog', 'Add key result');
    await fill(page, krDialog, 'Title', 'Partners signed');
    await fill(page, krDialog, 'Measured as', 'increase');
    await fill(page, krDialog, 'Start value', '0');
    await fill(page, krDialog, 'Target value', '20');
    await fill(page, krDialog, 'Unit', 'partners');
    await click(krDialog, 'button', 'Add key result');
    const progress = await byRole(page, 'progressbar', 'Progress of Partners signed');
    assert.equal(await progress.evaluate((bar) => bar.getAttribute('aria-valuenow')), '0');

    await goTo(page, 'Sessions');
    drawer = await openDrawer(page, 'Partner launch');
    await runAction(page, drawer, 'Start', 'Partner launch');
    await eventually(async () => (await text(drawer)).includes('In progress'), 'the drawer to show In progress');
    await click(drawer, 'button', 'Close');
    assert.equal((await sessionRow(page, 'Partner launch')).state, 'In progress');

    await goTo(page, 'Session');
    await goTo(page, 'List');
    // Tracking: the objectives and key results are fixed now.
    await byRole(page, 'button', 'Check in on Partners signed');
    const tracking = await visibleButtonTexts(page, LIST);
    assert.ok(!tracking.some((t) => /Add (objective|key result)/.test(t)), `List buttons: ${tracking.join(', ')}`);
    await click(page, 'button', 'Check in on Partners signed');
    const checkIn = await byRole(page, 'dialog', 'Check in: Partners signed');
    await fill(page, checkIn, 'New value', '5');
    await click(checkIn, 'button', 'Save check-in');
    await eventually(async () => !(await isVisible(checkIn)), 'the check-in dialog to close');

    const after = await byRole(page, 'progressbar', 'Progress of Partners signed');
    await eventually(
      () => after.evaluate((bar) => bar.getAttribute('aria-valuenow') === '25'),
      'the progress to reach 25 %',
    );
    const keyResult = await page.waitForSelector(`${LIST} >>> [part="key-result"]`, { visible: true });
    assert.ok(keyResult);
    const shown = await text(keyResult);
    assert.match(shown, /25\s?%/);
    assert.match(shown, /5 partners/);
    assertNoPageErrors(page);
  });

  it('closes a session from the drawer: it leaves the list and comes back, marked closed, with closed sessions included', async () => {
    const page = await openDemo('#/sessions');
    await addSession(page, 'Pilot programme', '2027-04-01', '2027-06-30');
    const drawer = await openDrawer(page, 'Pilot programme');
    await runAction(page, drawer, 'Close', 'Pilot programme');
    await eventually(
      async () =>
        (await text(drawer)).includes(
          'This session is closed: everything stays visible, nothing can be changed until it is reopened.',
        ),
      'the drawer to say the session is closed',
    );
    await click(drawer, 'button', 'Close');
    await eventually(
      async () => !(await sessionRows(page)).some((r) => r.title === 'Pilot programme'),
      'the closed session to leave the list',
    );

    const toggle = await byRole(page, 'switch', 'Include closed sessions');
    assert.equal(await toggle.evaluate((b) => b.getAttribute('aria-checked')), 'false');
    await toggle.click();
    const row = await sessionRow(page, 'Pilot programme');
    assert.equal(row.state, 'Closed');
    assert.equal(row.closed, true);
    assert.equal(await toggle.evaluate((b) => b.getAttribute('aria-checked')), 'true');
    assertNoPageErrors(page);
  });

  it('offers in the session picker only the sessions from a month before their start to a month after their end', async () => {
    const page = await openDemo('#/sessions');
    await click(page, 'switch', 'Include closed sessions');
    // The management table lists every session, the last quarter (closed, ended months ago) too.
    const all = await eventually(async () => {
      const rows = await sessionRows(page);
      return rows.some((r) => r.closed) ? rows : undefined;
    }, 'the closed sessions in the table');
    const ended = all.find((r) => r.closed);
    assert.ok(ended, 'the sample has a closed quarter');
    const addedLongAgo = await addSession(page, 'Two years ago', '2024-01-01', '2024-03-31');
    const current = all.find((r) => r.state === 'In progress' && r.title.startsWith('Q'));
    assert.ok(current);
    await page.goto(`${page.url().split('#')[0]}#/session/${current.id}/snapshot`);
    const picker = await byRole(page, 'combobox', 'Session');
    const options = await eventually(
      () => picker.evaluate((s) => [...(s as HTMLSelectElement).options].map((o) => o.value)),
      'the picker options',
    );
    assert.ok(options.includes(current.id), 'the running quarter is offered');
    assert.ok(!options.includes(ended.id), 'a session that ended more than a month ago is not offered');
    assert.ok(!options.includes(addedLongAgo.id), 'nor one of two years ago');
    assertNoPageErrors(page);
  });

  it("opens a link to a session's snapshot at its rows, and one to an unknown session asks for a session", async () => {
    const page = await openDemo('#/sessions');
    const current = await eventually(
      async () => (await sessionRows(page)).find((r) => r.state === 'In progress'),
      'a session in progress',
    );
    // A new load at the link: the snapshot starts loading with the session list, not after it.
    await page.evaluate((id) => {
      location.hash = `#/session/${id}/snapshot`;
    }, current.id);
    await page.reload();
    await eventually(
      async () => (await page.$$(`${SNAPSHOT} >>> [role="row"][data-id]`)).length > 0,
      `the rows of ${current.id}`,
    );
    await page.evaluate(() => {
      location.hash = '#/session/SE-99999/snapshot';
    });
    await page.reload();
    const card = await page.waitForSelector(`${APP} >>> .card`, { visible: true, timeout: TIMEOUT });
    assert.ok(card);
    await eventually(async () => (await text(card)) === 'Choose a session.', 'the card asking for a session');
    assert.equal(await page.$(SNAPSHOT), null);
    assertNoPageErrors(page);
  });

  it('shows an earlier week of the in-progress session read-only, without Check in', async (t) => {
    const page = await openDemo('#/sessions');
    const earlier = await earlierWeek(page, async () => {
      // This week is live: the admin can check in here.
      await eventually(
        async () => (await visibleButtonTexts(page, SNAPSHOT)).some((b) => b.startsWith('Check in on ')),
        'Check in buttons in the live week',
      );
    });
    if (!earlier) return t.skip(NO_EARLIER_WEEK);
    const notice = await page.waitForSelector(`${SNAPSHOT} >>> [part="read-only"]`, {
      visible: true,
      timeout: TIMEOUT,
    });
    assert.ok(notice);
    assert.match(await text(notice), /^Read-only: the week ended on .+\. Past weeks never change\.$/);
    const header = await page.waitForSelector(`${SNAPSHOT} >>> [part="header"]`, { visible: true });
    assert.ok(header);
    assert.match(
      await text(header),
      new RegExp(`${earlier.session.id}.*Week ${Number(earlier.week.slice(-2))},.*Read-only`),
    );
    assert.doesNotMatch(await text(header), /Live/);
    const buttons = await visibleButtonTexts(page, SNAPSHOT);
    assert.deepEqual(
      buttons.filter((b) => b === 'Check in' || b.startsWith('Check in on ')),
      [],
      'no Check in in a past week',
    );
    assertNoPageErrors(page);
  });

  it('exports the shown week as CSV: header, session and week in every row, the rows on screen', async (t) => {
    const page = await openDemo('#/sessions');
    const earlier = await earlierWeek(page);
    if (!earlier) return t.skip(NO_EARLIER_WEEK);
    const { session, week, snapshot } = earlier;
    const onScreen = await eventually(async () => {
      const titles = await page.$$eval(`${SNAPSHOT} >>> [role="row"][data-id] .title`, (spans) =>
        spans.map((s) => (s as HTMLElement).innerText.trim()),
      );
      return titles.length > 0 ? titles : undefined;
    }, 'the rows of the week');
    const rowCount = await page.$eval(`${SNAPSHOT} >>> [part="table"]`, (t) => Number(t.getAttribute('aria-rowcount')));

    await page.evaluate(() => {
      document.addEventListener(
        'okr-export',
        (event) => {
          event.preventDefault();
          (globalThis as { exported?: unknown }).exported = (event as Event & { detail: unknown }).detail;
        },
        { once: true },
      );
    });
    await click(snapshot, 'button', 'Export CSV');
    const detail = await eventually(
      () =>
        page.evaluate(
          () => (globalThis as { exported?: { format: string; filename: string; content: string } }).exported,
        ),
      'the okr-export event',
    );
    assert.equal(detail.format, 'csv');
    assert.equal(detail.filename, `${session.id}-${week}-all.csv`);

    const [header, ...rows] = parseCsv(detail.content);
    assert.ok(header);
    assert.deepEqual(header.slice(0, 10), [
      'session',
      'session_title',
      'week',
      'owner_filter',
      'exported_at',
      'type',
      'depth',
      'id',
      'parent_id',
      'title',
    ]);
    assert.equal(rows.length, rowCount - 1, 'one line per row of the table');
    for (const row of rows) {
      assert.equal(row.length, header.length);
      assert.equal(row[0], session.id);
      assert.equal(row[1], session.title);
      assert.equal(row[2], week);
      assert.equal(row[3], 'all');
    }
    const titles = rows.map((r) => r[header.indexOf('title')]);
    assert.deepEqual(titles.slice(0, onScreen.length), onScreen, 'the rows on screen, in order');
    assert.ok(rows.some((r) => r[header.indexOf('type')] === 'objective'));
    assertNoPageErrors(page);
  });

  it('gives the viewer no way to change anything', async () => {
    const page = await openDemo('#/sessions');
    await sampleQuarter(page);
    await byRole(page, 'button', 'Add session'); // as the admin
    const persona = await byRole(page, 'combobox', 'Persona');
    await persona.asLocator().fill('viewer');
    const description = await page.waitForSelector(`${APP} >>> .persona`, { visible: true });
    assert.equal(
      await text(description as ElementHandle),
      'You are Vic Osei (viewer): Reads everything, changes nothing.',
    );
    assert.equal(await page.evaluate(() => localStorage.getItem('okrkit-demo-persona')), 'viewer');
    await eventually(
      async () => !(await visibleButtonTexts(page, SESSIONS)).some((t) => t.includes('Add session')),
      'Add session to disappear',
    );

    // The drawer of a session still in planning: details to read, nothing to act on.
    const planning = await eventually(
      async () => (await sessionRows(page)).find((r) => r.state === 'Open'),
      'the session in planning',
    );
    const drawer = await openDrawer(page, planning.title);
    assert.match(await text(drawer), /You can view this session but not change it\./);
    const drawerButtons = await visibleButtonTexts(page, `${SESSIONS} >>> okr-session-drawer`);
    assert.ok(!drawerButtons.some((t) => /^(Actions|Save)/.test(t)), `drawer buttons: ${drawerButtons.join(', ')}`);
    assert.equal((await page.$$(`${SESSIONS} >>> okr-session-drawer >>> input`)).length, 0, 'no editable field');
    await click(drawer, 'button', 'Close');

    // Its List view, then the one of the session in progress: no add, edit, remove or check in.
    const quarter = await sampleQuarter(page);
    for (const id of [planning.id, quarter.id]) {
      await page.evaluate((sessionId) => {
        location.hash = `#/session/${sessionId}/list`;
      }, id);
      await page.waitForSelector(`${LIST} >>> [part="objective"]`, { visible: true, timeout: TIMEOUT });
      await eventually(
        async () =>
          (await text((await page.waitForSelector(`${LIST} >>> [part="toolbar"]`)) as ElementHandle)).includes(
            'You can view these objectives but not change them.',
          ),
        'the read-only notice of the list',
      );
      const buttons = await visibleButtonTexts(page, LIST);
      const changing = buttons.filter((t) =>
        /^(Add objective|Add key result|Add initiative|Edit |Check in|Remove |Move )/.test(t),
      );
      assert.deepEqual(changing, [], `List of ${id}`);
      assert.equal((await page.$$(`${LIST} >>> select`)).length, 0, 'no owner to pick');
    }

    // The live week of the snapshot: no Check in.
    await page.evaluate((id) => {
      location.hash = `#/session/${id}/snapshot`;
    }, quarter.id);
    await eventually(
      async () => (await page.$$(`${SNAPSHOT} >>> [role="row"][data-id]`)).length > 0,
      'the rows of the snapshot',
    );
    const header = await page.waitForSelector(`${SNAPSHOT} >>> [part="header"]`, { visible: true });
    assert.match(await text(header as ElementHandle), /Live/);
    const snapshotButtons = await visibleButtonTexts(page, SNAPSHOT);
    assert.deepEqual(
      snapshotButtons.filter((t) => t.startsWith('Check in')),
      [],
    );

    // The choice is remembered on the next visit.
    await page.goto(`${origin}/demo/?storage=local#/sessions`);
    await sampleQuarter(page);
    assert.equal(
      await page.$eval(`${APP} >>> select[aria-label="Persona"]`, (s) => (s as HTMLSelectElement).value),
      'viewer',
    );
    assert.ok(!(await visibleButtonTexts(page, SESSIONS)).some((t) => t.includes('Add session')));
    assertNoPageErrors(page);
  });
});
