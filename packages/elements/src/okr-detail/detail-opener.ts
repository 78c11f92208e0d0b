import type { OkrStore } from '@okrkit/core';
import { css, html, type TemplateResult } from 'lit';
import { type DetailItem, OkrDetailOpenEvent } from '../events/okr-detail-open-event.js';
import type { OkrSnapshotStrings, OkrStrings } from '../strings.js';
import type { OkrDetail } from './okr-detail.js';
import './okr-detail.js';

/** What an element hands the `<okr-detail>` it carries. */
export interface DetailPanelOptions {
  readonly store: OkrStore;
  readonly people: Readonly<Record<string, string>>;
  readonly locale: string | undefined;
  readonly strings: Partial<OkrStrings & OkrSnapshotStrings> | undefined;
  readonly week?: string | undefined;
}

/** The `<okr-detail>` an element carries in its shadow root, closed until `openDetail`. */
export function detailPanel(o: DetailPanelOptions): TemplateResult {
  return html`<okr-detail
    .store=${o.store}
    .people=${o.people}
    .locale=${o.locale}
    .strings=${o.strings}
    .week=${o.week}
  ></okr-detail>`;
}

/**
 * Fires `okr-detail-open` from `host` and, unless a listener cancelled it to show the item
 * its own way, opens the `<okr-detail>` of `host`'s shadow root on the item.
 */
export function openDetail(host: HTMLElement, sessionId: string, item: DetailItem): void {
  if (!host.dispatchEvent(new OkrDetailOpenEvent(sessionId, item))) return;
  host.shadowRoot?.querySelector<OkrDetail>('okr-detail')?.show(sessionId, item);
}

/** An item's title as the button that opens its details: looks like the title, underlined on hover. */
export const detailLinkStyles = css`
  .title-link {
    display: inline-flex;
    min-inline-size: 0;
    max-inline-size: 100%;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .title-link:hover .title,
  .title-link:hover {
    text-decoration: underline;
  }
  .title-link:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
`;
