import type { Command } from '../command-types.js';
import { OkrError } from '../errors.js';
import type { JournalEntry } from '../journal.js';
import type { Actor, SessionHeader } from '../model.js';

/**
 * Where sessions live. An adapter speaks in sessions and journal entries, not in
 * database concepts, and stores plain JSON only. Every adapter passes the contract
 * suite in `@okrkit/core/testing`.
 *
 * Rules every adapter keeps:
 * - `createSession` allocates the next session number atomically: two writers never
 *   get the same one, and a number is never handed out twice.
 * - `append` is all-or-nothing and compares-and-swaps on the journal head: if the stored
 *   head is not `expectedHead`, it rejects with `OkrError('conflict')` and writes nothing.
 * - Entries continue the journal: `createSession` takes seq 1, 2, ..., `append` seq
 *   `expectedHead + 1`, ...; anything else rejects with `invalid-input` (`checkFollows`).
 * - Failures of the storage itself reject with `OkrError('storage')` carrying the cause.
 * - The links version (`linksVersion`) guards the rules between sessions (a parent exists
 *   and encloses its children, a parent with children stays, an alignment points at an
 *   objective that exists): a write given `links` also compares-and-swaps it, atomically
 *   with the session's head, and raises it by one; a mismatch rejects with `conflict` and
 *   writes nothing. A write given no `links` neither checks nor raises it.
 */
export interface StorageAdapter {
  /** A short name for messages and benchmarks, e.g. `memory`, `indexeddb`. */
  readonly name: string;

  /** Every session header, deleted ones included, in number order. */
  listSessions(): Promise<SessionHeader[]>;

  /** One header, or undefined. */
  getSession(id: string): Promise<SessionHeader | undefined>;

  /** The journal of a session, entries with `seq > afterSeq` (default 0: all), in order. */
  readJournal(id: string, afterSeq?: number): Promise<JournalEntry[]>;

  /**
   * Creates a session: allocates its number (and so its id, `sessionIdOf(number)`),
   * stores `header` completed with them, and `entries` as its journal, atomically (when
   * `links` is given, only if the links version is still `links`, raising it by one).
   */
  createSession(
    header: NewSessionHeader,
    entries: readonly JournalEntry[],
    links?: number,
    cause?: AppendCause,
  ): Promise<SessionHeader>;

  /**
   * Appends `entries` (seq `expectedHead + 1` onwards) and replaces the header, atomically,
   * if and only if the stored head is still `expectedHead` (and, when `links` is given, the
   * links version is still `links`: then it is raised by one in the same write).
   */
  append(
    id: string,
    expectedHead: number,
    entries: readonly JournalEntry[],
    header: SessionHeader,
    links?: number,
    cause?: AppendCause,
  ): Promise<void>;

  /**
   * The links version of this storage (0 when nothing raised it yet). A command whose plan
   * reads another session's rules, or could break them, reads it before it reads anything
   * else and hands it to its write: a write of another such command in between makes that
   * write a `conflict`, and the command is planned again on fresh state.
   */
  linksVersion(): Promise<number>;

  /**
   * Optional: runs `work` (a command's load, plan and append) while no other writer of this
   * storage, in any process, runs `exclusive` work on session `id`. A storage shared by
   * several processes (a server's instances) offers it so that a busy session's commands
   * queue rather than storm compare-and-swap conflicts. Correctness never rests on it: the
   * compare-and-swap of `append` does that.
   */
  exclusive?<T>(id: string, work: () => Promise<T>): Promise<T>;

  /**
   * Optional: set when one `append` may carry the entries of several commands (group
   * commit), each named in `cause.group`. A store then runs the commands that queued on a
   * session while its last write was on its way as one group: planned one after the other
   * on the state the one before leaves, and appended in one write. An adapter that acts on
   * each command (`syncStorage` queues it) leaves it unset and gets one command a write.
   */
  readonly groupsCommands?: boolean;

