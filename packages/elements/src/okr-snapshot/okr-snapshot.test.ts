import {
  type Actor,
  createOkrStore,
  type JournalEntry,
  memoryStorage,
  type OkrStore,
  type Snapshot,
  type SnapshotRow,
} from '@okrkit/core';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { admin, deepActiveElement, settle } from '../../test/helpers.js';
import type { OkrCheckInRequestEvent } from '../events/okr-check-in-request-event.js';
import type { OkrErrorEvent } from '../events/okr-error-event.js';
import type { OkrExportEvent } from '../events/okr-export-event.js';
import type { OkrOwnerFilterChangeEvent } from '../events/okr-owner-filter-change-event.js';
import type { OkrWeekChangeEvent } from '../events/okr-week-change-event.js';
import { formatPercent } from '../key-result-format.js';
import { formatPoints, type OkrSnapshot } from './okr-snapshot.js';
import './okr-snapshot.js';

const PEOPLE = { ada: 'Ada Lovelace', bob: 'Bob Marley', cy: 'Cy Twombly' };
const SNAPSHOT_EVENTS = [
  'okr-week-change',
  'okr-owner-filter-change',
  'okr-check-in-request',
  'okr-export',
  'okr-error',
] as const;

interface Clocked {
  readonly store: OkrStore;
  /** Moves the store's clock to `iso`. */
  readonly at: (iso: string) => void;
}

/** A store whose clock the test sets, with predictable ids. */
function clockedStore(actor: Actor = admin): Clocked {
  let now = Date.parse('2027-01-04T09:00:00Z');
  let n = 0;
  const store = createOkrStore({
    storage: memoryStorage(),
    actor,
    clock: () => new Date(now),
    timeZone: 'UTC',
    ids: (kind) => `${kind}-${++n}`,
  });
  return { store, at: (iso) => (now = Date.parse(iso)) };
}

/**
 * Q1 2027, created on Monday of 2027-W01. Two objectives (Ada's and Bob's), three key
 * results (Ada's, Cy's, an unassigned one), one initiative of Bob's; check-ins in W01,
 * W02 and W03. "Now" is Wednesday of 2027-W03.
 */
interface Ids {
  readonly s: string;
  readonly o1: string;
  readonly o2: string;
  readonly k1: string;
  readonly k2: string;
  readonly k3: string;
  readonly i1: string;
}

async function seed(): Promise<Clocked & { ids: Ids }> {
  const clocked = clockedStore();
  const { store, at } = clocked;
  const session = await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
  const s = session.id;
  const o1 = await store.addObjective(s, { title: 'Delight customers', ownerId: 'ada' });
  const o2 = await store.addObjective(s, { title: 'Grow revenue', ownerId: 'bob' });
  const increase = { kind: 'increase', start: 0, target: 100 } as const;
  const k1 = await store.addKeyResult(s, { objectiveId: o1.id, title: 'NPS to 50', ownerId: 'ada', ...increase });
  const k2 = await store.addKeyResult(s, { objectiveId: o1.id, title: 'Support replies', ownerId: 'cy', ...increase });
  const k3 = await store.addKeyResult(s, { objectiveId: o2.id, title: 'New deals', ...increase });
  const i1 = await store.addInitiative(s, { title: 'Survey users', keyResultIds: [k1.id], ownerId: 'bob' });
  await store.checkIn(s, k1.id, { value: 20, comment: 'Kick-off done' });
  at('2027-01-12T10:00:00Z');
  await store.checkIn(s, k1.id, { value: 50, comment: 'Halfway there' });
  await store.checkIn(s, k2.id, { value: 30 });
  at('2027-01-20T10:00:00Z');
  await store.checkIn(s, k1.id, { value: 70, status: 'on_track', comment: 'Going well' });
  await store.checkIn(s, k3.id, { value: 10 });
  return { ...clocked, ids: { s, o1: o1.id, o2: o2.id, k1: k1.id, k2: k2.id, k3: k3.id, i1: i1.id } };
}

function root(el: OkrSnapshot): ShadowRoot {
  const shadow = el.shadowRoot;
  if (!shadow) throw new Error('no shadow root');
  return shadow;
}

function $(el: OkrSnapshot, selector: string): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

