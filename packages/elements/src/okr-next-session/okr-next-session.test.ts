import { memoryStorage, type OkrStore } from '@okrkit/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, settle } from '../../test/helpers.js';
import { makeOkrStore, member, PEOPLE } from '../../test/okr-helpers.js';
import type { OkrSessionCreateEvent } from '../events/okr-session-create-event.js';
import type { OkrSessionDrawer } from '../okr-session-drawer/okr-session-drawer.js';
import '../okr-session-drawer/okr-session-drawer.js';
import type { OkrNextSession } from './okr-next-session.js';

function inside<T extends Element = HTMLElement>(root: Element, selector: string): T {
  const found = root.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in <${root.localName}>`);
  return found;
}

/** SE-01001, Q1 2027 by quarter, with two objectives (one with a key result). */
async function quarter(store: OkrStore): Promise<OkrStore> {
  await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31', cadence: 'quarter' });
  const grow = await store.addObjective('SE-01001', { title: 'Grow the community' });
  await store.addObjective('SE-01001', { title: 'Ship the new editor' });
  await store.addKeyResult('SE-01001', {
    objectiveId: grow.id,
    title: 'Weekly active users',
    kind: 'increase',
    start: 100,
    target: 500,
  });
  return store;
}

async function drawer(store: OkrStore, width = 520): Promise<OkrSessionDrawer> {
  const box = await fixture<HTMLElement>(html`<div style="inline-size: ${width}px">
    <okr-session-drawer .store=${store} .people=${PEOPLE} session-id="SE-01001" open></okr-session-drawer>
  </div>`);
  const el = box.querySelector('okr-session-drawer') as OkrSessionDrawer;
  await settle(el);
  return el;
}

/** Opens "Create next session" from the drawer and waits for its prefilled form. */
async function openNext(el: OkrSessionDrawer): Promise<OkrNextSession> {
  inside(el, '#next-session-button').click();
  const next = inside<OkrNextSession>(el, 'okr-next-session');
  await settle(next);
  await settle(next);
  return next;
}

function type(next: OkrNextSession, selector: string, value: string): void {
  const input = inside<HTMLInputElement>(next, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<okr-next-session> in the session drawer', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('opens prefilled from the cadence, with focus on the title, accessible in light and dark', async () => {
    const el = await drawer(await quarter(makeOkrStore()));
    const next = await openNext(el);
    expect(inside<HTMLDialogElement>(next, 'dialog').open).to.equal(true);
    expect(inside<HTMLInputElement>(next, '#n-title').value).to.equal('Q2 2027');
    expect(inside<HTMLInputElement>(next, '#n-start').value).to.equal('2027-04-01');
    expect(inside<HTMLInputElement>(next, '#n-end').value).to.equal('2027-06-30');
    const choices = [...(next.shadowRoot?.querySelectorAll('.copy label') ?? [])].map((l) => l.textContent?.trim());
    expect(choices).to.deep.equal(['Grow the community', 'Ship the new editor']);
    expect(deepActiveElement()?.id).to.equal('n-title');
    await expect(next).to.be.accessible();
    await emulateMedia({ colorScheme: 'dark' });
    await expect(next).to.be.accessible();
  });

  it('creates the next session with the prefilled period and copies the chosen objectives', async () => {
    const store = await quarter(makeOkrStore());
    const el = await drawer(store);
    const next = await openNext(el);
    inside<HTMLInputElement>(next, '.copy input[value=ob1]').click();
    const created = oneEvent(el, 'okr-session-create') as Promise<OkrSessionCreateEvent>;
    inside(next, '#n-create').click();
    const { session } = await created;
    expect(session).to.include({
      id: 'SE-01002',
      title: 'Q2 2027',
      start: '2027-04-01',
      end: '2027-06-30',
      cadence: 'quarter',
    });
    const copy = await store.getSession('SE-01002');
    expect([...copy.objectives.values()].map((o) => o.title)).to.deep.equal(['Grow the community']);
    expect([...copy.keyResults.values()].map((k) => k.title)).to.deep.equal(['Weekly active users']);
    await settle(next);
    expect(inside<HTMLDialogElement>(next, 'dialog').open).to.equal(false);
  });

  it('takes changed dates and title, and shows a refused date beside its field, creating nothing', async () => {
    const store = await quarter(makeOkrStore());
    const next = await openNext(await drawer(store));
    type(next, '#n-title', 'Spring 2027');
    type(next, '#n-start', '2027-04-06');
    type(next, '#n-end', '2027-04-01');
    inside(next, '#n-create').click();
    await settle(next);
    expect(inside(next, '#n-end').getAttribute('aria-invalid')).to.equal('true');
    expect((await store.listSessions()).map((s) => s.id)).to.deep.equal(['SE-01001']);
    type(next, '#n-end', '2027-07-04');
    const created = oneEvent(next, 'okr-session-create') as Promise<OkrSessionCreateEvent>;
    inside(next, '#n-create').click();
    const { session } = await created;
    expect(session).to.include({ title: 'Spring 2027', start: '2027-04-06', end: '2027-07-04' });
    expect((await store.getSession(session.id)).objectives.size).to.equal(0);
  });

  it('closes on Escape without creating, and gives focus back to its button', async () => {
    const store = await quarter(makeOkrStore());
    const el = await drawer(store);
    inside(el, '#next-session-button').focus();
    await sendKeys({ press: 'Enter' });
    const next = inside<OkrNextSession>(el, 'okr-next-session');
    await settle(next);
    await settle(next);
    expect(deepActiveElement()?.id).to.equal('n-title');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('n-start');
    await sendKeys({ press: 'Escape' });
    await settle(next);
    expect(inside<HTMLDialogElement>(next, 'dialog').open).to.equal(false);
    expect(inside<HTMLDialogElement>(el, 'dialog.drawer').open).to.equal(true);
    expect(deepActiveElement()?.id).to.equal('next-session-button');
    expect((await store.listSessions()).length).to.equal(1);
  });

  it('is not offered to a member, and neither is the access editor', async () => {
    const storage = memoryStorage();
    await quarter(makeOkrStore(undefined, storage));
    const el = await drawer(makeOkrStore(member, storage));
    expect(el.shadowRoot?.querySelector('#drawer-title')?.textContent).to.equal('Q1 2027');
    expect(el.shadowRoot?.querySelector('#next-session-button')).to.equal(null);
    expect(el.shadowRoot?.querySelector('okr-next-session')).to.equal(null);
    expect(el.shadowRoot?.querySelector('okr-access-editor')).to.equal(null);
  });

  it('fits a 320 px drawer', async () => {
    const el = await drawer(await quarter(makeOkrStore()), 320);
    const next = await openNext(el);
    const dialog = inside(next, 'dialog').getBoundingClientRect();
    expect(dialog.right).to.be.at.most(window.innerWidth);
    const wide = [...(next.shadowRoot?.querySelectorAll('*') ?? [])].filter(
      (n) => n.getBoundingClientRect().right > dialog.right + 0.5,
    );
    expect(wide.map((n) => n.localName)).to.deep.equal([]);
  });
});
