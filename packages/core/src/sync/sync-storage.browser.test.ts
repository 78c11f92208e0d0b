import { expect } from '@open-wc/testing';
import type { Actor } from '../model.js';
import { createOkrStore, type OkrStore } from '../store.js';
import { TestNetwork } from '../testing/network.js';
import { indexedDbSyncCache } from './indexeddb-sync-cache.js';
import { type SyncStorage, syncStorage } from './sync-storage.js';

/**
 * The sync store in a real Chromium against the real server (started by the test
 * runner's sync-server plugin on 127.0.0.1): IndexedDB keeps the outbox across a reload,
 * two tabs share one connection, and two people see each other's changes.
 */

interface Server {
  readonly url: string;
  readonly tokens: Record<'ada' | 'mo' | 'vic' | 'moExpired', string>;
}

const ADA: Actor = { id: 'ada', role: 'admin', name: 'Ada' };
const MO: Actor = { id: 'mo', role: 'member', name: 'Mo' };
const Q4 = { title: 'Q4 2026', start: '2026-10-01', end: '2026-12-31', timeZone: 'Europe/Berlin' };

async function server(): Promise<Server> {
  return (await fetch('/__okrkit-sync-server')).json();
}

let counter = 0;
const uniqueName = () => `okrkit-sync-test-${Date.now()}-${++counter}`;

const stores: OkrStore[] = [];
function open(at: Server, actor: Actor, token: string, name: string, network = new TestNetwork()): OkrStore {
  const storage = syncStorage({ url: at.url, getToken: () => token, fetch: network.fetch, name });
  const store = createOkrStore({ storage, actor });
  stores.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

/**
 * Resolves once `check` answers something, looking again after every notice of the store.
 * After 20 s it rejects with what the store holds (its sync status, each session's head
 * and state), so that a hang says where it stopped rather than timing out mute.
 */
function until<T>(store: OkrStore, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      clearTimeout(timer);
      stopChanges();
      stopSync();
    };
    const timer = setTimeout(() => {
      if (done) return;
      finish();
      void heldBy(store).then((held) => reject(new Error(`Still waiting after 20 s. ${held}`)), reject);
    }, 20_000);
    const look = () => {
      if (done) return;
      Promise.resolve()
        .then(check)
        .then((value) => {
          if (value === undefined || done) return;
          finish();
          resolve(value);
        }, reject);
    };
    const stopChanges = store.subscribe(look);
    const stopSync = store.subscribeSync(look);
    look();
  });
}

async function heldBy(store: OkrStore): Promise<string> {
  const storage = store.storage as SyncStorage;
  const sessions = await storage.listSessions().catch((error: unknown) => String(error));
  const held = Array.isArray(sessions) ? sessions.map((h) => `${h.id} at ${h.head} (${h.state})`).join(', ') : sessions;
  return `${store.actor.id}'s sync status ${JSON.stringify(store.syncStatus)}; sessions: ${held || 'none'}.`;
}

async function plannedSession(ada: OkrStore): Promise<string> {
  const session = await ada.createSession(Q4);
  await ada.addObjective(session.id, { id: 'ob_1', title: 'Grow revenue' });
  const kr = { id: 'kr_1', objectiveId: 'ob_1', title: 'New ARR', kind: 'increase', start: 0, target: 100 } as const;
  await ada.addKeyResult(session.id, { ...kr, ownerId: 'mo' });
  await ada.startSession(session.id);
  await until(ada, () => (ada.syncStatus?.pending === 0 ? true : undefined));
  expect((await ada.getSession(session.id)).state, 'the start reached the server').to.equal('in_progress');
  return session.id;
}

const latestValue = async (store: OkrStore, id: string) =>
  (await store.getSession(id).catch(() => undefined))?.keyResults.get('kr_1')?.latest?.value;

const visible = (store: OkrStore, id: string) =>
  until(store, async () =>
    (await store.getSession(id).catch(() => undefined))?.state === 'in_progress' ? true : undefined,
  );

