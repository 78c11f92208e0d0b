import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { RowWindow } from './row-window.js';
import { weekText } from './snapshot-format.js';
import { type RowContext, rowKey, snapshotRow } from './snapshot-row.js';

/**
 * The table of `<okr-snapshot>`: its column headers and the rows in the scroll window
 * (`takeWindow`, which also notes the window as rendered; see row-window-controller.ts), placed in a body as tall as every row, so that the
 * scrollbar is honest while only a screenful of rows is in the DOM. With no rows, why
 * not: an empty week (the `empty` slot), or nothing for the owner filter (with a way
 * back to everyone's).
 */
export function snapshotTable(
  rows: RowContext,
  takeWindow: () => RowWindow,
  sessionEmpty: boolean,
  showAll: () => void,
  onScroll: (event: Event) => void,
): TemplateResult {
  const { view, snapshot } = rows;
  const s = view.s;
  const shown = snapshot.rows;
  if (shown.length === 0) {
    return sessionEmpty
      ? html`<div part="empty" class="state empty">
          <slot name="empty">
            <p class="state-title">${s.snapshotEmptyTitle}</p>
            <p class="state-body">${s.snapshotEmptyBody}</p>
          </slot>
        </div>`
      : html`<div part="empty" class="state empty">
          <p class="state-title">${s.filterEmptyTitle}</p>
          <p class="state-body">${s.filterEmptyBody}</p>
          <button id="show-all" class="button" type="button" @click=${showAll}>${s.ownerAll}</button>
        </div>`;
  }
  const win = takeWindow();
  const slice = shown.slice(win.start, win.end);
  return html`<div
    part="table"
    class="viewport"
    role="table"
    tabindex="0"
    aria-label=${s.tableLabel(weekText(s, snapshot.week, view.locale))}
    aria-rowcount=${shown.length + 1}
    @scroll=${onScroll}
  >
    <div role="rowgroup" class="head">
      <div role="row" part="header-row" class="row column-heads" aria-rowindex="1">
        <span role="columnheader" class="cell">${s.columnItem}</span>
        <span role="columnheader" class="cell">${s.columnOwner}</span>
        <span role="columnheader" class="cell">${s.columnProgress}</span>
        <span role="columnheader" class="cell">${s.columnStatus}</span>
        <span role="columnheader" class="cell">${s.columnChange}</span>
        <span role="columnheader" class="cell">${s.columnTrend}</span>
        <span role="columnheader" class="cell"><span class="visually-hidden">${s.columnActions}</span></span>
      </div>
    </div>
    <div role="rowgroup" class="body" style="block-size: ${win.total}px">
      <div class="slice" style="transform: translateY(${win.offset}px)">
        ${repeat(
          slice,
          (row, i) => `${win.start + i}:${rowKey(row)}`,
          (row, i) => snapshotRow(rows, row, win.start + i),
        )}
      </div>
    </div>
  </div>`;
}
