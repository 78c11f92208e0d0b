// Loaded in pages of the sync bench (bench/browser.mjs `runSync`), served on the origin of
// the real okrkit server (bench/sync-host.ts), so each sync store talks to it without CORS.
// 1. Push to rendered: one person's page shows <okr-snapshot> over a sync store; another
//    person's page (another browser: its own IndexedDB, no BroadcastChannel between them)
//    checks in through its sync store. Both pages report instants on the system clock
//    (performance.timeOrigin + now), so the runner subtracts one page's from the other's.
// 2. First load of a session into <okr-list>: from the server into a sync store whose
//    IndexedDB cache is empty, and from a page database that already holds the session
//    (a fresh `indexedDbStorage` store), each in turn.
import { type Actor, createOkrStore, indexedDbStorage, type OkrStore, syncStorage } from '@okrkit/core';
import { headerOf, replay } from '@okrkit/core/internals';
import '@okrkit/elements';
import { enterprise } from '../generate.js';

type StoreElement = HTMLElement & { store: unknown; sessionId: string };

const clock = () => performance.timeOrigin + performance.now();
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

let store: OkrStore | undefined;
let snapshot: StoreElement | undefined;
let watched = '';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 120_000): Promise<void> {
  const limit = performance.now() + ms;
  while (!(await condition())) {
    if (performance.now() > limit) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** What the watched key result's row of the snapshot says (its progress, its change and status). */
const shownRow = () =>
  snapshot?.shadowRoot?.querySelector(`[data-id="${watched}"]`)?.textContent?.replace(/\s+/g, ' ').trim() || undefined;

const headOf = async (s: OkrStore, id: string) => (await s.getSession(id).catch(() => undefined))?.head ?? 0;

function syncStore(token: string, actor: Actor, name: string): OkrStore {
  return createOkrStore({ storage: syncStorage({ url: location.origin, getToken: () => token, name }), actor });
}

(globalThis as { benchSync?: unknown }).benchSync = {
  /** Opens this page's person's sync store (an empty cache) and waits for the whole session (its head `head`) to arrive. */
  async open(token: string, actor: Actor, sessionId: string, head: number, name: string): Promise<void> {
    await deleteDatabase(name);
    store = syncStore(token, actor, name);
    const s = store;
    await until(async () => (await headOf(s, sessionId)) === head, `session ${sessionId} at head ${head}`);
  },
  /** Shows the session's current week; resolves with what the row of `keyResultId` says, and its start and target. */
  async view(
    sessionId: string,
    keyResultId: string,
  ): Promise<{ shown: string | undefined; start: number | undefined; target: number | undefined }> {
    watched = keyResultId;
    snapshot = document.createElement('okr-snapshot') as StoreElement;
    snapshot.store = store;
    snapshot.sessionId = sessionId;
    document.body.append(snapshot);
    await until(() => shownRow() !== undefined, 'the row of the watched key result');
    const { start, target } = (await (store as OkrStore).getSession(sessionId)).keyResults.get(keyResultId) ?? {};
    return { shown: shownRow(), start, target };
  },
  /** Resolves with the instant the watched row first differs from `before`, what it says then and its progress. */
  changed(before: string): Promise<[number, string | undefined, string | undefined]> {
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const now = shownRow();
        if (now !== before) {
          observer.disconnect();
          const progress = snapshot?.shadowRoot?.querySelector(`[data-id="${watched}"] .pct`)?.textContent?.trim();
          resolve([clock(), now, progress]);
        }
      });
      observer.observe(snapshot?.shadowRoot as ShadowRoot, { subtree: true, childList: true, characterData: true });
    });
  },
  /** Records a check-in and resolves with the instant the command started (once the push is answered). */
  async checkIn(sessionId: string, keyResultId: string, value: number): Promise<number> {
    const s = store as OkrStore;
    await s.getSession(sessionId);
    const t0 = clock();
    await s.checkIn(sessionId, keyResultId, { value, status: 'on_track' });
    // The next round starts from a quiet outbox: this one's push has been answered.
    await until(() => s.syncStatus?.pending === 0, 'the push answered', 30_000);
    return t0;
  },
  now: clock,

  /**
   * A first load into <okr-list>: a new store (over `from`) handed to a new element at t0;
   * resolves with the times to its first objectives in the DOM, to the whole session (head
   * `head`) read, and to the whole session read with every one of its `objectives` in the
   * DOM (the list adds them a slice a frame), each after a frame.
   */
  async firstLoad(
    from: { server: { token: string; name: string } } | { indexedDb: string },
    actor: Actor,
    sessionId: string,
    head: number,
    objectives: number,
  ): Promise<{ rows: number; read: number; whole: number; pulls: number; pullMs: number }> {
    if ('server' in from) await deleteDatabase(from.server.name);
    performance.clearResourceTimings();
    const el = document.createElement('okr-list') as StoreElement;
    const shown = () => el.shadowRoot?.querySelectorAll('[part~=objective]').length ?? 0;
    const t0 = performance.now();
    const s =
      'server' in from
        ? syncStore(from.server.token, actor, from.server.name)
        : createOkrStore({ storage: indexedDbStorage({ name: from.indexedDb }), actor });
    el.store = s;
    el.sessionId = sessionId;
    document.body.append(el);
    await until(() => shown() > 0, 'first objectives');
    await frame();
    const rows = performance.now() - t0;
    await until(async () => (await headOf(s, sessionId)) === head, 'the whole session');
    const read = performance.now() - t0;
    await until(() => shown() === objectives, `all ${objectives} objectives in the list`);
    await frame();
    const whole = performance.now() - t0;
    const pulls = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/v1/pull')) as PerformanceResourceTiming[];
    el.remove();
    await s.close();
    if ('server' in from) await deleteDatabase(from.server.name);
    return {
      rows,
      read,
      whole,
      pulls: pulls.length,
      pullMs: pulls.reduce((sum, e) => sum + (e.responseEnd - e.requestStart), 0),
    };
  },
  /** Fills the page database `name` with the enterprise session (bench/generate.ts at 1x); resolves with its id and head. */
  async seedIndexedDb(name: string): Promise<{ id: string; head: number }> {
    await deleteDatabase(name);
    const { journal } = enterprise();
    const folded = replay({ id: '', number: 0 }, journal);
    if (!folded) throw new Error('The enterprise journal does not fold.');
    const { id: _id, number: _number, ...header } = headerOf(folded);
    const storage = indexedDbStorage({ name });
    const created = await storage.createSession(header, journal);
    await storage.close();
    return { id: created.id, head: journal.length };
  },
};
(globalThis as { benchReady?: boolean }).benchReady = true;
