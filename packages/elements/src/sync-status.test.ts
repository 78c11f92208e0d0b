import { type Actor, createOkrStore, type OkrStore, type SyncStorage, syncStorage } from '@okrkit/core';
import { TestNetwork } from '@okrkit/core/testing';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { settle } from '../test/helpers.js';
import type { OkrSessions } from './okr-sessions/okr-sessions.js';
import type { OkrSnapshot } from './okr-snapshot/okr-snapshot.js';
import './okr-sessions/okr-sessions.js';
import './okr-snapshot/okr-snapshot.js';

/**
 * What a person sees of a store on the real server (started by the test runner's
 * sync-server plugin): a quiet status line while changes wait or the network is gone,
 * and a change the server refused on arrival, named and raised as okr-error.
 */

interface Server {
  readonly url: string;
  readonly tokens: Record<'ada' | 'mo', string>;
}

const ADA: Actor = { id: 'ada', role: 'admin', name: 'Ada' };
const MO: Actor = { id: 'mo', role: 'member', name: 'Mo' };

let counter = 0;
const stores: OkrStore[] = [];

function open(at: Server, actor: Actor, token: string, network = new TestNetwork()): OkrStore {
  const name = `okrkit-sync-elements-${Date.now()}-${++counter}`;
  const store = createOkrStore({
    storage: syncStorage({ url: at.url, getToken: () => token, fetch: network.fetch, name }),
    actor,
  });
  stores.push(store);
  return store;
}

/** Where a test is, told when it fails (each step waits on the network). */
let step = '';

afterEach(async function () {
  if (this.currentTest?.state === 'failed')
    console.log(`failed at: ${step}; sync status: ${JSON.stringify(stores.map((s) => s.syncStatus))}`);
  step = '';
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

/** Resolves once `check` answers something, looking again after every notice of the store. */
function until<T>(store: OkrStore, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    const look = () => {
      if (done) return;
      Promise.resolve()
        .then(check)
        .then((value) => {
          if (value === undefined || done) return;
          done = true;
          stopChanges();
          stopSync();
          resolve(value);
        }, reject);
    };
    const stopChanges = store.subscribe(look);
    const stopSync = store.subscribeSync(look);
    look();
  });
}

async function plannedSession(ada: OkrStore): Promise<string> {
  const session = await ada.createSession({
    title: 'Q4 2026',
    start: '2026-10-01',
    end: '2026-12-31',
    timeZone: 'Europe/Berlin',
  });
  await ada.addObjective(session.id, { id: 'ob_1', title: 'Grow revenue' });
  await ada.addKeyResult(session.id, {
    id: 'kr_1',
    objectiveId: 'ob_1',
    title: 'New ARR',
    kind: 'increase',
    start: 0,
    target: 100,
    ownerId: 'mo',
  });
  await ada.startSession(session.id);
  await until(ada, () => (ada.syncStatus?.pending === 0 ? true : undefined));
  return session.id;
}

/** The status line's text once it reads `text` (the element renders after the store's notice). */
async function statusOf(el: OkrSnapshot | OkrSessions, store: OkrStore, text: RegExp): Promise<string> {
  return until(store, async () => {
    await el.updateComplete;
    const shown = el.shadowRoot?.querySelector('[part="sync-status"]')?.textContent?.trim() ?? '';
    return text.test(shown) ? shown : undefined;
  });
}

describe('the sync status of the elements', function () {
  // Each test is several round trips to a server sharing two cores with the rest of the run.
  this.timeout(30_000);
  let at: Server;
  before(async function () {
    // The first ask starts the server (PGlite in a child process): a few seconds, once.
    this.timeout(60_000);
    at = (await (await fetch('/__okrkit-sync-server')).json()) as Server;
  });
  it('says that changes wait while offline, and names a change the server refused, raising okr-error', async () => {
    const ada = open(at, ADA, at.tokens.ada);
    const id = await plannedSession(ada);
    const network = new TestNetwork();
    const mo = open(at, MO, at.tokens.mo, network);
    await until(mo, async () =>
      (await mo.getSession(id).catch(() => undefined))?.state === 'in_progress' ? true : undefined,
    );
    step = 'the snapshot renders';
    const el = await fixture<OkrSnapshot>(html`<okr-snapshot .store=${mo} session-id=${id}></okr-snapshot>`);
    while (el.status !== 'ready') await settle(el);
    const status = el.shadowRoot?.querySelector('[part="sync-status"]');
    expect(status?.getAttribute('role')).to.equal('status');
    expect(status?.textContent?.trim()).to.equal('', 'nothing to say while everything is saved');

    step = 'offline check-in shows as waiting';
    network.cut();
    await mo.checkIn(id, 'kr_1', { value: 60, comment: 'on the train' });
    expect(await statusOf(el, mo, /^Offline: 1 change waiting$/)).to.be.a('string');
    await expect(el).to.be.accessible();

    step = 'Ada closes the session';
    await ada.closeSession(id);
    // A sync store's command resolves once queued: wait until the server has it.
    await until(ada, () => (ada.syncStatus?.pending === 0 ? true : undefined));
    step = 'back online: the refusal arrives';
    network.online = true;
    const refused = oneEvent(el, 'okr-error');
    await (mo.storage as SyncStorage).syncNow();
    const event = await refused;
    expect(event.detail.code).to.equal('locked');
    step = 'the refusal shows';
    const shown = await statusOf(el, mo, /^Not saved/);
    expect(shown).to.contain(event.detail.message);
    expect(mo.syncStatus?.pending).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows the same line in the sessions list', async () => {
    const ada = open(at, ADA, at.tokens.ada);
    const id = await plannedSession(ada);
    const network = new TestNetwork();
    const mo = open(at, MO, at.tokens.mo, network);
    const el = await fixture<OkrSessions>(html`<okr-sessions .store=${mo}></okr-sessions>`);
    await until(mo, async () => ((await mo.listSessions()).some((s) => s.id === id) ? true : undefined));
    network.cut();
    await mo.checkIn(id, 'kr_1', { value: 10 });
    await mo.checkIn(id, 'kr_1', { value: 20 });
    expect(await statusOf(el, mo, /^Offline: 2 changes waiting$/)).to.be.a('string');
    await expect(el).to.be.accessible();
  });
});
