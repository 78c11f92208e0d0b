import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { makeStore, settle } from '../test/helpers.js';
import './index.js';

const LIGHT_TEXT = 'rgb(31, 35, 40)';
const DARK_TEXT = 'rgb(230, 237, 243)';
const TAGS = ['okr-sessions', 'okr-snapshot', 'okr-tree', 'okr-list'] as const;

/** The text colour an element's wrapper resolved to (its `base` part). */
function textColour(host: Element): string {
  const base = host.shadowRoot?.querySelector('[part~=base]');
  if (!base) throw new Error(`${host.localName} has no base part`);
  return getComputedStyle(base).color;
}

async function mount(tag: (typeof TAGS)[number], style = ''): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${style}></div>`);
  const el = document.createElement(tag);
  Object.assign(el, { store: makeStore() });
  wrapper.append(el);
  await settle(el as unknown as Parameters<typeof settle>[0]);
  return el;
}

describe('the shared theme', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const tag of TAGS) {
    it(`<${tag}> follows the page's color-scheme, not the OS, and takes an explicit --okr-color-scheme`, async () => {
      await emulateMedia({ colorScheme: 'dark' });
      // A light page (the default color-scheme) stays light on a dark OS: titles keep their contrast.
      expect(textColour(await mount(tag))).to.equal(LIGHT_TEXT);
      // A dark page gets the dark look, on a light OS too.
      await emulateMedia({ colorScheme: 'light' });
      expect(textColour(await mount(tag, 'color-scheme: dark'))).to.equal(DARK_TEXT);
      // A page that offers both follows the OS, like its own form controls.
      await emulateMedia({ colorScheme: 'dark' });
      expect(textColour(await mount(tag, 'color-scheme: light dark'))).to.equal(DARK_TEXT);
      // An explicit choice wins over the page.
      expect(textColour(await mount(tag, 'color-scheme: dark; --okr-color-scheme: light'))).to.equal(LIGHT_TEXT);
    });

    it(`<${tag} hidden> displays nothing`, async () => {
      const el = await mount(tag);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
      el.hidden = true;
      expect(getComputedStyle(el).display).to.equal('none');
      expect(el.getBoundingClientRect().height).to.equal(0);
    });
  }

  it('<okr-provider hidden> hides what it provides to', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><okr-provider .store=${makeStore()}><okr-sessions></okr-sessions></okr-provider></div>`,
    );
    const provider = wrapper.querySelector('okr-provider') as HTMLElement;
    const sessions = wrapper.querySelector('okr-sessions') as HTMLElement;
    await settle(sessions as unknown as Parameters<typeof settle>[0]);
    expect(sessions.getBoundingClientRect().height).to.be.greaterThan(0);
    provider.hidden = true;
    expect(sessions.getBoundingClientRect().height).to.equal(0);
  });

  it('is axe-clean in dark as in light', async () => {
    for (const tag of ['okr-sessions', 'okr-snapshot', 'okr-tree'] as const) {
      const el = await mount(tag, 'color-scheme: dark; background: #0d1117');
      await expect(el).to.be.accessible();
    }
  });
});
