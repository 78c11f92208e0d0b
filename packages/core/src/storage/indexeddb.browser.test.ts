import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { OkrError } from '../errors.js';
import type { JournalEntry } from '../journal.js';
import type { SessionHeader } from '../model.js';
import { createOkrStore } from '../store.js';
import { describeStorageContract, sampleHeader } from '../testing/index.js';
import type { StorageAdapter } from './adapter.js';
import { INDEXEDDB_V1_FIXTURE, writeIndexedDbV1Fixture } from './fixtures/indexeddb-v1.js';
import { INDEXEDDB_V2_FIXTURE, writeIndexedDbV2Fixture } from './fixtures/indexeddb-v2.js';
import { writeFixture } from './fixtures/write-fixture.js';
import { IndexedDbStorage, type IndexedDbStorageOptions, indexedDbStorage } from './indexeddb.js';
import { GROUP_SIZE, JOURNAL_PAGE_SIZE, SCHEMA_VERSION } from './indexeddb-schema.js';
import { requestPersistentStorage } from './persist.js';

let counter = 0;
/** A database nobody else uses: tests run in parallel tabs of one browser profile. */
function uniqueName(): string {
  counter += 1;
  return `okrkit-test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

function databaseNameOf(storage: StorageAdapter): string {
  if (!(storage instanceof IndexedDbStorage)) throw new Error('Expected an IndexedDbStorage.');
  return storage.databaseName;
}

describeStorageContract({
  name: 'indexeddb',
  open: () => indexedDbStorage({ name: uniqueName() }),
  connect: (first) => indexedDbStorage({ name: databaseNameOf(first) }),
  dispose: async (storage) => {
    await storage.close();
    await deleteDB(databaseNameOf(storage));
  },
  describe,
  it,
});

const ACTOR = 'ada';

function createdEntry(header = sampleHeader()): JournalEntry {
  const { title, start, end, timeZone, cadence, checkInCadence, access } = header;
  return {
    seq: 1,
    at: header.createdAt,
    actor: ACTOR,
    type: 'session.created',
    data: { title, start, end, timeZone, cadence, checkInCadence, access },
  };
}

function renamed(seq: number, title: string): JournalEntry {
  return {
    seq,
    at: `2026-11-02T10:00:${String(seq).padStart(2, '0')}.000Z`,
    actor: ACTOR,
    type: 'session.changed',
    data: { title },
  };
}

function started(seq: number): JournalEntry {
  return {
    seq,
    at: `2026-11-02T11:00:${String(seq).padStart(2, '0')}.000Z`,
    actor: ACTOR,
    type: 'session.transitioned',
    data: { transition: 'start', from: 'open', to: 'in_progress' },
  };
}

async function rejection(promise: Promise<unknown>): Promise<OkrError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OkrError) return error;
    throw new Error(`Expected an OkrError, got ${String(error)}`);
  }
  throw new Error('Expected a rejection, but it resolved.');
}

/** Opens a database at `version` with plain IndexedDB, as another tab or release would. */
function rawOpen(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase) => void = () => undefined,
): Promise<{ db: IDBDatabase; blocked: boolean }> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onblocked = () => {
      blocked = true;
    };
    request.onsuccess = () => resolve({ db: request.result, blocked });
    request.onerror = () => reject(request.error);
  });
}

/** How many entries each stored journal page of session `id` holds, page by page. */
async function pageLengths(name: string, id: string): Promise<number[]> {
  const { db } = await rawOpen(name, SCHEMA_VERSION);
  const pages = await new Promise<JournalEntry[][]>((resolve) => {
    const range = IDBKeyRange.bound([id, 0], [id, Number.POSITIVE_INFINITY]);
    const request = db.transaction('journalPages').objectStore('journalPages').getAll(range);
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  // A page of at most 32 entries, or a sealed group of exactly 512.
  expect(pages.every((page) => page.length <= JOURNAL_PAGE_SIZE || page.length === GROUP_SIZE)).to.equal(true);
  return pages.map((page) => page.length);
}

/** Replaces `target[key]` for one test; returns what puts the original back. */
function stub<T extends object, K extends keyof T>(
  target: T,
  key: K,
  replacement: (original: T[K]) => T[K],
): () => void {
  const original = target[key];
  target[key] = replacement(original);
  return () => {
    target[key] = original;
  };
}

describe('IndexedDbStorage', () => {
  let names: string[] = [];
  let open: StorageAdapter[] = [];
  let restores: (() => void)[] = [];

  /** A new adapter on database `name` (a new unique one by default), cleaned up after the test. */
  function adapter(name = uniqueName(), options: IndexedDbStorageOptions = {}): IndexedDbStorage {
    if (!names.includes(name)) names.push(name);
    const storage = indexedDbStorage({ ...options, name });
    open.push(storage);
    return storage;
  }

  async function createSession(storage: StorageAdapter): Promise<SessionHeader> {
    const header = sampleHeader();
    return storage.createSession(header, [createdEntry(header)]);
  }

  afterEach(async () => {
    for (const restore of restores) restore();
    for (const storage of open) await storage.close();
    for (const name of names) await deleteDB(name);
    names = [];
    open = [];
    restores = [];
  });

  it('lets exactly one of two connections win each head of one session; the loser gets conflict', async () => {
    const here = adapter();
    const there = adapter(here.databaseName);
    const s = await createSession(here);
    for (let head = 1; head <= 5; head += 1) {
      const results = await Promise.allSettled([
        here.append(s.id, head, [renamed(head + 1, `here ${head}`)], { ...s, title: `here ${head}`, head: head + 1 }),
        there.append(s.id, head, [renamed(head + 1, `there ${head}`)], {
          ...s,
          title: `there ${head}`,
          head: head + 1,
        }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter(
        (r) => r.status === 'rejected' && r.reason instanceof OkrError && r.reason.code === 'conflict',
      );
      expect([won.length, lost.length], `winners and conflicts at head ${head}`).to.deep.equal([1, 1]);
    }
    const journal = await there.readJournal(s.id);
    expect(journal.map((e) => e.seq)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    const last = journal[5];
    expect((await here.getSession(s.id))?.title).to.equal(last?.type === 'session.changed' ? last.data.title : '');
  });

  it('lets a stale store on another connection retry on fresh state: no update is lost', async () => {
    const admin = { id: ACTOR, role: 'admin' } as const;
    const clock = () => new Date('2026-11-20T10:00:00Z');
    const first = adapter();
    const one = createOkrStore({ storage: first, actor: admin, clock, timeZone: 'UTC' });
    const two = createOkrStore({ storage: adapter(first.databaseName), actor: admin, clock, timeZone: 'UTC' });
    const s = await one.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    await two.getSession(s.id);
    await Promise.all([
      one.updateSession(s.id, { title: 'Q1 2027 (company)' }),
      two.updateSession(s.id, { description: 'Grow revenue' }),
    ]);
    const header = await first.getSession(s.id);
    expect([header?.title, header?.description, header?.head]).to.deep.equal(['Q1 2027 (company)', 'Grow revenue', 3]);
    expect((await first.readJournal(s.id)).map((e) => e.type)).to.deep.equal([
      'session.created',
      'session.changed',
      'session.changed',
    ]);
  });

  it('keeps nothing of an append that fails midway (an entry that cannot be cloned)', async () => {
    const storage = adapter();
    const s = await createSession(storage);
    const poisoned = { ...renamed(3, 'B'), data: { title: 'B', oops: () => 'not JSON' } } as unknown as JournalEntry;
    const error = await rejection(
      storage.append(s.id, 1, [renamed(2, 'A'), poisoned, renamed(4, 'C')], { ...s, title: 'C', head: 4 }),
    );
    expect(error.code).to.equal('storage');
    expect(error.cause).to.be.instanceOf(DOMException);
    expect((error.cause as DOMException).name).to.equal('DataCloneError');
    expect((await storage.readJournal(s.id)).map((e) => e.seq)).to.deep.equal([1]);
    expect(await storage.getSession(s.id)).to.deep.equal(s);
    // Seq 2 is still free: the aborted transaction left no trace.
    await storage.append(s.id, 1, [renamed(2, 'A')], { ...s, title: 'A', head: 2 });
    expect((await storage.getSession(s.id))?.head).to.equal(2);
  });

  it('refuses a header that belongs to another session, writing nothing', async () => {
    const storage = adapter();
    const first = await createSession(storage);
    const second = await createSession(storage);
    const error = await rejection(storage.append(first.id, 1, [renamed(2, 'A')], { ...second, title: 'A', head: 2 }));
    expect(error.code).to.equal('invalid-input');
    expect(await storage.listSessions()).to.deep.equal([first, second]);
    expect((await storage.readJournal(first.id)).map((e) => e.seq)).to.deep.equal([1]);
  });

  it('reports a quota error as storage, with its cause, and keeps the stored data', async () => {
    const storage = adapter();
    const s = await createSession(storage);
    let calls = 0;
    restores.push(
      stub(
        IDBObjectStore.prototype,
        'put',
        (original) =>
          function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
            calls += 1;
            if (calls === 1) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return original.apply(this, args);
          },
      ),
    );
    const error = await rejection(
      storage.append(s.id, 1, [renamed(2, 'A'), renamed(3, 'B')], { ...s, title: 'B', head: 3 }),
    );
    expect(error.code).to.equal('storage');
    expect((error.cause as DOMException).name).to.equal('QuotaExceededError');
    expect(error.message).to.contain('QuotaExceededError');
    expect((await storage.readJournal(s.id)).map((e) => e.seq)).to.deep.equal([1]);
    expect(await storage.getSession(s.id)).to.deep.equal(s);
  });

  it('uses strict durability for the upgrade, creates and every append (check-ins too), default for checkpoints', async () => {
    const seen: (string | undefined)[] = [];
    restores.push(
      stub(
        IDBDatabase.prototype,
        'transaction',
        (original) =>
          function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
            if (args[1] === 'readwrite') seen.push(args[2]?.durability);
            return original.apply(this, args);
          },
      ),
    );
    const storage = adapter();
    const s = await createSession(storage);
    await storage.append(s.id, 1, [renamed(2, 'A')], { ...s, head: 2 });
    await storage.append(s.id, 2, [started(3)], { ...s, state: 'in_progress', head: 3 });
    await storage.writeCheckpoint(s.id, '2027-W01', { rows: [] });
    // The first is the strict write that seals the new database's schema.
    expect(seen).to.deep.equal(['strict', 'strict', 'strict', 'strict', 'default']);
  });

  const FIXTURES = [
    {
      version: 1,
      write: writeIndexedDbV1Fixture,
      sessions: INDEXEDDB_V1_FIXTURE.sessions,
      journalOf: (id: string) => INDEXEDDB_V1_FIXTURE.journal.filter((r) => r.key[0] === id).map((r) => r.value),
    },
    {
      version: 2,
      write: writeIndexedDbV2Fixture,
      sessions: INDEXEDDB_V2_FIXTURE.sessions,
      journalOf: (id: string) =>
        INDEXEDDB_V2_FIXTURE.journalPages.filter((r) => r.key[0] === id).flatMap((r) => r.value),
    },
  ];
  for (const fixture of FIXTURES) {
    it(`opens a database written by schema version ${fixture.version} and reads back every record`, async () => {
      const name = uniqueName();
      names.push(name);
      await fixture.write(name);
      const storage = adapter(name);
      expect(await storage.listSessions()).to.deep.equal(fixture.sessions);
      for (const header of fixture.sessions) {
        expect(await storage.getSession(header.id)).to.deep.equal(header);
        expect(await storage.readJournal(header.id)).to.deep.equal(fixture.journalOf(header.id));
      }
      for (const { key, value } of INDEXEDDB_V1_FIXTURE.checkpoints) {
        expect(await storage.readCheckpoint(key[0], key[1])).to.deep.equal(value);
      }
      // The stored counter goes on: the next session is 1003, not 1001 again.
      expect((await createSession(storage)).id).to.equal('SE-01003');
      // And the migrated journal takes new entries.
      const first = fixture.sessions[0];
      await storage.append(first.id, 3, [renamed(4, 'Q1')], { ...first, title: 'Q1', head: 4 } as SessionHeader);
      expect((await storage.readJournal(first.id, 3)).map((e) => e.seq)).to.deep.equal([4]);
      expect((await storage.readJournal(first.id)).map((e) => e.seq)).to.deep.equal([1, 2, 3, 4]);
    });
  }

  it('moves a long version 1 journal into pages: every entry, in order, and appends go on', async () => {
    const name = uniqueName();
    names.push(name);
    const header = { ...sampleHeader(), id: 'SE-01001', number: 1001, head: 70 };
    const journal = [createdEntry(), ...Array.from({ length: 69 }, (_, i) => renamed(i + 2, `T${i + 2}`))];
    await writeFixture(name, 1, [header], {
      journal: [
        ...journal.map((entry) => ({ key: [header.id, entry.seq], value: entry })),
        // Another session's journal sorts after this one's and must stay apart.
        { key: ['SE-01002', 1], value: { ...createdEntry(), actor: 'bob' } },
      ],
      checkpoints: [],
      meta: [{ key: 'nextNumber', value: 1003 }],
    });
    const storage = adapter(name);
    expect(await storage.readJournal(header.id)).to.deep.equal(journal);
    expect((await storage.readJournal('SE-01002')).map((e) => e.actor)).to.deep.equal(['bob']);
    expect(await pageLengths(name, header.id)).to.deep.equal([32, 32, 6]);
    await storage.append(header.id, 70, [renamed(71, 'T71')], { ...header, head: 71 });
    expect((await storage.readJournal(header.id, 69)).map((e) => e.seq)).to.deep.equal([70, 71]);
  });

  it('keeps the journal in pages of 32 that appends of any size top up', async () => {
    const storage = adapter();
    const s = await createSession(storage);
    let head = 1;
    for (const size of [1, 30, 1, 33, 64, 2]) {
      const batch = Array.from({ length: size }, (_, i) => renamed(head + 1 + i, `T${head + 1 + i}`));
      await storage.append(s.id, head, batch, { ...s, head: head + size });
      head += size;
    }
    expect(head).to.equal(132);
    expect(await pageLengths(storage.databaseName, s.id)).to.deep.equal([32, 32, 32, 32, 4]);
    expect((await storage.readJournal(s.id)).map((e) => e.seq)).to.deep.equal(
      Array.from({ length: head }, (_, i) => i + 1),
    );
    expect((await storage.readJournal(s.id, 64)).map((e) => e.seq)[0]).to.equal(65);
  });

  /** Every `readJournal(id, after)` gives exactly the entries after `after`, for `after` around every page and group edge. */
  async function readsFromEverywhere(storage: StorageAdapter, id: string, head: number) {
    const all = Array.from({ length: head }, (_, i) => i + 1);
    expect((await storage.readJournal(id)).map((e) => e.seq)).to.deep.equal(all);
    for (const after of [1, 31, 32, 33, 300, 511, 512, 513, 600, 1023, 1024, 1025, head - 1, head]) {
      if (after > head) continue;
      expect(
        (await storage.readJournal(id, after)).map((e) => e.seq),
        `after ${after}`,
      ).to.deep.equal(all.filter((seq) => seq > after));
    }
  }

  it('seals sixteen full pages into one record, whatever the sizes of the appends that fill them', async () => {
    const storage = adapter();
    const s = await createSession(storage);
    let head = 1;
    for (const size of [1, 30, 500, 1, 100, 400, 67, 1]) {
      const batch = Array.from({ length: size }, (_, i) => renamed(head + 1 + i, `T${head + 1 + i}`));
      await storage.append(s.id, head, batch, { ...s, head: head + size });
      head += size;
      // After each append: every entry once, in order, from wherever it is read.
      await readsFromEverywhere(storage, s.id, head);
    }
    expect(head).to.equal(1101);
    expect(await pageLengths(storage.databaseName, s.id)).to.deep.equal([512, 512, 32, 32, 13]);
  });

  it('writes a long new session as sealed groups, then pages of 32', async () => {
    const storage = adapter();
    const header = sampleHeader();
    const entries = [createdEntry(header), ...Array.from({ length: 1099 }, (_, i) => renamed(i + 2, `T${i + 2}`))];
    const s = await storage.createSession(header, entries);
    expect(await pageLengths(storage.databaseName, s.id)).to.deep.equal([512, 512, 32, 32, 12]);
    await readsFromEverywhere(storage, s.id, 1100);
  });

  it('reads a version 2 journal of 600 entries in pages of 32, and seals its groups as appends fill them', async () => {
    const name = uniqueName();
    names.push(name);
    const header = { ...sampleHeader(), id: 'SE-01001', number: 1001, head: 600 };
    const journal = [createdEntry(), ...Array.from({ length: 599 }, (_, i) => renamed(i + 2, `T${i + 2}`))];
    const journalPages = [];
    for (let i = 0; i < journal.length; i += JOURNAL_PAGE_SIZE) {
      journalPages.push({ key: [header.id, i / JOURNAL_PAGE_SIZE], value: journal.slice(i, i + JOURNAL_PAGE_SIZE) });
    }
    await writeFixture(name, 2, [header], {
      journalPages,
      checkpoints: [],
      meta: [{ key: 'nextNumber', value: 1002 }],
    });
    const storage = adapter(name);
    await readsFromEverywhere(storage, header.id, 600);
    const more = Array.from({ length: 430 }, (_, i) => renamed(601 + i, `T${601 + i}`));
    await storage.append(header.id, 600, more, { ...header, head: 1030 });
    // The first group stays as it was written (sixteen pages); the second, filled now, is sealed.
    expect(await pageLengths(name, header.id)).to.deep.equal([...Array(16).fill(32), 512, 6]);
    await readsFromEverywhere(storage, header.id, 1030);
  });

  it('refuses to append after a last page that is not what the head says, writing nothing', async () => {
    const storage = adapter();
    const s = await createSession(storage);
    await storage.append(s.id, 1, [renamed(2, 'A')], { ...s, title: 'A', head: 2 });
    await storage.close();
    // Damage the store behind the adapter's back: the short last page loses an entry.
    const raw = await rawOpen(storage.databaseName, SCHEMA_VERSION);
    await new Promise((resolve) => {
      const tx = raw.db.transaction('journalPages', 'readwrite');
      tx.objectStore('journalPages').put([createdEntry()], [s.id, 0]);
      tx.oncomplete = resolve;
    });
    raw.db.close();
    const again = adapter(storage.databaseName);
    const error = await rejection(again.append(s.id, 2, [renamed(3, 'B')], { ...s, title: 'B', head: 3 }));
    expect(error.code).to.equal('storage');
    expect(error.message).to.match(/incomplete/);
    expect((await again.getSession(s.id))?.title).to.equal('A');
    expect((await again.readJournal(s.id)).map((e) => e.seq)).to.deep.equal([1]);
  });

  it('refuses a database of a newer schema with a storage error, and deletes nothing', async () => {
    const name = uniqueName();
    names.push(name);
    const future = await rawOpen(name, SCHEMA_VERSION + 1, (db) =>
      db.createObjectStore('future').put('kept', 'record'),
    );
    future.db.close();
    const error = await rejection(adapter(name).listSessions());
    expect(error.code).to.equal('storage');
    expect(error.message).to.match(/newer version of okrkit/);
    expect((error.cause as DOMException).name).to.equal('VersionError');
    const again = await rawOpen(name, SCHEMA_VERSION + 1);
    const kept = await new Promise((resolve) => {
      const request = again.db.transaction('future').objectStore('future').get('record');
      request.onsuccess = () => resolve(request.result);
    });
    again.db.close();
    expect([again.db.version, kept]).to.deep.equal([SCHEMA_VERSION + 1, 'kept']);
  });

  it('rejects with a storage error, instead of hanging, when an old tab blocks the upgrade; works once it lets go', async () => {
    const name = uniqueName();
    names.push(name);
    await writeIndexedDbV1Fixture(name);
    // An old tab that never closes on versionchange (a release without the handler).
    const old = await rawOpen(name, 1);
    const storage = adapter(name, { blockedTimeoutMs: 150 });
    // It rejects at all (the test would time out on a hang): no clock is asserted.
    const error = await rejection(storage.listSessions());
    expect(error.code).to.equal('storage');
    expect(error.message).to.match(/another tab or window .* older version of okrkit. Close or reload the other tabs/);
    old.db.close();
    expect(await storage.listSessions()).to.deep.equal(INDEXEDDB_V1_FIXTURE.sessions);
  });

  it('tells its watchers about sessions that moved while it missed the notices (back-forward cache, frozen tab)', async () => {
    const storage = adapter();
    const s = await createSession(storage);
    const seen: { sessionId: string; head: number }[] = [];
    storage.watch((change) => seen.push(change));
    await storage.listSessions();
    // Another tab wrote while this page was frozen: the header moved, and no message came.
    const { db } = await rawOpen(storage.databaseName, SCHEMA_VERSION);
    await new Promise<void>((resolve) => {
      const tx = db.transaction('sessions', 'readwrite');
      tx.objectStore('sessions').put({ ...s, title: 'moved', head: 2 });
      tx.oncomplete = () => resolve();
    });
    db.close();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).to.deep.equal([]);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    const until = performance.now() + 2000;
    while (seen.length === 0 && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).to.deep.equal([{ sessionId: s.id, head: 2 }]);
    // Nothing moved since: waking again tells nothing.
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.length).to.equal(1);
  });

  it('closes itself when another tab opens a newer schema, without blocking it, and says to reload', async () => {
    const reasons: OkrError[] = [];
    const storage = adapter(uniqueName(), { onClosed: (reason) => reasons.push(reason) });
    const s = await createSession(storage);
    const newer = await rawOpen(storage.databaseName, 99);
    newer.db.close();
    expect(newer.blocked, 'the newer tab was blocked').to.equal(false);
    expect(reasons.map((r) => r.code)).to.deep.equal(['storage']);
    expect(reasons[0]?.message).to.match(/newer version of okrkit \(schema 99\).*Reload/);
    const later = await rejection(storage.getSession(s.id));
    expect(later).to.equal(reasons[0]);
  });

  describe('a connection the browser closes', () => {
    /** Records the open requests the adapter makes, to reach its connections. */
    function spyOnOpens(): IDBOpenDBRequest[] {
      const requests: IDBOpenDBRequest[] = [];
      restores.push(
        stub(
          IDBFactory.prototype,
          'open',
          (original) =>
            function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
              const request = original.apply(this, args);
              requests.push(request);
              return request;
            },
        ),
      );
      return requests;
    }

    it('is reopened after its close event, and the data is all there', async () => {
      const opens = spyOnOpens();
      const storage = adapter();
      const s = await createSession(storage);
      const connection = opens[0]?.result;
      connection?.close();
      // What the browser fires when it closes a connection itself (storage cleared, disk error).
      connection?.dispatchEvent(new Event('close'));
      expect(await storage.getSession(s.id)).to.deep.equal(s);
      expect(opens.length).to.equal(2);
    });

    it('is reopened once when found closed (InvalidStateError), and the call succeeds', async () => {
      const opens = spyOnOpens();
      const storage = adapter();
      const s = await createSession(storage);
      opens[0]?.result.close();
      await storage.append(s.id, 1, [renamed(2, 'A')], { ...s, title: 'A', head: 2 });
      expect((await storage.getSession(s.id))?.title).to.equal('A');
      expect(opens.length).to.equal(2);
    });

    it('gives up with a storage error when the reopened connection fails too', async () => {
      const opens = spyOnOpens();
      const storage = adapter();
      await createSession(storage);
      restores.push(
        stub(IDBDatabase.prototype, 'transaction', () => () => {
          throw new DOMException('The database connection is closing.', 'InvalidStateError');
        }),
      );
      const error = await rejection(storage.listSessions());
      expect(error.code).to.equal('storage');
      expect(error.message).to.match(/connection .* was lost/);
      expect((error.cause as DOMException).name).to.equal('InvalidStateError');
      expect(opens.length).to.equal(2);
    });
  });

  it('rejects every call after close() with a storage error', async () => {
    const storage = adapter();
    await storage.listSessions();
    await storage.close();
    expect((await rejection(storage.listSessions())).code).to.equal('storage');
  });

  it('asks for persistent storage and says whether it was granted', async () => {
    expect(await requestPersistentStorage()).to.be.a('boolean');
  });
});
