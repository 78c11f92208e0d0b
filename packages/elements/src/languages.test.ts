import { type Actor, createOkrStore, memoryStorage, type OkrStore } from '@okrkit/core';
import { expect, fixture, html } from '@open-wc/testing';
import { makeStore, settle } from '../test/helpers.js';
import { OKR_STRINGS_DE } from './locales/de.js';
import type { OkrList } from './okr-list/okr-list.js';
import './okr-list/okr-list.js';
import './okr-provider/okr-provider.js';
import type { OkrSessions } from './okr-sessions/okr-sessions.js';
import './okr-sessions/okr-sessions.js';
import type { OkrSnapshot } from './okr-snapshot/okr-snapshot.js';
import './okr-snapshot/okr-snapshot.js';
import { registerStrings } from './string-registry.js';
import { resolveSnapshotStrings, resolveStrings } from './strings.js';

function text(node: Element | ShadowRoot | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

/** Lets the shared lang observer hear a change (its callback is a microtask), then the element render. */
async function heard(el: OkrSessions): Promise<void> {
  await Promise.resolve();
  await el.updateComplete;
}

async function sessions(store: OkrStore, wrap = (el: ReturnType<typeof html>) => el): Promise<OkrSessions> {
  const host = await fixture<HTMLElement>(wrap(html`<okr-sessions .store=${store}></okr-sessions>`));
  const el = (host.localName === 'okr-sessions' ? host : host.querySelector('okr-sessions')) as OkrSessions;
  await settle(el);
  return el;
}

function germanDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1),
  );
}

afterEach(() => {
  document.documentElement.lang = 'en';
});

