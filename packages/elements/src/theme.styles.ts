import { css } from 'lit';

/**
 * The look every okrkit element shares: private `--_*` tokens read from the public
 * `--okr-*` custom properties with light fallbacks, and dark fallbacks under
 * `prefers-color-scheme: dark`. Hosts theme by setting `--okr-*` on the element or any
 * ancestor; a host that sets the colours gets exactly them in both schemes.
 * Layout uses logical properties only, so right-to-left pages work.
 */
export const theme = css`
  [part~='base'],
  dialog {
    --_font: var(--okr-font, 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif);
    --_text: var(--okr-color-text, #1f2328);
    --_muted: var(--okr-color-text-muted, #59636e);
    --_surface: var(--okr-color-surface, #ffffff);
    --_surface-alt: var(--okr-color-surface-alt, #f6f8fa);
    --_border: var(--okr-color-border, #d1d9e0);
    --_accent: var(--okr-color-accent, #0969da);
    --_on-accent: var(--okr-color-on-accent, #ffffff);
    --_danger: var(--okr-color-danger, #cf222e);
    --_warning-bg: var(--okr-color-warning-surface, #fff8c5);
    --_warning: var(--okr-color-warning, #7d4e00);
    --_focus: var(--okr-color-focus, #0969da);
    --_space-xs: var(--okr-space-xs, 4px);
    --_space-s: var(--okr-space-s, 8px);
    --_space-m: var(--okr-space-m, 12px);
    --_space-l: var(--okr-space-l, 20px);
    --_radius: var(--okr-radius, 6px);
    font: var(--_font);
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    [part~='base'],
    dialog {
      --_text: var(--okr-color-text, #e6edf3);
      --_muted: var(--okr-color-text-muted, #9198a1);
      --_surface: var(--okr-color-surface, #0d1117);
      --_surface-alt: var(--okr-color-surface-alt, #151b23);
      --_border: var(--okr-color-border, #3d444d);
      --_accent: var(--okr-color-accent, #4493f8);
      --_on-accent: var(--okr-color-on-accent, #ffffff);
      --_danger: var(--okr-color-danger, #f85149);
      --_warning-bg: var(--okr-color-warning-surface, #3a2d07);
      --_warning: var(--okr-color-warning, #e3b341);
      --_focus: var(--okr-color-focus, #4493f8);
    }
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
  .error::before {
    content: '⚠ ';
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
    color: var(--okr-color-state-in-progress, #1a7f37);
  }
  .badge.state-archived {
    color: var(--okr-color-state-archived, var(--_muted));
  }
  @media (prefers-color-scheme: dark) {
    .badge.state-in_progress {
      color: var(--okr-color-state-in-progress, #3fb950);
    }
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
