import { type MemoryStorage, memoryStorage, type OkrStore } from '@okrkit/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { admin, deepActiveElement, makeStore, recordEvents, settle, viewer } from '../../test/helpers.js';
import type { OkrSessionSelectEvent } from '../events/okr-session-select-event.js';
import type { OkrSessionDrawer } from '../okr-session-drawer/okr-session-drawer.js';
import type { OkrSessions } from './okr-sessions.js';
import './okr-sessions.js';
import '../okr-provider/okr-provider.js';

function root(el: OkrSessions): ShadowRoot {
  const shadow = el.shadowRoot;
  if (!shadow) throw new Error('no shadow root');
  return shadow;
}

function $(el: OkrSessions, selector: string): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

function rows(el: OkrSessions): string[][] {
  return [...root(el).querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
  );
}

function drawerOf(el: OkrSessions): OkrSessionDrawer {
  return $(el, 'okr-session-drawer') as OkrSessionDrawer;
}

async function render(store: OkrStore, extra: Partial<OkrSessions> = {}): Promise<OkrSessions> {
  const el = await fixture<OkrSessions>(html`<okr-sessions .store=${store}></okr-sessions>`);
  Object.assign(el, extra);
  await settle(el);
  return el;
}

async function seed(store: OkrStore): Promise<void> {
  await store.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31', cadence: 'year' });
  await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31', parentId: 'SE-01001' });
  const old = await store.createSession({ title: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' });
  await store.closeSession(old.id);
}

describe('<okr-sessions>', () => {
  it('shows a designed empty state with Add session to an admin, and is accessible', async () => {
    const el = await render(makeStore());
    expect($(el, '[part=empty]').textContent).to.contain('No sessions yet');
    expect($(el, '#add').textContent).to.contain('Add session');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the store reads, and is accessible', async () => {
    const storage = memoryStorage();
    storage.listSessions = () => new Promise(() => {});
    const el = await render(makeStore(admin, storage));
    expect($(el, '[part=loading]').getAttribute('role')).to.equal('status');
    expect($(el, '[part=loading]').textContent).to.contain('Loading sessions');
    await expect(el).to.be.accessible();
  });

  it('says what went wrong when storage fails, fires okr-error, and recovers with Retry', async () => {
    const storage = memoryStorage();
    const list = storage.listSessions.bind(storage);
    storage.listSessions = () => Promise.reject(new Error('the disk is full'));
    const store = makeStore(admin, storage);
    const errors: Event[] = [];
    const el = await fixture<OkrSessions>(
      html`<okr-sessions .store=${store} @okr-error=${(e: Event) => errors.push(e)}></okr-sessions>`,
    );
    await settle(el);
    const alert = $(el, '[part=error]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Sessions could not be loaded');
    expect(alert.textContent).to.contain('the disk is full');
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();

    await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    await settle(el);
    expect($(el, '[part=error]')).to.exist;
    storage.listSessions = list;
    $(el, '#retry').click();
    await settle(el);
    expect(rows(el).map((r) => r[1])).to.deep.equal(['Q1 2027']);
  });

  it('lists sessions with dates in the element locale and names from people, and is accessible', async () => {
    const store = makeStore();
    await seed(store);
    const el = await render(store, { people: { ada: 'Ada Lovelace' } });
    expect(rows(el)).to.deep.equal([
      ['SE-01001', 'FY2027', 'Open', 'Jan 1, 2027', 'Dec 31, 2027', 'Ada Lovelace', 'Ada Lovelace'],
      ['SE-01002', 'Q1 2027', 'Open', 'Jan 1, 2027', 'Mar 31, 2027', 'Ada Lovelace', 'Ada Lovelace'],
    ]);
    await expect(el).to.be.accessible();

    el.locale = 'de-DE';
    await el.updateComplete;
    expect(rows(el)[0]?.[3]).to.equal('01.01.2027');
  });

  it('takes its locale from the nearest lang attribute', async () => {
    const store = makeStore();
    await seed(store);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr"><okr-sessions .store=${store}></okr-sessions></div>`,
    );
    const el = wrapper.querySelector('okr-sessions') as OkrSessions;
    await settle(el);
    expect(rows(el)[0]?.[3]).to.equal('1 janv. 2027');
  });

  it('shows and hides closed sessions with the switch, marked as Closed', async () => {
    const store = makeStore();
    await seed(store);
    const el = await render(store);
    const toggle = $(el, '[role=switch]');
    expect(toggle.getAttribute('aria-checked')).to.equal('false');
    expect(rows(el).map((r) => r[0])).to.deep.equal(['SE-01001', 'SE-01002']);

    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-checked')).to.equal('true');
    expect(rows(el).map((r) => r[0])).to.deep.equal(['SE-01001', 'SE-01002', 'SE-01003']);
    const archived = $(el, 'tr[data-id=SE-01003]');
    expect(archived.getAttribute('part')).to.equal('row row-archived');
    expect(archived.querySelector('.badge')?.textContent?.trim()).to.equal('Closed');
    await expect(el).to.be.accessible();

    toggle.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-checked')).to.equal('false');
    expect(rows(el)).to.have.length(2);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(rows(el)).to.have.length(3);
  });

  it('sorts by each column, with aria-sort on the sorted header', async () => {
    const store = makeStore();
    await seed(store);
    const el = await render(store, { includeArchived: true });
    const header = (column: string) => $(el, `button[data-column=${column}]`);
    expect(header('number').closest('th')?.getAttribute('aria-sort')).to.equal('ascending');

    header('begin').click();
    await el.updateComplete;
    expect(header('begin').closest('th')?.getAttribute('aria-sort')).to.equal('ascending');
    expect(header('number').closest('th')?.hasAttribute('aria-sort')).to.equal(false);
    expect(rows(el).map((r) => r[0])).to.deep.equal(['SE-01003', 'SE-01001', 'SE-01002']);

    header('name').click();
    await el.updateComplete;
    header('name').click();
    await el.updateComplete;
    expect(header('name').closest('th')?.getAttribute('aria-sort')).to.equal('descending');
    expect(rows(el).map((r) => r[1])).to.deep.equal(['Q4 2026', 'Q1 2027', 'FY2027']);

    header('end').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(rows(el).map((r) => r[0])).to.deep.equal(['SE-01003', 'SE-01002', 'SE-01001']);
  });

  it('shows invalid input next to the fields it concerns, keeps it, and saves nothing', async () => {
    const store = makeStore();
    await seed(store);
    const el = await render(store);
    $(el, '#add').click();
    await el.updateComplete;
    const dialog = $(el, '#add-dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.getAttribute('part')).to.equal('dialog');

    $(el, '#add-dialog button[type=submit]').click();
    await settle(el);
    for (const field of ['title', 'start', 'end']) {
      const input = $(el, `#f-${field}`);
      expect(input.getAttribute('aria-invalid'), field).to.equal('true');
      const error = $(el, `#f-${field}-error`);
      expect(input.getAttribute('aria-describedby')).to.contain(`f-${field}-error`);
      expect(error.closest('.field')).to.equal(input.closest('.field'));
    }
    expect($(el, '#f-title-error').textContent).to.contain('Enter a title');
    await expect(el).to.be.accessible();

    // End before begin.
    const type = (field: string, value: string) => {
      const input = $(el, `#f-${field}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    type('title', 'Spring');
    type('start', '2027-04-01');
    type('end', '2027-03-01');
    await el.updateComplete;
    $(el, '#add-dialog button[type=submit]').click();
    await settle(el);
    expect($(el, '#f-end-error').textContent).to.contain('on or after');
    expect(root(el).querySelector('#f-title-error')).to.equal(null);

    // A parent that does not contain the dates: the core says so, next to the parent field.
    type('end', '2027-06-30');
    type('start', '2026-12-01');
    const parent = $(el, '#f-parentId') as HTMLSelectElement;
    parent.value = 'SE-01002';
    parent.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    $(el, '#add-dialog button[type=submit]').click();
    await settle(el);
    expect($(el, '#f-parentId').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-parentId-error').textContent).to.contain('must lie within');
    expect(($(el, '#f-title') as HTMLInputElement).value).to.equal('Spring');
    expect(($(el, '#f-start') as HTMLInputElement).value).to.equal('2026-12-01');
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();

    expect((await store.listSessions({ includeArchived: true })).map((s) => s.id)).to.deep.equal([
      'SE-01001',
      'SE-01002',
      'SE-01003',
    ]);
  });

  it('renders the add form only while the dialog is open, with every session as a parent', async () => {
    const store = makeStore();
    await seed(store);
    const el = await render(store);
    const dialog = $(el, '#add-dialog') as HTMLDialogElement;
    expect(dialog.querySelector('form')).to.equal(null);

    $(el, '#add').click();
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(deepActiveElement()?.id).to.equal('f-title');
    expect(dialog.getAttribute('aria-labelledby')).to.equal('add-title');
    const options = [...($(el, '#f-parentId') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).to.deep.equal(['', 'SE-01001', 'SE-01002', 'SE-01003']);

    $(el, '#add-dialog button[type=button]').click();
    await settle(el);
    expect(dialog.open).to.equal(false);
    expect(dialog.querySelector('form')).to.equal(null);
    expect(deepActiveElement()?.id).to.equal('add');

    // Opened from outside through the addDialog getter: the form appears too.
    el.addDialog?.showModal();
    await oneEvent(dialog, 'toggle');
    await el.updateComplete;
    expect(dialog.querySelector('#f-title')).not.to.equal(null);
    expect(deepActiveElement()?.id).to.equal('f-title');
    el.addDialog?.close();
    await settle(el);
    expect(dialog.querySelector('form')).to.equal(null);
  });

  it('suggests a title from the dates until the title is typed', async () => {
    const el = await render(makeStore());
    $(el, '#add').click();
    await el.updateComplete;
    const set = (field: string, value: string) => {
      const input = $(el, `#f-${field}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    set('start', '2027-04-01');
    set('end', '2027-06-30');
    await el.updateComplete;
    expect(($(el, '#f-title') as HTMLInputElement).value).to.equal('Q2 2027');
    set('title', 'Spring push');
    set('end', '2027-09-30');
    await el.updateComplete;
    expect(($(el, '#f-title') as HTMLInputElement).value).to.equal('Spring push');
  });

  it('walks through add, sort, open, close and reopen with the keyboard only', async () => {
    const store = makeStore();
    const el = await render(store);
    const events = recordEvents(el);

    // Add.
    $(el, '#add').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActiveElement()?.id).to.equal('f-title');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('f-start');
    await sendKeys({ type: '01012027' });
    expect(($(el, '#f-start') as HTMLInputElement).value).to.equal('2027-01-01');
    // Tab walks the date's segments (month, day, year), then moves on.
    for (let i = 0; i < 4 && deepActiveElement()?.id !== 'f-end'; i++) await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('f-end');
    await sendKeys({ type: '03312027' });
    await el.updateComplete;
    expect(($(el, '#f-title') as HTMLInputElement).value).to.equal('Q1 2027');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(events.map((e) => e.type)).to.deep.equal(['okr-session-create']);
    expect(rows(el)).to.have.length(1);
    expect(rows(el)[0]?.slice(0, 3)).to.deep.equal(['SE-01001', 'Q1 2027', 'Open']);
    expect(deepActiveElement()?.getAttribute('data-id')).to.equal('SE-01001');

    // A second one, to sort.
    await store.createSession({ title: 'A first', start: '2027-04-01', end: '2027-06-30' });
    await settle(el);
    $(el, 'button[data-column=name]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(rows(el).map((r) => r[1])).to.deep.equal(['A first', 'Q1 2027']);

    // Open.
    $(el, 'tr[data-id=SE-01001]').focus();
    const selected = oneEvent(el, 'okr-session-select') as Promise<OkrSessionSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await selected).session.id).to.equal('SE-01001');
    const drawer = drawerOf(el);
    await settle(drawer);
    expect(drawer.open).to.equal(true);
    expect(drawer.shadowRoot?.querySelector('#drawer-title')?.textContent).to.equal('Q1 2027');

    // Close (the transition), through the actions menu.
    drawer.shadowRoot?.querySelector<HTMLElement>('#actions-button')?.focus();
    await sendKeys({ press: 'ArrowDown' });
    await drawer.updateComplete;
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Start');
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Close');
    await sendKeys({ press: 'Enter' });
    await drawer.updateComplete;
    expect(drawer.shadowRoot?.querySelector('#confirm-body')?.textContent).to.contain('No new objectives');
    // Closing is destructive: focus is on Cancel, so Enter keeps the session as it is.
    expect(deepActiveElement()?.id).to.equal('confirm-cancel');
    await sendKeys({ press: 'Enter' });
    await settle(drawer);
    expect((await store.getSession('SE-01001')).state).to.equal('open');
    expect(drawer.confirmDialog?.open).to.equal(false);
    drawer.shadowRoot?.querySelector<HTMLElement>('#actions-button')?.focus();
    await sendKeys({ press: 'ArrowUp' });
    await drawer.updateComplete;
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Close');
    await sendKeys({ press: 'Enter' });
    await drawer.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('confirm-accept');
    await sendKeys({ press: 'Enter' });
    await settle(drawer);
    expect((await store.getSession('SE-01001')).state).to.equal('archived');
    expect(drawer.shadowRoot?.querySelector('input')).to.equal(null);

    // Reopen.
    drawer.shadowRoot?.querySelector<HTMLElement>('#actions-button')?.focus();
    await sendKeys({ press: 'Enter' });
    await drawer.updateComplete;
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Reopen');
    await sendKeys({ press: 'Enter' });
    await drawer.updateComplete;
    await sendKeys({ press: 'Enter' });
    await settle(drawer);
    expect((await store.getSession('SE-01001')).state).to.equal('open');

    // Escape closes the drawer; focus returns to the row.
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(drawer.open).to.equal(false);
    expect(deepActiveElement()?.getAttribute('data-id')).to.equal('SE-01001');
    expect(events.map((e) => e.type)).to.deep.equal([
      'okr-session-create',
      'okr-session-select',
      'okr-session-transition',
      'okr-session-transition',
      'okr-session-drawer-close',
    ]);
  });

  it('offers a viewer no mutating control', async () => {
    const adminStore = makeStore();
    await seed(adminStore);
    const store = makeStore(viewer, adminStore.storage as MemoryStorage);
    const el = await render(store, { includeArchived: true });
    expect(rows(el)).to.have.length(3);
    expect(root(el).querySelector('#add')).to.equal(null);
    expect(root(el).querySelector('#add-dialog')).to.equal(null);

    for (const id of ['SE-01001', 'SE-01003']) {
      $(el, `tr[data-id=${id}]`).click();
      const drawer = drawerOf(el);
      await settle(drawer);
      const shadow = drawer.shadowRoot as ShadowRoot;
      expect(shadow.querySelector('#drawer-title')).to.not.equal(null);
      expect(shadow.querySelectorAll('input, select, textarea')).to.have.length(0);
      expect(shadow.querySelector('#actions-button')).to.equal(null);
      expect(shadow.querySelector('#save')).to.equal(null);
      await expect(el).to.be.accessible();
      drawer.hide();
      await settle(drawer);
    }
  });

  it('shows an empty state without Add session to a viewer', async () => {
    const el = await render(makeStore(viewer));
    expect($(el, '[part=empty]').textContent).to.contain('No sessions yet');
    expect(root(el).querySelector('#add')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('fires no event when properties are set', async () => {
    const store = makeStore();
    await seed(store);
    const el = await fixture<OkrSessions>(html`<okr-sessions></okr-sessions>`);
    const events = recordEvents(el);
    el.store = store;
    el.includeArchived = true;
    el.people = { ada: 'Ada' };
    el.locale = 'de';
    el.strings = { addSession: 'Session anlegen' };
    await settle(el);
    expect($(el, '#add').textContent).to.contain('Session anlegen');
    const drawer = drawerOf(el);
    drawer.sessionId = 'SE-01001';
    drawer.open = true;
    await settle(drawer);
    drawer.open = false;
    await settle(drawer);
    await store.createSession({ title: 'Elsewhere', start: '2027-02-01', end: '2027-02-28' });
    await settle(el);
    expect(events).to.deep.equal([]);
  });

  it('shares one store through <okr-provider>: elements update together', async () => {
    const store = makeStore();
    const wrapper = await fixture<HTMLElement>(
      html`<okr-provider .store=${store}><okr-sessions></okr-sessions><okr-sessions></okr-sessions></okr-provider>`,
    );
    const [a, b] = [...wrapper.querySelectorAll('okr-sessions')] as OkrSessions[];
    if (!a || !b) throw new Error('elements missing');
    await settle(a);
    await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    await settle(a);
    await settle(b);
    expect(rows(a).map((r) => r[1])).to.deep.equal(['Q1 2027']);
    expect(rows(b).map((r) => r[1])).to.deep.equal(['Q1 2027']);
  });
});
