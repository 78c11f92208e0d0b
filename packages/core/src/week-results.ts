import type { Session } from './journal.js';
import type { LiveSessions } from './live-sessions.js';
import type { SessionHeader } from './model.js';
import { DEFAULT_STATUS_THRESHOLDS, type StatusThresholds } from './progress.js';
import {
  type AskedWeek,
  askWeek,
  type Snapshot,
  type SnapshotOptions,
  type SnapshotResult,
  snapshotFrom,
  snapshotOf,
  weekResultKey,
} from './snapshot.js';
import { decodeWeek, encodeWeek, type KeptWeek } from './stored-week.js';
import type { Timeline } from './timeline.js';
import { previousWeek, weekAt } from './weeks.js';

/** How many finished weeks a store remembers besides what storage keeps (each is a week's rows). */
const REMEMBERED = 6;

/**
 * Finished weeks, kept. A finished week's snapshot is history: once an entry recorded
 * after its end is in the journal, no entry can ever land before that end (entries are
 * appended with later instants only), so its result is final. A final week's result is
 * stored through the adapter's checkpoints, under a key naming everything else it depends
 * on (the week, its boundaries, the zone, the thresholds), and a store answers the week
 * from there: a fresh store (a new tab, a reload, another server instance) shows a past
 * week without reading the journal or folding anything.
 *
 * A week's result is written the first time it is derived once final, and, for the week
 * that has just finished, right after the write that made it final (in the background,
 * after the command's answer): the first person to open last week finds it ready. A
 * storage that shows entries it has not confirmed (`settledHead`, a sync store) has the
 * week final only when an entry after its end is confirmed.
 */
export class WeekResults {
  readonly #sessions: LiveSessions;
  /** Finished weeks read or derived here, by session and key; the most recently used last. */
  readonly #remembered = new Map<string, KeptWeek>();
  /** Weeks known to be in storage (or being written), by session and key. */
  readonly #stored = new Set<string>();
  /** Weeks on their way to storage: a read meanwhile must not derive them again. */
  readonly #writing = new Map<string, KeptWeek>();
  /** Work done after the answers (writes of finished weeks), for `settled`. */
  #background: Promise<void> = Promise.resolve();
  /** Sessions whose last week is to be checked after their last command (once for a burst of them). */
  readonly #checking = new Set<string>();
  #closed = false;

  constructor(sessions: LiveSessions) {
    this.#sessions = sessions;
    sessions.subscribe((change) => {
      if (change.type === 'session' && change.origin === 'local') this.#finishing(change.session);
    });
  }

  /** The snapshot of `weekKey` of the session `header` heads (the caller has checked who may view it). */
  async snapshot(header: SessionHeader, weekKey: string, now: Date, options: SnapshotOptions): Promise<SnapshotResult> {
    const found = askWeek(header, weekKey, now);
    if ('unavailable' in found) return found.unavailable;
    const { asked } = found;
    const owner = options.owner ?? 'all';
    const thresholds = options.thresholds ?? DEFAULT_STATUS_THRESHOLDS;
    if (!asked.isLive) {
      const key = keyOf(header, asked, thresholds);
      const kept = this.#remember(key) ?? this.#writing.get(key) ?? (await this.#read(header.id, key));
      if (kept) return snapshotFrom(header, asked, kept, owner, () => kept.hash);
    }
    const session = await this.#sessions.load(header.id);
    const timeline = await this.#sessions.timeline(session);
    const result = snapshotOf(timeline, session, weekKey, now, options);
    if (result.available && !asked.isLive && owner === 'all') {
      const key = keyOf(session, asked, thresholds);
      const kept = this.#derived(session, timeline, asked, key, result);
      if (kept) this.#keep(session.id, key, kept);
    }
    return result;
  }

