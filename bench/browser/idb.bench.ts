// IndexedDB in Chromium: okrkit's adapter against Dexie storing the same records (pages of
// 32 entries, sixteen full ones sealed into one record of 512) and against Dexie storing one record per entry, each with the same guarantees (one transaction per batch that checks the journal head, appends the
// entries and replaces the header), then loading a session back to a live state. Batches
// of 100 stand for imports and sync; one entry at a time is a person using the app.
import { indexedDbStorage, type JournalEntry, type Session } from '@okrkit/core';
import { headerOf, replay } from '@okrkit/core/internals';
// The ES module build: the package's import wrapper re-exports a UMD file that unbundled browsers cannot import.
import Dexie, { type Table } from 'dexie/dist/dexie.mjs';
import { enterprise, scaled } from '../generate.js';
import { middleOf, type Row } from '../measure.js';

class PeerDb extends Dexie {
  sessions!: Table<{ id: string; head: number; header: unknown }, string>;
  journal!: Table<JournalEntry & { sessionId: string }, [string, number]>;
  /** The same records as okrkit's adapter: pages of 32 entries under [session, page], full groups of 16 sealed as one. */
  pages!: Table<{ sessionId: string; page: number; entries: JournalEntry[] }, [string, number]>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ sessions: 'id', journal: '[sessionId+seq]', pages: '[sessionId+page]' });
  }
}

const PAGE = 32;
const GROUP = 512;
const groupOf = (page: number) => page - (page % (GROUP / PAGE));

function batches(journal: readonly JournalEntry[], size: number): JournalEntry[][] {
  const out: JournalEntry[][] = [];
  for (let i = 1; i < journal.length; i += size) out.push(journal.slice(i, i + size));
  return out;
}

async function okrkitRound(journal: readonly JournalEntry[], name: string, batchSize: number) {
  await deleteDb(name);
  const storage = indexedDbStorage({ name });
  const first = replay({ id: '', number: 0 }, journal.slice(0, 1)) as Session;
  const { id: _i, number: _n, ...header } = headerOf(first);
  const t0 = performance.now();
  const created = await storage.createSession(header, journal.slice(0, 1));
  let state = replay(created, journal.slice(0, 1)) as Session;
  for (const batch of batches(journal, batchSize)) {
    const next = replay(created, batch, state) as Session;
    await storage.append(created.id, state.head, batch, headerOf(next));
    state = next;
  }
  const append = performance.now() - t0;
  await storage.close();
  const reader = indexedDbStorage({ name });
  const load = await loads(async () => {
    const entries = await reader.readJournal(created.id);
    const live = replay(created, entries);
    if (live?.head !== journal.length) throw new Error('okrkit lost entries');
  });
  await reader.close();
  return { append, load };
}

