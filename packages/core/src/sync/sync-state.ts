import type { JournalEntry, Session } from '../journal.js';
import { replay } from '../journal.js';
import type { SessionHeader } from '../model.js';
import type { StorageChange } from '../storage/adapter.js';
import { type PendingView, pendingView } from './pending-view.js';
import type { ConfirmedSession, PendingMutation } from './sync-cache.js';

interface Kept {
  header: SessionHeader;
  /** Entry seq n at index n - 1. */
  readonly entries: JournalEntry[];
}

/**
 * What a sync store holds in memory: the confirmed sessions, the outbox, and for each
 * session with pending commands the view with them on top (and its confirmed fold, kept
 * up as entries arrive, so that laying the commands on again costs only theirs).
 */
export class SyncState {
  readonly #confirmed = new Map<string, Kept>();
  #outbox: PendingMutation[] = [];
  readonly #views = new Map<string, PendingView>();
  readonly #folds = new Map<string, Session>();

  get outbox(): readonly PendingMutation[] {
    return this.#outbox;
  }

  set outbox(mutations: readonly PendingMutation[]) {
    this.#outbox = [...mutations].sort((a, b) => a.mutationId - b.mutationId);
  }

  ids(): string[] {
    return [...this.#confirmed.keys()];
  }

  headerOf(id: string): SessionHeader | undefined {
    return this.#views.get(id)?.header ?? this.#confirmed.get(id)?.header;
  }

  journal(id: string, afterSeq: number): JournalEntry[] {
    const kept = this.#confirmed.get(id);
    if (!kept) return [];
    const after = Math.max(0, afterSeq);
    const overlay = this.#views.get(id)?.overlay ?? [];
    return [...kept.entries.slice(after), ...overlay.filter((e) => e.seq > after)];
  }

  confirmedHead(id: string): number {
    return this.#confirmed.get(id)?.header.head ?? 0;
  }

  holds(id: string): boolean {
    return this.#confirmed.has(id);
  }

  heads(): Record<string, number> {
    return Object.fromEntries([...this.#confirmed].map(([id, kept]) => [id, kept.header.head]));
  }

  /** Takes sessions as kept (at start, or after another tab stored them); `ids` missing from them are gone. */
  replace(sessions: readonly ConfirmedSession[], ids: readonly string[] = []): void {
    for (const id of ids) this.#confirmed.delete(id);
    for (const { header, entries } of sessions) this.#confirmed.set(header.id, { header, entries: [...entries] });
  }

  /** Adds what the server sent after the kept heads; answers the entries that continue what is kept. */
  confirm(sessions: readonly ConfirmedSession[], removed: readonly string[]): ConfirmedSession[] {
    const changes: ConfirmedSession[] = [];
    for (const { header, entries } of sessions) {
      const head = this.confirmedHead(header.id);
      const fresh = entries.filter((e) => e.seq > head);
      // Entries that do not continue what is kept would misplace it: that session waits for the next pull.
      if (fresh.length > 0 && fresh[0]?.seq !== head + 1) continue;
      if (fresh.length > 0 || header.head !== head || !this.#confirmed.has(header.id))
        changes.push({ header, entries: fresh });
    }
    for (const { header, entries } of changes) {
      const kept = this.#confirmed.get(header.id);
      if (kept) {
        kept.entries.push(...entries);
        kept.header = header;
      } else this.#confirmed.set(header.id, { header, entries: [...entries] });
    }
    for (const id of removed) this.#confirmed.delete(id);
    return changes;
  }

  /** Whether the server applied `mutation` and its entries have arrived (then it leaves the outbox). */
  covered(mutation: PendingMutation): boolean {
    const applied = mutation.applied;
    return (
      applied !== undefined && this.holds(applied.sessionId) && this.confirmedHead(applied.sessionId) >= applied.head
    );
  }

  /** A command just queued whose entries continue the view: the runner's fold is the view. */
  extend(id: string, header: SessionHeader, entries: readonly JournalEntry[]): StorageChange {
    this.#views.set(id, { header, overlay: [...(this.#views.get(id)?.overlay ?? []), ...entries] });
    return { sessionId: id, head: header.head };
  }

  /**
   * Lays the pending commands on the confirmed state of `ids` again; answers what watchers
   * must hear: a plain extension, or a rebase after the head each journal had (`before`).
   */
  rebase(ids: Iterable<string>, before?: ReadonlyMap<string, number>): StorageChange[] {
    const changes: StorageChange[] = [];
    for (const id of new Set(ids)) {
      const rebasedAfter = before?.get(id) ?? this.confirmedHead(id);
      const hadView = this.#views.has(id);
      this.#rebuild(id);
      const head = this.headerOf(id)?.head ?? 0;
      changes.push(!hadView && this.holds(id) ? { sessionId: id, head } : { sessionId: id, head, rebasedAfter });
    }
    return changes;
  }

  #rebuild(id: string): void {
    const kept = this.#confirmed.get(id);
    const pending = this.#outbox.filter((m) => m.sessionId === id && m.drafts.length > 0 && !this.covered(m));
    if (!kept || pending.length === 0) {
      this.#views.delete(id);
      this.#folds.delete(id);
      return;
    }
    const view = pendingView(this.#fold(id, kept), pending);
    if (view) this.#views.set(id, view);
    else this.#views.delete(id);
  }

  #fold(id: string, kept: Kept): Session {
    const known = this.#folds.get(id);
    const fold =
      known && known.head <= kept.header.head
        ? (replay(known, kept.entries.slice(known.head), known) as Session)
        : (replay(kept.header, kept.entries) as Session);
    this.#folds.set(id, fold);
    return fold;
  }
}
