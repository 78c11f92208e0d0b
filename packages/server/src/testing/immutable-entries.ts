import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOkrError } from '@okrkit/core';
import { sampleHeader } from '@okrkit/core/testing';
import type { Database } from '../database.js';
import { postgresStorage } from '../postgres-storage.js';
import { createdEntry, renamedEntry } from './entries.js';
import { freshTenant } from './test-database.js';

/** The journal is append-only in the database itself, whoever connects to it. Run per engine. */
export function describeImmutableEntries(engine: string, database: Database): void {
  describe(`journal entries are immutable in the database itself (${engine})`, () => {
    it('refuses UPDATE, DELETE and TRUNCATE of entries, even by hand, and the journal stays as written', async () => {
      const tenant = freshTenant();
      const storage = postgresStorage({ database, tenant });
      const header = sampleHeader();
      const s = await storage.createSession(header, [createdEntry(header)]);
      await storage.append(s.id, 1, [renamedEntry(2, 'A')], { ...s, title: 'A', head: 2 });
      const before = await storage.readJournal(s.id);
      const tries = [
        ['UPDATE okrkit_entries SET data = \'{"title":"forged"}\' WHERE tenant = $1', [tenant]],
        ['DELETE FROM okrkit_entries WHERE tenant = $1 AND seq = 2', [tenant]],
        ['TRUNCATE okrkit_entries CASCADE', []],
      ] as const;
      for (const [sql, params] of tries) {
        await assert.rejects(database.query(sql, params), (error: unknown) => {
          assert.ok(isOkrError(error, 'storage'), String(error));
          assert.match(error.message, /immutable/);
          return true;
        });
      }
      assert.deepEqual(await storage.readJournal(s.id), before);
      await storage.close();
    });
  });
}
