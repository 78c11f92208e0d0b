import { OkrError, storageError } from '../errors.js';
import { type MutationResult, PUSH_LIMIT, type PullResponse } from './protocol.js';
import { RemoteFailure, type SyncRemote } from './remote.js';
import type { PendingMutation } from './sync-cache.js';
import type { SyncStatus } from './sync-status.js';

/** What the syncer works on: the sync store's outbox and confirmed heads. */
export interface SyncTarget {
  readonly clientId: string;
  /** Commands the server has not answered yet, in order. */
  unsent(): readonly PendingMutation[];
  /** The confirmed head of every session held. */
  heads(): Record<string, number>;
  confirmedHead(sessionId: string): number | undefined;
  applyResults(results: readonly MutationResult[]): Promise<void>;
  applyPull(response: PullResponse): Promise<void>;
  setStatus(patch: Partial<SyncStatus>): void;
}

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;
/** The protocol's `retry:` for the stream: its first wait after a failure. */
const STREAM_RETRY_MS = 2000;

/**
 * The network side of a sync store: pushes the outbox in order (kept results make every
 * repeat safe), pulls what the server has beyond the confirmed heads, and listens to the
 * change stream to pull on pokes. One cycle at a time; a kick during a cycle runs one more.
 * Failures leave everything queued and retry with backoff (and at once on `online`, or
 * when the stream listens again). The stream has a backoff of its own: its failures say
 * "offline" but never postpone the outbox's next try (they used to, and a page whose server
 * came back waited for a reconnect up to 15 s away).
 */
export class Syncer {
  readonly #remote: SyncRemote;
  readonly #target: SyncTarget;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #retryMs = FIRST_RETRY_MS;
  #stream: AbortController | undefined;
  #reconnect: ReturnType<typeof setTimeout> | undefined;
  #streamRetryMs = STREAM_RETRY_MS;
  /** Set after a whole push was refused: push one command at a time, to find the one refused. */
  #oneByOne = false;
  readonly #online = () => this.wake();

  constructor(remote: SyncRemote, target: SyncTarget) {
    this.#remote = remote;
    this.#target = target;
  }

  start(): void {
    globalThis.addEventListener?.('online', this.#online);
    this.#listen();
    this.kick();
  }

  /** Runs a cycle (or one more after the current one); resolves when the syncer is idle. */
  kick(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      // Idle means after the cycle this kick asked for, which may be the next one.
      return this.#running.then(() => this.#running);
    }
    this.#running = this.#cycle().finally(() => {
      this.#running = undefined;
      // A kick that came after the cycle's last look (while it was ending) runs one more.
      if (this.#again) void this.kick();
    });
    return this.#running;
  }

  /** Tries again now: after coming back online, or when a person asks. */
  wake(): Promise<void> {
    clearTimeout(this.#retry);
    this.#retryMs = FIRST_RETRY_MS;
    this.#streamRetryMs = STREAM_RETRY_MS;
    if (!this.#stream) {
      clearTimeout(this.#reconnect);
      this.#listen();
    }
    return this.kick();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#retry);
    clearTimeout(this.#reconnect);
    this.#stream?.abort();
    globalThis.removeEventListener?.('online', this.#online);
  }

  async #cycle(): Promise<void> {
    try {
      do {
        this.#again = false;
        await this.#pushAll();
        await this.#pullAll();
      } while (this.#again && !this.#closed);
      this.#retryMs = FIRST_RETRY_MS;
      this.#target.setStatus({ connection: 'online', lastError: undefined });
    } catch (error) {
      // The retry below covers whatever was kicked during the failed cycle.
      this.#again = false;
      if (this.#closed) return;
      // A failure here (the cache could not be written) is retried like a server away: nothing was lost.
      this.#failed(error instanceof RemoteFailure ? error : new RemoteFailure('later', storageError(error, 'sync')));
    }
  }

  async #pushAll(): Promise<void> {
    for (;;) {
      const unsent = this.#target.unsent();
      const batch = unsent.slice(0, this.#oneByOne ? 1 : PUSH_LIMIT);
      if (batch.length === 0 || this.#closed) return;
      this.#target.setStatus({ saving: true });
      let results: readonly MutationResult[];
      try {
        results = await this.#remote.push({
          clientId: this.#target.clientId,
          mutations: batch.map((m) => ({ mutationId: m.mutationId, command: m.command, madeAt: m.madeAt })),
        });
      } catch (error) {
        if (!(error instanceof RemoteFailure) || error.kind !== 'refused') throw error;
        if (batch.length > 1) {
          this.#oneByOne = true;
          continue;
        }
        // The server refuses this one command as a request (too large, malformed): it is consumed like a refusal.
        results = batch.map((m) => ({ mutationId: m.mutationId, ok: false as const, error: error.error }));
        this.#oneByOne = false;
      } finally {
        this.#target.setStatus({ saving: false });
      }
      const answered = new Set(results.map((r) => r.mutationId));
      if (!batch.some((m) => answered.has(m.mutationId)))
        throw new RemoteFailure('later', refusedAll(results, batch.length));
      await this.#target.applyResults(results);
    }
  }

  async #pullAll(): Promise<void> {
    let more = true;
    while (more && !this.#closed) {
      const response = await this.#remote.pull({ heads: this.#target.heads() });
      await this.#target.applyPull(response);
      more = response.more;
    }
  }

  #failed(failure: RemoteFailure): void {
    this.#told(failure);
    if (this.#closed) return;
    const wait = Math.max(failure.retryAfterMs ?? 0, this.#retryMs);
    this.#retryMs = Math.min(this.#retryMs * 2, LAST_RETRY_MS);
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => void this.kick(), wait);
  }

  #told(failure: RemoteFailure): void {
    this.#target.setStatus({
      connection: failure.kind === 'offline' ? 'offline' : 'online',
      lastError: failure.error,
      saving: false,
    });
  }

  /** Keeps one change stream open: pulls once it listens (changes made meanwhile were not poked) and on every poke for a head beyond ours. */
  #listen(): void {
    if (this.#closed || this.#stream) return;
    const controller = new AbortController();
    this.#stream = controller;
    this.#remote
      .listen(
        {
          onReady: () => {
            this.#streamRetryMs = STREAM_RETRY_MS;
            this.#target.setStatus({ connection: 'online' });
            void this.kick();
          },
          onPoke: (poke) => {
            if ((this.#target.confirmedHead(poke.sessionId) ?? 0) < poke.head) void this.kick();
          },
        },
        controller.signal,
      )
      .catch((error: unknown) => {
        if (error instanceof RemoteFailure) this.#told(error);
      })
      .finally(() => {
        if (this.#stream === controller) this.#stream = undefined;
        if (this.#closed || controller.signal.aborted) return;
        clearTimeout(this.#reconnect);
        const wait = this.#streamRetryMs;
        this.#streamRetryMs = Math.min(wait * 2, LAST_RETRY_MS);
        this.#reconnect = setTimeout(() => this.#listen(), wait);
      });
  }
}

function refusedAll(results: readonly MutationResult[], sent: number): OkrError {
  const first = results.find((r) => !r.ok);
  return first && !first.ok
    ? first.error
    : new OkrError('storage', `The server answered none of the ${sent} changes sent.`);
}
