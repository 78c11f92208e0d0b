// The demo's sample data is recorded as if it had happened: no entry is stamped later than
// the moment the demo seeds it, so "Changed Dec 3" never shows on Dec 2 and the visitor's
// own first check-in is stamped now, not days ahead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOkrStore, memoryStorage, type StorageAdapter } from '@okrkit/core';
import { importLargeOrganisation } from './large-org.js';
import { seedSampleData } from './sample-data.js';

/** Every journal entry in `storage` stamped after `now`, as `session seq type at`. */
async function entriesAfter(storage: StorageAdapter, now: Date): Promise<string[]> {
  const late: string[] = [];
  for (const header of await storage.listSessions()) {
    for (const entry of await storage.readJournal(header.id)) {
      if (Date.parse(entry.at) > now.getTime()) late.push(`${header.id} #${entry.seq} ${entry.type} ${entry.at}`);
    }
  }
  return late;
}

// A quarter's first morning (before anyone's check-in hour, three days after the last quarter
// ended), a Monday before work, a Thursday morning and a Sunday night.
const MOMENTS = ['2026-10-01T06:30:00Z', '2026-11-30T07:00:00Z', '2026-12-03T10:15:00Z', '2026-12-06T23:50:00Z'];

describe('demo sample data', () => {
  for (const moment of MOMENTS) {
    it(`is never stamped after the moment it is seeded (${moment})`, async () => {
      const now = new Date(moment);
      const storage = memoryStorage();
      assert.equal(await seedSampleData(storage, now), true);
      const sessions = await storage.listSessions();
      assert.ok(sessions.length >= 4, 'a year and its quarters are seeded');
      const checkIns = (await Promise.all(sessions.map((s) => storage.readJournal(s.id))))
        .flat()
        .filter((e) => e.type === 'checkIn.added');
      assert.ok(checkIns.length > 100, `${checkIns.length} check-ins are seeded`);
      assert.deepEqual(await entriesAfter(storage, now), []);
    });
  }

  it('lets the visitor’s own first check-in be stamped now', async () => {
    const now = new Date('2026-12-02T08:00:00Z');
    const storage = memoryStorage();
    await seedSampleData(storage, now);
    const store = createOkrStore({ storage, actor: { id: 'u-ada', role: 'admin' }, clock: () => now });
    const session = (await store.listSessions()).find((s) => s.state === 'in_progress' && s.cadence === 'quarter');
    assert.ok(session, 'a quarter is in progress');
    const kr = [...(await store.getSession(session.id)).keyResults.values()][0];
    assert.ok(kr, 'the quarter has a key result');
    const checkIn = await store.checkIn(session.id, kr.id, { value: 1, status: 'on_track' });
    assert.equal(checkIn.at, now.toISOString());
  });

  for (const moment of MOMENTS) {
    it(`imports the large organisation with nothing after ${moment}`, async () => {
      const now = new Date(moment);
      const storage = memoryStorage();
      const store = createOkrStore({ storage, actor: { id: 'u-ada', role: 'admin' }, clock: () => now });
      const session = await importLargeOrganisation(store, 5, 12, now);
      const journal = await storage.readJournal(session.id);
      assert.ok(journal.filter((e) => e.type === 'checkIn.added').length > 100);
      assert.deepEqual(await entriesAfter(storage, now), []);
    });
  }
});
