import { ContextConsumer } from '@lit/context';
import { changedSessionId, type OkrStore, type Session, type StoreChange } from '@okrkit/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { okrStoreContext } from './context.js';
import { defaultStore } from './default-store.js';

export interface StoreHost extends ReactiveControllerHost, HTMLElement {
  /** A store set directly on the element wins over one from context. */
  store?: OkrStore | undefined;
}

/**
 * Connects an element to its store: the `.store` property, else one provided through
 * context, else the page's default store. Calls `load` when connected, when the store
 * changes and after every change in the store (its own commands' included), with the
 * notice, which carries the changed session (`carriedSession`).
 */
export class StoreController implements ReactiveController {
  readonly #host: StoreHost;
  readonly #load: (store: OkrStore, change?: StoreChange) => void;
  readonly #context: ContextConsumer<typeof okrStoreContext, StoreHost>;
  #subscribed: OkrStore | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: StoreHost, load: (store: OkrStore, change?: StoreChange) => void) {
    this.#host = host;
    this.#load = load;
    this.#context = new ContextConsumer(host, {
      context: okrStoreContext,
      subscribe: true,
      callback: () => this.#sync(),
    });
    host.addController(this);
  }

  /** The store in use. */
  get store(): OkrStore {
    return this.#host.store ?? this.#context.value ?? defaultStore();
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    // Picks up a `.store` set by the host since the last render.
    if (this.#subscribed !== undefined && this.#subscribed !== this.store) this.#sync();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = undefined;
  }

  #sync(): void {
    const store = this.store;
    if (store === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#subscribed = store;
    this.#unsubscribe = store.subscribe((change) => this.#load(store, change));
    this.#load(store);
  }
}

/** Whether a store notice concerns the session an element shows (`actor` notices concern every session). */
export function concerns(change: StoreChange, sessionId: string | undefined): boolean {
  const id = changedSessionId(change);
  return id === undefined || id === sessionId;
}

/**
 * The session a notice carries, when it is `sessionId` and the store's actor may still see
 * it: its live state after the change, which an element renders instead of asking the
 * store again. Undefined otherwise (then the element asks, and hears why not).
 */
export function carriedSession(
  store: OkrStore,
  change: StoreChange | undefined,
  sessionId: string | undefined,
): Session | undefined {
  if (change?.type !== 'session' || change.session.id !== sessionId) return undefined;
  return store.can('session.view', change.session) ? change.session : undefined;
}
