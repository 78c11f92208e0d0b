import type { OkrStore } from '@okrkit/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, settle } from '../../test/helpers.js';
import { makeOkrStore, PEOPLE, plannedSession } from '../../test/okr-helpers.js';
import type { OkrDetailOpenEvent } from '../events/okr-detail-open-event.js';
import type { OkrList } from '../okr-list/okr-list.js';
import type { OkrSnapshot } from '../okr-snapshot/okr-snapshot.js';
import type { OkrTree } from '../okr-tree/okr-tree.js';
import '../okr-list/okr-list.js';
import '../okr-snapshot/okr-snapshot.js';
import '../okr-tree/okr-tree.js';
import type { OkrDetail } from './okr-detail.js';

/** SE-01001 in progress: Max checked in 200 on kr1, then corrected it to 250; an initiative moves kr1. */
async function tracked(): Promise<OkrStore> {
  const store = await plannedSession(makeOkrStore());
  await store.startSession('SE-01001');
  await store.checkIn('SE-01001', 'kr1', { value: 200, status: 'at_risk', comment: 'Slow start after the holidays.' });
  await store.correctCheckIn('SE-01001', 'ci1', { value: 250, status: 'on_track', comment: 'Counted the forum too.' });
  await store.addInitiative('SE-01001', { title: 'Community meetups', keyResultIds: ['kr1'], ownerId: 'kim' });
  return store;
}

type Host = OkrSnapshot | OkrList | OkrTree;

async function mount<T extends Host>(
  tag: 'okr-snapshot' | 'okr-list' | 'okr-tree',
  store: OkrStore,
  width = 1000,
): Promise<T> {
  const box = await fixture<HTMLElement>(html`<div style="inline-size: ${width}px"></div>`);
  const el = Object.assign(document.createElement(tag), { store, people: PEOPLE, sessionId: 'SE-01001' });
  box.append(el);
  await settle(el);
  await settle(el);
  return el as T;
}

function detailOf(host: Host): OkrDetail {
  const detail = host.shadowRoot?.querySelector<OkrDetail>('okr-detail');
  if (!detail) throw new Error(`<${host.localName}> has no <okr-detail>`);
  return detail;
}

/** The detail's open state and its content once loaded. */
async function opened(host: Host): Promise<OkrDetail> {
  const detail = detailOf(host);
  await settle(detail);
  await settle(detail);
  expect(detail.shadowRoot?.querySelector<HTMLDialogElement>('dialog')?.open).to.equal(true);
  return detail;
}

function text(detail: OkrDetail, selector: string): string {
  return [...(detail.shadowRoot?.querySelectorAll(selector) ?? [])]
    .map((n) => n.textContent?.replace(/\s+/g, ' ').trim())
    .join(' | ');
}

