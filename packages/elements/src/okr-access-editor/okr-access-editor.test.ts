import { type Actor, memoryStorage, type OkrStore } from '@okrkit/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { settle } from '../../test/helpers.js';
import { makeOkrStore, member, PEOPLE } from '../../test/okr-helpers.js';
import type { OkrSessionChangeEvent } from '../events/okr-session-change-event.js';
import type { OkrAccessEditor } from './okr-access-editor.js';
import './okr-access-editor.js';

const TEAMS = { sales: 'Sales', product: 'Product' };
const vic: Actor = { id: 'vic', role: 'viewer', teams: ['success'] };
const kim: Actor = { id: 'kim', role: 'member', teams: ['product'] };

async function editor(store: OkrStore, width = 480): Promise<OkrAccessEditor> {
  const box = await fixture<HTMLElement>(html`<div style="inline-size: ${width}px">
    <okr-access-editor .store=${store} .people=${PEOPLE} .teams=${TEAMS} session-id="SE-01001"></okr-access-editor>
  </div>`);
  const el = box.querySelector('okr-access-editor') as OkrAccessEditor;
  await settle(el);
  return el;
}

function click(el: OkrAccessEditor, selector: string): void {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} not found`);
  found.click();
}

async function withSession(): Promise<{ storage: ReturnType<typeof memoryStorage>; admin: OkrStore }> {
  const storage = memoryStorage();
  const admin = makeOkrStore(undefined, storage);
  await admin.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
  return { storage, admin };
}

describe('<okr-access-editor>', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('shows who may view and edit (everyone at first), accessible in light and dark', async () => {
    const { admin } = await withSession();
    const el = await editor(admin);
    const legends = [...(el.shadowRoot?.querySelectorAll('.audience > legend') ?? [])].map((l) => l.textContent);
    expect(legends).to.deep.equal(['Who may view', 'Who may edit OKRs']);
    expect(el.shadowRoot?.querySelectorAll('input[value=everyone]:checked').length).to.equal(2);
    expect(el.shadowRoot?.querySelector<HTMLButtonElement>('#save-access')?.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    click(el, '#audience-view input[value=chosen]');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await emulateMedia({ colorScheme: 'dark' });
    await expect(el).to.be.accessible();
  });

  it('saves chosen teams and people in one command: a viewer left out no longer sees the session', async () => {
    const { storage, admin } = await withSession();
    const viewerStore = makeOkrStore(vic, storage);
    expect((await viewerStore.listSessions()).map((s) => s.id)).to.deep.equal(['SE-01001']);
    const el = await editor(admin);
    click(el, '#audience-view input[value=chosen]');
    await el.updateComplete;
    click(el, '#audience-view [data-list=teams] input[value=product]');
    click(el, '#audience-view [data-list=people] input[value=max]');
    click(el, '#audience-edit input[value=chosen]');
    await el.updateComplete;
    click(el, '#audience-edit [data-list=people] input[value=max]');
    await el.updateComplete;
    const saved = oneEvent(el, 'okr-session-change') as Promise<OkrSessionChangeEvent>;
    click(el, '#save-access');
    const { session } = await saved;
    const access = {
      view: { everyone: false, people: ['max'], teams: ['product'] },
      edit: { everyone: false, people: ['max'], teams: [] },
    };
    expect(session.access).to.deep.equal(access);
    expect((await admin.getSession('SE-01001')).access).to.deep.equal(access);
    expect(await viewerStore.listSessions()).to.deep.equal([]);
    // Kim (in Product) may view but not edit; Max may edit.
    const kimStore = makeOkrStore(kim, storage);
    const kimSession = await kimStore.getSession('SE-01001');
    expect(kimStore.can('session.view', kimSession)).to.equal(true);
    expect(kimStore.can('objective.add', kimSession)).to.equal(false);
    const maxStore = makeOkrStore(member, storage);
    expect(maxStore.can('objective.add', await maxStore.getSession('SE-01001'))).to.equal(true);
    await settle(el);
    expect(el.shadowRoot?.querySelector('.status')?.textContent).to.equal('Access saved.');
  });

  it('offers ids already in the lists that the host did not name', async () => {
    const { admin } = await withSession();
    await admin.updateSession('SE-01001', {
      access: { view: { everyone: false, people: ['zoe'], teams: [] }, edit: { everyone: true } },
    });
    const el = await editor(admin);
    const zoe = el.shadowRoot?.querySelector<HTMLInputElement>('#audience-view input[value=zoe]');
    expect(zoe?.checked).to.equal(true);
  });

  it('renders nothing for a member, who may not change access', async () => {
    const { storage } = await withSession();
    const el = await editor(makeOkrStore(member, storage));
    expect(el.shadowRoot?.querySelector('form')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });

  it('fits a 320 px container with the lists open', async () => {
    const { admin } = await withSession();
    const el = await editor(admin, 320);
    click(el, '#audience-view input[value=chosen]');
    click(el, '#audience-edit input[value=chosen]');
    await el.updateComplete;
    const limit = el.getBoundingClientRect();
    const wide = [...(el.shadowRoot?.querySelectorAll('*') ?? [])].filter((n) => {
      const r = n.getBoundingClientRect();
      return r.width > 0 && r.right > limit.right + 0.5;
    });
    expect(wide.map((n) => n.localName)).to.deep.equal([]);
  });
});
