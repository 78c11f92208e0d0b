import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    --_on-track: var(--okr-color-on-track, light-dark(#1a7f37, #3fb950));
    --_on-track-bg: color-mix(in srgb, var(--_on-track) 12%, var(--_surface));
    --_at-risk: var(--okr-color-at-risk, light-dark(#9a6700, #d29922));
    --_at-risk-bg: color-mix(in srgb, var(--_at-risk) 14%, var(--_surface));
    --_off-track: var(--okr-color-off-track, light-dark(#cf222e, #f85149));
    --_off-track-bg: color-mix(in srgb, var(--_off-track) 11%, var(--_surface));
    --_up: var(--okr-color-up, light-dark(#1a7f37, #3fb950));
    --_down: var(--okr-color-down, light-dark(#cf222e, #f85149));
    --_row: 48px;
    --_cols: minmax(260px, 2.6fr) minmax(130px, 1fr) minmax(170px, 1.1fr) 104px 92px 100px 150px;
    /* The width under which the table scrolls inside itself: the header and the body get
       exactly this minimum, so that their columns (fractions of the same width) line up. */
    --_table-min: 1026px;
    --_item-bg: var(--_surface);
    display: grid;
    /* One column as wide as the element, never as wide as its widest content. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-m);
  }
  [part~='base'][aria-busy='true'] [part~='table'],
  [part~='base'][aria-busy='true'] [part~='summary'] {
    opacity: 0.7;
    transition: opacity 0.2s 0.15s;
  }

  /* ---- header and toolbar ---- */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-l);
  }
  .heading {
    display: flex;
    flex-wrap: wrap;
    min-inline-size: 0;
    align-items: baseline;
    gap: var(--_space-s);
  }
  .session-title {
    font-size: 1.35em;
    font-weight: 700;
    letter-spacing: -0.01em;
  }
  .session-id {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .week-title {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    font-weight: 600;
  }
  .pill {
    display: inline-flex;
    white-space: nowrap;
    align-items: center;
    gap: 6px;
    padding-inline: var(--_space-s);
    border-radius: 999px;
    font-size: 0.8em;
    line-height: 1.8;
    font-weight: 600;
  }
  .pill.live {
    background: var(--_on-track-bg);
    color: color-mix(in srgb, var(--_on-track) 75%, var(--_text));
  }
  .pill.past {
    background: var(--_surface-alt);
    color: var(--_muted);
    border: 1px solid var(--_border);
  }
  .pill .dot {
    inline-size: 7px;
    block-size: 7px;
    border-radius: 50%;
    background: currentColor;
    box-shadow: 0 0 0 3px color-mix(in srgb, currentColor 25%, transparent);
  }

  .toolbar {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-m);
    padding: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface-alt);
  }
  .spacer {
    flex: 1;
  }
  .week-nav,
  .export,
  .owner-filter {
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
  }
  .owner-filter {
    gap: var(--_space-s);
    font-weight: 600;
  }
  .owner-filter select {
    inline-size: auto;
    min-inline-size: 11em;
    font-weight: 400;
  }
  .month {
    inline-size: auto;
    font-weight: 600;
  }
  .button.icon-button {
    padding-inline: 7px;
  }
  .button.small {
    min-block-size: 28px;
    padding-inline: var(--_space-s);
    font-size: 0.9em;
  }
  .button.quiet {
    color: var(--_accent);
  }
  .weeks {
    display: flex;
    gap: 2px;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .week {
    /* The strip scrolls when the weeks do not fit: a button never shrinks below its text ("KW52"). */
    flex-shrink: 0;
    min-inline-size: 46px;
    min-block-size: 28px;
    padding-inline: var(--_space-s);
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    background: none;
    color: var(--_text);
    font: inherit;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
    position: relative;
  }
  .week:hover {
    background: var(--_surface-alt);
  }
  .week.future {
    color: var(--_muted);
  }
  .week.current::after {
    content: '';
    position: absolute;
    inset-block-end: 3px;
    inset-inline-start: calc(50% - 2px);
    inline-size: 4px;
    block-size: 4px;
    border-radius: 50%;
    background: var(--_accent);
  }
  .week[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .week[aria-pressed='true'].current::after {
    background: var(--_on-accent);
  }
  .export-label {
    color: var(--_muted);
    font-weight: 600;
    margin-inline-end: var(--_space-xs);
  }

  .read-only {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }

  /* ---- summary ---- */
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m) var(--_space-l);
    align-items: start;
  }
  .stats {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .stat {
    display: grid;
    min-inline-size: 92px;
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    border-block-start: 3px solid var(--_border);
  }
  .stat-value {
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .stat-label {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .stat-on_track {
    border-block-start-color: var(--_on-track);
  }
  .stat-at_risk {
    border-block-start-color: var(--_at-risk);
  }
  .stat-off_track {
    border-block-start-color: var(--_off-track);
  }
  .stat-mean {
    border-block-start-color: var(--_accent);
  }
  .movers {
    flex: 1;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-l);
    align-items: center;
    min-inline-size: 260px;
    padding: var(--_space-s) var(--_space-m);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface-alt);
  }
  .movers-label {
    display: block;
    color: var(--_muted);
    font-size: 0.85em;
    font-weight: 600;
  }
  .movers-list {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 2px;
  }
  .movers-list li {
    display: flex;
    gap: var(--_space-s);
    justify-content: space-between;
  }
  .mover-title {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-inline-size: 28ch;
  }
  .muted {
    color: var(--_muted);
  }

  /* ---- table ---- */
  .viewport {
    position: relative;
    overflow: auto;
    max-block-size: var(--okr-snapshot-max-height, min(70vh, 640px));
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    overscroll-behavior: contain;
  }
  .viewport:focus-visible {
    outline-offset: -2px;
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 3;
    min-inline-size: var(--_table-min);
  }
  .body {
    position: relative;
    min-inline-size: var(--_table-min);
  }
  .slice {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 0;
    will-change: transform;
  }
  .row {
    position: relative;
    display: grid;
    grid-template-columns: var(--_cols);
    align-items: start;
    border-block-end: 1px solid var(--_border);
    background: var(--_row-bg, var(--_surface));
  }
  .row.column-heads {
    --_row-bg: var(--_surface-alt);
    block-size: 38px;
    align-items: center;
    background: var(--_surface-alt);
    color: var(--_muted);
    font-size: 0.85em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .row:not(.column-heads):hover {
    --_row-bg: color-mix(in srgb, var(--_surface-alt) 70%, var(--_surface));
  }
  .cell {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-inline-size: 0;
    block-size: calc(var(--_row) - 1px);
    padding-inline: var(--_space-m);
    white-space: nowrap;
  }
  .row.column-heads .cell {
    block-size: auto;
  }
  .row.column-heads .cell:first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: inherit;
    align-self: stretch;
  }
  /* The first column stays in view while the table scrolls sideways (narrow hosts). */
  .item {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: inherit;
    padding-inline-start: calc(var(--_space-m) + var(--depth, 0) * 24px);
  }
  .title {
    overflow: hidden;
    text-overflow: ellipsis;
    text-align: match-parent;
  }
  .row.objective {
    --_row-bg: color-mix(in srgb, var(--_surface-alt) 55%, var(--_surface));
  }
  .row.objective .title {
    font-weight: 650;
  }
  .type-icon {
    flex: none;
    color: var(--_muted);
  }
  .type-icon.objective {
    color: var(--_accent);
  }
  .row.context .cell,
  .row.context .type-icon {
    color: var(--_muted);
  }
  .row.context .bar {
    filter: grayscale(1);
    opacity: 0.55;
  }
  .row.context .status-badge.status-badge,
  .row.context .person-avatar {
    background: var(--_surface-alt);
    color: var(--_muted);
    border: 1px solid var(--_border);
  }
  .row.context .title {
    font-weight: 400;
    font-style: italic;
  }
  .row.removed .title {
    text-decoration: line-through;
    color: var(--_muted);
  }

  .avatar.none {
    flex: none;
    inline-size: 24px;
    block-size: 24px;
    border-radius: 50%;
    background: none;
    border: 1.5px dashed var(--_border);
  }
  .unassigned {
    color: var(--_muted);
    font-style: italic;
  }

  .progress {
    gap: var(--_space-s);
  }
  .bar {
    position: relative;
    flex: 1;
    min-inline-size: 60px;
    max-inline-size: 110px;
    block-size: 8px;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_border) 60%, var(--_surface));
  }
  .bar .fill {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    border-radius: inherit;
    background: var(--_accent);
  }
  .bar.status-on_track .fill,
  .bar.status-done .fill {
    background: var(--_on-track);
  }
  .bar.status-at_risk .fill {
    background: var(--_at-risk);
  }
  .bar.status-off_track .fill {
    background: var(--_off-track);
  }
  .bar .expected {
    position: absolute;
    inset-block: -3px;
    inline-size: 2px;
    margin-inline-start: -1px;
    background: var(--_text);
    opacity: 0.45;
    border-radius: 1px;
  }
  .pct {
    min-inline-size: 3.2em;
    text-align: end;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .raw {
    color: var(--_muted);
    font-size: 0.8em;
  }

  .status-badge {
    display: inline-block;
    padding-inline: var(--_space-s);
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 600;
    line-height: 1.8;
    background: var(--_surface-alt);
    color: var(--_muted);
    border: 1px solid var(--_border);
  }
  .status-badge.status-on_track,
  .status-badge.status-done {
    background: var(--_on-track-bg);
    color: color-mix(in srgb, var(--_on-track) 80%, var(--_text));
    border-color: transparent;
  }
  .status-badge.status-at_risk {
    background: var(--_at-risk-bg);
    color: color-mix(in srgb, var(--_at-risk) 80%, var(--_text));
    border-color: transparent;
  }
  .status-badge.status-off_track {
    background: var(--_off-track-bg);
    color: color-mix(in srgb, var(--_off-track) 80%, var(--_text));
    border-color: transparent;
  }
  .status-badge.status-active {
    color: var(--_accent);
  }

  .delta {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .delta .icon {
    inline-size: 0.75em;
    block-size: 0.75em;
    vertical-align: 0;
  }
  .delta.up {
    color: var(--_up);
  }
  .delta.down {
    color: var(--_down);
  }
  .delta.none {
    color: var(--_muted);
  }
  .flag {
    flex: none;
    padding-inline: 6px;
    border-radius: var(--_radius);
    font-size: 0.75em;
    font-weight: 700;
    line-height: 1.7;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .flag.new {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
    color: var(--_accent);
  }
  .flag.removed {
    background: var(--_surface-alt);
    color: var(--_muted);
    border: 1px solid var(--_border);
  }
  .flag.stale {
    background: var(--_warning-bg);
    color: var(--_warning);
  }

  .spark-placeholder {
    inline-size: 72px;
    block-size: 2px;
    background: var(--_border);
    border-radius: 1px;
    opacity: 0.6;
  }

  .actions {
    justify-content: flex-end;
    gap: var(--_space-xs);
  }
  .comment-toggle[aria-expanded='true'] {
    background: color-mix(in srgb, var(--_accent) 13%, var(--_surface));
    color: var(--_accent);
    border-color: var(--_accent);
  }
  /* Positioned in the (sticky) item cell, as wide as the element shows: it stays in view
     when the table scrolls sideways. */
  .comment {
    position: absolute;
    inset-inline-start: calc(var(--_space-m) + var(--depth, 0) * 24px + 22px);
    inline-size: min(72ch, calc(100cqi - var(--depth, 0) * 24px - 22px - var(--_space-m) * 3));
    inset-block-start: calc(var(--_row) - 4px);
    block-size: 76px;
    padding: var(--_space-s) var(--_space-m);
    overflow: auto;
    border-inline-start: 3px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    white-space: normal;
  }
  .comment p {
    margin: 0;
  }
  .comment-meta {
    color: var(--_muted);
    font-size: 0.85em;
  }

  /* Two lines of title fit the fixed row height: long titles wrap before they are cut. */
  .item .title {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    white-space: normal;
    overflow-wrap: anywhere;
    line-height: 1.25;
  }

  /* ---- narrower hosts: respond to the element's own width ---- */
  @container okr (max-width: 1020px) {
    .viewport {
      --_cols: minmax(190px, 2.6fr) minmax(120px, 1fr) 130px 100px 72px 96px 150px;
      --_table-min: 858px;
    }
  }
  /* (A container query styles the container's descendants, never the container itself.) */
  @container okr (max-width: 720px) {
    .viewport {
      --_cols: 200px 150px 140px 104px 76px 96px 150px;
      --_table-min: 916px;
    }
    .month {
      order: -1;
      flex: 1 1 100%;
    }
    .week-nav {
      flex-wrap: wrap;
      inline-size: 100%;
    }
    .weeks {
      flex: 1;
      overflow-x: auto;
    }
    .week {
      min-inline-size: 40px;
    }
    .spacer {
      display: none;
    }
    .owner-filter {
      flex: 1 1 14em;
    }
    .owner-filter select {
      inline-size: 100%;
      min-inline-size: 0;
    }
    .stats {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(92px, 1fr));
      inline-size: 100%;
    }
    .movers {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      inline-size: 100%;
      min-inline-size: 0;
    }
    .movers-list li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .mover-title {
      max-inline-size: none;
    }
    .session-title {
      overflow-wrap: anywhere;
    }
  }
  /* Phones: the owner is their avatar (the name stays for assistive technology and as a tooltip). */
  @container okr (max-width: 420px) {
    .viewport {
      /* Owner and change are 88px, not 76: room for their headings in German ("ZUSTÄNDIG", "ÄNDERUNG"). */
      --_cols: 200px 88px 140px 104px 88px 96px 150px;
      --_table-min: 866px;
    }
    .owner .person-name,
    .owner .unassigned {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .item {
      padding-inline-start: calc(var(--_space-s) + var(--depth, 0) * 12px);
    }
  }

  /* ---- states ---- */
  @media (prefers-reduced-motion: reduce) {
    [part~='base'][aria-busy='true'] [part~='table'] {
      transition: none;
    }
  }
`;
