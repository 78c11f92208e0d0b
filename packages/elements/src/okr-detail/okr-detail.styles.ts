import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  dialog.panel {
    inline-size: var(--okr-detail-width, min(480px, 100vw));
    max-inline-size: 100vw;
    block-size: 100dvh;
    max-block-size: 100dvh;
    margin-block: 0;
    margin-inline: auto 0;
    border-radius: 0;
    border-block: 0;
    border-inline-end: 0;
    overflow: auto;
  }
  dialog.panel[open] {
    display: flex;
    flex-direction: column;
  }
  .dialog-header {
    align-items: flex-start;
    position: sticky;
    inset-block-start: 0;
    background: var(--_surface);
    z-index: 1;
  }
  .heading {
    flex: 1;
    min-inline-size: 0;
  }
  .heading h2 {
    overflow-wrap: anywhere;
  }
  .kind {
    margin: 0 0 var(--_space-xs);
    color: var(--_muted);
    font-size: 0.85em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .icon-button {
    padding-inline: var(--_space-s);
    font-size: 1.1em;
  }
  .dialog-body {
    align-content: start;
    gap: var(--_space-l);
  }
  section {
    display: grid;
    gap: var(--_space-s);
    min-inline-size: 0;
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  p {
    margin: 0;
  }
  .description,
  .comment-text {
    overflow-wrap: anywhere;
  }
  .muted,
  .hint,
  .meta {
    color: var(--_muted);
  }
  .hint,
  .meta {
    font-size: 0.9em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs);
  }
  .facts {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
  }
  .facts > div {
    display: grid;
    grid-template-columns: minmax(7em, auto) 1fr;
    gap: var(--_space-m);
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-s);
  }
  .items li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
    min-inline-size: 0;
  }
  .items .link {
    flex: 1 1 12rem;
  }
  .history li,
  .comments li {
    display: grid;
    gap: var(--_space-xs);
    padding-block: var(--_space-s);
    padding-inline-start: var(--_space-m);
    border-inline-start: 3px solid var(--_border);
  }
  .history li.counts {
    border-inline-start-color: var(--_accent);
  }
  .history li.superseded .link {
    text-decoration: line-through;
    color: var(--_muted);
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .link {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0;
    text-align: start;
    cursor: pointer;
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  .link:hover {
    text-decoration: underline;
  }
  .link:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .pct {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .badge.correction {
    color: var(--_accent);
  }
  .badge.superseded {
    color: var(--_muted);
  }
  .sparkline {
    max-inline-size: 100%;
    block-size: auto;
  }
  a {
    color: var(--_accent);
    overflow-wrap: anywhere;
  }
`;