  /**
   * Optional: the head up to which the journal `readJournal` shows is final. A storage that
   * shows entries it has not confirmed yet (`syncStorage`: pending commands on top of what
   * the server confirmed) says where the confirmed ones end; without it, all are final.
   */
  settledHead?(id: string): number;

  /**
   * A cached derived value (e.g. a finished week's result), or undefined. A value read may
   * be shared and frozen (the memory adapter's are): treat it as read-only.
   */
  readCheckpoint(id: string, key: string): Promise<unknown>;

  /** Stores a cached derived value. Dropping checkpoints must never change a result. */
  writeCheckpoint(id: string, key: string, value: unknown): Promise<void>;

  /**
   * Calls `listener` after any change to stored sessions, including changes made
   * through other connections (other stores, tabs or processes). Returns an unsubscribe.
   */
  watch(listener: (change: StorageChange) => void): () => void;

  /** Releases connections. The adapter is unusable afterwards. */
  close(): Promise<void>;
}

/** A header before storage has given it a number. */
export type NewSessionHeader = Omit<SessionHeader, 'id' | 'number'>;

/**
 * The command whose entries are being stored, and who ran it. Adapters that keep entries
 * ignore it; one that sends commands to a server (`syncStorage`) queues the command.
 */
export interface AppendCause {
  readonly command: Command;
  readonly actor: Actor;
  /**
   * When the person made the command, by the store's clock (or `execute`'s `writtenAt`):
   * unlike the entries' instants, never moved forward to follow the session's last change.
   */
  readonly madeAt?: string;
  /** What the caller handed `execute` to go with the command (`ExecuteOptions.tag`), e.g. a server's mutation. */
  readonly tag?: unknown;
  /**
   * Set when the append carries the entries of several commands (an adapter that
   * `groupsCommands`): each command in journal order, with the head after its entries.
   * The fields above then name the first.
   */
  readonly group?: readonly GroupedCause[];
}

/** One command of a grouped append, and the journal head after its entries. */
export interface GroupedCause extends Omit<AppendCause, 'group'> {
  readonly head: number;
}

export interface StorageChange {
  readonly sessionId: string;
  /** The journal head after the change. */
  readonly head: number;
  /**
   * Set when the journal was not only extended: entries after `rebasedAfter` were replaced
   * (a sync store's pending changes were rebased on what the server confirmed). Whoever
   * folded beyond it folds again from storage.
   */
  readonly rebasedAfter?: number;
  /**
   * The entries the change appended (seq `head - entries.length + 1` to `head`), when the
   * adapter has them at hand and they are few (`CARRIED_ENTRIES_MAX`): a store that holds
   * the state just before them folds them on without reading the journal. Absent, or not
   * following what a store holds, the store reads what it misses.
   */
  readonly entries?: readonly JournalEntry[];
}

/** The most entries a change notice carries; a larger append (an import) is read from storage by whoever needs it. */
export const CARRIED_ENTRIES_MAX = 1000;

/** The notice of `entries` appended up to `head`, carrying them when they are few. */
export function appended(sessionId: string, head: number, entries: readonly JournalEntry[]): StorageChange {
  return entries.length > 0 && entries.length <= CARRIED_ENTRIES_MAX
    ? { sessionId, head, entries }
    : { sessionId, head };
}

/**
 * Refuses `entries` unless they continue a journal whose head is `head` (seq `head + 1`,
 * `head + 2`, ...): adapters keep entry `seq` in place `seq`, so a gap or a repeat would
 * misplace it for good.
 */
export function checkFollows(id: string, head: number, entries: readonly JournalEntry[]): void {
  entries.forEach((entry, i) => {
    if (entry?.seq !== head + 1 + i) {
      throw new OkrError(
        'invalid-input',
        `Nothing was saved: the journal of ${id} takes entry ${head + 1 + i} next, not ${String(entry?.seq)}.`,
      );
    }
  });
}

/** The conflict of a write planned on a links version that has moved since. */
export function linksConflict(expected: number, now: number): OkrError {
  return new OkrError(
    'conflict',
    `Sessions linked to this one were changed elsewhere (links version ${now}, expected ${expected}).`,
  );
}
