// Rendering in Chromium: <okr-snapshot> with about 10,000 rows (first view from a fresh
// store over IndexedDB and over memory, a remembered week, and a full scroll), <okr-list> with 750 objectives and <okr-sessions> with 1,000 sessions. No peer: reported against the goals.
// A scroll step counts the work of presenting the next screen (scroll, the element's
// update, style and layout), not the wait for the next frame, whose interval would be the
// floor of the figure; the median screen is reported.
import type { SessionHeader } from '@okrkit/core';
import {
  createOkrStore,
  EXPORT_SCHEMA_VERSION,
  indexedDbStorage,
  memoryStorage,
  sampleHeaderFor,
} from './render-data.js';
import '@okrkit/elements';
import { enterprise, scaled } from '../generate.js';
import { middleOf, type Row } from '../measure.js';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * A full collection before a timed first view (Chromium runs with --expose-gc here), as
 * the core bench does before each cold run: a view is not charged for the garbage the
 * scenario before it left (a fold of the whole journal), which a page opened afresh has not.
 */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

function rowsOf(el: Element): number {
  return el.shadowRoot?.querySelectorAll('[part~=row]').length ?? 0;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const limit = performance.now() + 60_000;
  while (!condition()) {
    if (performance.now() > limit) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * Fails the run when the rows at the scroll position were not in the DOM when the clock
 * stopped: a screen counted must be a screen presented, not one deferred to a later frame.
 */
function shown(el: Element, table: HTMLElement): void {
  const header = table.querySelector('[part~=header-row]')?.getBoundingClientRect().height ?? 0;
  const view = table.getBoundingClientRect();
  const boxes = [...(el.shadowRoot?.querySelectorAll('[part~=row]') ?? [])].map((row) => row.getBoundingClientRect());
  for (const y of [view.top + header + 1, view.top + table.clientHeight - 1]) {
    if (!boxes.some((box) => box.top <= y && box.bottom > y)) {
      throw new Error(`no row rendered at ${Math.round(y - view.top)}px of the view, scrollTop ${table.scrollTop}`);
    }
  }
}

type SnapshotElement = HTMLElement & {
  store: unknown;
  sessionId: string;
  week: string;
  updateComplete: Promise<boolean>;
};

/** Shows `week` in a new <okr-snapshot> over `store`; resolves with the time to its first rows and the element. */
async function firstView(store: unknown, sessionId: string, week: string): Promise<[number, SnapshotElement]> {
  const el = document.createElement('okr-snapshot') as SnapshotElement;
  el.store = store;
  el.sessionId = sessionId;
  el.week = week;
  collect();
  const t0 = performance.now();
  document.body.append(el);
  await until(() => rowsOf(el) > 0, 'first rows');
  await frame();
  return [performance.now() - t0, el];
}

async function snapshotScenario(): Promise<Row[]> {
  // 1,430 objectives × (1 + 4 key results + 2 initiative rows) ≈ 10,000 rows.
  const { journal } = enterprise({ ...scaled(0.715), weeks: 12 });
  const options = { actor: { id: 'u-admin', role: 'admin' }, clock: () => new Date('2026-03-30T12:00:00Z') } as const;
  const importer = createOkrStore({ ...options, storage: memoryStorage() });
  const session = await importer.importSession({
    format: 'okrkit.session',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: '',
    session: { id: '', title: '' },
    journal,
  });
  const { id: _id, number: _n, ...header } = (await importer.storage.getSession(session.id)) as SessionHeader;
  const stored = await importer.storage.readJournal(session.id);
  // The page's own database, as a returning visitor's browser holds it: a fresh store over it
  // has folded nothing and derived no week.
  const databaseName = 'bench-render';
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(databaseName);
    request.onsuccess = request.onerror = resolve;
  });
  const seeding = indexedDbStorage({ name: databaseName });
  await seeding.createSession(header, stored);
  await seeding.close();
  const week = '2026-W10';
  /** Forgets every finished week the page's database kept: as if nobody had viewed or finished one. */
  const forgetWeeks = () =>
    new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(databaseName);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('checkpoints', 'readwrite');
        tx.objectStore('checkpoints').clear();
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  const keptIdb: number[] = [];
  const freshIdb: number[] = [];
  const freshMemory: number[] = [];
  const remembered: number[] = [];
  /** Per screen of each measured run: the work of presenting it, not the wait for a frame. */
  const screens: number[] = [];
  let rows = 0;
  const warmStore = createOkrStore({ ...options, storage: memoryStorage() });
  await warmStore.storage.createSession(header, stored);
  for (let run = 0; run < 5; run++) {
    // The page's database holds nothing derived: the first view folds the journal (and then
    // stores the finished week, in the background, before the store closes).
    await forgetWeeks();
    const idbStore = createOkrStore({ ...options, storage: indexedDbStorage({ name: databaseName }) });
    const [idbMs, idbEl] = await firstView(idbStore, session.id, week);
    freshIdb.push(idbMs);
    idbEl.remove();
    await idbStore.close();
    // Now it holds the finished week, as a week is kept once final: a new page over it.
    const keptStore = createOkrStore({ ...options, storage: indexedDbStorage({ name: databaseName }) });
    const [keptMs, keptEl] = await firstView(keptStore, session.id, week);
    keptIdb.push(keptMs);
    keptEl.remove();
    await keptStore.close();
    const memoryStore = createOkrStore({ ...options, storage: memoryStorage() });
    await memoryStore.storage.createSession(header, stored);
    const [memoryMs, memoryEl] = await firstView(memoryStore, session.id, week);
    freshMemory.push(memoryMs);
    memoryEl.remove();
    await memoryStore.close();
    const [warmMs, el] = await firstView(warmStore, session.id, week);
    remembered.push(warmMs);
    const table = el.shadowRoot?.querySelector('[part~=table]') as HTMLElement;
    rows = Number(table.getAttribute('aria-rowcount'));
    while (run > 0 && table.scrollTop + table.clientHeight < table.scrollHeight - 1) {
      const t1 = performance.now();
      table.scrollTop += table.clientHeight;
      table.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      void table.offsetHeight; // style and layout of the new screen
      const took = performance.now() - t1;
      shown(el, table);
      screens.push(took);
      await frame();
    }
    el.remove();
  }
  // The first run of each compiles the code: dropped (a cold page pays it; see the demo load
  // row). The warm store's first view was not remembered yet: dropped from the cached row too.
  for (const list of [keptIdb, freshIdb, freshMemory, remembered]) list.shift();
  remembered.shift();
  const size = `${rows.toLocaleString('en')} rows`;
  const idb = middleOf(freshIdb);
  const kept = middleOf(keptIdb);
  return [
    {
      group: 'cold',
      scenario: '<okr-snapshot> first view of a past week, fresh store over IndexedDB, the finished week kept',
      size,
      okrkit: kept,
      goal: '<= 100 ms',
      met: kept <= 100,
      note: "the page's database holds the session and the week as stored once final; nothing read of the journal",
    },
    {
      group: 'cold',
      scenario: '<okr-snapshot> first view of a past week, fresh store over IndexedDB, nothing stored',
      size,
      okrkit: idb,
      goal: '<= 100 ms',
      met: idb <= 100,
      note: "the page's database holds the session only; nothing folded or derived yet",
    },
    {
      group: 'cold',
      scenario: '<okr-snapshot> first view of a past week, fresh store over memory storage',
      size,
      okrkit: middleOf(freshMemory),
    },
    {
      group: 'cached',
      scenario: 'CACHED: <okr-snapshot> first render of a week the store remembers',
      size,
      okrkit: middleOf(remembered),
      note: 'the store has shown this week before: not a first visit',
    },
    {
      group: 'other',
      scenario: '<okr-snapshot> full scroll, per screen',
      size,
      okrkit: middleOf(screens),
      goal: 'a frame (16.7 ms)',
    },
  ];
}

