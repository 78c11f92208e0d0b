import type { JournalEntry } from './journal.js';
import type { CheckIn, KeyResult } from './model.js';
import { ReplayError } from './replay-error.js';

export type CheckInEntry = Extract<JournalEntry, { type: 'checkIn.added' | 'checkIn.corrected' }>;
export type KeyResultFields = Omit<KeyResult, 'latest' | 'checkIns'>;

/**
 * A key result in a folded state. Its check-ins are kept as the journal entries that
 * recorded them, and become `CheckIn` objects the first time someone reads `checkIns`;
 * `latest` is made once at the end of each replay. A fold touches each check-in once and
 * allocates nothing for it, and a state keeps no copy of what the journal already holds.
 *
 * The entry list is shared with the states that follow (the journal only grows): each
 * record reads the first `count` entries. A replay changes only the records it made
 * (`owner`); anything shared with an earlier state is copied first. Every record has
 * the same fields in the same order, so reads of them stay monomorphic.
 */
export class KeyResultRecord implements KeyResult {
  readonly id: string;
  readonly objectiveId: string;
  readonly title: string;
  readonly ownerId: string | undefined;
  readonly unit: string | undefined;
  readonly weight: number;
  readonly order: number;
  readonly kind: KeyResult['kind'];
  readonly start: number | undefined;
  readonly target: number | undefined;
  readonly threshold: number | undefined;
  readonly milestones: readonly string[] | undefined;
  /**
   * The check-in that counts now (the newest one not superseded by a correction). An own,
   * enumerable property (a spread keeps it), made the first time it is read: a fold makes
   * no object per check-in, nor per key result nobody looks at.
   */
  declare readonly latest: CheckIn | undefined;
  #log: CheckInEntry[];
  #count: number;
  /** Position in `#log` of the check-in that counts, or -1. */
  #latest: number;
  /** The check-in at `#latest`, made the first time someone reads `latest`. */
  #latestCheckIn: CheckIn | undefined = undefined;
  #owner: object | undefined;
  /** Whether `#log` belongs to a journal's index (`CheckInIndex`), which alone appends to it. */
  #indexed = false;
  #checkIns: readonly CheckIn[] | undefined = undefined;

