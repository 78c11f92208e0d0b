import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOkrServer,
  jwtAuthenticator,
  listen,
  pgliteDatabase,
  type ServerListening,
  signToken,
} from '@okrkit/server';
import { isOkrError, type OkrError } from '../errors.js';
import type { Actor } from '../model.js';
import { createOkrStore, type OkrStore } from '../store.js';
import { TestNetwork } from '../testing/network.js';
import { memorySyncCache, type SyncCache } from './sync-cache.js';
import type { SyncEvent } from './sync-status.js';
import { SyncStorage, syncStorage } from './sync-storage.js';

function syncNow(store: OkrStore): Promise<void> {
  assert.ok(store.storage instanceof SyncStorage);
  return store.storage.syncNow();
}

/**
 * The sync store against the real server (@okrkit/server on an in-memory PGlite, over HTTP
 * on 127.0.0.1): what one person does shows in another's store, offline commands wait in
 * the outbox (across a reload) and arrive once, in order; refusals leave the outbox.
 */

const SECRET = 'okrkit-sync-test-secret-at-least-32-characters';
const ADA: Actor = { id: 'ada', role: 'admin', name: 'Ada' };
const MO: Actor = { id: 'mo', role: 'member', name: 'Mo' };
const VIC: Actor = { id: 'vic', role: 'viewer', name: 'Vic' };
const Q4 = { title: 'Q4 2026', start: '2026-10-01', end: '2026-12-31', timeZone: 'Europe/Berlin' };

interface Client {
  readonly store: OkrStore;
  readonly network: TestNetwork;
  readonly cache: SyncCache;
  readonly events: SyncEvent[];
}

