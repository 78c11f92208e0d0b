import type { JournalEntry } from './journal.js';
import type { CheckInEntry } from './key-result-record.js';
import { ReplayError } from './replay-error.js';

/** One life of a key result (from its `keyResult.added`): its check-ins in journal order. */
interface KeyResultLog {
  readonly objectiveId: string;
  readonly entries: CheckInEntry[];
}

/**
 * Where each key result's check-ins sit in a journal: built once, as entries arrive, so
 * that the state after any prefix of the journal is made without visiting its check-ins
 * again (a state's key result reads the first `count` of its log, found by seq).
 *
 * Taking in an entry also checks what the fold would check of it: its instant follows
 * the previous one, and a check-in or correction names a key result that exists then and
 * (for a correction) a check-in of it not corrected yet. What the other entries mean is
 * checked when they are folded (`foldPrefix`); they are few (a check-in is nearly every
 * entry of a large journal), and their positions are kept here.
 *
 * A log is appended to only here; a state shares it and reads its first `count` entries.
 */
export class CheckInIndex {
  /** Positions (0-based) of the entries that are not check-ins, ascending. */
  readonly structural: number[] = [];
  /** The log each `keyResult.added` began, by that entry's seq. */
  readonly #begun = new Map<number, CheckInEntry[]>();
  /** The log of each key result that exists after the entries taken in so far. */
  readonly #alive = new Map<string, KeyResultLog>();
  #lastAt = '';

  /** The log begun by the `keyResult.added` entry with `seq`. */
  logBegunAt(seq: number): CheckInEntry[] | undefined {
    return this.#begun.get(seq);
  }

  /** Takes in the entry at `position` (0-based; entries come in journal order). */
  add(entry: JournalEntry, position: number): void {
    if (entry.at < this.#lastAt) throw new ReplayError(`Entry ${entry.seq} is recorded before the entry it follows.`);
    this.#lastAt = entry.at;
    if (entry.type === 'checkIn.added' || entry.type === 'checkIn.corrected') {
      const log = this.#alive.get(entry.data.keyResultId);
      if (log === undefined) {
        throw new ReplayError(
          `Entry ${entry.seq} (${entry.type}) refers to ${entry.data.keyResultId}, which does not exist.`,
        );
      }
      if (entry.type === 'checkIn.corrected') checkCorrection(log.entries, entry);
      log.entries.push(entry);
      return;
    }
    this.structural.push(position);
    if (entry.type === 'keyResult.added') {
      const log: KeyResultLog = { objectiveId: entry.data.objectiveId, entries: [] };
      this.#alive.set(entry.data.id, log);
      this.#begun.set(entry.seq, log.entries);
    } else if (entry.type === 'keyResult.removed') this.#alive.delete(entry.data.id);
    else if (entry.type === 'objective.removed') {
      for (const [id, log] of this.#alive) if (log.objectiveId === entry.data.id) this.#alive.delete(id);
    }
  }
}

/** A correction must correct a check-in of the same key result that no correction has corrected yet. */
function checkCorrection(log: readonly CheckInEntry[], entry: Extract<CheckInEntry, { type: 'checkIn.corrected' }>) {
  const { corrects } = entry.data;
  // From the newest: a correction is nearly always of a recent check-in, and any
  // correction of it comes after it.
  let original = log.length - 1;
  while (original >= 0 && (log[original] as CheckInEntry).data.id !== corrects) original--;
  let corrected = false;
  for (let i = original + 1; i < log.length && !corrected; i++) {
    const later = log[i] as CheckInEntry;
    corrected = later.type === 'checkIn.corrected' && later.data.corrects === corrects;
  }
  if (original < 0 || corrected) {
    throw new ReplayError(`Entry ${entry.seq} corrects check-in ${corrects}, which cannot be corrected.`);
  }
}