describe('languages', () => {
  it('renders a German page in German, dates in German format, and stays accessible', async () => {
    document.documentElement.lang = 'de';
    const store = makeStore();
    await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    const el = await sessions(store);
    const root = shadow(el);
    expect(text(root.querySelector('#add'))).to.equal('Session anlegen');
    expect([...root.querySelectorAll('th')].map(text)).to.deep.equal([
      'Nummer',
      'Name',
      'Status',
      'Beginn',
      'Ende',
      'Angelegt von',
      'Zuletzt geändert von',
    ]);
    const cells = [...root.querySelectorAll('tbody td')].map(text);
    expect(cells).to.include(germanDay('2027-01-01')).and.include(germanDay('2027-03-31')).and.include('Offen');
    expect(germanDay('2027-03-31')).to.not.equal('Mar 31, 2027');
    await expect(el).to.be.accessible();
  });

  it('re-renders when the lang of <html>, of an ancestor and of the element itself changes', async () => {
    const el = await sessions(makeStore(), (inner) => html`<div>${inner}</div>`);
    const title = () => text(shadow(el).querySelector('.state-title'));
    expect(title()).to.equal('No sessions yet');

    document.documentElement.lang = 'de';
    await heard(el);
    expect(title()).to.equal('Noch keine Sessions');

    el.parentElement?.setAttribute('lang', 'en-GB');
    await heard(el);
    expect(title()).to.equal('No sessions yet');

    el.setAttribute('lang', 'de-AT');
    await heard(el);
    expect(title(), 'de-AT falls back to de').to.equal('Noch keine Sessions');

    el.removeAttribute('lang');
    await heard(el);
    expect(title()).to.equal('No sessions yet');
  });

  it('reaches elements inside shadow roots: the session drawer follows its host page', async () => {
    const store = makeStore();
    await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    const el = await sessions(store, (inner) => html`<section lang="de">${inner}</section>`);
    (shadow(el).querySelector('tbody tr') as HTMLElement).click();
    await settle(el);
    const drawer = shadow(el).querySelector('okr-session-drawer') as HTMLElement & { updateComplete: Promise<unknown> };
    await settle(drawer as unknown as OkrSessions);
    expect(text(shadow(drawer).querySelector('#details-title'))).to.equal('Details');
    expect(shadow(drawer).querySelector('#close-drawer')?.getAttribute('aria-label')).to.equal('Schließen');
    // The administrator's part of the drawer, two shadow roots down, speaks German too.
    const access = shadow(drawer).querySelector('okr-access-editor') as HTMLElement;
    await settle(access as unknown as OkrSessions);
    expect([...shadow(access).querySelectorAll('legend')].map(text)).to.deep.equal([
      'Wer darf sehen',
      'Wer darf OKRs bearbeiten',
    ]);
    const next = shadow(drawer).querySelector('okr-next-session') as HTMLElement & { show(): void };
    next.show();
    await settle(next as unknown as OkrSessions);
    expect(text(shadow(next).querySelector('#n-heading'))).to.equal('Die Session nach Q1 2027 anlegen');
    next.shadowRoot?.querySelector('dialog')?.close();
    el.closest('section')?.setAttribute('lang', 'en');
    await heard(el);
    await (drawer as unknown as OkrSessions).updateComplete;
    expect(shadow(drawer).querySelector('#close-drawer')?.getAttribute('aria-label')).to.equal('Close');
  });

  it('falls back to English for a language nobody registered, and re-renders when one is registered', async () => {
    const el = await sessions(makeStore(), (inner) => html`<div lang="fr-CA">${inner}</div>`);
    expect(text(shadow(el).querySelector('.state-title'))).to.equal('No sessions yet');
    registerStrings('fr', { emptyTitle: 'Aucune session' });
    await el.updateComplete;
    expect(text(shadow(el).querySelector('.state-title'))).to.equal('Aucune session');
    expect(text(shadow(el).querySelector('#add')), 'missing keys fall back to English').to.equal('Add session');
  });

  it("keeps the element's own strings over the registered language", async () => {
    document.documentElement.lang = 'de';
    const el = await sessions(makeStore());
    el.strings = { addSession: 'Neue Periode' };
    await el.updateComplete;
    expect(text(shadow(el).querySelector('#add'))).to.equal('Neue Periode');
    expect(text(shadow(el).querySelector('.state-title'))).to.equal('Noch keine Sessions');
  });

  it('<okr-provider> passes locale, strings and people down; the element’s own win', async () => {
    const store = makeStore();
    await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    const host = await fixture<HTMLElement>(html`<okr-provider
      .store=${store}
      locale="de"
      .strings=${{ columnName: 'Bezeichnung' }}
      .people=${{ ada: 'Ada Lovelace' }}
    >
      <okr-sessions></okr-sessions>
      <okr-sessions locale="en" .people=${{ ada: 'Countess Ada' }}></okr-sessions>
    </okr-provider>`);
    const [german, english] = [...host.querySelectorAll('okr-sessions')] as OkrSessions[];
    if (!german || !english) throw new Error('no elements');
    await settle(german);
    await settle(english);
    const heads = (el: OkrSessions) => [...shadow(el).querySelectorAll('th')].map(text);
    const cells = (el: OkrSessions) => [...shadow(el).querySelectorAll('tbody td')].map(text);
    expect(heads(german)).to.include('Bezeichnung').and.include('Beginn');
    expect(cells(german)).to.include('Ada Lovelace').and.include(germanDay('2027-01-01'));
    expect(heads(english)).to.include('Bezeichnung').and.include('Begin');
    expect(cells(english)).to.include('Countess Ada').and.include('Jan 1, 2027');

    (host as HTMLElement & { locale?: string }).locale = 'en';
    await (host as unknown as OkrSessions).updateComplete;
    await german.updateComplete;
    expect(heads(german)).to.include('Begin');
  });

  it('picks plural forms through Intl.PluralRules for 0, 1 and 2 in English and German', () => {
    const en = resolveStrings(undefined, 'en');
    const de = resolveStrings(undefined, 'de');
    expect([0, 1, 2].map((n) => en.keyResultCount(n))).to.deep.equal([
      '0 key results',
      '1 key result',
      '2 key results',
    ]);
    expect([0, 1, 2].map((n) => de.keyResultCount(n))).to.deep.equal([
      '0 Schlüsselergebnisse',
      '1 Schlüsselergebnis',
      '2 Schlüsselergebnisse',
    ]);
    expect([0, 1, 2].map((n) => en.stepsReached(0, n))).to.deep.equal(['0 of 0 steps', '0 of 1 step', '0 of 2 steps']);
    expect([0, 1, 2].map((n) => de.stepsReached(0, n))).to.deep.equal([
      '0 von 0 Schritten',
      '0 von 1 Schritt',
      '0 von 2 Schritten',
    ]);
    const enSnap = resolveSnapshotStrings(undefined, 'en');
    const deSnap = resolveSnapshotStrings(undefined, 'de-CH');
    expect([0, 1, 2].map((n) => enSnap.pointsUp(String(n), n))).to.deep.equal([
      'up 0 points',
      'up 1 point',
      'up 2 points',
    ]);
    expect(enSnap.pointsDown('1.5', 1.5)).to.equal('down 1.5 points');
    expect([0, 1, 2].map((n) => deSnap.pointsUp(String(n), n))).to.deep.equal([
      '0 Punkte mehr',
      '1 Punkt mehr',
      '2 Punkte mehr',
    ]);
  });

  it('shows "up 1 point" and "up 2 points" in the snapshot, in German too', async () => {
    const admin: Actor = { id: 'ada', role: 'admin' };
    let now = Date.parse('2027-01-04T09:00:00Z');
    const store = createOkrStore({
      storage: memoryStorage(),
      actor: admin,
      clock: () => new Date(now),
      timeZone: 'UTC',
    });
    const session = await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    const o = await store.addObjective(session.id, { title: 'Grow' });
    const kr = { kind: 'increase', start: 0, target: 100 } as const;
    const one = await store.addKeyResult(session.id, { objectiveId: o.id, title: 'One', ...kr });
    const two = await store.addKeyResult(session.id, { objectiveId: o.id, title: 'Two', ...kr });
    await store.checkIn(session.id, one.id, { value: 10 });
    await store.checkIn(session.id, two.id, { value: 10 });
    now = Date.parse('2027-01-12T10:00:00Z');
    await store.checkIn(session.id, one.id, { value: 11 });
    await store.checkIn(session.id, two.id, { value: 12 });
    const el = await fixture<OkrSnapshot>(
      html`<okr-snapshot .store=${store} session-id=${session.id} week="2027-W02" lang="en"></okr-snapshot>`,
    );
    await settle(el);
    const change = (id: string) => text(shadow(el).querySelector(`[data-id="${id}"] .change .visually-hidden`));
    expect([change(one.id), change(two.id)]).to.deep.equal(['up 1 point', 'up 2 points']);
    el.setAttribute('lang', 'de');
    await heard(el as unknown as OkrSessions);
    expect([change(one.id), change(two.id)]).to.deep.equal(['1 Punkt mehr', '2 Punkte mehr']);
  });

  it('has a German text for every English key', () => {
    const missing = Object.keys(resolveSnapshotStrings(undefined, 'en')).filter((key) => !(key in OKR_STRINGS_DE));
    expect(missing).to.deep.equal([]);
  });
});

