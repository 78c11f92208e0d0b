import type { IDBPObjectStore } from 'idb';
import type { JournalEntry } from '../journal.js';
import {
  GROUP_SIZE,
  groupOf,
  JOURNAL_PAGE_SIZE,
  type OkrDatabase,
  type OkrStoreName,
  pageOf,
} from './indexeddb-schema.js';

/**
 * The journal's layout in `journalPages` (see the schema): pages of 32 entries, sixteen
 * full ones from a group's first page sealed into one record of 512. What to read before
 * an append, what to write for it, and how the records read back become entries.
 */

type PageStore = IDBPObjectStore<OkrDatabase, OkrStoreName[], 'journalPages', 'readwrite'>;

/**
 * What an append of `count` entries after `head` must read first, in its transaction: the
 * `short` entries kept from page `from` to page `page` (the last page, if it has room; or,
 * when the append fills the group that page is in, the whole group so far, to seal it).
 */
export function keptBefore(head: number, count: number): { from: number; page: number; short: number } {
  const page = pageOf(head + 1);
  const sealing = head % GROUP_SIZE !== 0 && Math.floor(head / GROUP_SIZE) < Math.floor((head + count) / GROUP_SIZE);
  const from = sealing ? groupOf(page) : page;
  return { from, page, short: head - from * JOURNAL_PAGE_SIZE };
}

/**
 * The entries after `afterSeq` from the records read from its page on, and `sealed`, the
 * record under its group's first page: used when it is a whole group (sealed groups never
 * change, and a page of 32 is never that long).
 */
export function entriesAfter(
  sealed: readonly JournalEntry[] | undefined,
  pages: readonly JournalEntry[][],
  afterSeq: number,
): JournalEntry[] {
  const entries = sealed?.length === GROUP_SIZE ? [sealed, ...pages].flat() : pages.flat();
  // The first page (or group) may begin before `afterSeq`.
  let skip = 0;
  while (skip < entries.length && (entries[skip] as JournalEntry).seq <= afterSeq) skip++;
  return skip === 0 ? entries : entries.slice(skip);
}

/**
 * The writes that store `entries` from page `first` on, after the `last` entries already
 * kept from that page on, in the `records` pages `first`, `first + 1`, ...: a full group
 * from a group's first page is one record, the rest are pages of 32. A kept page is
 * replaced (`put`), or deleted when a sealed group now holds its entries; every other
 * page is new (`add`, which refuses to overwrite).
 */
export function pageWrites(
  pages: PageStore,
  id: string,
  first: number,
  last: readonly JournalEntry[],
  records: number,
  entries: readonly JournalEntry[],
): (() => Promise<unknown>)[] {
  const all = last.length === 0 ? entries : [...last, ...entries];
  const writes: (() => Promise<unknown>)[] = [];
  const written = new Set<number>();
  let page = first;
  for (let i = 0; i < all.length; ) {
    const size = groupOf(page) === page && all.length - i >= GROUP_SIZE ? GROUP_SIZE : JOURNAL_PAGE_SIZE;
    const key: [string, number] = [id, page];
    const record = all.slice(i, i + size);
    writes.push(page < first + records ? () => pages.put(record, key) : () => pages.add(record, key));
    written.add(page);
    i += size;
    page += size / JOURNAL_PAGE_SIZE;
  }
  // A kept page whose entries a sealed group now holds.
  for (let kept = first; kept < first + records; kept++) {
    if (!written.has(kept)) writes.push(() => pages.delete([id, kept]));
  }
  return writes;
}