async function dexieRound(journal: readonly JournalEntry[], name: string, batchSize: number) {
  await deleteDb(name);
  const db = new PeerDb(name);
  const id = 'SE-01001';
  const t0 = performance.now();
  let state = replay({ id, number: 1001 }, journal.slice(0, 1)) as Session;
  await db.transaction('rw', db.sessions, db.journal, async () => {
    await db.sessions.add({ id, head: 1, header: headerOf(state) });
    await db.journal.add({ ...(journal[0] as JournalEntry), sessionId: id });
  });
  for (const batch of batches(journal, batchSize)) {
    const next = replay({ id, number: 1001 }, batch, state) as Session;
    const expected = state.head;
    await db.transaction('rw', db.sessions, db.journal, async () => {
      const current = await db.sessions.get(id);
      if (current?.head !== expected) throw new Error('conflict');
      await db.journal.bulkAdd(batch.map((e) => ({ ...e, sessionId: id })));
      await db.sessions.put({ id, head: next.head, header: headerOf(next) });
    });
    state = next;
  }
  const append = performance.now() - t0;
  db.close();
  const reader = new PeerDb(name);
  const load = await loads(async () => {
    const rows = await reader.journal
      .where('[sessionId+seq]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey])
      .toArray();
    const live = replay(
      { id, number: 1001 },
      rows.map(({ sessionId: _s, ...e }) => e as JournalEntry),
    );
    if (live?.head !== journal.length) throw new Error('Dexie lost entries');
  });
  reader.close();
  return { append, load };
}

/**
 * Dexie storing what okrkit stores: pages of 32 entries, the last one topped up in the
 * append's transaction, and sixteen full pages sealed into one record by the append that fills them.
 */
async function dexiePagedRound(journal: readonly JournalEntry[], name: string, batchSize: number) {
  await deleteDb(name);
  const db = new PeerDb(name);
  const id = 'SE-01001';
  const pageOf = (seq: number) => Math.floor((seq - 1) / PAGE);
  const write = async (expected: number, batch: readonly JournalEntry[], header: unknown, head: number) => {
    await db.transaction('rw', db.sessions, db.pages, async () => {
      const current = await db.sessions.get(id);
      if ((current?.head ?? 0) !== expected) throw new Error('conflict');
      const page = pageOf(expected + 1);
      const sealing =
        expected % GROUP !== 0 && Math.floor(expected / GROUP) < Math.floor((expected + batch.length) / GROUP);
      const first = sealing ? groupOf(page) : page;
      const kept =
        expected - first * PAGE > 0
          ? await db.pages.where('[sessionId+page]').between([id, first], [id, page], true, true).toArray()
          : [];
      const all = [...kept.flatMap((p) => p.entries), ...batch];
      const pages = [];
      for (let i = 0, at = first; i < all.length; ) {
        const size = groupOf(at) === at && all.length - i >= GROUP ? GROUP : PAGE;
        pages.push({ sessionId: id, page: at, entries: all.slice(i, i + size) });
        i += size;
        at += size / PAGE;
      }
      const written = new Set(pages.map((p) => p.page));
      await db.pages.bulkPut(pages);
      await db.pages.bulkDelete(kept.filter((p) => !written.has(p.page)).map((p) => [id, p.page] as [string, number]));
      await db.sessions.put({ id, head, header });
    });
  };
  const t0 = performance.now();
  let state = replay({ id, number: 1001 }, journal.slice(0, 1)) as Session;
  await write(0, journal.slice(0, 1), headerOf(state), 1);
  for (const batch of batches(journal, batchSize)) {
    const next = replay({ id, number: 1001 }, batch, state) as Session;
    await write(state.head, batch, headerOf(next), next.head);
    state = next;
  }
  const append = performance.now() - t0;
  db.close();
  const reader = new PeerDb(name);
  const load = await loads(async () => {
    const pages = await reader.pages
      .where('[sessionId+page]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey])
      .toArray();
    const live = replay(
      { id, number: 1001 },
      pages.flatMap((p) => p.entries),
    );
    if (live?.head !== journal.length) throw new Error('Dexie (pages) lost entries');
  });
  reader.close();
  return { append, load };
}

/** Loading changes nothing stored, so each round loads three times: the median of those. */
async function loads(load: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await load();
    times.push(performance.now() - t0);
  }
  return middleOf(times);
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

async function scenario(
  label: string,
  journal: readonly JournalEntry[],
  runs: number,
  batchSize: number,
): Promise<Row[]> {
  const ours: { append: number; load: number }[] = [];
  const peers: { append: number; load: number }[] = [];
  const paged: { append: number; load: number }[] = [];
  await okrkitRound(journal, 'bench-warmup-okrkit', batchSize);
  await dexieRound(journal, 'bench-warmup-dexie', batchSize);
  await dexiePagedRound(journal, 'bench-warmup-dexie-pages', batchSize);
  for (let i = 0; i < runs; i++) {
    ours.push(await okrkitRound(journal, `bench-okrkit-${label}-${i}`, batchSize));
    peers.push(await dexieRound(journal, `bench-dexie-${label}-${i}`, batchSize));
    paged.push(await dexiePagedRound(journal, `bench-dexie-pages-${label}-${i}`, batchSize));
  }
  const rows: Row[] = [];
  const entries = `${journal.length.toLocaleString('en')} entries`;
  const how = batchSize === 1 ? 'one at a time' : `batches of ${batchSize}`;
  for (const [peerName, side] of [
    ['Dexie, the same pages (32 entries, full groups of 16 as one record)', paged],
    ['Dexie, one record per entry', peers],
  ] as const) {
    rows.push({
      group: 'other',
      scenario: `IndexedDB: append the journal (${label})`,
      size: `${entries}, ${how}`,
      okrkit: middleOf(ours.map((r) => r.append)),
      peer: middleOf(side.map((r) => r.append)),
      peerName,
    });
    if (batchSize > 1)
      rows.push({
        group: 'cold',
        scenario: `IndexedDB: load the session back to a live state (${label})`,
        size: entries,
        okrkit: middleOf(ours.map((r) => r.load)),
        peer: middleOf(side.map((r) => r.load)),
        peerName,
        note: peerName.includes('pages')
          ? 'same records: the ratio is okrkit against Dexie, not page size'
          : 'the ratio mostly measures page size',
      });
  }
  return rows;
}

const small = enterprise(scaled(0.1)).journal;
const results = [
  ...(await scenario('0.1x', small, 5, 100)),
  ...(await scenario('0.1x', small.slice(0, 2001), 3, 1)),
  ...(await scenario('1x', enterprise(scaled(1)).journal, 1, 100)),
];
(globalThis as { benchResult?: unknown }).benchResult = results;
