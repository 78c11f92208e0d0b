import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    display: grid;
    gap: var(--_space-m);
  }

  .toolbar {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-m);
  }
  .toolbar:empty {
    display: none;
  }
  .spacer {
    flex: 1;
  }

  .switch {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-s);
    padding: var(--_space-xs);
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .switch[aria-checked='true'] .track {
    background: var(--_accent);
  }
  .switch[aria-checked='true'] .thumb {
    inset-inline-start: 16px;
  }

  .table-scroll {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* The background is the table's, not the scroller's: Chromium composites a scroller with
     an opaque background and then paints every row of it, on screen or not (1,000
     sessions: first render 235 -> 155 ms in an 800 px window, where the table scrolls). */
  table {
    background: var(--_surface);
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding-block: var(--_space-s);
    padding-inline: var(--_space-m);
    border-block-end: 1px solid var(--_border);
    white-space: nowrap;
  }
  tbody tr:last-child td {
    border-block-end: 0;
  }
  /* A long title wraps, even one without spaces, instead of pushing the columns off-screen. */
  td.name {
    white-space: normal;
    overflow-wrap: anywhere;
    font-weight: 600;
    min-inline-size: 12ch;
  }
  @container okr (max-width: 600px) {
    th,
    td {
      padding-inline: var(--_space-s);
    }
    .sort {
      padding-inline: var(--_space-s);
    }
  }
  td.number {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  th {
    padding: 0;
    background: var(--_surface-alt);
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    inline-size: 100%;
    padding-block: var(--_space-s);
    padding-inline: var(--_space-m);
    border: 0;
    background: none;
    color: var(--_muted);
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .sort:hover,
  th[aria-sort] .sort {
    color: var(--_text);
  }
  .sort-icon {
    font-size: 0.7em;
    opacity: 0;
  }
  .sort:hover .sort-icon {
    opacity: 0.4;
  }
  .sort-icon.active,
  .sort:hover .sort-icon.active {
    opacity: 1;
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover {
    background: var(--_surface-alt);
  }
  tbody tr:focus-visible {
    outline-offset: -2px;
  }
  tr.archived td {
    color: var(--_muted);
  }
  tr.archived td.name {
    font-weight: 400;
  }

  #add-dialog {
    inline-size: min(560px, calc(100vw - 32px));
  }
  #add-dialog form {
    margin: 0;
  }
  .row-2 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
    gap: var(--_space-m);
  }
`;
