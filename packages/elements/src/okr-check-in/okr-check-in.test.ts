import { memoryStorage, type OkrStore, type StorageAdapter } from '@okrkit/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, settle } from '../../test/helpers.js';
import { $, $$, makeOkrStore, PEOPLE, plannedSession, recordOkrEvents, type } from '../../test/okr-helpers.js';
import type { OkrCheckInEvent } from '../events/okr-check-in-event.js';
import type { OkrCheckIn } from './okr-check-in.js';
import './okr-check-in.js';

async function open(store: OkrStore, keyResultId = 'kr1'): Promise<OkrCheckIn> {
  const el = await fixture<OkrCheckIn>(
    html`<okr-check-in .store=${store} .people=${PEOPLE} session-id="SE-01001" key-result-id=${keyResultId} open></okr-check-in>`,
  );
  await settle(el);
  return el;
}

/** A storage that counts the reads of headers and journals that reach it. */
function countingReads(inner: StorageAdapter): StorageAdapter & { reads: number; journalReads: number } {
  const counts = { reads: 0, journalReads: 0 };
  const reads = new Set<PropertyKey>(['listSessions', 'getSession', 'readJournal']);
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === 'reads' || prop === 'journalReads') return counts[prop];
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (reads.has(prop)) counts.reads++;
        if (prop === 'readJournal') counts.journalReads++;
        return value.apply(target, args);
      };
    },
  }) as StorageAdapter & { reads: number; journalReads: number };
}

