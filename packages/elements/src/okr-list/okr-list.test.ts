import { keyResultsOf, type OkrStore, objectivesOf } from '@okrkit/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, settle } from '../../test/helpers.js';
import { $, $$, makeOkrStore, PEOPLE, plannedSession, recordOkrEvents, type } from '../../test/okr-helpers.js';
import type { OkrInitiativeChangeEvent } from '../events/okr-initiative-change-event.js';
import type { OkrKeyResultAddEvent } from '../events/okr-key-result-add-event.js';
import type { OkrKeyResultChangeEvent } from '../events/okr-key-result-change-event.js';
import type { OkrObjectiveAddEvent } from '../events/okr-objective-add-event.js';
import type { OkrObjectiveChangeEvent } from '../events/okr-objective-change-event.js';
import type { OkrOwnerChangeEvent } from '../events/okr-owner-change-event.js';
import type { OkrCheckIn } from '../okr-check-in/okr-check-in.js';
import type { OkrList } from './okr-list.js';
import './okr-list.js';

async function show(store: OkrStore, id = 'SE-01001'): Promise<OkrList> {
  const el = await fixture<OkrList>(html`<okr-list .store=${store} .people=${PEOPLE} session-id=${id}></okr-list>`);
  await settle(el);
  return el;
}

/** The buttons, selects and fields that change something (the check-in dialog's own are not rendered closed). */
const MUTATING = [
  'input, select, textarea, [data-remove], [data-check-in], .edit, #add-objective, .add-kr, #add-initiative',
  '[id^=up-], [id^=down-], [id^=kr-up-], [id^=kr-down-], [id^=target-], [id^=desc-]',
  '.initiative-edit, [data-remove-initiative]',
].join(', ');

/** Each event as `type:change`, for the events that say what changed. */
function changes(events: readonly Event[]): string[] {
  return events.map((e) => `${e.type}:${(e as OkrKeyResultChangeEvent).change ?? ''}`);
}

/** `recordOkrEvents`, plus `okr-initiative-change`. */
function recordAll(target: EventTarget): Event[] {
  const seen = recordOkrEvents(target);
  target.addEventListener('okr-initiative-change', (e) => seen.push(e));
  return seen;
}

