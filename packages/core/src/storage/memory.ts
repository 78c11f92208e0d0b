import { OkrError } from '../errors.js';
import type { JournalEntry } from '../journal.js';
import { FIRST_SESSION_NUMBER, type SessionHeader, sessionIdOf } from '../model.js';
import {
  appended,
  checkFollows,
  linksConflict,
  type NewSessionHeader,
  type StorageAdapter,
  type StorageChange,
} from './adapter.js';

interface StoredSession {
  header: SessionHeader;
  journal: JournalEntry[];
  checkpoints: Map<string, unknown>;
}

/**
 * The reference adapter: everything in memory, nothing survives a reload. Several
 * stores sharing one instance behave like several tabs sharing one database. Records
 * are copied in as JSON so that callers can never mutate what is stored. Journal entries
 * are immutable, so they come out as they are stored, deeply frozen (a fresh store's first
 * read of a large session was mostly copying them), and so do checkpoints (a finished
 * week's rows never change either); headers come out as copies.
 */
export class MemoryStorage implements StorageAdapter {
  readonly name = 'memory';
  readonly #sessions = new Map<string, StoredSession>();
  readonly #listeners = new Set<(change: StorageChange) => void>();
  #nextNumber = FIRST_SESSION_NUMBER;
  #links = 0;
  #closed = false;
  /** One copy of each string entries repeat (see `#frozen`). */
  readonly #strings = new Map<string, string>();

  async listSessions(): Promise<SessionHeader[]> {
    this.#check();
    return [...this.#sessions.values()].map((s) => copyOut(s.header)).sort((a, b) => a.number - b.number);
  }

  async getSession(id: string): Promise<SessionHeader | undefined> {
    this.#check();
    const stored = this.#sessions.get(id);
    return stored && copyOut(stored.header);
  }

  async readJournal(id: string, afterSeq = 0): Promise<JournalEntry[]> {
    this.#check();
    const journal = this.#sessions.get(id)?.journal ?? [];
    // seq n sits at index n - 1.
    return journal.slice(Math.max(0, afterSeq));
  }

  async createSession(
    header: NewSessionHeader,
    entries: readonly JournalEntry[],
    links?: number,
  ): Promise<SessionHeader> {
    this.#check();
    checkFollows('a new session', 0, entries);
    this.#swapLinks(links);
    const number = this.#nextNumber++;
    const id = sessionIdOf(number);
    const stored: SessionHeader = { ...copy(header), id, number };
    const journal = entries.map((entry) => this.#frozen(entry));
    this.#sessions.set(id, { header: stored, journal, checkpoints: new Map() });
    this.#emit(appended(id, stored.head, journal));
    return copyOut(stored);
  }

  async append(
    id: string,
    expectedHead: number,
    entries: readonly JournalEntry[],
    header: SessionHeader,
    links?: number,
  ): Promise<void> {
    this.#check();
    if (header?.id !== id) {
      // A header is stored under its own id by other adapters: a mismatch would overwrite another session.
      throw new OkrError(
        'invalid-input',
        `The header of session ${String(header?.id)} cannot be saved as session ${id}.`,
      );
    }
    checkFollows(id, expectedHead, entries);
    const stored = this.#sessions.get(id);
    if (!stored) throw new OkrError('not-found', `Session ${id} does not exist.`);
    if (stored.header.head !== expectedHead) {
      throw new OkrError(
        'conflict',
        `Session ${id} was changed elsewhere (now at entry ${stored.header.head}, expected ${expectedHead}).`,
      );
    }
    this.#swapLinks(links);
    const added = entries.map((entry) => this.#frozen(entry));
    for (const entry of added) stored.journal.push(entry);
    stored.header = copy(header);
    this.#emit(appended(id, header.head, added));
  }

  async linksVersion(): Promise<number> {
    this.#check();
    return this.#links;
  }

  async readCheckpoint(id: string, key: string): Promise<unknown> {
    this.#check();
    // Stored frozen (below): handed out as it is, like the journal's entries. Copying a
    // finished week's rows on every read cost more than deriving them.
    return this.#sessions.get(id)?.checkpoints.get(key);
  }

  async writeCheckpoint(id: string, key: string, value: unknown): Promise<void> {
    this.#check();
    this.#sessions.get(id)?.checkpoints.set(key, deepFreeze(copy(value)));
  }

  watch(listener: (change: StorageChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
  }

  /**
   * An entry as it is stored: a JSON copy, its repeated strings (the entry's type, its
   * actor, the ids and codes it refers to) shared with the entries stored before, then
   * frozen all the way down. A JSON copy makes every string anew: sharing them saved 8 MB
   * of a 59 MB journal of 230,000 entries (its types alone; longer ids save more).
   */
  #frozen(entry: JournalEntry): JournalEntry {
    const e = copy(entry) as { type: string; actor?: unknown; data: Record<string, unknown> };
    e.type = this.#shared(e.type);
    if (typeof e.actor === 'string') e.actor = this.#shared(e.actor);
    for (const key of SHARED_FIELDS) {
      const value = e.data[key];
      if (typeof value === 'string') e.data[key] = this.#shared(value);
    }
    return deepFreeze(e as JournalEntry);
  }

  #shared(text: string): string {
    const known = this.#strings.get(text);
    if (known !== undefined) return known;
    this.#strings.set(text, text);
    return text;
  }

  #check(): void {
    if (this.#closed) throw new OkrError('storage', 'This storage was closed.');
  }

  /** Checks and raises the links version, synchronously with the write that follows (nothing runs in between). */
  #swapLinks(links: number | undefined): void {
    if (links === undefined) return;
    if (links !== this.#links) throw linksConflict(links, this.#links);
    this.#links += 1;
  }

  #emit(change: StorageChange): void {
    // Listeners run after the write has settled, as they would for another tab.
    // The entries carried are the stored, frozen ones; each listener gets its own list of them.
    const carried = change.entries;
    queueMicrotask(() => {
      for (const listener of this.#listeners) listener(carried ? { ...change, entries: carried.slice() } : change);
    });
  }
}

/** What goes in: JSON through and through (what JSON cannot hold is dropped or turned into what it reads back as). */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The fields of an entry's data whose strings repeat across entries (ids referred to, codes). */
const SHARED_FIELDS = ['keyResultId', 'objectiveId', 'ownerId', 'status', 'kind', 'item', 'unit'] as const;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/**
 * What comes out: a copy of what `copy` stored, which is plain JSON already, made by
 * walking it. Five times faster than a JSON round trip, which was most of a fresh
 * store's first read of a large session.
 */
function copyOut<T>(value: T): T {
  return plainCopy(value) as T;
}

function plainCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const list = new Array(value.length);
    for (let i = 0; i < value.length; i++) list[i] = plainCopy(value[i]);
    return list;
  }
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = plainCopy((value as Record<string, unknown>)[key]);
    // An own `__proto__` (JSON.parse makes one) must stay a field, not become the prototype.
    if (key === '__proto__')
      Object.defineProperty(record, key, { value: item, enumerable: true, writable: true, configurable: true });
    else record[key] = item;
  }
  return record;
}

export function memoryStorage(): MemoryStorage {
  return new MemoryStorage();
}