  /** Resolves when what was started in the background (finished weeks being stored) is done. */
  async settled(): Promise<void> {
    // Work may queue more work (a finished week found, then written): until none is added.
    let waited: Promise<void>;
    do {
      waited = this.#background;
      await waited;
    } while (waited !== this.#background);
  }

  close(): Promise<void> {
    this.#closed = true;
    return this.settled();
  }

  #remember(key: string, week?: KeptWeek): KeptWeek | undefined {
    const known = week ?? this.#remembered.get(key);
    if (!known) return undefined;
    this.#remembered.delete(key);
    this.#remembered.set(key, known);
    if (this.#remembered.size > REMEMBERED) this.#remembered.delete(this.#remembered.keys().next().value as string);
    return known;
  }

  async #read(id: string, key: string): Promise<KeptWeek | undefined> {
    const stored = await this.#sessions.guard(
      () => this.#sessions.storage.readCheckpoint(id, storageKey(key)),
      'read a finished week',
    );
    const week = decodeWeek(stored);
    if (!week) return undefined;
    this.#stored.add(key);
    return this.#remember(key, week);
  }

  /** A finished week derived here, remembered if it is final (else undefined). */
  #derived(
    session: Session,
    timeline: Timeline,
    asked: AskedWeek,
    key: string,
    result: Snapshot,
  ): KeptWeek | undefined {
    const count = timeline.countBefore(asked.to);
    if (!this.#isFinal(session.id, timeline, count)) return undefined;
    const whole = { title: result.sessionTitle, expected: result.expected, rows: result.rows, summary: result.summary };
    // The hash (a pass over the rows' JSON, remembered by the timeline) is worked out when
    // first asked for: in the background, to store it.
    const kept: KeptWeek = {
      ...whole,
      count,
      get hash() {
        return result.hash as string;
      },
    };
    return this.#remember(key, kept);
  }

  /** Stores `kept` in the background, unless it is stored (or on its way) already. */
  #keep(id: string, key: string, kept: KeptWeek): void {
    if (this.#stored.has(key)) return;
    this.#stored.add(key);
    this.#writing.set(key, kept);
    this.#later(() => this.#write(id, key, kept));
  }

  /** Writes `kept`; a failure forgets that it is stored (a cache: the next view derives it again). */
  async #write(id: string, key: string, kept: KeptWeek): Promise<void> {
    try {
      await this.#sessions.storage.writeCheckpoint(id, storageKey(key), encodeWeek(kept, kept.count, kept.hash));
    } catch {
      this.#stored.delete(key);
    } finally {
      this.#writing.delete(key);
    }
  }

  /** Whether an entry recorded after the week's end (the one after the first `count`) is in the journal for good. */
  #isFinal(id: string, timeline: Timeline, count: number): boolean {
    const settled = this.#sessions.storage.settledHead?.(id) ?? timeline.head;
    return count < Math.min(settled, timeline.head);
  }

  /**
   * After a command of this store: if its entries made the week before theirs final (the
   * first entries of a new week), that week's result is derived and stored, in the
   * background. The week is found from the last entry's instant, not the clock: the
   * journal decides what is final.
   */
  #finishing(session: Session): void {
    if (this.#closed || this.#checking.has(session.id)) return;
    this.#checking.add(session.id);
    this.#later(async () => {
      this.#checking.delete(session.id);
      const live = await this.#sessions.load(session.id);
      const timeline = await this.#sessions.timeline(live);
      const lastAt = timeline.entries[timeline.head - 1]?.at;
      if (lastAt === undefined) return;
      const at = new Date(lastAt);
      const last = previousWeek(weekAt(at, live.timeZone)).key;
      const found = askWeek(live, last, at);
      if ('unavailable' in found) return;
      const key = keyOf(live, found.asked, DEFAULT_STATUS_THRESHOLDS);
      if (this.#stored.has(key)) return;
      if (await this.#read(live.id, key)) return;
      const result = snapshotOf(timeline, live, last, at);
      const kept = result.available ? this.#derived(live, timeline, found.asked, key, result) : undefined;
      if (kept) this.#keep(live.id, key, kept);
    });
  }

  /** Runs `work` after the current task (the answer goes first), one after the other. */
  #later(work: () => Promise<void>): void {
    const run = () =>
      new Promise<void>((resolve) => setTimeout(resolve, 0))
        .then(() => (this.#closed ? undefined : work()))
        .catch(() => undefined);
    this.#background = this.#background.then(run);
  }
}

/** What a finished week is remembered under: the session and everything its result depends on. */
function keyOf(session: SessionHeader, asked: AskedWeek, thresholds: StatusThresholds): string {
  return `${session.id}\u0000${weekResultKey(asked, session.timeZone, thresholds)}`;
}

/** The checkpoint key of a finished week: the remembered key without the session's id. */
function storageKey(key: string): string {
  return `snapshot:${key.slice(key.indexOf('\u0000') + 1)}`;
}
