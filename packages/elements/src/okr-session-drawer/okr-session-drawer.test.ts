import type { OkrStore } from '@okrkit/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, makeStore, recordEvents, settle, viewer } from '../../test/helpers.js';
import type { OkrSessionChangeEvent } from '../events/okr-session-change-event.js';
import type { OkrSessionTransitionEvent } from '../events/okr-session-transition-event.js';
import type { OkrSessionDrawer } from './okr-session-drawer.js';
import './okr-session-drawer.js';

function $(el: OkrSessionDrawer, selector: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

function has(el: OkrSessionDrawer, selector: string): boolean {
  return el.shadowRoot?.querySelector(selector) != null;
}

function type(el: OkrSessionDrawer, selector: string, value: string): void {
  const input = $(el, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function open(store: OkrStore, id = 'SE-01001'): Promise<OkrSessionDrawer> {
  const el = await fixture<OkrSessionDrawer>(
    html`<okr-session-drawer .store=${store} session-id=${id} open .people=${{ ada: 'Ada Lovelace' }}></okr-session-drawer>`,
  );
  await settle(el);
  return el;
}

async function withSession(): Promise<OkrStore> {
  const store = makeStore();
  await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
  return store;
}

describe('<okr-session-drawer>', () => {
  it('opens on its own from session-id, as a modal with focus inside, and is accessible', async () => {
    const el = await open(await withSession());
    const dialog = $(el, 'dialog.drawer') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect($(el, '#drawer-title').textContent).to.equal('Q1 2027');
    expect($(el, '.subtitle').textContent).to.contain('SE-01001');
    expect(el.shadowRoot?.contains(deepActiveElement())).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('stays open and fires nothing when the host closes and reopens it at once', async () => {
    const el = await open(await withSession());
    const events = recordEvents(el);
    el.open = false;
    await el.updateComplete;
    el.open = true;
    await settle(el);
    expect(el.open).to.equal(true);
    expect(($(el, 'dialog.drawer') as HTMLDialogElement).open).to.equal(true);
    expect(events).to.deep.equal([]);
  });

  it('saves edited details, updates changed by and date at once, and warns about the dates', async () => {
    const store = await withSession();
    const el = await open(store);
    expect(($(el, '#save') as HTMLButtonElement).disabled).to.equal(true);
    $(el, '#more-button').click();
    await el.updateComplete;
    expect($(el, '#more-button').getAttribute('aria-expanded')).to.equal('true');
    const changedBefore = $(el, '#more').textContent;

    type(el, '#d-title', 'Q1 2027: growth');
    type(el, '#d-end', '2027-04-30');
    await el.updateComplete;
    expect($(el, '#dates-warning').textContent).to.contain('affects the objectives');
    expect($(el, '#d-end').getAttribute('aria-describedby')).to.contain('dates-warning');
    await expect(el).to.be.accessible();

    const changed = oneEvent(el, 'okr-session-change') as Promise<OkrSessionChangeEvent>;
    $(el, '#save').click();
    expect((await changed).session.title).to.equal('Q1 2027: growth');
    await settle(el);
    expect($(el, '#drawer-title').textContent).to.equal('Q1 2027: growth');
    expect((await store.getSession('SE-01001')).end).to.equal('2027-04-30');
    expect($(el, '#more').textContent).to.not.equal(changedBefore);
    expect($(el, '#more').textContent).to.contain('Ada Lovelace');
    expect($(el, '[role=status]').textContent).to.contain('Saved');
    expect(has(el, '#dates-warning')).to.equal(false);
  });

  it('shows invalid details next to their field and saves nothing', async () => {
    const store = await withSession();
    const el = await open(store);
    type(el, '#d-title', '  ');
    type(el, '#d-start', '2027-05-01');
    await el.updateComplete;
    $(el, '#save').click();
    await settle(el);
    expect($(el, '#d-title').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#d-title-error').textContent).to.contain('Enter a title');
    expect($(el, '#d-end-error').textContent).to.contain('on or after');
    expect($(el, '#d-end').getAttribute('aria-describedby')).to.contain('d-end-error');
    expect(($(el, '#d-start') as HTMLInputElement).value).to.equal('2027-05-01');
    expect((await store.getSession('SE-01001')).head).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('opens a closed session read-only, with every detail visible, and is accessible', async () => {
    const store = await withSession();
    await store.closeSession('SE-01001');
    const el = await open(store);
    expect(el.shadowRoot?.querySelectorAll('input, select, textarea')).to.have.length(0);
    expect(has(el, '#save')).to.equal(false);
    expect($(el, '.notice').textContent).to.contain('closed');
    const facts = $(el, '.facts').textContent ?? '';
    for (const text of ['Q1 2027', 'Jan 1, 2027', 'Mar 31, 2027', 'UTC']) expect(facts).to.contain(text);
    $(el, '#actions-button').click();
    await el.updateComplete;
    const items = [...(el.shadowRoot?.querySelectorAll('[role=menuitem]') ?? [])].map((i) => i.textContent?.trim());
    expect(items).to.deep.equal(['Reopen']);
    await expect(el).to.be.accessible();
  });

  it('runs the actions menu with the keyboard: arrows, Home, End, Escape', async () => {
    const el = await open(await withSession());
    const button = $(el, '#actions-button');
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    button.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Start');
    await sendKeys({ press: 'ArrowUp' });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Close');
    await sendKeys({ press: 'Home' });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Start');
    await sendKeys({ press: 'End' });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Close');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(deepActiveElement()).to.equal(button);
    expect(el.open).to.equal(true);
  });

  it('confirms a transition, saying what will happen, and lets a listener veto it', async () => {
    const store = await withSession();
    const el = await open(store);
    const vetoes: OkrSessionTransitionEvent[] = [];
    const veto = (e: OkrSessionTransitionEvent) => {
      vetoes.push(e);
      e.preventDefault();
    };
    el.addEventListener('okr-session-transition', veto);

    $(el, '#actions-button').click();
    await el.updateComplete;
    $(el, '[data-transition=start]').click();
    await el.updateComplete;
    const confirm = $(el, 'dialog.confirm') as HTMLDialogElement;
    expect(confirm.open).to.equal(true);
    expect($(el, '#confirm-title').textContent).to.equal('Start Q1 2027?');
    expect($(el, '#confirm-body').textContent).to.contain('tracking begins');
    await expect(el).to.be.accessible();
    $(el, '#confirm-accept').click();
    await settle(el);
    expect(vetoes.map((e) => [e.transition, e.session.state, e.cancelable, e.bubbles, e.composed])).to.deep.equal([
      ['start', 'open', true, true, true],
    ]);
    expect((await store.getSession('SE-01001')).state).to.equal('open');
    expect($(el, '[role=status]').textContent).to.contain('not made');

    el.removeEventListener('okr-session-transition', veto);
    $(el, '#actions-button').click();
    await el.updateComplete;
    $(el, '[data-transition=start]').click();
    await el.updateComplete;
    $(el, '#confirm-accept').click();
    await settle(el);
    expect((await store.getSession('SE-01001')).state).to.equal('in_progress');
    expect($(el, '.badge').textContent).to.equal('In progress');
  });

  it('cancelling the confirmation changes nothing', async () => {
    const store = await withSession();
    const el = await open(store);
    const events = recordEvents(el);
    $(el, '#actions-button').click();
    await el.updateComplete;
    $(el, '[data-transition=close]').click();
    await el.updateComplete;
    $(el, '#confirm-cancel').click();
    await settle(el);
    expect(events).to.deep.equal([]);
    expect((await store.getSession('SE-01001')).state).to.equal('open');
    expect(el.open).to.equal(true);
  });

  it('asks before Escape discards unsaved edits', async () => {
    const store = await withSession();
    const el = await open(store);
    const events = recordEvents(el);
    $(el, '#d-title').focus();
    await sendKeys({ type: ' draft' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(($(el, 'dialog.confirm') as HTMLDialogElement).open).to.equal(true);
    expect($(el, '#confirm-title').textContent).to.contain('Discard unsaved changes');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(el.open).to.equal(true);
    expect(($(el, 'dialog.confirm') as HTMLDialogElement).open, 'confirm still open').to.equal(false);
    expect(($(el, '#d-title') as HTMLInputElement).value).to.equal('Q1 2027 draft');

    $(el, '#close-drawer').click();
    await el.updateComplete;
    expect(($(el, 'dialog.confirm') as HTMLDialogElement).open, 'confirm open').to.equal(true);
    const closed = oneEvent(el, 'okr-session-drawer-close');
    $(el, '#confirm-accept').click();
    await closed;
    expect(($(el, 'dialog.drawer') as HTMLDialogElement).open, 'drawer dialog open').to.equal(false);
    expect(el.open).to.equal(false);
    expect(events.map((e) => e.type)).to.deep.equal(['okr-session-drawer-close']);
    expect((await store.getSession('SE-01001')).title).to.equal('Q1 2027');
  });

  it('focuses Cancel in the close confirmation, so Enter closes nothing', async () => {
    const store = await withSession();
    await store.startSession('SE-01001');
    const el = await open(store);
    $(el, '#actions-button').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Close');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.confirmDialog?.open).to.equal(true);
    expect(deepActiveElement()?.id).to.equal('confirm-cancel');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.confirmDialog?.open).to.equal(false);
    expect((await store.getSession('SE-01001')).state).to.equal('in_progress');
  });

  it('names the parent session by its title, shows people with initials avatars, and toggles Show more / Show less', async () => {
    const store = await withSession();
    await store.createSession({ title: 'January 2027', start: '2027-01-01', end: '2027-01-31', parentId: 'SE-01001' });
    const el = await open(store, 'SE-01002');
    expect($(el, '.facts').textContent).to.contain('Q1 2027');
    expect($(el, '.facts').textContent).to.contain('(SE-01001)');
    const more = $(el, '#more-button');
    expect(more.textContent?.trim()).to.equal('Show more');
    more.click();
    await el.updateComplete;
    expect(more.textContent?.trim()).to.equal('Show less');
    expect($(el, '#more').hidden).to.equal(false);
    const avatars = [...(el.shadowRoot?.querySelectorAll('#more .person-avatar') ?? [])].map((a) => a.textContent);
    expect(avatars).to.deep.equal(['AL', 'AL']);
    expect($(el, '#more .person-name').textContent).to.equal('Ada Lovelace');
    await expect(el).to.be.accessible();
    more.click();
    await el.updateComplete;
    expect(more.textContent?.trim()).to.equal('Show more');
    expect($(el, '#more').hidden).to.equal(true);
  });

  it('shows a viewer everything and offers nothing to change', async () => {
    const admin = await withSession();
    const el = await open(makeStore(viewer, admin.storage as never));
    expect($(el, '#drawer-title').textContent).to.equal('Q1 2027');
    expect(el.shadowRoot?.querySelectorAll('input, select, textarea')).to.have.length(0);
    expect(has(el, '#actions-button')).to.equal(false);
    expect($(el, '.notice').textContent).to.contain('not change');
    await expect(el).to.be.accessible();
  });

  it('takes its texts from strings', async () => {
    const el = await open(await withSession());
    el.strings = { save: 'Speichern', actions: 'Aktionen' };
    await el.updateComplete;
    expect($(el, '#save').textContent?.trim()).to.equal('Speichern');
    expect($(el, '#actions-button').textContent).to.contain('Aktionen');
  });
});
