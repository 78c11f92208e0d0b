// Loaded in two pages of one browser (bench/browser.mjs `runTabs`): both open the same
// IndexedDB, as two tabs of one person do. One shows <okr-snapshot> of the large
// organisation's current week; the other records a check-in; the time is from the start
// of the check-in command in the first tab to the DOM of the second showing the new value
// (told through the adapter's cross-tab notice, BroadcastChannel), on one clock
// (performance.timeOrigin + now, shared by pages of one browser).
import { createOkrStore, indexedDbStorage, type OkrStore } from '@okrkit/core';
import '@okrkit/elements';
import { importLargeOrganisation } from '../../demo/large-org.js';

const DATABASE = 'bench-tabs';
const actor = { id: 'u-ada', role: 'admin' } as const;
const KEY_RESULT = 'kr0-0';
let store: OkrStore | undefined;
let el: (HTMLElement & { store: unknown; sessionId: string }) | undefined;

const clock = () => performance.timeOrigin + performance.now();
const open = () => {
  store ??= createOkrStore({ storage: indexedDbStorage({ name: DATABASE }), actor });
  return store;
};
const shownValue = () =>
  el?.shadowRoot?.querySelector(`[data-id="${KEY_RESULT}"] .pct`)?.textContent?.trim() ?? undefined;

(globalThis as { benchTabs?: unknown }).benchTabs = {
  /** Fresh database, the large organisation (750 objectives, 3,000 key results, 12 weeks) imported. */
  async seed(): Promise<string> {
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DATABASE);
      request.onsuccess = resolve;
      request.onerror = reject;
    });
    const seeding = createOkrStore({ storage: indexedDbStorage({ name: DATABASE }), actor });
    const session = await importLargeOrganisation(seeding);
    await seeding.close();
    return session.id;
  },
  /** Shows the session's current week and resolves with what the measured key result shows. */
  async view(sessionId: string): Promise<string | undefined> {
    el = document.createElement('okr-snapshot') as typeof el & HTMLElement;
    el.store = open();
    el.sessionId = sessionId;
    document.body.append(el);
    const limit = performance.now() + 60_000;
    while (!shownValue()) {
      if (performance.now() > limit) throw new Error('the snapshot showed no rows');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return shownValue();
  },
  /** Resolves with the instant the shown value first differs from `before`. */
  changed(before: string): Promise<number> {
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (shownValue() !== before) {
          observer.disconnect();
          resolve(clock());
        }
      });
      observer.observe(el?.shadowRoot as ShadowRoot, { subtree: true, childList: true, characterData: true });
    });
  },
  /** Records a check-in (value `value`) and resolves with the instant the command started. */
  async checkIn(sessionId: string, value: number): Promise<number> {
    const s = open();
    await s.getSession(sessionId);
    const t0 = clock();
    await s.checkIn(sessionId, KEY_RESULT, { value, status: 'on_track' });
    return t0;
  },
};
(globalThis as { benchReady?: boolean }).benchReady = true;
