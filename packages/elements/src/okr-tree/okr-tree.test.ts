import type { OkrStore } from '@okrkit/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, settle } from '../../test/helpers.js';
import { $, $$, makeOkrStore, PEOPLE, recordOkrEvents } from '../../test/okr-helpers.js';
import type { OkrKeyResultSelectEvent } from '../events/okr-key-result-select-event.js';
import type { OkrObjectiveSelectEvent } from '../events/okr-objective-select-event.js';
import type { OkrTree } from './okr-tree.js';
import './okr-tree.js';

/**
 * Year 2027 (SE-01001) > Q1 2027 (SE-01002) > Team Q1 (SE-01003):
 *   Be the best editor (year)            Win new markets (year)
 *     Ship the new editor (Q1)             Open Berlin office (Q1)
 *       Editor beta (team)
 *     Faster start-up (Q1, aligned to Ship the new editor)
 */
async function cascade(): Promise<OkrStore> {
  const store = makeOkrStore();
  await store.createSession({ title: 'Year 2027', start: '2027-01-01', end: '2027-12-31' });
  await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31', parentId: 'SE-01001' });
  await store.createSession({ title: 'Team Q1', start: '2027-01-01', end: '2027-03-31', parentId: 'SE-01002' });
  const best = await store.addObjective('SE-01001', { title: 'Be the best editor', ownerId: 'ada' });
  const markets = await store.addObjective('SE-01001', { title: 'Win new markets' });
  const ship = await store.addObjective('SE-01002', {
    title: 'Ship the new editor',
    alignedTo: { sessionId: 'SE-01001', objectiveId: best.id },
  });
  await store.addObjective('SE-01002', {
    title: 'Open Berlin office',
    alignedTo: { sessionId: 'SE-01001', objectiveId: markets.id },
  });
  await store.addObjective('SE-01002', {
    title: 'Faster start-up',
    alignedTo: { sessionId: 'SE-01002', objectiveId: ship.id },
  });
  await store.addObjective('SE-01003', {
    title: 'Editor beta',
    alignedTo: { sessionId: 'SE-01002', objectiveId: ship.id },
  });
  const kr = await store.addKeyResult('SE-01002', {
    objectiveId: ship.id,
    title: 'Rollout',
    kind: 'increase',
    start: 0,
    target: 4,
  });
  await store.checkIn('SE-01002', kr.id, { value: 3 });
  return store;
}

async function show(store: OkrStore, id = 'SE-01002'): Promise<OkrTree> {
  const el = await fixture<OkrTree>(html`<okr-tree .store=${store} .people=${PEOPLE} session-id=${id}></okr-tree>`);
  await settle(el);
  return el;
}

const focusedTitle = () => deepActiveElement()?.querySelector('.node-title')?.textContent;

/** Escape out of the details that Enter opened. */
async function closeDetail(el: OkrTree): Promise<void> {
  const detail = el.shadowRoot?.querySelector('okr-detail');
  await detail?.updateComplete;
  expect(detail?.open).to.equal(true);
  await sendKeys({ press: 'Escape' });
  await el.updateComplete;
  await detail?.updateComplete;
  expect(detail?.open).to.equal(false);
}

