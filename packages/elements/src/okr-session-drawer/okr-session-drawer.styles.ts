import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }

  dialog.drawer {
    inline-size: var(--okr-drawer-width, min(520px, 100vw));
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
  dialog.drawer[open] {
    display: flex;
    flex-direction: column;
    animation: slide-in 0.18s ease-out;
  }
  @keyframes slide-in {
    from {
      translate: 24px 0;
    }
  }
  :host(:dir(rtl)) dialog.drawer[open] {
    animation-name: slide-in-rtl;
  }
  @keyframes slide-in-rtl {
    from {
      translate: -24px 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    dialog.drawer[open],
    :host(:dir(rtl)) dialog.drawer[open] {
      animation: none;
    }
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
  .subtitle {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    margin: var(--_space-xs) 0 0;
    color: var(--_muted);
  }
  .number {
    font-variant-numeric: tabular-nums;
  }
  .icon-button {
    padding-inline: var(--_space-s);
    font-size: 1.1em;
  }

  .menu-wrap {
    position: relative;
  }
  [role='menu'] {
    position: absolute;
    inset-inline-end: 0;
    inset-block-start: calc(100% + 4px);
    min-inline-size: 160px;
    margin: 0;
    padding: var(--_space-xs);
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
    z-index: 2;
  }
  [role='menu'][hidden] {
    display: none;
  }
  [role='menuitem'] {
    display: block;
    inline-size: 100%;
    padding-block: var(--_space-s);
    padding-inline: var(--_space-m);
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    background: none;
    color: var(--_text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus {
    background: var(--_surface-alt);
  }
  [role='menuitem'].danger {
    color: var(--_danger);
  }

  .dialog-body {
    align-content: start;
  }
  .dialog-footer {
    flex-wrap: wrap;
    justify-content: flex-start;
    margin-block-start: auto;
  }
  .dialog-footer[hidden] {
    display: none;
  }
  section {
    display: grid;
    gap: var(--_space-m);
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  .details-form {
    display: grid;
    gap: var(--_space-m);
  }
  .row-2 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
    gap: var(--_space-m);
  }
  .form-actions {
    display: flex;
    justify-content: flex-end;
  }

  .facts {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
  }
  .facts[hidden] {
    display: none;
  }
  .facts > div {
    display: grid;
    grid-template-columns: minmax(8em, auto) 1fr;
    gap: var(--_space-m);
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .disclosure {
    justify-self: start;
    padding-inline: 0;
    color: var(--_accent);
  }
  .chevron {
    display: inline-block;
    transition: rotate 0.15s;
  }
  /* The icon mirrors itself in right-to-left text; opened, it turns to point down either way. */
  .disclosure[aria-expanded='true'] .chevron {
    rotate: 90deg;
  }
  :host(:dir(rtl)) .disclosure[aria-expanded='true'] .chevron {
    rotate: -90deg;
  }
  .facts dd .person {
    vertical-align: middle;
  }

  .status:empty {
    display: none;
  }
  .status {
    margin: 0;
    color: var(--_muted);
  }

  dialog.confirm {
    inline-size: min(440px, calc(100vw - 32px));
  }
  dialog.confirm p {
    margin: 0;
  }
`;
