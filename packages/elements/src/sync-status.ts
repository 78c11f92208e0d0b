import type { OkrError, OkrStore, SyncEvent, SyncStatus } from '@okrkit/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { OkrErrorEvent } from './events/okr-error-event.js';
import type { OkrStrings } from './strings.js';

/**
 * Follows a store's sync with its server (`store.subscribeSync`) for an element that shows
 * it: the status, and the last command the server refused on arrival, which the element
 * raises as `okr-error` (when it concerns the session the element shows) and names in its
 * status line until the next change is made. A store that does not sync shows nothing.
 */
export class SyncStatusController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #store: () => OkrStore;
  readonly #sessionId: () => string | undefined;
  #subscribed: OkrStore | undefined;
  #unsubscribe: (() => void) | undefined;
  status: SyncStatus | undefined;
  refusal: OkrError | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    store: () => OkrStore,
    sessionId: () => string | undefined = () => undefined,
  ) {
    this.#host = host;
    this.#store = store;
    this.#sessionId = sessionId;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    if (this.#subscribed !== this.#store()) this.#follow();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = undefined;
  }

  #follow(): void {
    const store = this.#store();
    this.#unsubscribe?.();
    this.#subscribed = store;
    this.status = store.syncStatus;
    this.refusal = undefined;
    this.#unsubscribe = store.subscribeSync((event) => this.#heard(event));
  }

  #heard(event: SyncEvent): void {
    if (event.type === 'status') {
      // A new change made since the refusal: the refusal is old news.
      if (this.refusal && event.status.pending > (this.status?.pending ?? 0)) this.refusal = undefined;
      this.status = event.status;
    } else {
      const shown = this.#sessionId();
      if (shown !== undefined && event.command.sessionId !== shown) return;
      this.refusal = event.error;
      this.#host.dispatchEvent(new OkrErrorEvent(event.error));
    }
    this.#host.requestUpdate();
  }
}

/** The quiet status line: nothing while all is saved, else "Saving…", "3 changes waiting", "Offline" or a refusal. */
export function renderSyncStatus(sync: SyncStatusController, s: OkrStrings): TemplateResult | typeof nothing {
  const status = sync.status;
  if (!status) return nothing;
  const { connection, pending, saving } = status;
  let state = 'saved';
  let text = '';
  if (sync.refusal) {
    state = 'refused';
    text = s.syncRefused(sync.refusal.message);
  } else if (connection === 'offline') {
    state = 'offline';
    text = pending > 0 ? s.syncOfflineWaiting(pending) : s.syncOffline;
  } else if (saving) {
    state = 'saving';
    text = s.syncSaving;
  } else if (pending > 0) {
    state = 'waiting';
    text = s.syncWaiting(pending);
  }
  return html`<span part="sync-status" class="sync-status" role="status" data-state=${state}>${text}</span>`;
}
