import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { storageError } from '../errors.js';
import type { JournalEntry } from '../journal.js';
import type { SessionHeader } from '../model.js';
import { type ConfirmedSession, newClientId, type PendingMutation, type SyncCache } from './sync-cache.js';

interface SyncDatabase extends DBSchema {
  /** `client`: the client id and the next mutation id, shared by the tabs. */
  meta: { key: string; value: { clientId: string; next: number } };
  sessions: { key: string; value: SessionHeader };
  /** The confirmed journal as it arrived, one record per pull answer: [sessionId, first seq] -> entries. */
  chunks: { key: [string, number]; value: JournalEntry[] };
  outbox: { key: number; value: PendingMutation };
}

const VERSION = 1;
const CLIENT = 'client';

export interface IndexedDbSyncCacheOptions {
  /** The IndexedDB database; one per server and person. Default `okrkit-sync`. */
  readonly name?: string;
}

/**
 * The sync store's cache in IndexedDB, shared by the tabs of a browser profile: the
 * confirmed sessions (a record per pull answer, so a first load of a large session is
 * a handful of records) and the outbox (each command written with strict durability
 * before it shows, with a mutation id counted in the same transaction).
 */
export function indexedDbSyncCache(options: IndexedDbSyncCacheOptions = {}): SyncCache {
  const name = options.name ?? 'okrkit-sync';
  let opening: Promise<IDBPDatabase<SyncDatabase>> | undefined;
  const db = () => {
    opening ??= openDB<SyncDatabase>(name, VERSION, {
      upgrade(database) {
        database.createObjectStore('meta');
        database.createObjectStore('sessions', { keyPath: 'id' });
        database.createObjectStore('chunks');
        database.createObjectStore('outbox', { keyPath: 'mutationId' });
      },
      blocking() {
        void opening?.then((open) => open.close());
      },
    });
    return opening;
  };
  const run = async <T>(doing: string, work: (database: IDBPDatabase<SyncDatabase>) => Promise<T>): Promise<T> => {
    try {
      return await work(await db());
    } catch (error) {
      throw storageError(error, doing);
    }
  };
  const chunksOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Number.POSITIVE_INFINITY]);

  return {
    shared: name,
    load: () =>
      run('read the sync cache', async (database) => {
        const tx = database.transaction(['meta', 'sessions', 'chunks', 'outbox'], 'readwrite');
        let meta = await tx.objectStore('meta').get(CLIENT);
        if (!meta) {
          meta = { clientId: newClientId(), next: 1 };
          await tx.objectStore('meta').put(meta, CLIENT);
        }
        const [headers, keys, chunks, outbox] = await Promise.all([
          tx.objectStore('sessions').getAll(),
          tx.objectStore('chunks').getAllKeys(),
          tx.objectStore('chunks').getAll(),
          tx.objectStore('outbox').getAll(),
        ]);
        await tx.done;
        const entries = new Map<string, JournalEntry[]>();
        keys.forEach(([id], i) => {
          const list = entries.get(id) ?? [];
          list.push(...(chunks[i] ?? []));
          entries.set(id, list);
        });
        const sessions = headers.map((header) => ({ header, entries: entries.get(header.id) ?? [] }));
        return { clientId: meta.clientId, sessions, outbox };
      }),

    enqueue: (mutation) =>
      run('queue the change', async (database) => {
        const tx = database.transaction(['meta', 'outbox'], 'readwrite', { durability: 'strict' });
        const meta = (await tx.objectStore('meta').get(CLIENT)) ?? { clientId: newClientId(), next: 1 };
        const kept: PendingMutation = { ...mutation, mutationId: meta.next };
        await Promise.all([
          tx.objectStore('meta').put({ ...meta, next: meta.next + 1 }, CLIENT),
          tx.objectStore('outbox').add(kept),
        ]);
        await tx.done;
        return kept;
      }),

    updateMutations: (mutations) =>
      run('update the outbox', async (database) => {
        if (mutations.length === 0) return;
        const tx = database.transaction('outbox', 'readwrite', { durability: 'strict' });
        await Promise.all(mutations.map((m) => tx.store.put(m)));
        await tx.done;
      }),

    removeMutations: (ids) =>
      run('update the outbox', async (database) => {
        if (ids.length === 0) return;
        const tx = database.transaction('outbox', 'readwrite', { durability: 'strict' });
        await Promise.all(ids.map((id) => tx.store.delete(id)));
        await tx.done;
      }),

    saveConfirmed: (changes: readonly ConfirmedSession[], removed: readonly string[]) =>
      run('keep what the server sent', async (database) => {
        const tx = database.transaction(['sessions', 'chunks'], 'readwrite');
        const sessions = tx.objectStore('sessions');
        const chunks = tx.objectStore('chunks');
        const writes: Promise<unknown>[] = [];
        for (const { header, entries } of changes) {
          writes.push(sessions.put(header));
          const first = entries[0];
          if (first) writes.push(chunks.put([...entries], [header.id, first.seq]));
        }
        for (const id of removed) writes.push(sessions.delete(id), chunks.delete(chunksOf(id)));
        await Promise.all(writes);
        await tx.done;
      }),

    reload: (ids) =>
      run('read the sync cache', async (database) => {
        const tx = database.transaction(['sessions', 'chunks', 'outbox'], 'readonly');
        // Every request is made before the first await: the transaction must not go idle in between.
        const reads = ids.map((id) =>
          Promise.all([tx.objectStore('sessions').get(id), tx.objectStore('chunks').getAll(chunksOf(id))]),
        );
        const [read, outbox] = await Promise.all([Promise.all(reads), tx.objectStore('outbox').getAll()]);
        await tx.done;
        const sessions = read.flatMap(([header, chunks]) => (header ? [{ header, entries: chunks.flat() }] : []));
        return { sessions, outbox };
      }),

    async close() {
      const open = await opening?.catch(() => undefined);
      open?.close();
      opening = undefined;
    },
  };
}