function $$(el: OkrSnapshot, selector: string): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>(selector)];
}

function row(el: OkrSnapshot, id: string): HTMLElement {
  return $(el, `[part~=row][data-id="${id}"]`);
}

function text(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function render(store: OkrStore, attrs: Partial<OkrSnapshot> = {}): Promise<OkrSnapshot> {
  const el = await fixture<OkrSnapshot>(
    html`<okr-snapshot
      .store=${store}
      .people=${PEOPLE}
      locale="en"
      session-id=${attrs.sessionId ?? 'SE-01001'}
      week=${attrs.week ?? nothing}
      owner=${attrs.owner ?? 'all'}
    ></okr-snapshot>`,
  );
  await settle(el);
  return el;
}

function record(target: EventTarget): Event[] {
  const seen: Event[] = [];
  for (const name of SNAPSHOT_EVENTS) target.addEventListener(name, (e) => seen.push(e));
  return seen;
}

/** What a row shows in its progress and change cells. */
function shown(el: OkrSnapshot, r: SnapshotRow): { pct: string; change: string } {
  const tr = row(el, r.id);
  return { pct: text(tr.querySelector('.pct')), change: text(tr.querySelector('.change')) };
}

function expectedChange(r: SnapshotRow): string {
  if (r.change.removed) return 'Removed';
  if (r.change.isNew) return 'New';
  const points = formatPoints(r.change.points, 'en');
  if (points === '0') return '–No change';
  const unit = points === '1' ? 'point' : 'points';
  return r.change.points > 0 ? `${points}up ${points} ${unit}` : `${points}down ${points} ${unit}`;
}

/** A session of 1,000 objectives with 9 key results each: 10,000 rows. */
async function bigSession(): Promise<{ store: OkrStore; sessionId: string }> {
  const { store } = clockedStore();
  const { id } = await store.createSession({ title: 'Big', start: '2027-01-01', end: '2027-03-31' });
  const objective = await store.addObjective(id, { title: 'Template', ownerId: 'ada' });
  await store.addKeyResult(id, { objectiveId: objective.id, title: 'KR', kind: 'increase', start: 0, target: 10 });
  const exported = JSON.parse(await store.exportSession(id)) as { journal: JournalEntry[] };
  const [created, objectiveAdded, krAdded] = exported.journal;
  if (!created || !objectiveAdded || !krAdded) throw new Error('unexpected journal');
  const journal: JournalEntry[] = [created];
  const entry = (type: JournalEntry['type'], data: object) =>
    journal.push({ ...objectiveAdded, seq: journal.length + 1, type, data } as JournalEntry);
  for (let o = 0; o < 1000; o++) {
    entry('objective.added', { ...objectiveAdded.data, id: `ob-${o}`, title: `Objective ${o}`, order: o });
    for (let k = 0; k < 9; k++) {
      const kr = { ...krAdded.data, id: `kr-${o}-${k}`, objectiveId: `ob-${o}`, title: `Key result ${o}.${k}` };
      entry('keyResult.added', { ...kr, order: k });
    }
  }
  const big = await store.importSession(JSON.stringify({ ...exported, journal }));
  return { store, sessionId: big.id };
}

describe('<okr-snapshot>', () => {
  it('shows a loading state while the store reads, and is accessible', async () => {
    const { store } = await seed();
    store.getSession = () => new Promise(() => {});
    const el = await render(store);
    expect($(el, '[part=loading]').getAttribute('role')).to.equal('status');
    expect(text($(el, '[part=loading]'))).to.contain('Loading the weekly snapshot');
    await expect(el).to.be.accessible();
  });

  it('makes the formats of its rows while the store reads, not in their first render', async () => {
    const { store } = await seed();
    store.getSession = () => new Promise(() => {});
    // Counts the date formats made for a locale no other test of this page uses.
    const made: string[] = [];
    const DateTimeFormat = Intl.DateTimeFormat;
    Intl.DateTimeFormat = class extends DateTimeFormat {
      constructor(locale?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) {
        super(locale, options);
        if (locale === 'pt-BR') made.push(JSON.stringify(options));
      }
    } as typeof Intl.DateTimeFormat;
    try {
      const el = await fixture<OkrSnapshot>(
        html`<okr-snapshot .store=${store} locale="pt-BR" session-id="SE-01001"></okr-snapshot>`,
      );
      await waitUntil(() => made.length > 0, 'no format was made while loading');
      expect($(el, '[part=loading]')).to.exist;
      expect(made.some((options) => options.includes('"month":"short"'))).to.equal(true, made.join(' '));
    } finally {
      Intl.DateTimeFormat = DateTimeFormat;
    }
  });

  it('is busy while it derives the snapshot after a check-in, without rendering its rows again meanwhile', async () => {
    const { store, ids } = await seed();
    const el = await render(store);
    const base = $(el, '[part=base]');
    const busy: (string | null)[] = [];
    const observer = new MutationObserver(() => busy.push(base.getAttribute('aria-busy')));
    observer.observe(base, { attributes: true, attributeFilter: ['aria-busy'] });
    const rendered = el.render.bind(el);
    // Whether each render came while busy (the old snapshot again) or after (the new one).
    const renders: boolean[] = [];
    el.render = () => {
      renders.push(el.busy);
      return rendered();
    };
    await store.checkIn(ids.s, ids.k2, { value: 60 });
    await waitUntil(() => text(row(el, ids.k2).querySelector('.pct')) === '60%', 'the new value shown');
    await settle(el);
    observer.disconnect();
    expect(busy).to.deep.equal(['true', 'false']);
    expect(base.getAttribute('aria-busy')).to.equal('false');
    expect(renders.length).to.be.greaterThan(0);
    expect(
      renders.filter((whileBusy) => whileBusy),
      'renders while busy',
    ).to.have.length(0);
  });

  it('says what went wrong, fires okr-error, and recovers with Retry', async () => {
    const { store } = await seed();
    const getSession = store.getSession.bind(store);
    store.getSession = () => Promise.reject(new Error('the disk is full'));
    const el = await fixture<OkrSnapshot>(html`<okr-snapshot .store=${store}></okr-snapshot>`);
    const errors = record(el);
    el.sessionId = 'SE-01001';
    await settle(el);
    expect(text($(el, '[part=error]'))).to.contain('the disk is full');
    expect($(el, '[part=error]').getAttribute('role')).to.equal('alert');
    expect(errors.map((e) => e.type)).to.deep.equal(['okr-error']);
    await expect(el).to.be.accessible();
    store.getSession = getSession;
    $(el, '#retry').click();
    await settle(el);
    expect($$(el, '[part~=row]')).to.have.length(6);
  });

  it('loads once and without error when the host sets store and week after connecting', async () => {
    const { store, ids } = await seed();
    const el = document.createElement('okr-snapshot');
    const errors = record(el);
    el.sessionId = ids.s;
    el.people = PEOPLE;
    document.body.append(el);
    el.store = store;
    el.week = '2027-W02';
    await settle(el);
    await settle(el);
    el.remove();
    expect(errors.map((e) => (e as OkrErrorEvent).detail.message)).to.deep.equal([]);
    expect(text(el.shadowRoot?.querySelector('[part=header]'))).to.contain('Week 2');
  });

  it('asks for a session when it has none', async () => {
    const { store } = clockedStore();
    const el = await fixture<OkrSnapshot>(html`<okr-snapshot .store=${store}></okr-snapshot>`);
    await settle(el);
    expect(text($(el, '[part=empty]'))).to.contain('No session chosen');
    await expect(el).to.be.accessible();
  });

  it('shows the current week live: hierarchy, owners, summary and check-in actions; accessible', async () => {
    const { store, ids } = await seed();
    const el = await render(store);
    expect(el.week).to.equal(undefined);
    expect(text($(el, '[part=header]'))).to.contain('Week 3');
    expect(text($(el, '[part=header]'))).to.contain('Live');
    expect(root(el).querySelector('[part=read-only]')).to.equal(null);
    const rows = $$(el, '[part~=row]');
    expect(rows.map((r) => r.dataset.id)).to.deep.equal([ids.o1, ids.k1, ids.i1, ids.k2, ids.o2, ids.k3]);
    expect(rows.map((r) => r.querySelector('.item')?.getAttribute('style'))).to.deep.equal(
      ['0', '1', '2', '1', '0', '1'].map((d) => `--depth: ${d}`),
    );
    expect(text(row(el, ids.k1).querySelector('.owner'))).to.equal('ALAda Lovelace');
    expect(text(row(el, ids.k3).querySelector('.owner'))).to.equal('Unassigned');
    const table = $(el, '[role=table]');
    expect(table.getAttribute('aria-rowcount')).to.equal('7');
    expect(row(el, ids.k3).getAttribute('aria-rowindex')).to.equal('7');

    const summary = text($(el, '[part=summary]'));
    expect(summary).to.contain('Unassigned');
    expect(summary).to.contain('Moved up most');
    expect(summary).to.contain('NPS to 50');

    // An admin may check in on every key result of the current week.
    const checkIns = $$(el, '[part~=check-in-button]');
    expect(checkIns).to.have.length(3);
    await expect(el).to.be.accessible();

    const request = oneEvent(el, 'okr-check-in-request');
    (row(el, ids.k2).querySelector('[part~=check-in-button]') as HTMLElement).click();
    const event = (await request) as unknown as OkrCheckInRequestEvent;
    expect(event.keyResultId).to.equal(ids.k2);
    expect(event.sessionId).to.equal(ids.s);
    expect(event.cancelable).to.equal(true);
    expect(event.composed && event.bubbles).to.equal(true);
  });

  it('offers Check in only on key results the actor owns (member)', async () => {
    const { store, ids } = await seed();
    store.setActor({ id: 'cy', role: 'member' });
    const el = await render(store);
    const withAction = $$(el, '[part~=check-in-button]').map((b) => b.closest<HTMLElement>('[part~=row]')?.dataset.id);
    expect(withAction).to.deep.equal([ids.k2]);
  });

  it('shows a past week read-only, with the same numbers as the core snapshot; accessible', async () => {
    const { store, ids } = await seed();
    const el = await render(store, { week: '2027-W02' });
    expect(text($(el, '[part=read-only]'))).to.contain('Read-only: the week ended on Jan 17, 2027');
    expect(text($(el, '[part=header]'))).to.contain('Read-only');
    expect($$(el, '[part~=check-in-button]')).to.have.length(0);

    const core = (await store.snapshot(ids.s, '2027-W02')) as Snapshot;
    expect(core.available).to.equal(true);
    for (const r of core.rows) {
      const seen = shown(el, r);
      expect(seen.pct, r.title).to.equal(formatPercent(r.progress.clamped, 'en'));
      expect(seen.change, r.title).to.equal(expectedChange(r));
    }
    // K1 went from 20% to 50% in W02.
    expect(shown(el, core.rows[1] as SnapshotRow)).to.deep.equal({ pct: '50%', change: '30up 30 points' });
    await expect(el).to.be.accessible();
  });

  it('shows the latest check-in comment on demand', async () => {
    const { store, ids } = await seed();
    const el = await render(store, { week: '2027-W02' });
    const toggle = row(el, ids.k1).querySelector('.comment-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).querySelector('[part=comment]')).to.equal(null);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const comment = $(el, `#${toggle.getAttribute('aria-controls')}`);
    expect(text(comment)).to.contain('Halfway there');
    expect(text(comment)).to.contain('Ada Lovelace');
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part=comment]')).to.equal(null);
  });

  it('says why a week has no snapshot and offers the nearest week; accessible', async () => {
    const { store } = await seed();
    const el = await render(store, { week: '2026-W53' });
    expect(text($(el, '[part=unavailable]'))).to.contain(
      'This session did not exist yet in week 53 (Dec 28, 2026 – Jan 3, 2027).',
    );
    await expect(el).to.be.accessible();

    const events = record(el);
    $(el, '#nearest').click();
    await settle(el);
    expect(el.week).to.equal('2027-W01');
    expect(el.getAttribute('week')).to.equal('2027-W01');
    expect(events.map((e) => [e.type, (e as OkrWeekChangeEvent).week])).to.deep.equal([
      ['okr-week-change', '2027-W01'],
    ]);
    expect($$(el, '[part~=row]').length).to.be.greaterThan(0);

    el.week = '2027-W10';
    await settle(el);
    expect(text($(el, '[part=unavailable]'))).to.contain('This week has not happened yet');
    expect(text($(el, '#nearest'))).to.contain('Week 3');
    el.week = '2026-W50';
    await settle(el);
    expect(text($(el, '[part=unavailable]'))).to.contain('This week is outside the session: week 50');
    await expect(el).to.be.accessible();
    expect(events).to.have.length(1);
  });

  it('moves through weeks and months with the keyboard', async () => {
    const { store } = await seed();
    const el = await render(store);
    const events = record(el);
    const weeks = () => events.map((e) => (e as OkrWeekChangeEvent).week);

    $(el, '#previous-week').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.week).to.equal('2027-W02');
    expect(text($(el, '[part=header]'))).to.contain('Week 2');

    // The weeks of the month are one tab stop; arrows move, Enter chooses.
    $(el, '[part~=week-button-current]').focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect((deepActiveElement() as HTMLElement).dataset.week).to.equal('2027-W01');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.week).to.equal('2027-W01');

    $(el, '#next-week').focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.week).to.equal('2027-W02');

    // The month picker: February starts with week 5, which has not happened yet.
    $(el, '#month').focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(el.week).to.equal('2027-W05');
    expect(root(el).querySelector('[part=unavailable]')).to.not.equal(null);
    expect(weeks()).to.deep.equal(['2027-W02', '2027-W01', '2027-W02', '2027-W05']);
    expect((events.at(-1) as OkrWeekChangeEvent).previous).to.equal('2027-W02');

    // "This week" returns to the current week.
    $(el, '#this-week').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.week).to.equal('2027-W03');
  });

  it('offers the owners of the week as they change: the same after a check-in, a new owner once assigned', async () => {
    const { store, ids } = await seed();
    const el = await render(store);
    const owners = () => $$(el, '#owner option').map((o) => o.textContent?.trim());
    const before = ['All owners', 'Ada Lovelace', 'Bob Marley', 'Cy Twombly', 'Unassigned'];
    expect(owners()).to.deep.equal(before);
    await store.checkIn(ids.s, ids.k3, { value: 40 });
    await waitUntil(() => text(row(el, ids.k3).querySelector('.pct')) === '40%', 'the check-in shown');
    expect(owners()).to.deep.equal(before);
    await store.assignOwner(ids.s, 'keyResult', ids.k3, 'dee');
    await waitUntil(() => owners().includes('dee'), 'the new owner offered');
    expect(owners()).to.deep.equal([...before.slice(0, 4), 'dee', 'Unassigned']);
    el.people = { ...PEOPLE, dee: 'Aaron Dee' };
    await waitUntil(() => owners()[1] === 'Aaron Dee', 'the new name, in order');
  });

  it('filters by owner with the keyboard, keeping ancestors as dimmed context; accessible', async () => {
    const { store, ids } = await seed();
    const el = await render(store);
    const events = record(el);
    const options = $$(el, '#owner option').map((o) => o.textContent?.trim());
    expect(options).to.deep.equal(['All owners', 'Ada Lovelace', 'Bob Marley', 'Cy Twombly', 'Unassigned']);

    $(el, '#owner').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(el.owner).to.equal('bob');
    expect(events.map((e) => [e.type, (e as OkrOwnerFilterChangeEvent).owner])).to.deep.equal([
      ['okr-owner-filter-change', 'ada'],
      ['okr-owner-filter-change', 'bob'],
    ]);
    // Bob owns the initiative under Ada's key result, and the second objective.
    const rows = $$(el, '[part~=row]');
    expect(rows.map((r) => r.dataset.id)).to.deep.equal([ids.o1, ids.k1, ids.i1, ids.o2]);
    expect(row(el, ids.o1).getAttribute('part')).to.equal('row row-objective row-context');
    expect(row(el, ids.k1).getAttribute('part')).to.equal('row row-keyResult row-context');
    expect(row(el, ids.i1).getAttribute('part')).to.equal('row row-initiative');
    expect(row(el, ids.o2).getAttribute('part')).to.equal('row row-objective');
    expect(getComputedStyle(row(el, ids.k1).querySelector('.bar') as Element).opacity).to.equal('0.55');
    expect(text(row(el, ids.k1))).to.contain('(shown for context)');
    // Context rows do not count in the summary: nothing Bob owns is a key result.
    expect(text($(el, '.stat-on_track .stat-value'))).to.equal('0');
    expect($$(el, '[part~=check-in-button]')).to.have.length(0);
    await expect(el).to.be.accessible();

    el.owner = 'unassigned';
    await settle(el);
    expect($$(el, '[part~=row]').map((r) => r.dataset.id)).to.deep.equal([ids.o2, ids.k3]);
    expect(events).to.have.length(2);
  });

  it("shows the mean progress of the owner's own key results under an owner filter, not 0 %", async () => {
    const { store } = await seed();
    const el = await render(store, { owner: 'cy' });
    // Cy owns one key result (30 %) under Ada's objective, which is there for context only.
    expect(text($(el, '.stat-mean .stat-value'))).to.equal(formatPercent(0.3, 'en'));
    el.owner = 'all';
    await settle(el);
    const all = (await store.snapshot('SE-01001', '2027-W03')) as Snapshot;
    expect(text($(el, '.stat-mean .stat-value'))).to.equal(formatPercent(all.summary.progress, 'en'));
  });

  it('opens a session that has ended on its last week, and one that has not begun on its first', async () => {
    const { store, at } = await seed();
    await store.createSession({ title: 'Q2 2027', start: '2027-04-01', end: '2027-06-30' });
    const future = await render(store, { sessionId: 'SE-01002' });
    // Its first week, not the current week "outside the session", and why it is still empty.
    expect(text($(future, '.week-title'))).to.contain('Week 13');
    expect(text($(future, '[part~=week-button-current]'))).to.contain('W13');
    expect(text($(future, '[part=unavailable]'))).to.contain('This session starts on Apr 1, 2027.');
    at('2027-05-05T10:00:00Z');
    const ended = await render(store);
    expect(text($(ended, '.week-title'))).to.contain('Week 13');
    expect(text($(ended, '.week-title'))).to.contain('Read-only');
    expect($$(ended, '[part~=row]').length).to.be.greaterThan(0);
    expect(ended.week).to.equal(undefined);
  });

  it('mirrors the week chevrons and isolates titles in a right-to-left page', async () => {
    const { store } = await seed();
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"></div>`);
    const el = document.createElement('okr-snapshot');
    Object.assign(el, { store, people: PEOPLE, sessionId: 'SE-01001', locale: 'en' });
    wrapper.append(el);
    await settle(el);
    const chevron = $(el, '#previous-week .icon');
    expect(getComputedStyle(chevron).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    // Titles are <bdi>: a title in another script cannot reorder the numbers beside it.
    expect($$(el, '[part~=row] .title').every((t) => t.localName === 'bdi')).to.equal(true);
    expect(getComputedStyle($(el, '[part~=row] .title')).unicodeBidi).to.equal('isolate');
  });

  it('keeps the column headers over their columns, and scrolls inside itself on a narrow host', async () => {
    const { store } = await seed();
    for (const width of [360, 900, 1280]) {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px"></div>`);
      const el = document.createElement('okr-snapshot');
      Object.assign(el, { store, people: PEOPLE, sessionId: 'SE-01001', locale: 'en' });
      wrapper.append(el);
      await settle(el);
      const heads = $$(el, '[part~=header-row] [role=columnheader]').map((c) => c.getBoundingClientRect());
      const cells = [...($(el, '[part~=row]').children as HTMLCollectionOf<HTMLElement>)].map((c) =>
        c.getBoundingClientRect(),
      );
      expect(heads.map((h) => Math.round(h.left))).to.deep.equal(cells.map((c) => Math.round(c.left)));
      expect(heads.map((h) => Math.round(h.width))).to.deep.equal(cells.map((c) => Math.round(c.width)));
      expect(el.scrollWidth).to.be.at.most(width);
      const table = $(el, '[part=table]');
      expect(table.getBoundingClientRect().right).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
      if (width === 360) {
        // The first column stays in view as the table scrolls sideways.
        const item = $(el, '[part~=row] .item');
        const before = item.getBoundingClientRect().left;
        table.scrollLeft = 200;
        await new Promise((r) => requestAnimationFrame(r));
        expect(item.getBoundingClientRect().left).to.equal(before);
      }
    }
  });

  it('exports exactly the rows shown as CSV and JSON, interceptable through okr-export', async () => {
    const { store, ids } = await seed();
    const el = await render(store, { week: '2027-W02', owner: 'cy' });
    const rowIds = $$(el, '[part~=row]').map((r) => r.dataset.id);
    expect(rowIds).to.deep.equal([ids.o1, ids.k2]);

    setTimeout(() => $(el, '#export-csv').click());
    const event = (await oneEvent(el, 'okr-export')) as unknown as OkrExportEvent;
    event.preventDefault();
    expect(event.cancelable).to.equal(true);
    expect(event.detail.format).to.equal('csv');
    expect(event.detail.filename).to.equal('SE-01001-2027-W02-cy.csv');
    const lines = event.detail.content.trim().split('\r\n');
    expect(lines).to.have.length(3);
    expect(lines[0]).to.match(/^session,session_title,week,owner_filter/);
    // Every text cell is quoted (core's csvCell), so no separator inside one splits it.
    expect(lines.slice(1).map((l) => l.split(',')[7])).to.deep.equal(rowIds.map((id) => `"${id}"`));
    expect(lines[1]).to.contain('"SE-01001","Q1 2027","2027-W02","cy"');
    expect(lines[2]).to.contain('Cy Twombly');

    el.addEventListener('okr-export', (e) => e.preventDefault(), { once: true });
    setTimeout(() => $(el, '#export-json').click());
    const json = (await oneEvent(el, 'okr-export')) as unknown as OkrExportEvent;
    expect(json.detail.filename).to.equal('SE-01001-2027-W02-cy.json');
    const data = JSON.parse(json.detail.content) as Snapshot;
    expect(data.rows.map((r) => r.id)).to.deep.equal(rowIds);
    expect(data.owner).to.deep.equal({ ownerId: 'cy' });
  });

  it('fires no event when the host sets properties', async () => {
    const { store } = await seed();
    const el = await render(store);
    const events = record(el);
    el.week = '2027-W01';
    await settle(el);
    el.owner = 'ada';
    await settle(el);
    el.people = { ada: 'Ada L.' };
    el.locale = 'de-DE';
    el.strings = { checkIn: 'Einchecken' };
    await settle(el);
    el.week = '2026-W50';
    await settle(el);
    el.sessionId = 'SE-09999';
    await settle(el);
    // An unknown session is an error, reported through okr-error only.
    expect(events.map((e) => e.type)).to.deep.equal(['okr-error']);
  });

  it('updates the current week when someone checks in elsewhere', async () => {
    const { store, ids } = await seed();
    const el = await render(store);
    expect(text(row(el, ids.k2).querySelector('.pct'))).to.equal('30%');
    await store.checkIn(ids.s, ids.k2, { value: 80 });
    await settle(el);
    expect(text(row(el, ids.k2).querySelector('.pct'))).to.equal('80%');
    expect(text(row(el, ids.k2).querySelector('.change'))).to.contain('up 50 points');
  });

  it('draws a sparkline for key results in view, once the rows have been painted', async () => {
    const { store, ids } = await seed();
    const el = await render(store);
    expect(row(el, ids.k1), 'the row first').to.exist;
    await waitUntil(() => row(el, ids.k1).querySelector('[part=sparkline]'), 'the sparkline drawn', { timeout: 3000 });
    const spark = row(el, ids.k1).querySelector('[part=sparkline]');
    expect(spark?.getAttribute('aria-label')).to.equal('Trend: 20% to 70%');
    expect(spark?.querySelector('polyline')?.getAttribute('points')?.split(' ')).to.have.length(3);
  });

  it("waits for one paint before a session's first trends, however many updates come before", async () => {
    const { store, ids } = await seed();
    const frame = window.requestAnimationFrame;
    let frames = 0;
    window.requestAnimationFrame = (callback) => {
      frames++;
      return frame.call(window, callback);
    };
    try {
      const el = await render(store);
      // Updates before the first trends are read (a resize, the people) do not wait again.
      el.people = { ...PEOPLE };
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      await waitUntil(() => row(el, ids.k1).querySelector('[part=sparkline]'), 'the sparkline drawn', {
        timeout: 3000,
      });
    } finally {
      window.requestAnimationFrame = frame;
    }
    expect(frames).to.equal(1);
  });

  it('reads no trends for an element taken off the page before its rows were painted', async () => {
    const { store, ids } = await seed();
    const asked: string[] = [];
    const series = store.series.bind(store);
    store.series = (sessionId, itemId) => {
      asked.push(itemId);
      return series(sessionId, itemId);
    };
    // Frames held back, so that the rows are on the page but not painted yet when it goes.
    const frame = window.requestAnimationFrame;
    const held: FrameRequestCallback[] = [];
    window.requestAnimationFrame = (callback) => held.push(callback);
    let el: OkrSnapshot;
    try {
      el = await fixture<OkrSnapshot>(
        html`<okr-snapshot .store=${store} .people=${PEOPLE} locale="en" session-id=${ids.s}></okr-snapshot>`,
      );
      while (!el.shadowRoot?.querySelector(`[data-id="${ids.k1}"]`)) await new Promise((r) => setTimeout(r, 0));
      el.remove();
    } finally {
      window.requestAnimationFrame = frame;
    }
    const parent = document.createElement('div');
    document.body.append(parent);
    for (const callback of held) callback(performance.now());
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(asked).to.deep.equal([]);
    // Put back on a page, it reads them.
    parent.append(el);
    await waitUntil(() => row(el, ids.k1)?.querySelector('[part=sparkline]'), 'the sparkline drawn', { timeout: 3000 });
    expect(asked).to.include(ids.k1);
    parent.remove();
  });

  it('renders 10,000 rows by windowing, and scrolling shows later rows', async function () {
    this.timeout(20000);
    const { store, sessionId } = await bigSession();
    const el = await render(store, { sessionId });
    await settle(el);
    const table = $(el, '[role=table]');
    expect(table.getAttribute('aria-rowcount')).to.equal('10001');
    const rendered = $$(el, '[part~=row]');
    expect(rendered.length).to.be.lessThan(200);
    expect(rendered[0]?.dataset.id).to.equal('ob-0');

    table.scrollTop = 5000 * 48;
    // Dispatched by hand: a page in a background tab gets its scroll events late or not at all.
    table.dispatchEvent(new Event('scroll'));
    await settle(el);
    const later = $$(el, '[part~=row]');
    expect(later.length).to.be.lessThan(200);
    const indexes = later.map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(indexes).to.include(5002);
    expect(later.some((r) => r.dataset.id === 'ob-500')).to.equal(true);
    // The row at the top of the viewport is where it should be.
    const top = later.find((r) => r.getAttribute('aria-rowindex') === '5002') as HTMLElement;
    const offset = top.getBoundingClientRect().top - table.getBoundingClientRect().top;
    expect(offset).to.be.within(0, 48);
  });

  it('keeps the rows in view while scrolling, and renders again only when other rows come into view', async function () {
    this.timeout(20000);
    const { store, sessionId } = await bigSession();
    const el = await render(store, { sessionId });
    await settle(el);
    const table = $(el, '[role=table]');
    const fifth = row(el, 'kr-0-3');

    // A few pixels, within the same rows: nothing to render.
    table.scrollTop = Math.max(1, Math.floor((48 - (table.clientHeight % 48)) / 2));
    table.dispatchEvent(new Event('scroll'));
    expect(el.isUpdatePending).to.equal(false);

    // Ten rows down: the rows for the new position appear, and a row still in the window
    // is the same element (so focus inside it survives the scroll).
    table.scrollTop = 10 * 48;
    table.dispatchEvent(new Event('scroll'));
    expect(el.isUpdatePending).to.equal(true);
    await settle(el);
    const bottom = table.getBoundingClientRect().top + table.clientHeight - 1;
    const atBottom = $$(el, '[part~=row]').find((r) => {
      const box = r.getBoundingClientRect();
      return box.top <= bottom && box.bottom > bottom;
    });
    expect(Number(atBottom?.getAttribute('aria-rowindex'))).to.be.greaterThan(11);
    expect(row(el, 'kr-0-3')).to.equal(fifth);
  });
});