function $(root: Element, selector: string): HTMLElement {
  const found = root.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} not found in <${root.localName}>`);
  return found;
}

describe('<okr-detail>', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it("opens from a snapshot row: a key result's owner, trend, history with its correction, initiatives and comments", async () => {
    const snapshot = await mount<OkrSnapshot>('okr-snapshot', await tracked());
    const asked = oneEvent(snapshot, 'okr-detail-open') as Promise<OkrDetailOpenEvent>;
    $(snapshot, '[role=row][data-id=kr1] .title-link').click();
    const event = await asked;
    expect([event.sessionId, event.item]).to.deep.equal(['SE-01001', { kind: 'keyResult', id: 'kr1' }]);
    const detail = await opened(snapshot);
    expect(text(detail, '.kind')).to.equal('Key result');
    expect(text(detail, '#detail-title')).to.equal('Weekly active users');
    expect(text(detail, '.facts .owner')).to.contain('Max Planck');
    expect(text(detail, '.facts .owner .person-avatar')).to.equal('MP');
    expect(detail.shadowRoot?.querySelector('[part=sparkline]')?.getAttribute('aria-label')).to.match(/^Trend: /);
    const history = [...(detail.shadowRoot?.querySelectorAll('.history li') ?? [])];
    expect(history.map((li) => li.className)).to.deep.equal(['counts', 'superseded']);
    expect(history[0]?.textContent)
      .to.contain('250 users')
      .and.contain('Correction')
      .and.contain('Correction of the check-in of');
    expect(history[1]?.textContent)
      .to.contain('200 users')
      .and.contain('Corrected')
      .and.contain('Corrected by Ada Lovelace');
    expect(text(detail, '#initiatives-title + ul')).to.contain('Community meetups').and.contain('Kim Lee');
    // Only the comment that counts: the corrected one was replaced.
    expect(text(detail, '.comments .comment-text')).to.equal('“Counted the forum too.”');
    await expect(detail).to.be.accessible();
    await emulateMedia({ colorScheme: 'dark' });
    await expect(detail).to.be.accessible();
  });

  it('opens from the list: an objective with its key results, and goes on to a key result and a check-in', async () => {
    const list = await mount<OkrList>('okr-list', await tracked());
    $(list, '[data-detail=ob1]').click();
    const detail = await opened(list);
    expect(text(detail, '.kind')).to.equal('Objective');
    expect(text(detail, '#detail-title')).to.equal('Grow the community');
    expect(text(detail, '#krs-title + ul .link')).to.equal('Weekly active users | Publish the handbook');
    expect(text(detail, '#initiatives-title + ul .link')).to.equal('Community meetups');
    $(detail, '#krs-title + ul .link').click();
    await settle(detail);
    expect(text(detail, '#detail-title')).to.equal('Weekly active users');
    expect(detail.shadowRoot?.querySelectorAll('.history li').length).to.equal(2);
    $(detail, '.history li.superseded .link').click();
    await settle(detail);
    expect(text(detail, '.kind')).to.equal('Check-in');
    expect(text(detail, '.facts')).to.contain('200 users').and.contain('Ada Lovelace');
    expect(text(detail, '.notice')).to.contain('Corrected by Ada Lovelace');
    await expect(detail).to.be.accessible();
  });

  it('opens from the tree on Enter, with the key results the tree shows', async () => {
    const tree = await mount<OkrTree>('okr-tree', await tracked());
    const rows = [...(tree.shadowRoot?.querySelectorAll<HTMLElement>('[role=treeitem]') ?? [])];
    const kr = rows.reverse().find((r) => r.textContent?.includes('Editor rollout')); // the innermost: an objective's item holds its key results
    kr?.focus();
    await sendKeys({ press: 'Enter' });
    const detail = await opened(tree);
    expect(text(detail, '.kind')).to.equal('Key result');
    expect(text(detail, '#detail-title')).to.equal('Editor rollout');
    expect(text(detail, '.history')).to.equal('');
    expect(text(detail, '#history-title ~ p')).to.contain('No check-ins yet.');
  });

  it('keyboard: Enter on a row opens it with focus inside, Tab moves through it, Escape returns to the row', async () => {
    const snapshot = await mount<OkrSnapshot>('okr-snapshot', await tracked());
    const title = $(snapshot, '[role=row][data-id=kr1] .title-link');
    title.focus();
    await sendKeys({ press: 'Enter' });
    const detail = await opened(snapshot);
    expect(deepActiveElement()?.id).to.equal('close-detail');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Grow the community'); // the objective it belongs to
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('250 users'); // the check-in that counts
    await sendKeys({ press: 'Escape' });
    await settle(detail);
    expect(detail.open).to.equal(false);
    expect(deepActiveElement()).to.equal(title);
  });

  it('stays closed when the host handles okr-detail-open itself', async () => {
    const snapshot = await mount<OkrSnapshot>('okr-snapshot', await tracked());
    snapshot.addEventListener('okr-detail-open', (e) => e.preventDefault());
    $(snapshot, '[role=row][data-id=kr1] .title-link').click();
    await settle(snapshot);
    expect(detailOf(snapshot).open).to.equal(false);
  });

  it('fits a 320 px wide window', async () => {
    const list = await mount<OkrList>('okr-list', await tracked(), 320);
    $(list, '[data-detail=kr1]').click();
    const detail = await opened(list);
    const panel = $(detail, 'dialog').getBoundingClientRect();
    expect(panel.width).to.be.greaterThan(0);
    const wide = [...(detail.shadowRoot?.querySelectorAll('*') ?? [])].filter((n) => {
      const r = n.getBoundingClientRect();
      return r.width > 0 && r.right > panel.right + 0.5;
    });
    expect(wide.map((n) => `${n.localName}.${n.className}`)).to.deep.equal([]);
  });
});
