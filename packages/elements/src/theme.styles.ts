import { css } from 'lit';

/**
 * The look every okrkit element shares: private `--_*` tokens read from the public
 * `--okr-*` custom properties, with fallbacks in `light-dark(light, dark)`.
 *
 * Colour scheme: the elements follow the host page's `color-scheme`, not the operating
 * system's preference: a page that is light (the default `color-scheme: normal`) gets the
 * light look even when the OS is dark, a page with `color-scheme: dark` the dark look, and
 * a page with `color-scheme: light dark` follows the OS like its own controls do. A host
 * chooses one element's scheme explicitly with `--okr-color-scheme: light` (or `dark`) on
 * it or an ancestor; plain `color-scheme` on the element works too, as it inherits into
 * the shadow root. Hosts theme by setting `--okr-*` on the element or any ancestor; a
 * host that sets the colours gets exactly them in both schemes.
 *
 * Every element's wrapper is a size container named `okr`, so an element's layout
 * responds to its own width (`@container okr (max-width: ...)`), not the viewport's: the
 * elements are embedded in other people's layouts. Layout uses logical properties only,
 * so right-to-left pages work.
 */
export const theme = css`
  :host([hidden]) {
    display: none !important;
  }
  [part~='base'],
  dialog {
    color-scheme: var(--okr-color-scheme);
    --_font: var(--okr-font, 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif);
    --_text: var(--okr-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--okr-color-text-muted, light-dark(#59636e, #9198a1));
    --_surface: var(--okr-color-surface, light-dark(#ffffff, #0d1117));
    --_surface-alt: var(--okr-color-surface-alt, light-dark(#f6f8fa, #151b23));
    --_border: var(--okr-color-border, light-dark(#d1d9e0, #3d444d));
    --_accent: var(--okr-color-accent, light-dark(#0969da, #4493f8));
    --_on-accent: var(--okr-color-on-accent, light-dark(#ffffff, #0d1117));
    --_danger: var(--okr-color-danger, light-dark(#cf222e, #f85149));
    --_warning-bg: var(--okr-color-warning-surface, light-dark(#fff8c5, #3a2d07));
    --_warning: var(--okr-color-warning, light-dark(#7d4e00, #e3b341));
    --_focus: var(--okr-color-focus, light-dark(#0969da, #4493f8));
    --_space-xs: var(--okr-space-xs, 4px);
    --_space-s: var(--okr-space-s, 8px);
    --_space-m: var(--okr-space-m, 12px);
    --_space-l: var(--okr-space-l, 20px);
    --_radius: var(--okr-radius, 6px);
    font: var(--_font);
    color: var(--_text);
  }
  [part~='base']:not(dialog) {
    container: okr / inline-size;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    min-block-size: 34px;
    padding-block: var(--_space-xs);
    padding-inline: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    white-space: nowrap;
  }
  .button:hover {
    filter: brightness(0.97);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-accent);
  }
  .button.quiet {
    background: transparent;
    border-color: transparent;
  }
  .button[disabled] {
    opacity: 0.6;
    cursor: default;
  }

  .field {
    display: grid;
    gap: var(--_space-xs);
    align-content: start;
  }
  .field label {
    font-weight: 600;
  }
  .field .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding-block: 6px;
    padding-inline: var(--_space-s);
    min-block-size: 34px;
    inline-size: 100%;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-size: 0.9em;
    margin: 0;
  }
  /* A warning sign drawn by CSS: the ⚠ character is an empty box without an emoji font. */
  .error::before {
    content: '';
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    margin-inline-end: 0.3em;
    vertical-align: -0.15em;
    background: currentColor;
    mask: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M8 1.5 15 14H1z M7.2 6v4.2h1.6V6z M7.2 11.3v1.6h1.6v-1.6z' fill-rule='evenodd'/%3E%3C/svg%3E")
      center / contain no-repeat;
  }
  .notice {
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .alert {
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }

  .badge {
    display: inline-block;
    padding-inline: var(--_space-s);
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 600;
    line-height: 1.7;
    border: 1px solid currentColor;
  }
  .badge.state-open {
    color: var(--okr-color-state-open, var(--_accent));
  }
  .badge.state-in_progress {
    color: var(--okr-color-state-in-progress, light-dark(#1a7f37, #3fb950));
  }
  .badge.state-archived {
    color: var(--okr-color-state-archived, var(--_muted));
  }
  dialog {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    padding: 0;
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: var(--okr-color-backdrop, rgb(15 20 25 / 0.45));
  }
  .dialog-header,
  .dialog-footer {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    padding: var(--_space-m) var(--_space-l);
  }
  .dialog-header {
    border-block-end: 1px solid var(--_border);
  }
  .dialog-header h2 {
    margin: 0;
    font-size: 1.15em;
    flex: 1;
  }
  .dialog-body {
    padding: var(--_space-l);
    display: grid;
    gap: var(--_space-m);
  }
  .dialog-footer {
    justify-content: flex-end;
    border-block-start: 1px solid var(--_border);
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
