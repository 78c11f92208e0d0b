import pg from 'pg';
import type { Listening } from './database.js';

interface Subscriber {
  readonly onNotify: (payload: string) => void;
  readonly onResume: (() => void) | undefined;
}

export interface PgListenerOptions {
  /** How to open the dedicated listening connection (the pool's own settings). */
  readonly connection: pg.ClientConfig;
  /** First wait before reconnecting a lost listening connection; it doubles up to 5 s. */
  readonly reconnectDelayMs: number;
}

const MAX_RECONNECT_DELAY_MS = 5000;

/**
 * One dedicated connection that LISTENs for a `pgDatabase`, shared by every listener in
 * the process. A pooled connection cannot listen: the pool hands it to other queries.
 *
 * When that connection is lost (database restart, `pg_terminate_backend`, network) it is
 * reopened with a growing delay, every channel is listened to again, and each subscriber's
 * `onResume` is called: notifications sent while it was away are lost, so subscribers
 * catch up by reading.
 */
export class PgListener {
  readonly #options: PgListenerOptions;
  readonly #channels = new Map<string, Set<Subscriber>>();
  #client: pg.Client | undefined;
  #connecting: Promise<void> | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #delay: number;
  #closed = false;

  constructor(options: PgListenerOptions) {
    this.#options = options;
    this.#delay = options.reconnectDelayMs;
  }

  listen(channel: string, onNotify: (payload: string) => void, onResume?: () => void): Listening {
    checkChannel(channel);
    const subscriber: Subscriber = { onNotify, onResume };
    let subscribers = this.#channels.get(channel);
    const first = !subscribers;
    if (!subscribers) {
      subscribers = new Set();
      this.#channels.set(channel, subscribers);
    }
    subscribers.add(subscriber);
    // A connection that is up listens to a new channel now; one that is coming up listens
    // to every channel in the map when it is; a lost one does the same when it reconnects.
    let ready: Promise<void>;
    if (this.#client)
      ready = first ? this.#client.query(`LISTEN "${channel}"`).then(ignore, ignore) : Promise.resolve();
    else if (this.#connecting) ready = this.#connecting;
    else if (this.#retry) ready = Promise.resolve();
    else ready = this.#connect(false);
    return { ready, stop: () => this.#stop(channel, subscriber) };
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    this.#channels.clear();
    const client = this.#client;
    this.#client = undefined;
    await this.#connecting;
    await (client ?? this.#client)?.end().catch(() => undefined);
  }

  async #stop(channel: string, subscriber: Subscriber): Promise<void> {
    const subscribers = this.#channels.get(channel);
    if (!subscribers?.delete(subscriber) || subscribers.size > 0) return;
    this.#channels.delete(channel);
    await this.#client?.query(`UNLISTEN "${channel}"`).catch(() => undefined);
  }

  /** Opens the connection and listens to every channel; never rejects (a failure schedules a retry). */
  #connect(resumed: boolean): Promise<void> {
    this.#connecting = (async () => {
      const client = new pg.Client(this.#options.connection);
      // Without an `error` handler a lost connection would crash the process.
      client.on('error', () => this.#lose(client));
      client.on('end', () => this.#lose(client));
      client.on('notification', (message) => {
        const subscribers = this.#channels.get(message.channel);
        for (const subscriber of subscribers ?? []) subscriber.onNotify(message.payload ?? '');
      });
      try {
        await client.connect();
        for (const channel of this.#channels.keys()) await client.query(`LISTEN "${channel}"`);
      } catch {
        client.removeAllListeners('end');
        await client.end().catch(() => undefined);
        this.#scheduleReconnect();
        return;
      }
      if (this.#closed) {
        await client.end().catch(() => undefined);
        return;
      }
      this.#client = client;
      this.#delay = this.#options.reconnectDelayMs;
      if (resumed) {
        for (const subscribers of this.#channels.values()) for (const { onResume } of subscribers) onResume?.();
      }
    })().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  #lose(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retry || this.#channels.size === 0) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      void this.#connect(true);
    }, this.#delay);
    // A process whose only work left is waiting for the database may exit.
    this.#retry.unref();
    this.#delay = Math.min(this.#delay * 2, MAX_RECONNECT_DELAY_MS);
  }
}

/** Channel names go into LISTEN unquoted-by-parameter (LISTEN takes no `$1`), so only plain identifiers pass. */
export function checkChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) {
    throw new TypeError(`A channel name must be a lower-case SQL identifier, not ${JSON.stringify(channel)}.`);
  }
}

function ignore(): void {}
