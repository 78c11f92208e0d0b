import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { createOkrStore, memoryStorage } from '@okrkit/core';
import { html, type TemplateResult } from 'lit';
import { defaultStore } from './default-store.js';
import './index.js';
import './locales/de.js';

/** What a page served with this HTML shows before any script runs: the text, without styles and Lit's markers. */
function visibleText(markup: string): string {
  return markup
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

async function serverRender(template: TemplateResult): Promise<string> {
  return collectResult(render(template));
}

const store = createOkrStore({ storage: memoryStorage(), actor: { id: 'ada', role: 'admin' } });

// Server rendering in Node with @lit-labs/ssr: each element renders into a declarative shadow root,
// so that a page shows its first state before the scripts load.
const ELEMENTS: [string, TemplateResult][] = [
  ['okr-sessions', html`<okr-sessions></okr-sessions>`],
  ['okr-snapshot', html`<okr-snapshot session-id="SE-01001" week="2027-W05" .store=${store}></okr-snapshot>`],
  ['okr-list', html`<okr-list session-id="SE-01001" .store=${store}></okr-list>`],
  ['okr-tree', html`<okr-tree .store=${store}></okr-tree>`],
  ['okr-check-in', html`<okr-check-in .store=${store}></okr-check-in>`],
  ['okr-session-drawer', html`<okr-session-drawer .store=${store}></okr-session-drawer>`],
  ['okr-provider', html`<okr-provider .store=${store}><p>Inside the provider</p></okr-provider>`],
];

describe('server rendering (@lit-labs/ssr)', () => {
  for (const [tag, template] of ELEMENTS) {
    it(`renders <${tag}> into a declarative shadow root`, async () => {
      const markup = await serverRender(template);
      assert.match(markup, new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open">`));
    });
  }

  it('shows each element’s loading state as text, and the provider’s light DOM', async () => {
    assert.match(visibleText(await serverRender(ELEMENTS[0]?.[1] ?? html``)), /Add session Loading sessions…/);
    assert.match(visibleText(await serverRender(ELEMENTS[1]?.[1] ?? html``)), /Loading the weekly snapshot…/);
    assert.match(visibleText(await serverRender(ELEMENTS[2]?.[1] ?? html``)), /Loading objectives…/);
    assert.match(visibleText(await serverRender(ELEMENTS[6]?.[1] ?? html``)), /Inside the provider/);
  });

  it('takes <okr-snapshot>’s locale from its own lang attribute on the server', async () => {
    // The browser looks up the nearest [lang]; the server has no tree, so it must not throw and must use the attribute.
    const markup = await serverRender(
      html`<okr-snapshot lang="de" session-id="SE-01001" .store=${store}></okr-snapshot>`,
    );
    assert.match(markup, /<okr-snapshot[^>]*lang="de"/);
  });

  it('renders German on the server for an element with lang="de" (or locale="de")', async () => {
    assert.match(
      visibleText(await serverRender(html`<okr-sessions lang="de"></okr-sessions>`)),
      /Sessions werden geladen…/,
    );
    assert.match(
      visibleText(await serverRender(html`<okr-list locale="de-AT" .store=${store}></okr-list>`)),
      /Wählen Sie eine Session|Ziele werden geladen…/,
    );
  });

  it('gives elements without a store an empty in-memory store on the server, not IndexedDB', async () => {
    assert.equal(typeof globalThis.indexedDB, 'undefined');
    // An IndexedDB store cannot open here: it would reject. The server's default lists nothing, and accepts nothing for the visitor.
    assert.deepEqual(await defaultStore().listSessions({ includeArchived: true }), []);
  });
});