describe('<okr-list>', () => {
  it('shows a designed empty state, and adds an objective and a key result with the keyboard', async () => {
    const store = makeOkrStore();
    await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    const el = await show(store);
    expect($(el, '[part=empty]').textContent).to.contain('No objectives yet');
    await expect(el).to.be.accessible();
    const events = recordOkrEvents(el);

    $(el, '#add-objective').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(($(el, '#form-dialog') as HTMLDialogElement).open).to.equal(true);
    $(el, '#f-title').focus();
    await sendKeys({ type: 'Delight our customers' });
    const added = oneEvent(el, 'okr-objective-add') as Promise<OkrObjectiveAddEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await added).objective.title).to.equal('Delight our customers');
    await settle(el);
    expect(deepActiveElement()?.id).to.equal('o-ob1-title');

    await sendKeys({ press: 'Tab' }); // edit title
    await sendKeys({ press: 'Tab' }); // add description
    await sendKeys({ press: 'Tab' }); // owner
    await sendKeys({ press: 'Tab' }); // details
    await sendKeys({ press: 'Tab' }); // remove
    await sendKeys({ press: 'Tab' }); // add key result
    expect(deepActiveElement()?.id).to.equal('add-kr-ob1');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActiveElement()?.id).to.equal('f-title');
    await sendKeys({ type: 'Net promoter score' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('f-kind');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '20' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '45' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'points' });
    const krAdded = oneEvent(el, 'okr-key-result-add') as Promise<OkrKeyResultAddEvent>;
    await sendKeys({ press: 'Enter' });
    const { keyResult } = await krAdded;
    expect([keyResult.title, keyResult.kind, keyResult.start, keyResult.target, keyResult.unit]).to.deep.equal([
      'Net promoter score',
      'increase',
      20,
      45,
      'points',
    ]);
    await settle(el);
    expect(deepActiveElement()?.id).to.equal('k-kr1-title');
    expect($(el, '#k-kr1').textContent).to.contain('20 → 45 points');
    expect(events.map((e) => e.type)).to.deep.equal(['okr-objective-add', 'okr-key-result-add']);
    await expect(el).to.be.accessible();
  });

  it('shows objectives with key results: progress, latest value with unit, status and owner', async () => {
    const store = await plannedSession();
    await store.startSession('SE-01001');
    await store.checkIn('SE-01001', 'kr1', { value: 300, status: 'at_risk' });
    await store.checkIn('SE-01001', 'kr3', { value: 1 });
    const el = await show(store);
    expect($$(el, 'h3.title').map((t) => t.textContent)).to.deep.equal(['Grow the community', 'Ship the new editor']);
    const kr1 = $(el, '#k-kr1');
    expect(kr1.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).to.equal('50');
    expect(kr1.querySelector('.value')?.textContent).to.equal('300 users');
    expect(kr1.querySelector('.status')?.textContent).to.equal('At risk');
    expect(($(el, '#k-kr1 select') as HTMLSelectElement).selectedOptions[0]?.textContent).to.equal('Max Planck');
    expect($(el, '#k-kr2 .value').textContent).to.equal('No check-in yet');
    expect($(el, '#k-kr3 .value').textContent).to.equal('1 of 3 steps');
    expect($(el, '#o-ob1 [role=progressbar]').getAttribute('aria-valuenow')).to.equal('25');
    await expect(el).to.be.accessible();
  });

  it('shows each invalid field of the key result form beside it, with kind-specific fields', async () => {
    const store = await plannedSession();
    const el = await show(store);
    $(el, '#add-kr-ob2').click();
    await settle(el);
    expect($$(el, '#form-dialog input[type=number]').map((i) => i.id)).to.deep.equal(['f-start', 'f-target']);
    type(el, '#f-start', '10');
    $(el, '#form-save').click();
    await settle(el);
    expect($(el, '#f-title').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-title-error').textContent).to.contain('title is required');
    expect($(el, '#f-target').getAttribute('aria-describedby')).to.equal('f-target-error');
    expect($(el, '#f-target-error').textContent).to.contain('target value is required');
    expect($(el, '#form-message').textContent).to.contain('Not saved');
    expect(deepActiveElement()).to.equal($(el, '#f-title'));
    await expect(el).to.be.accessible();

    const kind = $(el, '#f-kind') as HTMLSelectElement;
    kind.value = 'stay_below';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($$(el, '#form-dialog input[type=number]').map((i) => i.id)).to.deep.equal(['f-threshold']);
    kind.value = 'boolean';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($$(el, '#form-dialog input[type=number], #f-unit')).to.have.length(0);
    kind.value = 'milestones';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    type(el, '#f-title', 'Launch');
    type(el, '[name=step-0]', 'Plan');
    $(el, '#add-step').click();
    await el.updateComplete;
    expect(deepActiveElement()).to.equal($(el, '[name=step-1]'));
    type(el, '[name=step-1]', 'Go live');
    const added = oneEvent(el, 'okr-key-result-add') as Promise<OkrKeyResultAddEvent>;
    $(el, '#form-save').click();
    expect((await added).keyResult.milestones).to.deep.equal(['Plan', 'Go live']);
  });

  it('renames in place (Enter saves, Escape cancels), reorders with buttons and Alt+Arrow, and confirms removal', async () => {
    const store = await plannedSession();
    const el = await show(store);
    const events = recordOkrEvents(el);
    $(el, '#edit-objective-ob1').click();
    await el.updateComplete;
    expect(deepActiveElement()?.id).to.equal('edit-title');
    await sendKeys({ type: 'Grow the user community' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect($(el, '#o-ob1-title').textContent).to.equal('Grow the user community');
    expect(deepActiveElement()?.id).to.equal('edit-objective-ob1');

    $(el, '#edit-keyResult-kr2').click();
    await el.updateComplete;
    await sendKeys({ type: 'Changed my mind' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect($(el, '#k-kr2-title').textContent).to.equal('Publish the handbook');

    $(el, '#down-ob1').click();
    await settle(el);
    expect($$(el, 'h3.title').map((t) => t.id)).to.deep.equal(['o-ob2-title', 'o-ob1-title']);
    expect(deepActiveElement()?.id).to.equal('up-ob1');
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' }); // already last: nothing changes
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ up: 'Alt' });
    await settle(el);
    expect((await store.getSession('SE-01001')).objectives.get('ob1')?.order).to.equal(0);

    $(el, '[data-remove=kr2]').click();
    await el.updateComplete;
    expect(($(el, '#confirm') as HTMLDialogElement).open).to.equal(true);
    expect($(el, '#confirm-title').textContent).to.equal('Remove Publish the handbook?');
    await expect(el).to.be.accessible();
    $(el, '#confirm-cancel').click();
    await settle(el);
    expect((await store.getSession('SE-01001')).keyResults.has('kr2')).to.equal(true);
    $(el, '[data-remove=kr2]').click();
    await el.updateComplete;
    $(el, '#confirm-accept').click();
    await settle(el);
    expect((await store.getSession('SE-01001')).keyResults.has('kr2')).to.equal(false);
    expect(
      events.map((e) => {
        const c = e as OkrObjectiveChangeEvent;
        return `${e.type}:${c.change}`;
      }),
    ).to.deep.equal([
      'okr-objective-change:title',
      'okr-objective-change:order',
      'okr-objective-change:order',
      'okr-key-result-change:removed',
    ]);
  });

  it('in progress: no adding, removing or reordering objectives, but initiatives, owners and check-ins', async () => {
    const store = await plannedSession();
    await store.startSession('SE-01001');
    const el = await show(store);
    for (const selector of [
      '#add-objective',
      '.add-kr',
      '[data-remove]',
      '[id^=up-]',
      '.edit',
      '[id^=kr-up-]',
      '[id^=target-]',
      '[id^=desc-]',
    ]) {
      expect(el.shadowRoot?.querySelector(selector), selector).to.equal(null);
    }
    expect($(el, '.lifecycle').textContent).to.contain('In progress');

    const owner = $(el, '[data-owner=kr2]') as HTMLSelectElement;
    owner.value = 'kim';
    const changed = oneEvent(el, 'okr-owner-change') as Promise<OkrOwnerChangeEvent>;
    owner.dispatchEvent(new Event('change', { bubbles: true }));
    const event = await changed;
    expect([event.item, event.itemId, event.ownerId]).to.deep.equal(['keyResult', 'kr2', 'kim']);
    expect((await store.getSession('SE-01001')).keyResults.get('kr2')?.ownerId).to.equal('kim');

    $(el, '#add-initiative').click();
    await settle(el);
    type(el, '#f-title', 'Community newsletter');
    ($(el, 'input[name=keyResultIds][value=kr1]') as HTMLInputElement).click();
    type(el, '#f-link', 'https://example.com/newsletter');
    const added = oneEvent(el, 'okr-initiative-add');
    $(el, '#form-save').click();
    await added;
    await settle(el);
    expect($(el, '#i-in1').textContent).to.contain('Weekly active users');
    expect($(el, '#i-in1 a').getAttribute('href')).to.equal('https://example.com/newsletter');
    await expect(el).to.be.accessible();
  });

  it('reorders key results within their objective with buttons and Alt+Arrow, never moving the objective', async () => {
    const store = await plannedSession();
    const el = await show(store);
    const events = recordAll(el);
    expect($$(el, '#o-ob2 [id^=kr-up-]'), 'a single key result has nothing to move').to.have.length(0);
    expect($(el, '#kr-up-kr1').hasAttribute('disabled')).to.equal(true);
    expect($(el, '#kr-down-kr1').getAttribute('aria-label')).to.equal('Move Weekly active users down');

    $(el, '#kr-down-kr1').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const order = async () => keyResultsOf(await store.getSession('SE-01001'), 'ob1').map((k) => k.id);
    expect(await order()).to.deep.equal(['kr2', 'kr1']);
    expect($$(el, '#o-ob1 .key-result').map((k) => k.id)).to.deep.equal(['k-kr2', 'k-kr1']);
    expect(deepActiveElement()?.id).to.equal('kr-up-kr1');

    // Alt+↑/↓ on a focused key result moves it; Alt+↓ at the end changes nothing (not even the objective).
    ($(el, '#k-kr1-title') as HTMLElement).focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ up: 'Alt' });
    await settle(el);
    const session = await store.getSession('SE-01001');
    expect(await order()).to.deep.equal(['kr1', 'kr2']);
    expect(objectivesOf(session).map((o) => o.id)).to.deep.equal(['ob1', 'ob2']);
    expect(changes(events)).to.deep.equal(['okr-key-result-change:order', 'okr-key-result-change:order']);
    expect((events[1] as OkrKeyResultChangeEvent).keyResult.order).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('edits a key result target, unit and weight; errors show beside the fields and save nothing', async () => {
    const store = await plannedSession();
    const el = await show(store);
    const events = recordAll(el);
    $(el, '#target-kr1').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(($(el, '#form-dialog') as HTMLDialogElement).open).to.equal(true);
    expect($(el, '#form-title').textContent).to.equal('Edit target');
    expect(
      ['#f-start', '#f-target', '#f-unit', '#f-weight'].map((f) => ($(el, f) as HTMLInputElement).value),
    ).to.deep.equal(['100', '500', 'users', '1']);
    await expect(el).to.be.accessible();

    type(el, '#f-target', '50');
    $(el, '#form-save').click();
    await settle(el);
    expect($(el, '#f-target').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-target-error').textContent).to.contain('above its start');
    expect($(el, '#form-message').textContent).to.contain('Not saved');
    expect(deepActiveElement()).to.equal($(el, '#f-target'));
    expect((await store.getSession('SE-01001')).keyResults.get('kr1')?.target).to.equal(500);
    await expect(el).to.be.accessible();

    ($(el, '#f-target') as HTMLInputElement).select();
    await sendKeys({ type: '800' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('f-unit');
    (deepActiveElement() as HTMLInputElement).select();
    await sendKeys({ type: 'members' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('f-weight');
    (deepActiveElement() as HTMLInputElement).select();
    await sendKeys({ type: '2' });
    const head = (await store.storage.readJournal('SE-01001')).length;
    await sendKeys({ press: 'Enter' });
    await settle(el);
    // The target and its weight are one command: appended together, at one instant.
    const saved = (await store.storage.readJournal('SE-01001')).slice(head);
    expect(saved.map((e) => [e.type, e.data])).to.deep.equal([
      ['keyResult.retargeted', { id: 'kr1', kind: 'increase', start: 100, target: 800 }],
      ['keyResult.changed', { id: 'kr1', weight: 2 }],
      ['keyResult.changed', { id: 'kr1', unit: 'members' }],
    ]);
    expect(saved[0]?.at).to.equal(saved[1]?.at);
    const kr = (await store.getSession('SE-01001')).keyResults.get('kr1');
    expect([kr?.start, kr?.target, kr?.unit, kr?.weight]).to.deep.equal([100, 800, 'members', 2]);
    expect($(el, '#k-kr1 .kr-target').textContent).to.contain('100 → 800 members');
    expect($(el, '#k-kr1 .kr-weight').textContent).to.equal('Weight 2');
    expect($$(el, '#k-kr2 .kr-weight'), 'weight 1 is not shown').to.have.length(0);
    expect(deepActiveElement()?.id).to.equal('target-kr1');
    expect(changes(events)).to.deep.equal([
      'okr-key-result-change:target',
      'okr-key-result-change:unit',
      'okr-key-result-change:weight',
    ]);

    // Milestones are retargeted as their steps.
    $(el, '#target-kr3').click();
    await settle(el);
    expect($$(el, '#form-dialog #f-unit, #form-dialog input[type=number]:not(#f-weight)')).to.have.length(0);
    type(el, '[name=step-1]', '');
    $(el, '#form-save').click();
    await settle(el);
    expect($(el, '#f-milestones-error').textContent).to.contain('name');
    type(el, '[name=step-1]', 'Public beta');
    $(el, '#form-save').click();
    await settle(el);
    expect((await store.getSession('SE-01001')).keyResults.get('kr3')?.milestones).to.deep.equal([
      'Design',
      'Public beta',
      'General availability',
    ]);
  });

  it('adds and edits an objective description under its title', async () => {
    const store = await plannedSession();
    const el = await show(store);
    const events = recordAll(el);
    $(el, '#desc-ob1').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect($(el, '#form-title').textContent).to.equal('Edit description');
    $(el, '#f-description').focus();
    await sendKeys({ type: 'People who use the editor help each other.' });
    await sendKeys({ press: 'Tab' }); // cancel
    await sendKeys({ press: 'Tab' }); // save
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect((await store.getSession('SE-01001')).objectives.get('ob1')?.description).to.equal(
      'People who use the editor help each other.',
    );
    expect($(el, '#o-ob1 .description').textContent).to.contain('People who use the editor help each other.');
    expect(deepActiveElement()?.id).to.equal('desc-ob1');
    expect($(el, '#desc-ob1').getAttribute('aria-label')).to.equal('Edit the description of Grow the community');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(($(el, '#f-description') as HTMLTextAreaElement).value).to.equal(
      'People who use the editor help each other.',
    );
    await expect(el).to.be.accessible();
    $(el, '#form-cancel').click();
    await settle(el);
    expect(changes(events)).to.deep.equal(['okr-objective-change:description']);
  });

  it('in progress: edits an initiative (status, title, link, linked key results) and removes it after confirming', async () => {
    const store = await plannedSession();
    await store.startSession('SE-01001');
    await store.addInitiative('SE-01001', {
      title: 'Meetups',
      keyResultIds: ['kr1'],
      link: 'https://example.com/meetups',
    });
    const el = await show(store);
    const events = recordAll(el);
    const link = $(el, '#i-in1 a');
    expect([link.getAttribute('href'), link.getAttribute('rel'), link.getAttribute('target')]).to.deep.equal([
      'https://example.com/meetups',
      'noopener noreferrer',
      '_blank',
    ]);
    $(el, '#edit-initiative-in1').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect($(el, '#form-title').textContent).to.equal('Edit initiative');
    expect(($(el, '#f-title') as HTMLInputElement).value).to.equal('Meetups');
    expect(($(el, '#f-status') as HTMLSelectElement).value).to.equal('planned');
    expect(($(el, 'input[name=keyResultIds][value=kr1]') as HTMLInputElement).checked).to.equal(true);
    await expect(el).to.be.accessible();

    type(el, '#f-link', 'javascript:alert(1)');
    $(el, 'input[name=keyResultIds][value=kr1]').focus();
    await sendKeys({ press: 'Space' }); // unlinks the only key result
    $(el, '#form-save').click();
    await settle(el);
    expect($(el, '#f-link-error').textContent).to.contain('http');
    expect($(el, '#f-link').getAttribute('aria-describedby')).to.equal('f-link-hint f-link-error');
    expect($(el, '#f-keyResultIds-error').textContent).to.contain('at least one');
    const unchanged = (await store.getSession('SE-01001')).initiatives.get('in1');
    expect([unchanged?.link, unchanged?.keyResultIds]).to.deep.equal(['https://example.com/meetups', ['kr1']]);
    await expect(el).to.be.accessible();

    $(el, '#f-status').focus();
    await sendKeys({ press: 'ArrowDown' }); // planned -> active
    $(el, 'input[name=keyResultIds][value=kr2]').focus();
    await sendKeys({ press: 'Space' });
    type(el, '#f-link', 'https://example.com/meetups-2027');
    $(el, '#f-title').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' in 2027' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const saved = (await store.getSession('SE-01001')).initiatives.get('in1');
    expect([saved?.title, saved?.status, saved?.link, saved?.keyResultIds]).to.deep.equal([
      'Meetups in 2027',
      'active',
      'https://example.com/meetups-2027',
      ['kr2'],
    ]);
    expect($(el, '#i-in1 .badge').textContent).to.equal('Active');
    expect($(el, '#i-in1 a').getAttribute('href')).to.equal('https://example.com/meetups-2027');
    expect(deepActiveElement()?.id).to.equal('edit-initiative-in1');

    $(el, '[data-remove-initiative=in1]').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect($(el, '#confirm-title').textContent).to.equal('Remove Meetups in 2027?');
    await expect(el).to.be.accessible();
    $(el, '#confirm-accept').click();
    await settle(el);
    expect((await store.getSession('SE-01001')).initiatives.has('in1')).to.equal(false);
    expect(deepActiveElement()?.id).to.equal('add-initiative');
    expect(changes(events)).to.deep.equal([
      'okr-initiative-change:title',
      'okr-initiative-change:status',
      'okr-initiative-change:link',
      'okr-initiative-change:links',
      'okr-initiative-change:removed',
    ]);
    expect((events[4] as OkrInitiativeChangeEvent).initiative.title).to.equal('Meetups in 2027');
  });

  it('opens the check-in dialog for a key result and records the check-in', async () => {
    const store = await plannedSession();
    await store.startSession('SE-01001');
    const el = await show(store);
    const button = $(el, '[data-check-in=kr1]');
    button.focus();
    button.click();
    await settle(el);
    const dialog = $(el, 'okr-check-in') as OkrCheckIn;
    await settle(dialog);
    expect(dialog.open).to.equal(true);
    type(dialog, '#ci-value', '500');
    const saved = oneEvent(el, 'okr-check-in');
    $(dialog, '#ci-save').click();
    await saved;
    await settle(el);
    expect($(el, '#k-kr1 .value').textContent).to.equal('500 users');
    expect(deepActiveElement()).to.equal($(el, '[data-check-in=kr1]'));
  });

  it('shows a closed session whole and read-only, and is accessible', async () => {
    const store = await plannedSession();
    await store.startSession('SE-01001');
    await store.addInitiative('SE-01001', { title: 'Meetups', keyResultIds: ['kr1'], ownerId: 'kim' });
    await store.closeSession('SE-01001');
    const el = await show(store);
    expect($$(el, MUTATING)).to.have.length(0);
    expect($(el, '.notice').textContent).to.contain('closed');
    expect($$(el, '.key-result')).to.have.length(3);
    expect($(el, '#i-in1').textContent).to.contain('Kim Lee');
    await expect(el).to.be.accessible();
  });

  it('shows a viewer no control that changes anything', async () => {
    const admin = await plannedSession();
    const el = await show(makeOkrStore({ id: 'v', role: 'viewer' }, admin.storage));
    expect($$(el, MUTATING)).to.have.length(0);
    expect($(el, '.notice').textContent).to.contain('not change');
    expect($$(el, '.owner-name').map((o) => o.textContent?.trim())).to.include('Owner: Ada Lovelace');
    await expect(el).to.be.accessible();
  });

  it('fires no event when properties are set', async () => {
    const store = await plannedSession();
    await store.createSession({ title: 'Q2 2027', start: '2027-04-01', end: '2027-06-30' });
    const el = await show(store);
    const events = recordAll(el);
    el.people = { ada: 'Ada' };
    el.strings = { addObjective: 'Ziel hinzufügen' };
    el.sessionId = 'SE-01002';
    await settle(el);
    expect($(el, '#add-objective').textContent).to.contain('Ziel hinzufügen');
    el.sessionId = 'SE-01001';
    await settle(el);
    expect(events).to.deep.equal([]);
  });
});