  constructor(
    k: KeyResultFields,
    log: CheckInEntry[],
    count: number,
    latest: number,
    owner: object | undefined,
    from?: KeyResultRecord,
  ) {
    this.id = k.id;
    this.objectiveId = k.objectiveId;
    this.title = k.title;
    this.ownerId = k.ownerId;
    this.unit = k.unit;
    this.weight = k.weight;
    this.order = k.order;
    this.kind = k.kind;
    this.start = k.start;
    this.target = k.target;
    this.threshold = k.threshold;
    this.milestones = k.milestones;
    Object.defineProperty(this, 'latest', KeyResultRecord.#latestProperty);
    this.#log = log;
    this.#count = count;
    this.#latest = latest;
    this.#owner = owner;
    if (from !== undefined && from.#count === count) {
      this.#latestCheckIn = from.#latestCheckIn;
      this.#checkIns = from.#checkIns;
    }
  }

  /** A new key result, made by (so changeable by) the replay `owner`. */
  static added(k: KeyResultFields, owner: object): KeyResultRecord {
    return new KeyResultRecord(k, [], 0, -1, owner);
  }

  /** A new key result whose history is `log`, a journal index's (read, never appended to). */
  static indexed(k: KeyResultFields, owner: object, log: CheckInEntry[]): KeyResultRecord {
    const record = new KeyResultRecord(k, log, 0, -1, owner);
    record.#indexed = true;
    return record;
  }

  /**
   * This key result after the journal's first `head` entries: the same fields, and the
   * check-ins of its log recorded up to there (found by seq, not by visiting them). A
   * record made by `owner`'s fold is changed in place.
   */
  through(head: number, owner?: object): KeyResultRecord {
    const log = this.#log;
    let lo = 0;
    let hi = log.length;
    // Through the whole log (a state of the whole journal, as a first load folds): no search.
    if (hi === 0 || (log[hi - 1] as CheckInEntry).seq <= head) lo = hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((log[mid] as CheckInEntry).seq <= head) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.#count) return this;
    // One the caller's fold made is changed in place (nobody else has seen it).
    const record =
      owner !== undefined && this.#owner === owner ? this : new KeyResultRecord(this, log, lo, -1, undefined);
    record.#count = lo;
    record.#checkIns = undefined;
    record.#latestCheckIn = undefined;
    record.#indexed = this.#indexed;
    record.#latest = record.#countingAt(lo);
    return record;
  }

  /**
   * Which of the first `count` check-ins counts. The newest is usually a check-in, which
   * counts; after a correction, the history is walked as a replay would record it.
   */
  #countingAt(count: number): number {
    const log = this.#log;
    if (count === 0) return -1;
    if ((log[count - 1] as CheckInEntry).type === 'checkIn.added') return count - 1;
    let latest = -1;
    for (let i = 0; i < count; i++) {
      const entry = log[i] as CheckInEntry;
      if (entry.type === 'checkIn.added') latest = i;
      else {
        const original = this.#findBefore(entry.data.corrects, i);
        if (latest === original || this.#effectiveAt(original) >= this.#effectiveAt(latest)) latest = i;
      }
    }
    return latest;
  }

  #findBefore(id: string, end: number): number {
    for (let i = end - 1; i >= 0; i--) if ((this.#log[i] as CheckInEntry).data.id === id) return i;
    return -1;
  }

  /**
   * Its fields, without its history: a plain object to change and pass to `with`. (A
   * spread would also read `latest`, making the check-in object a fold never needed.)
   */
  fields(): { -readonly [key in keyof KeyResultFields]: KeyResultFields[key] } {
    return {
      id: this.id,
      objectiveId: this.objectiveId,
      title: this.title,
      ownerId: this.ownerId,
      unit: this.unit,
      weight: this.weight,
      order: this.order,
      kind: this.kind,
      start: this.start,
      target: this.target,
      threshold: this.threshold,
      milestones: this.milestones,
    };
  }

  /** The same history under other fields (edited, retargeted, reordered, handed over). */
  with(k: KeyResultFields, owner: object): KeyResultRecord {
    const record = new KeyResultRecord(k, this.#log, this.#count, this.#latest, owner, this);
    record.#indexed = this.#indexed;
    return record;
  }

  /** This record if `owner` made it, else a copy that `owner` may change. */
  ownedBy(owner: object): KeyResultRecord {
    if (this.#owner === owner) return this;
    const record = new KeyResultRecord(this, this.#log, this.#count, this.#latest, owner, this);
    record.#indexed = this.#indexed;
    return record;
  }

  /** Records a check-in or a correction; only on a record the caller owns. */
  record(entry: CheckInEntry): void {
    // Kept small, so that the fold can inline it: corrections, rare, are a call away.
    if (entry.type === 'checkIn.corrected') {
      this.#recordCorrection(entry);
      return;
    }
    // A check-in is never recorded before the entries it follows, so a new one counts.
    this.#latest = this.#append(entry);
  }

  #recordCorrection(entry: Extract<CheckInEntry, { type: 'checkIn.corrected' }>): void {
    const { corrects } = entry.data;
    const original = this.#find(corrects);
    if (original < 0 || this.#correctionOf(corrects) >= 0) {
      throw new ReplayError(`Entry ${entry.seq} corrects check-in ${corrects}, which cannot be corrected.`);
    }
    // A correction takes the place of what it corrects: it counts if that counted, or
    // if nothing later counts instead.
    const current = this.#latest;
    const counts = current === original || this.#effectiveAt(original) >= this.#effectiveAt(current);
    const n = this.#append(entry);
    if (counts) this.#latest = n;
  }

  /** Adds `entry` to the history (sharing the log where it can) and returns its position. */
  #append(entry: CheckInEntry): number {
    const n = this.#count;
    const log = this.#log;
    if (log.length === n && !this.#indexed) log.push(entry);
    else if (log[n] !== entry) {
      this.#log = log.slice(0, n);
      this.#log.push(entry);
      this.#indexed = false;
    }
    this.#count = n + 1;
    this.#checkIns = undefined;
    this.#latestCheckIn = undefined;
    return n;
  }

  /** One shared accessor for every record's `latest`, so that all records keep one shape. */
  static readonly #latestProperty: PropertyDescriptor = {
    enumerable: true,
    get(this: KeyResultRecord): CheckIn | undefined {
      return this.#madeLatest();
    },
  };

  #madeLatest(): CheckIn | undefined {
    if (this.#latestCheckIn === undefined && this.#latest >= 0) {
      const at = this.#latest;
      this.#latestCheckIn = checkInOf(this.#log[at] as CheckInEntry, this.#effectiveAt(at), undefined);
    }
    return this.#latestCheckIn;
  }

  get checkIns(): readonly CheckIn[] {
    if (this.#checkIns) return this.#checkIns;
    // Which entry corrects which, in one pass: asking per check-in would scan the log each time.
    const correctedBy = new Map<string, string>();
    for (let i = 0; i < this.#count; i++) {
      const entry = this.#log[i] as CheckInEntry;
      if (entry.type === 'checkIn.corrected') correctedBy.set(entry.data.corrects, entry.data.id);
    }
    const list: CheckIn[] = [];
    for (let i = 0; i < this.#count; i++) {
      if (i === this.#latest) {
        list.push(this.latest as CheckIn);
        continue;
      }
      const entry = this.#log[i] as CheckInEntry;
      list.push(checkInOf(entry, this.#effectiveAt(i), correctedBy.get(entry.data.id)));
    }
    this.#checkIns = list;
    return list;
  }

  /** One check-in (or correction) by id, made alone: the newest are found first. */
  checkIn(id: string): CheckIn | undefined {
    const at = this.#find(id);
    if (at < 0) return undefined;
    if (at === this.#latest) return this.latest;
    const correction = this.#correctionOf(id);
    return checkInOf(
      this.#log[at] as CheckInEntry,
      this.#effectiveAt(at),
      correction < 0 ? undefined : this.#log[correction]?.data.id,
    );
  }

  /** How many check-ins (and corrections) this record holds, without making them. */
  get recorded(): number {
    return this.#count;
  }

  /** How many check-ins (and corrections) were recorded at or after `fromIso`, without making them. */
  countSince(fromIso: string): number {
    const log = this.#log;
    let i = this.#count;
    while (i > 0 && (log[i - 1] as CheckInEntry).at >= fromIso) i--;
    return this.#count - i;
  }

  toJSON(): KeyResult {
    return { ...this, checkIns: this.checkIns };
  }

  #find(id: string): number {
    for (let i = this.#count - 1; i >= 0; i--) if ((this.#log[i] as CheckInEntry).data.id === id) return i;
    return -1;
  }

  #correctionOf(id: string): number {
    for (let i = this.#count - 1; i >= 0; i--) {
      const entry = this.#log[i] as CheckInEntry;
      if (entry.type === 'checkIn.corrected' && entry.data.corrects === id) return i;
    }
    return -1;
  }

  /** A check-in's own instant, or for a correction the instant of the check-in it corrects. */
  #effectiveAt(at: number): string {
    let entry = this.#log[at] as CheckInEntry;
    while (entry.type === 'checkIn.corrected') entry = this.#log[this.#find(entry.data.corrects)] as CheckInEntry;
    return entry.at;
  }
}

/** One fixed shape for every check-in (absent fields are undefined). */
function checkInOf(entry: CheckInEntry, effectiveAt: string, supersededBy: string | undefined): CheckIn {
  const d = entry.data;
  return {
    id: d.id,
    keyResultId: d.keyResultId,
    value: d.value,
    status: d.status,
    confidence: d.confidence,
    comment: d.comment,
    author: entry.actor,
    at: entry.at,
    writtenAt: d.writtenAt,
    effectiveAt,
    corrects: entry.type === 'checkIn.corrected' ? entry.data.corrects : undefined,
    supersededBy,
  };
}

/** How many check-ins of `kr` were recorded at or after `fromIso` (an ISO instant). */
export function checkInsSince(kr: KeyResult, fromIso: string): number {
  // A key result from outside the fold (made by hand) has only its list of check-ins.
  if (kr instanceof KeyResultRecord) return kr.countSince(fromIso);
  return kr.checkIns.filter((c) => c.at >= fromIso).length;
}

/**
 * How many check-ins `kr` gained since `earlier`, the same key result in an earlier state
 * (a history only grows). For a week: `earlier` as the week began, `kr` as it ended.
 */
export function checkInsAfter(kr: KeyResult, earlier: KeyResult): number {
  if (kr instanceof KeyResultRecord && earlier instanceof KeyResultRecord) return kr.recorded - earlier.recorded;
  return kr.checkIns.length - earlier.checkIns.length;
}

export function recordOf(kr: KeyResult): KeyResultRecord {
  if (kr instanceof KeyResultRecord) return kr;
  throw new ReplayError(`Key result ${kr.id} was not made by the fold; fold states from their journal.`);
}

/** One check-in (or correction) of a key result by id. */
export function findCheckIn(kr: KeyResult, id: string): CheckIn | undefined {
  if (kr instanceof KeyResultRecord) return kr.checkIn(id);
  return kr.checkIns.find((c) => c.id === id);
}
