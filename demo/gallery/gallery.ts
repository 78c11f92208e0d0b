// One element on fixed sample data, for the screenshot, overflow and axe tests of
// demo/e2e/screens.e2e.test.ts (and for looking at an element by hand):
// `/demo/gallery/?screen=snapshot&scheme=dark&dir=rtl&lang=de`. The store's clock is fixed, so
// every visit renders the same pixels. When everything has rendered, `<html>` gets
// `data-ready`.
import { createOkrStore, memoryStorage, type OkrStore, type SessionHeader } from '@okrkit/core';
import '@okrkit/elements';
import '@okrkit/elements/locales/de.js';
import { PEOPLE, PERSONAS, TEAM_NAMES } from '../people.js';
import { seedSampleData } from '../sample-data.js';

/** The instant every screen is rendered at: a Wednesday in the sample's current quarter. */
export const GALLERY_NOW = new Date('2026-11-18T10:00:00Z');

/** The screens the gallery shows, each a way a person meets an element. */
export const SCREENS = [
  'sessions',
  'snapshot',
  'snapshot-closed',
  'tree',
  'check-in',
  'drawer',
  'list',
  'detail',
  'next-session',
  'access',
] as const;
export type Screen = (typeof SCREENS)[number];

const params = new URLSearchParams(location.search);
const screen = (params.get('screen') ?? 'snapshot') as Screen;
document.documentElement.dataset.scheme = params.get('scheme') === 'dark' ? 'dark' : 'light';
document.documentElement.dir = params.get('dir') === 'rtl' ? 'rtl' : 'ltr';
document.documentElement.lang = params.get('lang') ?? 'en';

const storage = memoryStorage();
await seedSampleData(storage, GALLERY_NOW);
const store = createOkrStore({
  storage,
  actor: PERSONAS[0]?.actor ?? { id: 'u-ada', role: 'admin' },
  clock: () => GALLERY_NOW,
});
const sessions = await store.listSessions({ includeArchived: true });
const frame = document.querySelector('#frame') as HTMLElement;

function session(state: SessionHeader['state']): SessionHeader {
  const found = sessions.find((s) => s.state === state && s.parentId !== undefined) ?? sessions[0];
  if (!found) throw new Error('The sample data has no session');
  return found;
}

async function firstKeyResult(store: OkrStore, sessionId: string): Promise<string> {
  const live = await store.getSession(sessionId);
  const kr = [...live.keyResults.values()].find((k) => k.checkIns.length > 0 && k.kind === 'increase');
  if (!kr) throw new Error('The sample session has no key result with check-ins');
  return kr.id;
}

/** A key result of the sample session whose history has a correction. */
async function correctedKeyResult(store: OkrStore, sessionId: string): Promise<string> {
  const live = await store.getSession(sessionId);
  const kr = [...live.keyResults.values()].find((k) => k.checkIns.some((c) => c.corrects !== undefined));
  if (!kr) throw new Error('The sample session has no corrected check-in');
  return kr.id;
}

async function mount(): Promise<HTMLElement> {
  const current = session('in_progress');
  switch (screen) {
    case 'sessions':
      // A 118-character title without spaces must wrap, not push the columns off-screen.
      await store.createSession({
        title: `Customer-success-and-onboarding-excellence-programme-${'x'.repeat(65)}`,
        start: '2027-01-01',
        end: '2027-03-31',
      });
      return Object.assign(document.createElement('okr-sessions'), { store, people: PEOPLE, includeArchived: true });
    case 'snapshot':
    case 'snapshot-closed':
      return Object.assign(document.createElement('okr-snapshot'), {
        store,
        people: PEOPLE,
        sessionId: screen === 'snapshot' ? current.id : session('archived').id,
      });
    case 'tree':
      return Object.assign(document.createElement('okr-tree'), { store, people: PEOPLE, sessionId: current.id });
    case 'check-in':
      return Object.assign(document.createElement('okr-check-in'), {
        store,
        people: PEOPLE,
        sessionId: current.id,
        keyResultId: await firstKeyResult(store, current.id),
        open: true,
      });
    case 'drawer':
      return Object.assign(document.createElement('okr-session-drawer'), {
        store,
        people: PEOPLE,
        teams: TEAM_NAMES,
        sessionId: current.id,
        open: true,
      });
    case 'list':
      return Object.assign(document.createElement('okr-list'), { store, people: PEOPLE, sessionId: current.id });
    case 'detail':
      return Object.assign(document.createElement('okr-detail'), {
        store,
        people: PEOPLE,
        sessionId: current.id,
        item: { kind: 'keyResult', id: await correctedKeyResult(store, current.id) },
        open: true,
      });
    case 'next-session':
      return Object.assign(document.createElement('okr-next-session'), { store, sessionId: current.id, open: true });
    case 'access':
      // Shared with two teams and one more person; only Product edits.
      await store.updateSession(current.id, {
        access: {
          view: { everyone: false, people: ['u-vic'], teams: ['leadership', 'product'] },
          edit: { everyone: false, people: [], teams: ['product'] },
        },
      });
      return Object.assign(document.createElement('okr-access-editor'), {
        store,
        people: PEOPLE,
        teams: TEAM_NAMES,
        sessionId: current.id,
      });
  }
}

/** Nothing left to load: no spinner or placeholder in any shadow root. */
function settled(root: Document | ShadowRoot): boolean {
  for (const element of root.querySelectorAll('*')) {
    if (element.matches('.spinner, .spark-placeholder, [role=status].loading-state')) return false;
    if (element.shadowRoot && !settled(element.shadowRoot)) return false;
  }
  return true;
}

const element = await mount();
// Elements that start their headings at h3 sit under the host's h2, as in the demo's cards.
const HOST_HEADINGS: Partial<Record<Screen, string>> = { list: 'Objectives', access: 'Session settings' };
const hostHeading = HOST_HEADINGS[screen];
if (hostHeading) {
  const h2 = Object.assign(document.createElement('h2'), { className: 'visually-hidden', textContent: hostHeading });
  frame.before(h2);
}
frame.replaceChildren(element);
const deadline = performance.now() + 10_000;
while (!settled(document) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
document.documentElement.dataset.ready = '';
