import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IndexedDbStorage, indexedDbStorage, isOkrError, requestPersistentStorage } from '../index.js';

// Core runs in Node too: importing the IndexedDB adapter must touch no browser global,
// and using it where there is no IndexedDB must fail with a storage error that says so.
describe('IndexedDbStorage outside a browser', () => {
  it('can be imported and constructed, and rejects calls with a storage error', async () => {
    const storage = indexedDbStorage();
    assert.ok(storage instanceof IndexedDbStorage);
    assert.equal(storage.databaseName, 'okrkit');
    const stop = storage.watch(() => undefined);
    await assert.rejects(
      storage.listSessions(),
      (error) => isOkrError(error, 'storage') && /IndexedDB is not available/.test(error.message),
    );
    stop();
    await storage.close();
  });

  it('reports persistent storage as not granted where the Storage API is missing', async () => {
    assert.equal(await requestPersistentStorage(), false);
  });
});