/**
 * <okr-list> of 750 objectives (3,000 key results, 12 weeks of check-ins), as the demo's
 * large organisation: the first screen of objectives shown, from a store that has not read
 * the session yet (so the fold of its journal counts) and from one that has.
 */
async function listScenario(): Promise<Row[]> {
  const { journal } = enterprise({ ...scaled(0.375), weeks: 12 });
  const storage = memoryStorage();
  const options = {
    storage,
    actor: { id: 'u-admin', role: 'admin' },
    clock: () => new Date('2026-03-30T12:00:00Z'),
  } as const;
  const session = await createOkrStore(options).importSession({
    format: 'okrkit.session',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: '',
    session: { id: '', title: '' },
    journal,
  });
  const objectives = session.objectives.size;
  const warmStore = createOkrStore(options);
  await warmStore.getSession(session.id);
  const fresh: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < 6; run++) {
    for (const [store, times] of [
      [createOkrStore(options), fresh],
      [warmStore, warm],
    ] as const) {
      const el = document.createElement('okr-list') as HTMLElement & { store: unknown; sessionId: string };
      el.store = store;
      el.sessionId = session.id;
      collect();
      const t0 = performance.now();
      document.body.append(el);
      await until(() => (el.shadowRoot?.querySelectorAll('[part~=objective]').length ?? 0) > 0, 'first objectives');
      await frame();
      times.push(performance.now() - t0);
      el.remove();
    }
  }
  fresh.shift();
  warm.shift();
  const size = `${objectives.toLocaleString('en')} objectives`;
  return [
    { scenario: '<okr-list> first render, fresh store', size, okrkit: middleOf(fresh), goal: 'under 200 ms' },
    { scenario: '<okr-list> first render, session read', size, okrkit: middleOf(warm), goal: 'under 200 ms' },
  ];
}

async function sessionsScenario(): Promise<Row[]> {
  const storage = memoryStorage();
  for (let i = 0; i < 1000; i++) await storage.createSession(...sampleHeaderFor(i));
  const store = createOkrStore({ storage, actor: { id: 'u-admin', role: 'admin' } });
  const times: number[] = [];
  for (let run = 0; run < 10; run++) {
    const el = document.createElement('okr-sessions') as HTMLElement & { store: unknown };
    el.store = store;
    collect();
    const t0 = performance.now();
    document.body.append(el);
    await until(() => (el.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) >= 1000, '1,000 rows');
    await frame();
    times.push(performance.now() - t0);
    el.remove();
  }
  times.shift();
  return [{ scenario: '<okr-sessions> first render', size: '1,000 sessions', okrkit: middleOf(times) }];
}

(globalThis as { benchResult?: unknown }).benchResult = [
  ...(await snapshotScenario()),
  ...(await listScenario()),
  ...(await sessionsScenario()),
];
