import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onFirstUse } from './command-table.js';
import type { Command } from './command-types.js';
import { isOkrError } from './errors.js';
import { createOkrStore } from './store.js';

const admin = { id: 'ada', role: 'admin' } as const;

describe('the command table, loaded on first use', () => {
  it('runs the commands asked for before it was loaded, in the order they were asked', async () => {
    // A new process (each test file runs in its own): nothing has loaded the table yet.
    const store = createOkrStore({ actor: admin, clock: () => new Date('2026-04-01T09:00:00Z') });
    const created = store.createSession({ title: 'Q2 2026', start: '2026-04-01', end: '2026-06-30', timeZone: 'UTC' });
    const session = await created;
    const titles = ['First', 'Second', 'Third', 'Fourth'];
    const added = await Promise.all(titles.map((title) => store.addObjective(session.id, { title })));
    assert.deepEqual(
      added.map((o) => o.title),
      titles,
    );
    const journal = await store.journal(session.id);
    assert.deepEqual(
      journal.filter((e) => e.type === 'objective.added').map((e) => (e.data as { title: string }).title),
      titles,
      'appended in the order asked',
    );
    const unknown: unknown = { type: 'objective.fly', sessionId: session.id, args: {} };
    await assert.rejects(store.execute(unknown as Command), (error) => isOkrError(error, 'invalid-input'));
  });

  it('answers a load that fails with a storage error, and loads again on the next use', async () => {
    let calls = 0;
    const load = onFirstUse(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { table: 'loaded' };
    }, 'load the commands');
    const [a, b] = await Promise.allSettled([load(), load()]);
    assert.equal(calls, 1, 'one load for both callers');
    for (const settled of [a, b]) {
      assert.equal(settled.status, 'rejected');
      const error = (settled as PromiseRejectedResult).reason;
      assert.ok(isOkrError(error, 'storage'));
      assert.match(error.message, /Could not load the commands: TypeError: Failed to fetch/);
    }
    assert.deepEqual(await load(), { table: 'loaded' });
    assert.deepEqual(await load(), { table: 'loaded' });
    assert.equal(calls, 2, 'loaded once more, then kept');
  });
});