describe('slots', () => {
  it('<okr-sessions>: toolbar-end and empty show the host’s content; the default empty state shows otherwise', async () => {
    const store = makeStore();
    const host = await fixture<HTMLElement>(html`<div>
      <okr-sessions id="plain" .store=${store}></okr-sessions>
      <okr-sessions id="custom" .store=${store}>
        <a slot="toolbar-end" href="#help">Help</a>
        <p slot="empty">Ask your admin for a session.</p>
      </okr-sessions>
    </div>`);
    const plain = host.querySelector('#plain') as OkrSessions;
    const custom = host.querySelector('#custom') as OkrSessions;
    await settle(plain);
    await settle(custom);
    const assigned = (el: OkrSessions, name: string) =>
      (shadow(el).querySelector(`slot[name=${name}]`) as HTMLSlotElement | null)?.assignedElements().map(text);
    expect(assigned(custom, 'toolbar-end')).to.deep.equal(['Help']);
    expect(shadow(custom).querySelector('[part=toolbar] slot[name=toolbar-end]')).to.exist;
    expect(assigned(custom, 'empty')).to.deep.equal(['Ask your admin for a session.']);
    expect(shadow(custom).querySelector('[part=empty] slot[name=empty]')).to.exist;
    expect(text(shadow(custom).querySelector('[part=empty] #add')), 'Add session stays').to.equal('Add session');
    // The fallback: no slotted content, the designed empty state is what shows.
    const fallback = shadow(plain).querySelector('slot[name=empty]') as HTMLSlotElement;
    expect(fallback.assignedElements()).to.have.length(0);
    expect(text(fallback)).to.contain('No sessions yet');
    expect((host.querySelector('#custom p') as HTMLElement).getBoundingClientRect().height).to.be.greaterThan(0);
    await expect(custom).to.be.accessible();
  });

  it('<okr-list>: the empty slot replaces the text when there are no objectives, toolbar-end sits in the toolbar', async () => {
    const store = makeStore();
    const session = await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    const el = await fixture<OkrList>(html`<okr-list .store=${store} session-id=${session.id}>
      <button slot="toolbar-end" type="button">Print</button>
      <p slot="empty">Nothing planned yet.</p>
    </okr-list>`);
    await settle(el as unknown as OkrSessions);
    const slot = (name: string) => shadow(el).querySelector(`slot[name=${name}]`) as HTMLSlotElement | null;
    expect(slot('empty')?.assignedElements().map(text)).to.deep.equal(['Nothing planned yet.']);
    expect(slot('empty')?.closest('[part=empty]')).to.exist;
    expect(slot('toolbar-end')?.closest('[part=toolbar]')).to.exist;
    expect(slot('toolbar-end')?.assignedElements().map(text)).to.deep.equal(['Print']);
  });

  it('<okr-snapshot>: toolbar-end after the exports, and the empty slot for a week without objectives', async () => {
    const store = makeStore();
    const session = await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    const el = await fixture<OkrSnapshot>(html`<okr-snapshot .store=${store} session-id=${session.id}>
      <button slot="toolbar-end" type="button">Share</button>
    </okr-snapshot>`);
    await settle(el as unknown as OkrSessions);
    const slot = (name: string) => shadow(el).querySelector(`slot[name=${name}]`) as HTMLSlotElement | null;
    expect(slot('toolbar-end')?.previousElementSibling?.classList.contains('export')).to.equal(true);
    expect(slot('toolbar-end')?.assignedElements().map(text)).to.deep.equal(['Share']);
    expect(slot('empty')?.assignedElements()).to.have.length(0);
    expect(text(slot('empty'))).to.contain('Nothing to review yet');
  });

  it('<okr-session-drawer>: the footer shows only with content, also passed on from <okr-sessions>', async () => {
    const store = makeStore();
    await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    const host = await fixture<HTMLElement>(html`<div>
      <okr-sessions id="with" .store=${store}><a slot="drawer-footer" href="#audit">Audit log</a></okr-sessions>
      <okr-sessions id="without" .store=${store}></okr-sessions>
    </div>`);
    const footerOf = async (id: string) => {
      const el = host.querySelector(`#${id}`) as OkrSessions;
      await settle(el);
      (shadow(el).querySelector('tbody tr') as HTMLElement).click();
      await settle(el);
      const drawer = shadow(el).querySelector('okr-session-drawer') as unknown as OkrSessions;
      await settle(drawer);
      return shadow(drawer).querySelector('[part=footer]') as HTMLElement;
    };
    const shown = await footerOf('with');
    expect(shown.hidden).to.equal(false);
    expect(shown.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(
      (host.querySelector('[slot=drawer-footer]') as HTMLElement).getBoundingClientRect().height,
    ).to.be.greaterThan(0);
    const empty = await footerOf('without');
    expect(empty.hidden).to.equal(true);
    expect(empty.getBoundingClientRect().height).to.equal(0);
  });
});