describe('syncStorage against the real server', { timeout: 60_000 }, () => {
  const database = pgliteDatabase();
  let server: ServerListening;
  const clients: Client[] = [];

  before(async () => {
    const okr = createOkrServer({
      database,
      authenticate: jwtAuthenticator({ secret: SECRET }),
      pushRate: { burst: 1000, perSecond: 1000 },
    });
    server = await listen(okr, { port: 0 });
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.store.close()));
    await server.close();
    await database.close();
  });

  function client(
    actor: Actor,
    options: {
      cache?: SyncCache;
      network?: TestNetwork;
      getToken?: () => Promise<string>;
      clock?: () => Date;
    } = {},
  ) {
    const network = options.network ?? new TestNetwork();
    const cache = options.cache ?? memorySyncCache();
    const storage = syncStorage({
      url: server.url,
      getToken: options.getToken ?? (() => signToken(actor, { secret: SECRET })),
      fetch: network.fetch,
      cache,
    });
    const store = createOkrStore({ storage, actor, ...(options.clock ? { clock: options.clock } : {}) });
    const events: SyncEvent[] = [];
    store.subscribeSync((event) => events.push(event));
    const made = { store, network, cache, events };
    clients.push(made);
    return made;
  }

  /** Resolves once `check` holds, looking again after every notice of the store. */
  function until<T>(store: OkrStore, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      let done = false;
      const look = () => {
        if (done) return;
        Promise.resolve()
          .then(check)
          .then((value) => {
            if (value === undefined || value === false || done) return;
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
    const session = await ada.createSession(Q4);
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
    assert.equal((await ada.getSession(session.id)).state, 'in_progress', 'the start reached the server');
    return session.id;
  }

  const latest = async (store: OkrStore, id: string) => (await store.getSession(id)).keyResults.get('kr_1')?.latest;

  it('creates a session on the server, and another person sees it and a check-in live', async () => {
    const ada = client(ADA);
    const mo = client(MO);
    const id = await plannedSession(ada.store);
    assert.match(id, /^SE-\d{5}$/);
    const seen = await until(mo.store, async () =>
      (await mo.store.listSessions()).find((s) => s.id === id && s.state === 'in_progress'),
    );
    assert.equal(seen.title, 'Q4 2026');
    assert.equal(seen.state, 'in_progress');

    await mo.store.checkIn(id, 'kr_1', { value: 40, status: 'on_track', comment: 'first deals' });
    const onAdasPage = await until(ada.store, async () => {
      const kr = await latest(ada.store, id).catch(() => undefined);
      return kr?.value === 40 ? kr : undefined;
    });
    assert.equal(onAdasPage.comment, 'first deals');
    assert.equal(mo.store.syncStatus?.connection, 'online');
    assert.equal(mo.network.streams, 1, 'one change stream, kept open');
  });

  it('shows an offline check-in at once, keeps it out of the numbered journal, and keeps it across a reload', async () => {
    const ada = client(ADA);
    const id = await plannedSession(ada.store);
    const network = new TestNetwork();
    const cache = memorySyncCache();
    const mo = client(MO, { network, cache });
    await until(mo.store, async () => (await mo.store.listSessions()).some((s) => s.id === id) || undefined);
    const confirmedHead = (await mo.store.getSession(id)).head;
    network.cut();

    await mo.store.checkIn(id, 'kr_1', { id: 'ci_a', value: 10, comment: 'on the train' });
    await mo.store.checkIn(id, 'kr_1', { id: 'ci_b', value: 20, comment: 'still on the train' });
    assert.equal((await latest(mo.store, id))?.value, 20, 'the page shows the pending check-ins at once');
    assert.equal(mo.store.syncStatus?.pending, 2);
    await until(mo.store, () => (mo.store.syncStatus?.connection === 'offline' ? true : undefined));

    const kept = await cache.load();
    assert.deepEqual(
      kept.outbox.map((m) => [m.command.type, (m.command.args as { id?: string }).id]),
      [
        ['checkIn.add', 'ci_a'],
        ['checkIn.add', 'ci_b'],
      ],
      'the outbox keeps the commands, with their ids',
    );
    const keptSession = kept.sessions.find((s) => s.header.id === id);
    assert.equal(keptSession?.header.head, confirmedHead, 'no pending command was stored as a numbered entry');
    assert.equal(keptSession?.entries.length, confirmedHead);

    // A reload: a new store on the same cache, still offline.
    await mo.store.close();
    const again = client(MO, { network, cache });
    assert.equal((await latest(again.store, id))?.value, 20, 'after the reload the pending check-ins still show');
    assert.equal(again.store.syncStatus?.pending, 2);

    network.online = true;
    await syncNow(again.store);
    await until(again.store, () => (again.store.syncStatus?.pending === 0 ? true : undefined));
    const onServer = await until(ada.store, async () => {
      const journal = await ada.store.journal(id);
      return journal.length >= confirmedHead + 2 ? journal : undefined;
    });
    const checkIns = onServer.filter((e) => e.type === 'checkIn.added').map((e) => (e.data as { id: string }).id);
    assert.deepEqual(checkIns, ['ci_a', 'ci_b'], 'both arrived once, in order');
    const mine = await again.store.journal(id);
    assert.deepEqual(
      mine.slice(confirmedHead).map((e) => e.at),
      onServer.slice(confirmedHead).map((e) => e.at),
      'the recorded instants are the server’s',
    );
  });

  it('keeps the person’s own time with a check-in written offline; the server’s instant records it', async () => {
    const ada = client(ADA);
    const id = await plannedSession(ada.store);
    const network = new TestNetwork();
    // Mo wrote it two hours before it reached the server (their laptop was offline since).
    const twoHours = 2 * 3_600_000;
    const mo = client(MO, { network, clock: () => new Date(Date.now() - twoHours) });
    await until(mo.store, async () => (await mo.store.listSessions()).some((s) => s.id === id) || undefined);
    network.cut();
    const wrote = Date.now() - twoHours;
    await mo.store.checkIn(id, 'kr_1', { id: 'ci_late', value: 30, comment: 'written on the train' });
    network.online = true;
    await syncNow(mo.store);
    await until(mo.store, () => (mo.store.syncStatus?.pending === 0 ? true : undefined));
    const recorded = await until(ada.store, async () => {
      const kr = await latest(ada.store, id).catch(() => undefined);
      return kr?.id === 'ci_late' ? kr : undefined;
    });
    assert.ok(recorded.writtenAt, 'the person’s time is kept');
    assert.ok(Math.abs(Date.parse(recorded.writtenAt) - wrote) < 5_000, 'as their clock read when they wrote it');
    assert.ok(Date.parse(recorded.at) - Date.parse(recorded.writtenAt) >= twoHours - 60_000);
    assert.ok(Math.abs(Date.parse(recorded.at) - Date.now()) < 60_000, 'recorded at the server’s instant');
    const onMosPage = await latest(mo.store, id);
    assert.equal(onMosPage?.writtenAt, recorded.writtenAt);
  });

  it('keeps a command made while the server’s answer to the last push is being stored, and sends it', async () => {
    // The answer to a push is written to the cache before the outbox in memory is updated:
    // a command queued meanwhile was dropped from memory (never sent until a reload; its
    // session shown without it), and a test's "nothing pending" then passed without it.
    const inner = memorySyncCache();
    let storing: (() => void) | undefined;
    let release: (() => void) | undefined;
    const cache: SyncCache = {
      ...inner,
      async updateMutations(mutations) {
        if (storing) {
          const released = new Promise<void>((resolve) => {
            release = resolve;
          });
          storing();
          storing = undefined;
          await released;
        }
        return inner.updateMutations(mutations);
      },
    };
    const ada = client(ADA, { cache });
    const session = await ada.store.createSession(Q4);
    const answerBeingStored = new Promise<void>((resolve) => {
      storing = resolve;
    });
    await ada.store.addObjective(session.id, { id: 'ob_1', title: 'Grow revenue' });
    await answerBeingStored;
    await ada.store.addObjective(session.id, { id: 'ob_2', title: 'Keep customers' });
    release?.();
    await until(ada.store, () => (ada.store.syncStatus?.pending === 0 ? true : undefined));
    const onServer = client(MO);
    const seen = await until(onServer.store, async () => {
      const s = await onServer.store.getSession(session.id).catch(() => undefined);
      return s && s.objectives.size === 2 ? s : undefined;
    });
    assert.deepEqual([...seen.objectives.keys()], ['ob_1', 'ob_2']);
    assert.equal(
      (await ada.store.getSession(session.id)).objectives.size,
      2,
      'the person’s own page still shows what they added',
    );
  });

  it('applies a push whose answer was lost once, when it is repeated', async () => {
    const ada = client(ADA);
    const id = await plannedSession(ada.store);
    const network = new TestNetwork();
    const mo = client(MO, { network });
    await until(mo.store, async () => (await mo.store.listSessions()).some((s) => s.id === id) || undefined);
    network.loseNextPushAnswer = true;
    await mo.store.checkIn(id, 'kr_1', { id: 'ci_lost', value: 33 });
    await until(mo.store, () => (mo.store.syncStatus?.connection === 'offline' ? true : undefined));
    await syncNow(mo.store);
    await until(mo.store, () => (mo.store.syncStatus?.pending === 0 ? true : undefined));
    const journal = await mo.store.journal(id);
    assert.equal(journal.filter((e) => e.type === 'checkIn.added').length, 1);
    assert.equal((await latest(mo.store, id))?.value, 33);
  });

  it('drops a command the server refuses on arrival, tells why, and never shows it as saved', async () => {
    const ada = client(ADA);
    const id = await plannedSession(ada.store);
    const network = new TestNetwork();
    const mo = client(MO, { network });
    await until(mo.store, async () => (await mo.store.listSessions()).some((s) => s.id === id) || undefined);
    network.cut();
    await mo.store.checkIn(id, 'kr_1', { id: 'ci_late', value: 70, comment: 'too late' });
    assert.equal((await latest(mo.store, id))?.value, 70);

    await ada.store.closeSession(id);
    // A sync store's command resolves once queued: wait until the server has it.
    await until(ada.store, () => (ada.store.syncStatus?.pending === 0 ? true : undefined));
    network.online = true;
    await syncNow(mo.store);
    const refusal = await until(mo.store, () => mo.events.find((e) => e.type === 'refused'));
    assert.ok(refusal.type === 'refused');
    assert.ok(isOkrError(refusal.error, 'locked'), (refusal.error as OkrError).message);
    assert.equal(refusal.command.type, 'checkIn.add');
    assert.equal(mo.store.syncStatus?.pending, 0, 'the outbox is empty');
    const shown = await until(mo.store, async () => {
      const session = await mo.store.getSession(id);
      return session.state === 'archived' ? session : undefined;
    });
    assert.equal(shown.keyResults.get('kr_1')?.latest, undefined, 'the refused check-in is gone from the page');
    assert.equal((await ada.store.journal(id)).filter((e) => e.type === 'checkIn.added').length, 0);
  });

  it('a viewer whose page claims to be an admin still changes nothing: the server refuses as the token’s person', async () => {
    const ada = client(ADA);
    const id = await plannedSession(ada.store);
    const forged = client({ ...VIC, role: 'admin' }, { getToken: () => signToken(VIC, { secret: SECRET }) });
    await until(forged.store, async () => (await forged.store.listSessions()).some((s) => s.id === id) || undefined);
    await forged.store.checkIn(id, 'kr_1', { value: 99 });
    const refusal = await until(forged.store, () => forged.events.find((e) => e.type === 'refused'));
    assert.ok(refusal.type === 'refused' && isOkrError(refusal.error, 'not-allowed'));
    assert.equal((await ada.store.journal(id)).filter((e) => e.type === 'checkIn.added').length, 0);
  });

  it('asks for a new token when the server answers 401, and carries on', async () => {
    const ada = client(ADA);
    const id = await plannedSession(ada.store);
    let asked = 0;
    const mo = client(MO, {
      getToken: async () => {
        asked += 1;
        return asked === 1 ? signToken(MO, { secret: SECRET, expiresIn: -10 }) : signToken(MO, { secret: SECRET });
      },
    });
    await until(mo.store, async () => (await mo.store.listSessions()).some((s) => s.id === id) || undefined);
    assert.ok(asked >= 2, 'the expired token was replaced');
    await mo.store.checkIn(id, 'kr_1', { value: 5 });
    await until(ada.store, async () => ((await latest(ada.store, id))?.value === 5 ? true : undefined));
  });
});
