import type { Command } from '../command-types.js';
import { type ErrorCode, type FieldErrors, OkrError } from '../errors.js';
import type { SyncStatus } from './sync-status.js';

/** An `OkrError` as it crosses to another tab (structured clone drops the class). */
export interface WireError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fields: FieldErrors;
}

/** What the tabs of one sync cache tell each other. Only the leading tab talks to the server. */
export type TabMessage =
  /** A tab queued a command: the leader pushes it. */
  | { readonly type: 'outbox' }
  /** The leader stored what the server sent or answered for these sessions: read them again. */
  | { readonly type: 'confirmed'; readonly ids: readonly string[] }
  | { readonly type: 'status'; readonly status: Omit<SyncStatus, 'lastError' | 'pending'> & { lastError?: WireError } }
  | { readonly type: 'refused'; readonly mutationId: number; readonly command: Command; readonly error: WireError }
  /** A session-making command was applied as `sessionId`. */
  | { readonly type: 'created'; readonly mutationId: number; readonly sessionId: string };

export const wireError = (error: OkrError): WireError => ({
  code: error.code,
  message: error.message,
  fields: error.fields,
});

export const errorFromWire = (error: WireError): OkrError =>
  new OkrError(error.code, error.message, { fields: error.fields });

/**
 * One sync connection per browser: the tabs sharing a cache elect a leader with a Web
 * Lock (the next tab takes over when the leader closes), and talk on a BroadcastChannel,
 * as the IndexedDB adapter's tabs do. Without Web Locks every tab leads on its own.
 */
export class TabLink {
  readonly #channel: BroadcastChannel | undefined;
  readonly #lock: string;
  readonly #abort = new AbortController();
  #release: (() => void) | undefined;

  constructor(name: string, onMessage: (message: TabMessage) => void) {
    this.#lock = `okrkit-sync-leader:${name}`;
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(`okrkit-sync:${name}`);
    this.#channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data);
  }

  /** Calls `lead` once this tab leads (at once where there are no Web Locks). */
  elect(lead: () => void): void {
    const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
    if (!locks) {
      lead();
      return;
    }
    locks
      .request(this.#lock, { signal: this.#abort.signal }, () => {
        if (this.#abort.signal.aborted) return undefined;
        lead();
        return new Promise<void>((resolve) => {
          this.#release = resolve;
        });
      })
      .catch(() => undefined);
  }

  post(message: TabMessage): void {
    if (!this.#abort.signal.aborted) this.#channel?.postMessage(message);
  }

  close(): void {
    this.#abort.abort();
    this.#release?.();
    this.#channel?.close();
  }
}
