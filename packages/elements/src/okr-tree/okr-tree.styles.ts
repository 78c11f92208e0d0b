import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='base'] {
    display: grid;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [role='tree'] {
    padding: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
  }
  [role='treeitem'] {
    outline: none;
    cursor: pointer;
  }
  .node {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) minmax(120px, 200px);
    align-items: center;
    gap: var(--_space-s);
    padding-block: 6px;
    padding-inline-start: calc(var(--_level, 0) * var(--okr-tree-indent, 22px) + var(--_space-s));
    padding-inline-end: var(--_space-m);
    border-radius: var(--_radius);
    position: relative;
  }
  .node:hover {
    background: var(--_surface-alt);
  }
  [role='treeitem']:focus-visible > .node {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [role='treeitem'][aria-selected='true'] > .node {
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  [role='treeitem'][aria-selected='true'] > .node::before {
    content: '';
    position: absolute;
    inset-block: 6px;
    inset-inline-start: 0;
    inline-size: 3px;
    border-radius: 3px;
    background: var(--_accent);
  }
  .twisty {
    inline-size: 18px;
    block-size: 18px;
    display: inline-grid;
    place-items: center;
    color: var(--_muted);
  }
  /* The chevron mirrors itself in right-to-left text; opened, it turns to point down either way. */
  .twisty .icon {
    transition: rotate 0.15s;
  }
  .twisty.open .icon {
    rotate: 90deg;
  }
  :host(:dir(rtl)) .twisty.open .icon {
    rotate: -90deg;
  }
  .twisty.leaf::before {
    content: '';
    inline-size: 5px;
    block-size: 5px;
    border-radius: 50%;
    background: currentColor;
    opacity: 0.5;
  }
  .twisty.kr {
    color: var(--_accent);
  }
  .key-result .node-title {
    font-weight: 400;
  }
  .node-main {
    display: grid;
    min-inline-size: 0;
  }
  /* An isolated block (bdi) takes its title's direction: align it as the page reads. */
  .node-title {
    display: block;
    text-align: match-parent;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .role-parent .node-title {
    color: var(--_text);
  }
  .node-meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    font-size: 0.85em;
  }
  .session-badge {
    padding-inline: 6px;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
  }
  .role-this .session-badge {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .node-progress {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }
  /* Narrow hosts: the progress moves under the title. */
  @container okr (max-width: 480px) {
    .node {
      grid-template-columns: auto minmax(0, 1fr);
      padding-inline-start: calc(var(--_level, 0) * 12px + var(--_space-xs));
    }
    .node-progress {
      grid-column: 2;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .twisty .icon {
      transition: none;
    }
  }
`;
