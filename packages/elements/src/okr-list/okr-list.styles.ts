import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  /* The list is embedded in other people's layouts: it answers to its own width, not the viewport's. */
  [part~='base'] {
    display: grid;
    gap: var(--_space-m);
    /* One column as wide as the container: never as wide as some child once was. */
    grid-template-columns: minmax(0, 1fr);
    /* Its size container is the shared one named okr (theme.styles.ts). */
    min-inline-size: 0;
  }
  .toolbar {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-m);
  }
  .spacer {
    flex: 1;
  }
  .lifecycle {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    margin: 0;
  }
  .icon-button {
    padding-inline: var(--_space-s);
    min-inline-size: 34px;
    justify-content: center;
  }
  .button.small {
    min-block-size: 28px;
    padding-block: 0;
    padding-inline: var(--_space-s);
  }
  .button.quiet:hover:not([disabled]) {
    background: var(--_surface-alt);
  }
  .button.quiet[disabled] {
    opacity: 0.3;
  }
  .remove:hover:not([disabled]) {
    color: var(--_danger);
  }

  .objectives {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-m);
  }
  /*
   * Objectives off screen skip style, layout and paint until scrolled to (their text is
   * still found by find-in-page and reached by Tab): laying out 750 objective cards of a
   * large organisation took most of a second before anything showed.
   */
  .objective {
    content-visibility: auto;
    /* The block size only: a remembered inline size would hold a card at a width it had before the container shrank. */
    contain-intrinsic-block-size: auto 320px;
  }
  .objective.closed {
    contain-intrinsic-block-size: auto 76px;
  }
  .objective > article {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m) var(--_space-l) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.04);
  }
  .objective-body {
    display: grid;
    gap: var(--_space-s);
  }
  .objective-header {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 13em 190px auto;
    grid-template-areas: 'title owner progress actions';
    align-items: center;
    gap: var(--_space-m);
    padding-block-end: var(--_space-s);
    border-block-end: 1px solid var(--_border);
  }
  .title-row {
    display: flex;
    align-items: center;
    gap: var(--_space-xs);
    min-inline-size: 0;
  }
  h3.title {
    margin: 0;
    font-size: 1.1em;
    overflow-wrap: anywhere;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: 2px solid var(--_focus);
  }
  .edit {
    opacity: 0.55;
    min-block-size: 28px;
    min-inline-size: 28px;
  }
  .title-row:hover .edit,
  .edit:focus-visible {
    opacity: 1;
  }
  /* A closed objective is its header alone: no rule under it. */
  .closed .objective-header {
    padding-block-end: 0;
    border-block-end: 0;
  }
  .objective-title {
    grid-area: title;
    min-inline-size: 0;
  }
  .objective-header > .owner {
    grid-area: owner;
  }
  .objective-progress {
    grid-area: progress;
  }
  .objective-header > .actions {
    grid-area: actions;
  }
  .toggle {
    white-space: nowrap;
  }
  .description {
    display: flex;
    align-items: center;
    overflow-wrap: anywhere;
    gap: var(--_space-xs);
    margin: var(--_space-xs) 0 0;
  }
  .description .edit {
    min-block-size: 24px;
    min-inline-size: 24px;
  }
  .add-description,
  .edit-target {
    color: var(--_accent);
    font-size: 0.85em;
    font-weight: 500;
  }
  .add-description {
    justify-self: start;
    margin-block-start: 2px;
    margin-inline-start: calc(-1 * var(--_space-s));
  }
  .button.small.edit-target {
    min-block-size: 22px;
    padding-inline: 6px;
    font-size: 1em;
  }
  .objective-progress,
  .kr-progress {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }
  .actions {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 2px;
  }
  .edit-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs);
    flex: 1;
  }
  .edit-title input {
    flex: 1 1 14em;
    inline-size: auto;
  }
  .edit-title .error {
    flex-basis: 100%;
  }

  .key-results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }
  .key-result {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 190px 8.5em 6.5em 13em minmax(6.5em, max-content);
    grid-template-areas: 'title progress latest status owner actions';
    align-items: center;
    gap: var(--_space-m);
    padding-block: var(--_space-s);
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 55%, transparent);
  }
  /* Check in, move up, move down and remove: the same width in every row, one button or four. */
  .reorderable .key-result {
    grid-template-columns: minmax(0, 1fr) 190px 8.5em 6.5em 13em 14.5em;
  }
  .key-result:last-child {
    border-block-end: 0;
  }
  .kr-title {
    grid-area: title;
    display: grid;
    min-inline-size: 0;
  }
  .kr-progress {
    grid-area: progress;
  }
  .kr-latest {
    grid-area: latest;
  }
  .kr-status {
    grid-area: status;
  }
  .key-result > .owner {
    grid-area: owner;
  }
  .key-result > .actions {
    grid-area: actions;
  }
  .kr-title .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .kr-target {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--_space-s);
    font-size: 0.85em;
  }
  .kr-weight {
    padding: 0 6px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .kr-latest .value {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .kr-empty {
    margin: 0;
    padding-block: var(--_space-s);
  }
  .add-kr {
    justify-self: start;
    color: var(--_accent);
  }
  .owner {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-inline-size: 0;
  }
  .owner-name {
    overflow-wrap: anywhere;
  }
  /* As wide as the column allows, so that a full name shows (a name is never cut to "Dana Kowalsk"). */
  .owner-select {
    flex: 1;
    inline-size: 100%;
    min-inline-size: min(10em, 100%);
    min-block-size: 30px;
    padding-block: 2px;
  }
  .check-in {
    min-block-size: 30px;
  }

  .initiatives {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m) var(--_space-l);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
  }
  .section-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
  }
  .section-header h3 {
    margin: 0;
    font-size: 1.05em;
  }
  .initiatives p {
    margin: 0;
  }
  .initiative-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .initiative {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 6.5em 6.5em 13em minmax(4.5em, max-content);
    grid-template-areas: 'main badge link owner actions';
    align-items: center;
    gap: var(--_space-m);
    padding-block: var(--_space-s);
    border-block-start: 1px solid color-mix(in srgb, var(--_border) 55%, transparent);
  }
  .initiative-main {
    grid-area: main;
    display: grid;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .initiative-main .title {
    font-weight: 600;
  }
  .initiative > .badge {
    grid-area: badge;
  }
  .initiative-link {
    grid-area: link;
  }
  .initiative > .owner {
    grid-area: owner;
  }
  .initiative > .actions {
    grid-area: actions;
  }
  .linked {
    font-size: 0.85em;
  }
  .badge.initiative-planned {
    color: var(--_muted);
  }
  .badge.initiative-active {
    color: var(--_accent);
  }
  .badge.initiative-done {
    color: var(--okr-color-on-track-text, light-dark(#1a7f37, #3fb950));
  }
  .badge.initiative-dropped {
    color: var(--_muted);
    text-decoration: line-through;
  }
  .link {
    color: var(--_accent);
  }
  .initiative .badge {
    justify-self: start;
  }
`;
