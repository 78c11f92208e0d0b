import { createOkrStore, memoryStorage } from '@okrkit/core';
import { expect, fixture, html } from '@open-wc/testing';
import type { OkrSessions } from './okr-sessions.js';
import './okr-sessions.js';

function rows(el: OkrSessions): string[][] {
  return [...(el.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
  );
}

async function settle(el: OkrSessions): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
}

describe('<okr-sessions>', () => {
  it('lists the sessions of the store it is given, and is accessible', async () => {
    const store = createOkrStore({ storage: memoryStorage(), actor: { id: 'ada', role: 'admin' }, timeZone: 'UTC' });
    await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    const el = await fixture<OkrSessions>(html`<okr-sessions .store=${store}></okr-sessions>`);
    await settle(el);
    expect(rows(el)).to.deep.equal([['SE-01001', 'Q1 2027', 'open']]);
    await expect(el).to.be.accessible();
  });

  it('shows a session created after it rendered', async () => {
    const store = createOkrStore({ storage: memoryStorage(), actor: { id: 'ada', role: 'admin' }, timeZone: 'UTC' });
    const el = await fixture<OkrSessions>(html`<okr-sessions .store=${store}></okr-sessions>`);
    await settle(el);
    expect(rows(el)).to.deep.equal([]);
    await store.createSession({ title: 'FY2027', start: '2027-01-01', end: '2027-12-31' });
    await settle(el);
    expect(rows(el).map((r) => r[1])).to.deep.equal(['FY2027']);
  });
});
