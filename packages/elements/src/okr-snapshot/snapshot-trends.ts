import type { OkrStore, SeriesPoint, SnapshotRow } from '@okrkit/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterPaint } from '../after-paint.js';
import type { RowWindow } from './row-window.js';

/** What a read of trends needs, as the element stands at the time of the read. */
export interface TrendRequest {
  readonly store: OkrStore;
  readonly sessionId: string;
  /** The rows shown, and the window of them in view. */
  readonly rows: readonly SnapshotRow[];
  readonly window: RowWindow;
}

/**
 * The trends (`store.series`) of the key results `<okr-snapshot>` has in view, read as
 * they scroll into view and remembered per session until a change to the session. A
 * session's first trends fold every one of its weeks (some 70 ms for 10,000 rows), so
 * they are read once the rows are painted, so that the rows show first: scheduled once,
 * by the update that renders the rows, not again by each update before the read runs.
 * Later reads are cheap and run at once. An element taken off the page reads nothing (its
 * first read may come after it is gone), and reads what it missed when it is put back.
 */
export class TrendReader implements ReactiveController {
  readonly #request: () => TrendRequest | undefined;
  readonly #arrived: () => void;
  /** Series per session, per item; `undefined` while being read. */
  readonly #series = new Map<string, Map<string, readonly SeriesPoint[] | undefined>>();
  /** The session whose first read is scheduled after the paint, until it runs. */
  #firstRead: string | undefined;

  /** `request` says what to read (none while nothing is shown); `arrived` is told when points come in. */
  constructor(host: ReactiveControllerHost & Element, request: () => TrendRequest | undefined, arrived: () => void) {
    this.#request = () => (host.isConnected ? request() : undefined);
    this.#arrived = arrived;
    host.addController(this);
  }

  hostConnected(): void {
    // Put back on a page: what it did not read while it was off.
    const request = this.#request();
    if (request) this.updated(request.sessionId);
  }

  /** The trend of an item, once read. */
  of(sessionId: string, itemId: string): readonly SeriesPoint[] | undefined {
    return this.#series.get(sessionId)?.get(itemId);
  }

  /** Forgets a session's trends (it changed: they are read again). */
  forget(sessionId: string): void {
    this.#series.delete(sessionId);
  }

  /** After each update of the element: reads what came into view, or schedules the session's first read. */
  updated(sessionId: string | undefined): void {
    if (!sessionId || this.#series.has(sessionId)) {
      this.#read();
      return;
    }
    if (this.#firstRead === sessionId || !this.#request()) return;
    this.#firstRead = sessionId;
    afterPaint(() => {
      // Another session's first read was scheduled since: that one reads.
      if (this.#firstRead !== sessionId) return;
      this.#firstRead = undefined;
      this.#read();
    });
  }

  /** Reads the trend of the key results in view that have none yet. */
  #read(): void {
    const request = this.#request();
    if (!request) return;
    const { store, sessionId, rows, window } = request;
    let cache = this.#series.get(sessionId);
    if (!cache) {
      cache = new Map();
      this.#series.set(sessionId, cache);
    }
    const missing: string[] = [];
    for (let i = window.start; i < window.end; i++) {
      const row = rows[i];
      if (row?.type !== 'keyResult' || row.change.removed || cache.has(row.id)) continue;
      cache.set(row.id, undefined);
      missing.push(row.id);
    }
    if (missing.length === 0) return;
    const filled = cache;
    void Promise.all(
      missing.map((id) =>
        store.series(sessionId, id).then(
          (points) => filled.set(id, points),
          () => filled.set(id, []),
        ),
      ),
    ).then(() => {
      if (this.#series.get(sessionId) === filled) this.#arrived();
    });
  }
}