describe('<okr-tree>', () => {
  it('shows the cascade across parent and child sessions as a WAI-ARIA tree, and is accessible', async () => {
    const el = await show(await cascade());
    expect($(el, '[role=tree]').getAttribute('aria-label')).to.equal('Alignment of objectives');
    const items = $$(el, '[role=treeitem]');
    expect(
      items.map((i) => [
        i.querySelector('.node-title')?.textContent,
        i.getAttribute('aria-level'),
        i.getAttribute('aria-posinset'),
        i.getAttribute('aria-setsize'),
        i.getAttribute('aria-expanded'),
      ]),
    ).to.deep.equal([
      ['Be the best editor', '1', '1', '2', 'true'],
      ['Ship the new editor', '2', '1', '1', 'true'],
      ['Rollout', '3', '1', '3', null],
      ['Faster start-up', '3', '2', '3', null],
      ['Editor beta', '3', '3', '3', null],
      ['Win new markets', '1', '2', '2', 'true'],
      ['Open Berlin office', '2', '1', '1', null],
    ]);
    // A key result is a leaf under its objective, with its own progress and its part.
    const rollout = items[2];
    expect(rollout?.querySelector('[part~=node-key-result]')).to.not.equal(null);
    expect(rollout?.textContent).to.contain('75%');
    expect(rollout?.textContent).to.contain('Key result');
    expect(items.filter((i) => i.tabIndex === 0)).to.have.length(1);
    expect($(el, '#n-SE-01002-ob3').textContent).to.contain('75%');
    expect($(el, '#n-SE-01002-ob3 .session-badge').textContent).to.equal('Q1 2027');
    expect($(el, '#n-SE-01001-ob1-meta').textContent).to.contain('Ada Lovelace');
    await expect(el).to.be.accessible();
  });

  it('walks with arrows, Home and End, collapses and expands, and keeps one tab stop', async () => {
    const el = await show(await cascade());
    $$(el, '[role=treeitem]')[0]?.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedTitle()).to.equal('Ship the new editor');
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedTitle()).to.equal('Rollout');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedTitle()).to.equal('Faster start-up');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedTitle()).to.equal('Ship the new editor');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(deepActiveElement()?.getAttribute('aria-expanded')).to.equal('false');
    expect($$(el, '[role=treeitem]')).to.have.length(4);
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedTitle()).to.equal('Win new markets');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(deepActiveElement()?.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'End' });
    expect(focusedTitle()).to.equal('Open Berlin office');
    await sendKeys({ press: 'Home' });
    expect(focusedTitle()).to.equal('Be the best editor');
    await el.updateComplete;
    expect(
      $$(el, '[role=treeitem]')
        .filter((i) => i.tabIndex === 0)
        .map((i) => i.id),
    ).to.deep.equal(['n-SE-01001-ob1']);
    await expect(el).to.be.accessible();
  });

  it('swaps the left and right arrows in a right-to-left page, and Enter on a key result selects it', async () => {
    const store = await cascade();
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"></div>`);
    const el = document.createElement('okr-tree');
    Object.assign(el, { store, people: PEOPLE, sessionId: 'SE-01002' });
    wrapper.append(el);
    await settle(el);
    $$(el, '[role=treeitem]')[1]?.focus();
    expect(focusedTitle()).to.equal('Ship the new editor');
    // Right-to-left, ArrowRight goes towards the start: it collapses, ArrowLeft expands and enters.
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(deepActiveElement()?.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(deepActiveElement()?.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedTitle()).to.equal('Rollout');
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedTitle()).to.equal('Ship the new editor');
    await sendKeys({ press: 'ArrowLeft' });
    const chosen = oneEvent(el, 'okr-key-result-select') as Promise<OkrKeyResultSelectEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await chosen;
    expect([event.sessionId, event.keyResult.title]).to.deep.equal(['SE-01002', 'Rollout']);
    await el.updateComplete;
    await closeDetail(el); // Enter also opened the details: Escape gives focus back to the row.
    expect(deepActiveElement()?.getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('finds objectives by typing their first letters, and Enter selects', async () => {
    const el = await show(await cascade());
    const events = recordOkrEvents(el);
    $$(el, '[role=treeitem]')[0]?.focus();
    await sendKeys({ type: 'o' });
    expect(focusedTitle()).to.equal('Open Berlin office');
    await new Promise((r) => setTimeout(r, 600));
    await sendKeys({ type: 'f' });
    expect(focusedTitle()).to.equal('Faster start-up');
    await new Promise((r) => setTimeout(r, 600));
    await sendKeys({ type: 'ed' });
    expect(focusedTitle()).to.equal('Editor beta');
    const selected = oneEvent(el, 'okr-objective-select') as Promise<OkrObjectiveSelectEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect([event.sessionId, event.objective.title]).to.deep.equal(['SE-01003', 'Editor beta']);
    await el.updateComplete;
    await closeDetail(el); // Enter also opened the details: Escape gives focus back to the row.
    expect(deepActiveElement()?.getAttribute('aria-selected')).to.equal('true');
    expect(events.map((e) => e.type)).to.deep.equal(['okr-objective-select']);
  });

  it('shows a designed empty state and a load error, both accessible', async () => {
    const store = makeOkrStore();
    await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    const el = await show(store, 'SE-01001');
    expect($(el, '[part=empty]').textContent).to.contain('Nothing to align yet');
    await expect(el).to.be.accessible();
    const events = recordOkrEvents(el);
    el.sessionId = 'SE-09999';
    await settle(el);
    expect($(el, '[part=error]').textContent).to.contain('could not be loaded');
    expect(events.map((e) => e.type)).to.deep.equal(['okr-error']);
    await expect(el).to.be.accessible();
  });

  it('fires no event when properties are set', async () => {
    const store = await cascade();
    const el = await show(store);
    const events = recordOkrEvents(el);
    el.sessionId = 'SE-01001';
    el.people = {};
    await settle(el);
    expect($$(el, '[role=treeitem]').length).to.be.greaterThan(0);
    expect(events).to.deep.equal([]);
  });
});