describe('<okr-check-in>', () => {
  it('opens as a modal with the previous value and a progress preview, and is accessible', async () => {
    const store = await plannedSession();
    await store.checkIn('SE-01001', 'kr1', { value: 200 });
    const el = await open(store);
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(dialog.matches(':modal')).to.equal(true);
    expect($(el, '#ci-title').textContent).to.contain('Weekly active users');
    expect($(el, '#ci-previous').textContent).to.equal('200 users');
    expect($(el, '#ci-now').textContent).to.equal('25%');
    expect($(el, '#ci-unit').textContent).to.equal('users');
    await expect(el).to.be.accessible();
  });

  it('previews the progress of the new value before saving, then records the check-in and closes', async () => {
    const store = await plannedSession();
    const el = await open(store);
    const events = recordOkrEvents(el);
    type(el, '#ci-value', '300');
    await el.updateComplete;
    expect($(el, '#ci-after').textContent).to.equal('50%');
    expect($(el, '#ci-after-delta').textContent).to.equal('+50');
    expect((await store.getSession('SE-01001')).keyResults.get('kr1')?.latest).to.equal(undefined);

    ($(el, 'input[name=status][value=at_risk]') as HTMLInputElement).click();
    type(el, '#ci-confidence', '80');
    type(el, '#ci-comment', 'Campaign started');
    const saved = oneEvent(el, 'okr-check-in') as Promise<OkrCheckInEvent>;
    $(el, '#ci-save').click();
    const { checkIn } = await saved;
    expect([checkIn.value, checkIn.status, checkIn.confidence, checkIn.comment]).to.deep.equal([
      300,
      'at_risk',
      0.8,
      'Campaign started',
    ]);
    await settle(el);
    expect(el.open).to.equal(false);
    expect(($(el, 'dialog') as HTMLDialogElement).open).to.equal(false);
    expect(events.map((e) => e.type)).to.deep.equal(['okr-check-in', 'okr-check-in-close']);
    expect((await store.getSession('SE-01001')).keyResults.get('kr1')?.latest?.value).to.equal(300);
  });

  it('shows a value that is not a number next to its field and saves nothing', async () => {
    const store = await plannedSession();
    const el = await open(store);
    type(el, '#ci-value', '');
    await el.updateComplete;
    $(el, '#ci-save').click();
    await settle(el);
    expect($(el, '#ci-value').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#ci-value').getAttribute('aria-describedby')).to.contain('ci-value-error');
    expect($(el, '#ci-value-error').textContent).to.contain('Enter a number');
    expect(deepActiveElement()).to.equal($(el, '#ci-value'));
    expect((await store.getSession('SE-01001')).keyResults.get('kr1')?.checkIns).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('asks done or not done for a boolean key result, and steps reached for milestones', async () => {
    const store = await plannedSession();
    const el = await open(store, 'kr2');
    const toggle = $(el, '#ci-value') as HTMLInputElement;
    expect([toggle.type, toggle.getAttribute('role')]).to.deep.equal(['checkbox', 'switch']);
    toggle.click();
    await el.updateComplete;
    expect($(el, '#ci-after').textContent).to.equal('100%');
    await expect(el).to.be.accessible();

    el.keyResultId = 'kr3';
    await settle(el);
    const radios = $$(el, 'input[name=value]') as HTMLInputElement[];
    expect(radios.map((r) => r.parentElement?.textContent?.trim())).to.deep.equal([
      '0 of 3 steps',
      '1. Design',
      '2. Beta',
      '3. General availability',
    ]);
    radios[2]?.click();
    await el.updateComplete;
    expect($(el, '#ci-after').textContent).to.equal('67%');
    const saved = oneEvent(el, 'okr-check-in') as Promise<OkrCheckInEvent>;
    $(el, '#ci-save').click();
    expect((await saved).checkIn.value).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('checks in with the keyboard alone and gives focus back to the opener', async () => {
    const store = await plannedSession();
    // Made by hand: fixture() waits an animation frame for plain elements, which a background tab never gets.
    const opener = document.createElement('button');
    opener.textContent = 'Check in';
    document.body.append(opener);
    opener.focus();
    const el = await open(store);
    expect(el.shadowRoot?.contains(deepActiveElement())).to.equal(true);
    ($(el, '#ci-value') as HTMLInputElement).select();
    await sendKeys({ type: '180' });
    await el.updateComplete;
    expect($(el, '#ci-after').textContent).to.equal('20%');
    const saved = oneEvent(el, 'okr-check-in');
    await sendKeys({ press: 'Enter' });
    await saved;
    await settle(el);
    expect(el.open).to.equal(false);
    expect(deepActiveElement()).to.equal(opener);
    opener.remove();
  });

  it('opens with focus on the value, also when the key result loads after the dialog opened', async () => {
    const store = await plannedSession();
    const el = await fixture<OkrCheckIn>(
      html`<okr-check-in .store=${store} session-id="SE-01001" key-result-id="kr1"></okr-check-in>`,
    );
    await settle(el);
    el.open = true;
    await settle(el);
    expect(deepActiveElement()?.id).to.equal('ci-value');
    el.open = false;
    await settle(el);
    // Opened before anything is read: focus still lands on the value once the form is there.
    const late = await fixture<OkrCheckIn>(
      html`<okr-check-in .store=${store} session-id="SE-01001" key-result-id="kr2" open></okr-check-in>`,
    );
    await settle(late);
    expect(deepActiveElement()?.getAttribute('name')).to.equal('value');
    expect(late.shadowRoot?.contains(deepActiveElement())).to.equal(true);
  });

  it('asks before Escape or ✕ throws away a half-filled check-in; Enter keeps editing', async () => {
    const store = await plannedSession();
    const el = await open(store);
    const events = recordOkrEvents(el);
    ($(el, '#ci-value') as HTMLInputElement).select();
    await sendKeys({ type: '180' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await settle(el);
    const confirm = $(el, 'dialog.confirm') as HTMLDialogElement;
    expect(confirm.open).to.equal(true);
    expect(el.open).to.equal(true);
    expect($(el, '#ci-confirm-title').textContent).to.equal('Discard this check-in?');
    expect(deepActiveElement()?.id).to.equal('ci-keep');
    await expect(el).to.be.accessible();
    // Enter answers "Keep editing": the draft is still there, focus is back on the value.
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(confirm.open).to.equal(false);
    expect(el.open).to.equal(true);
    expect(($(el, '#ci-value') as HTMLInputElement).value).to.equal('180');
    expect(deepActiveElement()?.id).to.equal('ci-value');
    // ✕ asks the same; Discard closes without saving.
    $(el, '#ci-close').click();
    await settle(el);
    expect(confirm.open).to.equal(true);
    $(el, '#ci-discard').click();
    await settle(el);
    expect(el.open).to.equal(false);
    expect(events.map((e) => e.type)).to.deep.equal(['okr-check-in-close']);
    expect((await store.getSession('SE-01001')).keyResults.get('kr1')?.latest).to.equal(undefined);
  });

  it('isolates comments and values, so that a right-to-left page does not reorder them', async () => {
    const store = await plannedSession();
    await store.checkIn('SE-01001', 'kr1', { value: 200, comment: 'Quiet week, holidays in two teams.' });
    const el = await open(store);
    expect($(el, '.item-comment').getAttribute('dir')).to.equal('auto');
    expect($(el, '#ci-comment').getAttribute('dir')).to.equal('auto');
    expect($(el, '#ci-previous bdi').textContent).to.equal('200 users');
    expect($(el, '.item-value').localName).to.equal('bdi');
  });

  it('closes on Escape at once when nothing was entered', async () => {
    const store = await plannedSession();
    const el = await open(store);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(el.open).to.equal(false);
    expect(($(el, 'dialog.confirm') as HTMLDialogElement).open).to.equal(false);
  });

  it('shows the history newest first and corrections: the old value struck through, who corrected it', async () => {
    const store = await plannedSession();
    await store.checkIn('SE-01001', 'kr1', { value: 150, comment: 'First week' });
    await store.checkIn('SE-01001', 'kr1', { value: 900 });
    const el = await open(store);
    expect($$(el, '.item-value').map((v) => v.textContent)).to.deep.equal(['900 users', '150 users']);

    $(el, '[data-correct=ci2]').click();
    await settle(el);
    expect($(el, '#ci-form-title').textContent).to.contain('Correct the check-in');
    expect(($(el, '#ci-value') as HTMLInputElement).value).to.equal('900');
    type(el, '#ci-value', '190');
    await el.updateComplete;
    expect($(el, '#ci-after').textContent).to.equal('23%');
    const saved = oneEvent(el, 'okr-check-in') as Promise<OkrCheckInEvent>;
    $(el, '#ci-save').click();
    expect((await saved).checkIn.corrects).to.equal('ci2');
    await settle(el);
    expect(el.open).to.equal(true);
    const superseded = $(el, 'li.superseded');
    expect(superseded.querySelector('s')?.textContent).to.equal('900 users');
    expect(superseded.textContent).to.contain('Corrected by Ada Lovelace');
    expect($(el, 'li[data-id=ci3]').textContent).to.contain('Correction of the check-in');
    expect(superseded.querySelector('[data-correct]')).to.equal(null);
    expect((await store.getSession('SE-01001')).keyResults.get('kr1')?.latest?.value).to.equal(190);
    await expect(el).to.be.accessible();
  });

  it('shows when a late check-in was written (offline) beside when it was recorded, with why', async () => {
    const store = await plannedSession();
    await store.checkIn('SE-01001', 'kr1', { value: 150 });
    await store.execute(
      { type: 'checkIn.add', sessionId: 'SE-01001', args: { keyResultId: 'kr1', value: 220 } },
      { writtenAt: '2027-01-02T17:40:00Z' },
    );
    const el = await open(store);
    const [late, online] = $$(el, '.history li');
    const note = late?.querySelector('.written-at');
    expect(note?.textContent?.trim()).to.equal('written Jan 2, 2027, 5:40 PM');
    expect(note?.getAttribute('title')).to.contain('counts in the week it was recorded');
    expect(note?.querySelector('time')?.getAttribute('datetime')).to.equal('2027-01-02T17:40:00.000Z');
    expect(online?.querySelector('.written-at')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('renders a correction and a check-in from the store notice; a check-in reads nothing from storage', async () => {
    const storage = countingReads(memoryStorage());
    const store = await plannedSession(makeOkrStore(undefined, storage));
    await store.checkIn('SE-01001', 'kr1', { value: 150 });
    const el = await open(store);
    expect($$(el, '.item-value').map((v) => v.textContent)).to.deep.equal(['150 users']);

    $(el, '[data-correct=ci1]').click();
    await settle(el);
    type(el, '#ci-value', '190');
    const corrected = oneEvent(el, 'okr-check-in');
    $(el, '#ci-save').click();
    await corrected;
    await settle(el);
    expect($(el, 'li.superseded s')?.textContent).to.equal('150 users');
    expect($(el, 'li[data-id=ci2]').textContent).to.contain('Correction of the check-in');
    // (The correction was the store's first to look up a check-in by id: it read the journal once to index its ids.)
    const [reads, journalReads] = [storage.reads, storage.journalReads];

    type(el, '#ci-value', '400');
    const saved = oneEvent(el, 'okr-check-in');
    $(el, '#ci-save').click();
    await saved;
    await settle(el);
    expect(el.open).to.equal(false);
    expect($$(el, '.item-value').map((v) => v.textContent)).to.deep.equal(['400 users', '190 users', '150 users']);
    expect([storage.journalReads - journalReads, storage.reads - reads]).to.deep.equal([0, 0]);
  });

  it('shows a viewer the history but no form', async () => {
    const admin = await plannedSession();
    await admin.checkIn('SE-01001', 'kr1', { value: 150 });
    const el = await open(makeOkrStore({ id: 'v', role: 'viewer' }, admin.storage));
    expect(el.shadowRoot?.querySelectorAll('input, textarea, [data-correct], #ci-save')).to.have.length(0);
    expect($(el, '.notice').textContent).to.contain('not check in');
    expect($$(el, '.item')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('closes and opens in one render when the host sets open, with or without a draft', async () => {
    const store = await plannedSession();
    const el = await open(store);
    // updateComplete resolves to false when the update asked for another (Lit's change-in-update).
    el.open = false;
    expect(await el.updateComplete).to.equal(true);
    el.open = true;
    expect(await el.updateComplete).to.equal(true);
    await settle(el);
    type(el, '#ci-value', '300');
    await el.updateComplete;
    el.open = false;
    expect(await el.updateComplete).to.equal(true);
    el.open = true;
    await settle(el);
    expect(($(el, '#ci-value') as HTMLInputElement).value).to.equal('100');
  });

  it('fires nothing when properties are set', async () => {
    const store = await plannedSession();
    const el = await open(store);
    const events = recordOkrEvents(el);
    el.keyResultId = 'kr2';
    await settle(el);
    el.open = false;
    await settle(el);
    el.open = true;
    await settle(el);
    // Closed and opened again before the dialog's close event arrives: still not a person's act.
    el.open = false;
    await el.updateComplete;
    el.open = true;
    await settle(el);
    expect(el.open).to.equal(true);
    expect(events).to.deep.equal([]);
  });
});
