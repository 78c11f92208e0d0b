import type { Command } from '../command-types.js';
import type { EntryDraft, JournalEntry } from '../journal.js';
import type { SessionHeader } from '../model.js';

/**
 * A command not yet confirmed by the server, as the outbox keeps it. It is never a
 * numbered entry: its `drafts` (the entries it planned here, without seq) are shown on
 * top of the confirmed state until the server has answered and its entries have come back.
 */
export interface PendingMutation {
  /** 1, 2, 3, ... per client; never reused. */
  readonly mutationId: number;
  /** As run here, ids filled in, so that the server creates the same ids. */
  readonly command: Command;
  /** The session it changes; undefined for a command that makes a session. */
  readonly sessionId: string | undefined;
  /** Who ran it here. The server runs it as the person its token names. */
  readonly actorId: string;
  /** When the person made it (the recorded instant will be the server's). */
  readonly madeAt: string;
  readonly drafts: readonly EntryDraft[];
  /** Set once the server applied it: it leaves the outbox when the confirmed journal reaches `head`. */
  readonly applied?: { readonly sessionId: string; readonly head: number };
}

/** A session as the server sent it: its header and the confirmed journal. */
export interface ConfirmedSession {
  readonly header: SessionHeader;
  readonly entries: readonly JournalEntry[];
}

export interface SyncCacheContents {
  /** Chosen once per outbox (a browser profile), sent with every push. */
  readonly clientId: string;
  readonly sessions: readonly ConfirmedSession[];
  /** In mutation id order. */
  readonly outbox: readonly PendingMutation[];
}

/**
 * Where a sync store keeps what must outlive the page: the confirmed sessions and the
 * outbox. IndexedDB in browsers (shared by the tabs of a profile), memory elsewhere.
 */
export interface SyncCache {
  /** The name under which the tabs sharing this cache meet (one of them talks to the server); undefined when only this page uses it. */
  readonly shared?: string;
  /** Everything kept (choosing the client id the first time). */
  load(): Promise<SyncCacheContents>;
  /** Adds a command to the outbox with the next mutation id, atomically (tabs share the counter). */
  enqueue(mutation: Omit<PendingMutation, 'mutationId'>): Promise<PendingMutation>;
  /** Replaces outbox records (e.g. marked applied). */
  updateMutations(mutations: readonly PendingMutation[]): Promise<void>;
  removeMutations(ids: readonly number[]): Promise<void>;
  /** Stores what a pull brought: new headers, entries after what was kept, and sessions to drop. */
  saveConfirmed(changes: readonly ConfirmedSession[], removed: readonly string[]): Promise<void>;
  /** The kept sessions `ids` and the outbox as they are now (after another tab wrote). */
  reload(ids: readonly string[]): Promise<{ sessions: ConfirmedSession[]; outbox: PendingMutation[] }>;
  close(): Promise<void>;
}

export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `c_${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

/** A cache that lives as long as the page (Node, tests, or a browser without IndexedDB). */
export function memorySyncCache(): SyncCache {
  const clientId = newClientId();
  const sessions = new Map<string, ConfirmedSession>();
  const outbox = new Map<number, PendingMutation>();
  let next = 1;
  const sorted = () => [...outbox.values()].sort((a, b) => a.mutationId - b.mutationId);
  return {
    load: async () => ({ clientId, sessions: [...sessions.values()], outbox: sorted() }),
    async enqueue(mutation) {
      const kept = { ...mutation, mutationId: next++ };
      outbox.set(kept.mutationId, kept);
      return kept;
    },
    async updateMutations(mutations) {
      for (const m of mutations) if (outbox.has(m.mutationId)) outbox.set(m.mutationId, m);
    },
    async removeMutations(ids) {
      for (const id of ids) outbox.delete(id);
    },
    async saveConfirmed(changes, removed) {
      for (const { header, entries } of changes) {
        const kept = sessions.get(header.id)?.entries ?? [];
        sessions.set(header.id, { header, entries: [...kept, ...entries] });
      }
      for (const id of removed) sessions.delete(id);
    },
    reload: async (ids) => ({
      sessions: ids.flatMap((id) => sessions.get(id) ?? []),
      outbox: sorted(),
    }),
    close: async () => undefined,
  };
}
