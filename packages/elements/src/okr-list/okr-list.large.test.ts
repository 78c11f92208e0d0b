import { EXPORT_SCHEMA_VERSION, type JournalEntry, type OkrStore } from '@okrkit/core';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { deepActiveElement, settle } from '../../test/helpers.js';
import { $, $$, makeOkrStore, PEOPLE } from '../../test/okr-helpers.js';
import { ALL_OPEN_UP_TO, FIRST_OPEN } from './objective-disclosure.js';
import type { OkrList } from './okr-list.js';
import './okr-list.js';
import { FIRST_STEP } from './render-in-steps.js';

/** A planned session of `objectives` objectives with two key results each, imported in one go. */
async function largeSession(store: OkrStore, objectives: number): Promise<string> {
  const journal: JournalEntry[] = [];
  const at = '2026-12-01T09:00:00.000Z';
  const add = (type: JournalEntry['type'], data: unknown) =>
    journal.push({ seq: journal.length + 1, at, actor: 'ada', type, data } as JournalEntry);
  add('session.created', {
    title: 'Large organisation',
    start: '2027-01-04',
    end: '2027-03-28',
    timeZone: 'UTC',
    cadence: 'custom',
    checkInCadence: 'weekly',
    access: { view: { everyone: true }, edit: { everyone: true } },
  });
  for (let o = 0; o < objectives; o++) {
    add('objective.added', { id: `ob${o}`, title: `Team ${o + 1}: deliver the plan`, ownerId: 'ada', order: o });
    for (let k = 0; k < 2; k++) {
      add('keyResult.added', {
        id: `kr${o}-${k}`,
        objectiveId: `ob${o}`,
        title: `Metric ${k + 1} of team ${o + 1}`,
        kind: 'increase',
        start: 0,
        target: 10,
        weight: 1,
        order: k,
      });
    }
  }
  const session = await store.importSession({
    format: 'okrkit.session',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: at,
    session: { id: 'large', title: 'Large organisation' },
    journal,
  });
  return session.id;
}

const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

describe('<okr-list> with a large session', () => {
  it('opens with the first objectives, the rest closed, every title in the page a few frames later', async function () {
    this.timeout(30_000); // axe over a hundred objectives takes a while on a busy machine
    const count = 100;
    expect(count).to.be.above(Math.max(ALL_OPEN_UP_TO, FIRST_STEP));
    const store = makeOkrStore();
    const id = await largeSession(store, count);
    // What each render put on screen, from the first one with objectives on.
    const shown: number[] = [];
    const el = document.createElement('okr-list') as OkrList;
    el.addController({
      hostUpdated: () => {
        const objectives = $$(el, '.objective').length;
        if (objectives > 0) shown.push(objectives);
      },
    });
    Object.assign(el, { store, people: PEOPLE, sessionId: id });
    await fixture<HTMLDivElement>(html`<div></div>`).then((div) => div.append(el));
    await settle(el);
    // The first render: a screenful, not the whole organisation.
    const first = shown[0] ?? 0;
    expect(first).to.be.within(FIRST_OPEN, FIRST_STEP);
    expect($$(el, '.objective:not(.closed)')).to.have.length(FIRST_OPEN);
    expect(
      shown.every((n, i) => i === 0 || n >= (shown[i - 1] ?? 0)),
      'nothing is taken out again',
    ).to.equal(true);
    expect($$(el, '.key-result')).to.have.length(FIRST_OPEN * 2);
    expect($(el, '#toggle-ob0').getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#toggle-ob8').getAttribute('aria-expanded')).to.equal('false');
    expect($$(el, '#o-ob8 .key-result, #o-ob8 select')).to.have.length(0);
    expect($(el, '#o-ob8 [role=progressbar]').getAttribute('aria-valuenow')).to.equal('0');

    // Later frames add the rest, so that find-in-page and Tab reach every objective.
    for (let i = 0; i < 20 && $$(el, '.objective').length < count; i++) {
      await frames(1);
      await el.updateComplete;
    }
    expect($$(el, 'h3.title').map((t) => t.textContent)).to.have.length(count);
    expect($(el, '#o-ob99-title').textContent).to.equal('Team 100: deliver the plan');
    await expect(el).to.be.accessible();
  });

  it('opens and closes an objective from the keyboard, keeping focus on its button', async () => {
    const store = makeOkrStore();
    const id = await largeSession(store, 60);
    const el = await fixture<OkrList>(html`<okr-list .store=${store} .people=${PEOPLE} session-id=${id}></okr-list>`);
    await settle(el);
    const toggle = $(el, '#toggle-ob20');
    expect(toggle.textContent).to.contain('2 key results');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#toggle-ob20').getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#toggle-ob20').getAttribute('aria-controls')).to.equal('body-ob20');
    expect($$(el, '#body-ob20 .key-result').map((k) => k.id)).to.deep.equal(['k-kr20-0', 'k-kr20-1']);
    expect(deepActiveElement()?.id).to.equal('toggle-ob20');
    // Opened, it has the controls of a small session's objective.
    expect($$(el, '#o-ob20 #add-kr-ob20, #o-ob20 [data-owner=ob20], #o-ob20 #edit-objective-ob20')).to.have.length(3);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($(el, '#toggle-ob20').getAttribute('aria-expanded')).to.equal('false');
    expect($$(el, '#o-ob20 .key-result')).to.have.length(0);
    expect(deepActiveElement()?.id).to.equal('toggle-ob20');

    // An objective open from the start closes too.
    $(el, '#toggle-ob0').click();
    await el.updateComplete;
    expect($$(el, '#o-ob0 .key-result')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('follows its container from wide to 320 px with nothing sticking out, off-screen objectives included', async function () {
    this.timeout(20_000);
    await setViewport({ width: 1280, height: 900 });
    try {
      const store = makeOkrStore();
      const id = await largeSession(store, 60);
      const box = await fixture<HTMLElement>(html`<div style="inline-size: 1200px">
        <okr-list .store=${store} .people=${PEOPLE} session-id=${id}></okr-list>
      </div>`);
      const el = box.querySelector('okr-list') as OkrList;
      await settle(el);
      await frames(3);
      // Scrolled through once, so that every objective has been laid out (and its size remembered) at 1200 px.
      for (const objective of $$(el, '.objective')) objective.scrollIntoView();
      await frames(2);
      box.style.inlineSize = '320px';
      window.scrollTo(0, 0);
      await frames(3);
      const base = $(el, '[part~=base]');
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      const widest = Math.max(...$$(el, '.objective, .initiatives').map((o) => o.getBoundingClientRect().width));
      expect(widest).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows a small session whole, with no open or close buttons', async () => {
    const store = makeOkrStore();
    const id = await largeSession(store, ALL_OPEN_UP_TO);
    const el = await fixture<OkrList>(html`<okr-list .store=${store} .people=${PEOPLE} session-id=${id}></okr-list>`);
    await settle(el);
    expect($$(el, '.key-result')).to.have.length(ALL_OPEN_UP_TO * 2);
    expect($$(el, '.toggle, .objective.closed')).to.have.length(0);
  });
});