describe('syncStorage in the browser, against the real server', function () {
  // Each test is several round trips to a server sharing two cores with the rest of the run.
  this.timeout(30_000);
  before(async function () {
    // The first ask starts the server (PGlite in a child process): a few seconds, once.
    this.timeout(60_000);
    await server();
  });
  it('shows a check-in made by one person in the other’s page', async () => {
    const at = await server();
    const ada = open(at, ADA, at.tokens.ada, uniqueName());
    const mo = open(at, MO, at.tokens.mo, uniqueName());
    const id = await plannedSession(ada);
    await visible(mo, id);
    await mo.checkIn(id, 'kr_1', { value: 25, comment: 'first deals' });
    expect(await until(ada, async () => ((await latestValue(ada, id)) === 25 ? 25 : undefined))).to.equal(25);
  });

  it('keeps offline check-ins across a reload, then delivers both once, in order', async () => {
    const at = await server();
    const ada = open(at, ADA, at.tokens.ada, uniqueName());
    const id = await plannedSession(ada);
    const name = uniqueName();
    const network = new TestNetwork();
    const mo = open(at, MO, at.tokens.mo, name, network);
    await visible(mo, id);
    const head = (await mo.getSession(id)).head;
    network.cut();
    await mo.checkIn(id, 'kr_1', { id: 'ci_a', value: 10, comment: 'on the train' });
    await mo.checkIn(id, 'kr_1', { id: 'ci_b', value: 20, comment: 'still on the train' });
    expect(await latestValue(mo, id)).to.equal(20);

    // The page reloads: everything in memory is gone, IndexedDB stays.
    await mo.close();
    const reloaded = open(at, MO, at.tokens.mo, name, network);
    expect(await latestValue(reloaded, id)).to.equal(20);
    expect(reloaded.syncStatus?.pending).to.equal(2);
    const cached = await indexedDbSyncCache({ name }).load();
    expect(cached.sessions.find((s) => s.header.id === id)?.entries.length).to.equal(head);

    network.online = true;
    const storage = reloaded.storage as SyncStorage;
    await storage.syncNow();
    await until(reloaded, () => (reloaded.syncStatus?.pending === 0 ? true : undefined));
    const journal = await until(ada, async () => {
      const entries = await ada.journal(id);
      return entries.length >= head + 2 ? entries : undefined;
    });
    const checkIns = journal.filter((e) => e.type === 'checkIn.added').map((e) => (e.data as { id: string }).id);
    expect(checkIns).to.deep.equal(['ci_a', 'ci_b']);
  });

  it('shares one connection between the tabs of a browser', async () => {
    const at = await server();
    const ada = open(at, ADA, at.tokens.ada, uniqueName());
    const id = await plannedSession(ada);
    const name = uniqueName();
    const network = new TestNetwork();
    const first = open(at, MO, at.tokens.mo, name, network);
    await visible(first, id);
    const second = open(at, MO, at.tokens.mo, name, network);
    await visible(second, id);
    await second.checkIn(id, 'kr_1', { value: 42 });
    expect(await until(first, async () => ((await latestValue(first, id)) === 42 ? 42 : undefined))).to.equal(42);
    expect(await until(ada, async () => ((await latestValue(ada, id)) === 42 ? 42 : undefined))).to.equal(42);
    await until(second, () => (second.syncStatus?.pending === 0 ? true : undefined));
    expect(network.streams).to.equal(1);
  });

  it('asks for a token again after getting one failed, and syncs', async () => {
    const at = await server();
    const ada = open(at, ADA, at.tokens.ada, uniqueName());
    const id = await plannedSession(ada);
    let asked = 0;
    const storage = syncStorage({
      url: at.url,
      getToken: () => {
        asked++;
        if (asked === 1) throw new Error('The sign-in is out of reach.');
        return at.tokens.mo;
      },
      name: uniqueName(),
    });
    const mo = createOkrStore({ storage, actor: MO });
    stores.push(mo);
    await visible(mo, id);
    expect(asked).to.be.at.least(2);
  });

  it('asks for a new token when the server answers 401', async () => {
    const at = await server();
    const ada = open(at, ADA, at.tokens.ada, uniqueName());
    const id = await plannedSession(ada);
    const asked: string[] = [];
    const storage = syncStorage({
      url: at.url,
      getToken: () => {
        asked.push('token');
        return asked.length === 1 ? at.tokens.moExpired : at.tokens.mo;
      },
      name: uniqueName(),
    });
    const mo = createOkrStore({ storage, actor: MO });
    stores.push(mo);
    await visible(mo, id);
    expect(asked.length).to.be.at.least(2);
  });
});
