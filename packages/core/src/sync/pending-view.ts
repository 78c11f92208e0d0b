import { type EntryDraft, headerOf, type JournalEntry, ReplayError, replay, type Session } from '../journal.js';
import type { SessionHeader } from '../model.js';
import type { PendingMutation } from './sync-cache.js';

/** A session as the page sees it: the confirmed state with the pending commands on top. */
export interface PendingView {
  readonly header: SessionHeader;
  /** The pending commands' entries, numbered after the confirmed head (numbers that exist on this page only). */
  readonly overlay: JournalEntry[];
}

/**
 * Folds each pending command's drafts onto the confirmed state, in outbox order, numbering
 * them after its head. A command whose drafts no longer apply (someone removed the key
 * result it checks in on) is left out of the view; it stays queued, and the server decides.
 * Instants never go back: a draft made before the last confirmed entry shows at that entry's time.
 */
export function pendingView(confirmed: Session, pending: readonly PendingMutation[]): PendingView | undefined {
  let session = confirmed;
  const overlay: JournalEntry[] = [];
  for (const mutation of pending) {
    const entries = numbered(session, mutation.drafts, mutation);
    try {
      session = replay(session, entries, session) as Session;
    } catch (error) {
      if (error instanceof ReplayError) continue;
      throw error;
    }
    overlay.push(...entries);
  }
  return overlay.length === 0 ? undefined : { header: headerOf(session), overlay };
}

function numbered(session: Session, drafts: readonly EntryDraft[], mutation: PendingMutation): JournalEntry[] {
  const at = mutation.madeAt < session.changedAt ? session.changedAt : mutation.madeAt;
  return drafts.map(
    (draft, i) => ({ ...draft, seq: session.head + 1 + i, at, actor: mutation.actorId }) as JournalEntry,
  );
}
