import type { StorageAdapter } from '../storage/adapter.js';

/** A write held on its way to storage: `reached` once it arrived, `release()` lets it through. */
export interface HeldWrite {
  readonly reached: Promise<void>;
  release(): void;
}

/** A storage that can hold its next write: forces an interleaving in a race test, without timers. */
export interface PausingStorage extends StorageAdapter {
  /** Holds the next call of `method` (once it arrived, nothing of it has reached storage) until released. */
  hold(method: 'append' | 'createSession'): HeldWrite;
}

/**
 * Wraps `inner` so that a test can stop one store's write between its plan and its write
 * (`hold`), let another store run whole, then let the first through: the interleaving
 * that a race needs, made deterministic. Everything else goes straight to `inner`.
 */
export function pausingStorage(inner: StorageAdapter): PausingStorage {
  const held = new Map<string, { arrived: () => void; gate: Promise<void> }>();
  const pass = async (method: string): Promise<void> => {
    const hold = held.get(method);
    if (!hold) return;
    held.delete(method);
    hold.arrived();
    await hold.gate;
  };
  const storage: PausingStorage = {
    name: inner.name,
    ...(inner.groupsCommands ? { groupsCommands: true } : {}),
    listSessions: () => inner.listSessions(),
    getSession: (id) => inner.getSession(id),
    readJournal: (id, afterSeq) => inner.readJournal(id, afterSeq),
    linksVersion: () => inner.linksVersion(),
    async createSession(header, entries, links, cause) {
      await pass('createSession');
      return inner.createSession(header, entries, links, cause);
    },
    async append(id, expectedHead, entries, header, links, cause) {
      await pass('append');
      return inner.append(id, expectedHead, entries, header, links, cause);
    },
    readCheckpoint: (id, key) => inner.readCheckpoint(id, key),
    writeCheckpoint: (id, key, value) => inner.writeCheckpoint(id, key, value),
    watch: (listener) => inner.watch(listener),
    close: () => inner.close(),
    hold(method) {
      let arrived = () => {};
      let release = () => {};
      const reached = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      held.set(method, { arrived, gate });
      return { reached, release };
    },
  };
  const exclusive = inner.exclusive?.bind(inner);
  if (exclusive) storage.exclusive = (id, work) => exclusive(id, work);
  return storage;
}
