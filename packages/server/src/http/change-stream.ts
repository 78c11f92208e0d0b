import type { Actor, SessionHeader, StorageChange } from '@okrkit/core';
import type { Tenant } from './tenant-stores.js';

/** A client of the change stream: whom it is for, and how to send it a poke. */
export interface StreamClient {
  readonly actor: Actor;
  readonly send: (poke: StorageChange) => void;
  /** Sessions this client was poked about: when one becomes hidden, it is poked once more (its pull then says removed). */
  readonly seen: Set<string>;
}

/**
 * The pokes of one organisation: one `watch` on its storage (which hears every instance
 * through LISTEN/NOTIFY), fanned out to the stream clients that may view the session.
 * Each change reads the header once, whatever the number of clients.
 */
export class ChangeStream {
  readonly #tenant: Tenant;
  readonly #clients = new Set<StreamClient>();
  #unwatch: (() => void) | undefined;

  constructor(tenant: Tenant) {
    this.#tenant = tenant;
  }

  get size(): number {
    return this.#clients.size;
  }

  add(client: StreamClient): () => void {
    this.#clients.add(client);
    this.#unwatch ??= this.#tenant.storage.watch((change) => void this.#fanOut(change));
    return () => {
      this.#clients.delete(client);
      if (this.#clients.size === 0) {
        this.#unwatch?.();
        this.#unwatch = undefined;
      }
    };
  }

  close(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#clients.clear();
  }

  async #fanOut(change: StorageChange): Promise<void> {
    let header: SessionHeader | undefined;
    try {
      header = await this.#tenant.storage.getSession(change.sessionId);
    } catch {
      // The database is away: clients pull everything when their stream comes back.
      return;
    }
    const poke = { sessionId: change.sessionId, head: change.head };
    for (const client of this.#clients) {
      const visible =
        header !== undefined && !header.deleted && this.#tenant.store.as(client.actor).can('session.view', header);
      if (visible) client.seen.add(change.sessionId);
      else if (!client.seen.delete(change.sessionId)) continue;
      client.send(poke);
    }
  }
}
