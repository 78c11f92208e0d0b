import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { settle } from '../../test/helpers.js';
import { $$, makeOkrStore, plannedSession } from '../../test/okr-helpers.js';
import type { OkrList } from './okr-list.js';
import './okr-list.js';

const LONG = 'Internationalisation'.repeat(6); // 120 characters, no space to break at
const NAMES = { ada: 'Ada Lovelace', max: 'Dana Kowalski-Wiśniewska', kim: 'Kim Lee' };

/** The list in a container `width` px wide: planned, or in progress with a check-in and an initiative. */
async function inContainer(width: number, started: boolean): Promise<{ el: OkrList; box: HTMLElement }> {
  const store = await plannedSession(makeOkrStore());
  await store.addKeyResult('SE-01001', {
    objectiveId: 'ob1',
    title: LONG,
    kind: 'increase',
    start: 0,
    target: 1200,
    unit: 'k€',
    ownerId: 'max',
  });
  await store.updateObjective('SE-01001', 'ob2', { title: LONG, description: LONG });
  if (started) {
    await store.startSession('SE-01001');
    await store.checkIn('SE-01001', 'kr1', { value: 300, status: 'at_risk' });
    await store.addInitiative('SE-01001', {
      title: LONG,
      keyResultIds: ['kr1', 'kr4'],
      link: 'https://example.com',
      ownerId: 'max',
    });
  }
  const box = await fixture<HTMLElement>(html`<div style="inline-size: ${width}px">
    <okr-list .store=${store} .people=${NAMES} session-id="SE-01001"></okr-list>
  </div>`);
  const el = box.querySelector('okr-list') as OkrList;
  await settle(el);
  return { el, box };
}

/** Everything in the list that sticks out of its container, as `tag.class right`. */
function outside(el: OkrList, box: HTMLElement): string[] {
  const limit = box.getBoundingClientRect();
  return [...(el.shadowRoot?.querySelectorAll('*') ?? [])]
    .filter((node) => {
      const r = node.getBoundingClientRect();
      return r.width > 0 && (r.right > limit.right + 0.5 || r.left < limit.left - 0.5);
    })
    .map(
      (node) =>
        `${node.tagName.toLowerCase()}.${node.getAttribute('class') ?? ''} ${Math.round(node.getBoundingClientRect().right)}`,
    );
}

describe('<okr-list> in narrow containers', () => {
  // Wide enough for the widest container, so that only the list could overflow the page.
  before(() => setViewport({ width: 1280, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const started of [false, true]) {
    for (const width of [320, 390, 900]) {
      it(`overflows no ${width} px container ${started ? 'in progress' : 'while planning'}, long titles and names included`, async () => {
        const { el, box } = await inContainer(width, started);
        expect(outside(el, box)).to.deep.equal([]);
        const base = el.shadowRoot?.querySelector('[part~=base]') as HTMLElement;
        expect(base.scrollWidth).to.be.at.most(base.clientWidth);
        expect(el.scrollWidth).to.be.at.most(width);
        expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
        // Titles wrap by words and never run into the progress bar below or beside them.
        for (const row of $$(el, '.key-result')) {
          const title = row.querySelector('.kr-title')?.getBoundingClientRect();
          const bar = row.querySelector('[role=progressbar]')?.getBoundingClientRect();
          if (!title || !bar) throw new Error('a key result without title or progress');
          const apart = title.bottom <= bar.top + 0.5 || title.right <= bar.left + 0.5 || title.left >= bar.right - 0.5;
          expect(apart, `${row.id}: title and progress overlap`).to.equal(true);
        }
        await expect(el).to.be.accessible();
      });
    }
  }

  it('shows owner names whole in their selects', async () => {
    const { el } = await inContainer(390, true);
    const selects = $$(el, 'select.owner-select') as HTMLSelectElement[];
    expect(selects.length).to.be.above(3);
    for (const select of selects) {
      const name = select.selectedOptions[0]?.textContent ?? '';
      // The width the name needs in the select's own font, beside the select's width.
      const probe = document.createElement('span');
      probe.textContent = name;
      probe.style.font = getComputedStyle(select).font;
      probe.style.position = 'absolute';
      probe.style.whiteSpace = 'nowrap';
      document.body.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      expect(select.clientWidth, `${select.dataset.owner}: ${name}`).to.be.above(needed + 16);
    }
  });

  it('draws its buttons with SVG icons named for assistive technology, not emoji', async () => {
    const { el } = await inContainer(900, false);
    const iconButtons = $$(el, '.remove, .edit, .initiative-edit');
    expect(iconButtons.length).to.be.above(5);
    for (const button of iconButtons) {
      expect(button.querySelector('svg[aria-hidden=true]'), button.outerHTML).to.not.equal(null);
      expect(button.getAttribute('aria-label')).to.match(/^(Remove|Edit|Rename)/);
    }
    expect(el.shadowRoot?.textContent ?? '').to.not.match(/[🗑✎✕]/u);
  });
});
