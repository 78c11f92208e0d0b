import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  /* A dialog sits in the top layer, over the whole page: it sizes to the viewport (dynamic
     units, so a phone's browser bars do not push it off-screen), not to the host. */
  dialog {
    inline-size: var(--okr-check-in-width, min(620px, calc(100vw - 32px)));
    max-inline-size: calc(100vw - 16px);
    max-block-size: calc(100dvh - 32px);
    overflow: hidden;
    flex-direction: column;
  }
  dialog[open] {
    display: flex;
  }
  dialog.confirm {
    inline-size: min(440px, calc(100vw - 32px));
  }
  dialog.confirm p {
    margin: 0;
  }
  .dialog-header h2 {
    overflow-wrap: anywhere;
  }
  .dialog-body {
    overflow-y: auto;
    align-content: start;
    gap: var(--_space-l);
  }
  .icon-button {
    padding-inline: var(--_space-s);
    font-size: 1.1em;
  }
  form {
    display: grid;
    gap: var(--_space-m);
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  .facts {
    margin: 0;
  }
  .facts > div {
    display: flex;
    gap: var(--_space-s);
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .with-unit {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }
  .with-unit input {
    max-inline-size: 14em;
  }
  .unit {
    color: var(--_muted);
  }
  legend,
  .label {
    font-weight: 600;
    padding: 0;
    margin-block-end: var(--_space-xs);
  }
  .choices {
    display: grid;
    gap: var(--_space-xs);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    cursor: pointer;
  }
  .choice input,
  .segment input {
    inline-size: auto;
    min-block-size: 0;
    margin: 0;
  }
  .segments {
    display: flex;
    flex-wrap: wrap;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    inline-size: fit-content;
  }
  .segment {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    padding: 6px var(--_space-m);
    cursor: pointer;
    border-inline-start: 1px solid var(--_border);
  }
  .segment:first-child {
    border-inline-start: 0;
  }
  /* A phone-wide dialog: the four statuses as two rows of two rather than three and one. */
  @media (max-width: 480px) {
    .segments {
      display: grid;
      grid-template-columns: 1fr 1fr;
      inline-size: 100%;
    }
    .segment:nth-child(odd) {
      border-inline-start: 0;
    }
    .segment:nth-child(n + 3) {
      border-block-start: 1px solid var(--_border);
    }
  }
  .segment input {
    position: absolute;
    opacity: 0;
    inset: 0;
    cursor: pointer;
  }
  .segment:has(input:checked) {
    background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
    font-weight: 600;
  }
  .segment:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .segment.on_track::before,
  .segment.at_risk::before,
  .segment.off_track::before {
    content: '';
    inline-size: 8px;
    block-size: 8px;
    border-radius: 50%;
  }
  .segment.on_track::before {
    background: var(--okr-color-on-track, #1a7f37);
  }
  .segment.at_risk::before {
    background: var(--okr-color-at-risk, #bf8700);
  }
  .segment.off_track::before {
    background: var(--okr-color-off-track, var(--_danger));
  }

  .switch-field {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-s);
    cursor: pointer;
    position: relative;
    inline-size: fit-content;
  }
  .switch-input {
    position: absolute;
    opacity: 0;
    inline-size: 34px;
    block-size: 20px;
    margin: 0;
    min-block-size: 0;
  }
  .switch-input:checked + .track {
    background: var(--_accent);
  }
  .switch-input:checked + .track .thumb {
    inset-inline-start: 16px;
  }
  .switch-input:focus-visible + .track {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .preview {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
  }
  .preview-label {
    font-weight: 600;
  }
  .preview-row {
    display: grid;
    grid-template-columns: minmax(9em, auto) 1fr 4ch 4ch;
    align-items: center;
    gap: var(--_space-m);
  }
  .preview-name {
    color: var(--_muted);
  }
  .delta {
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
    font-weight: 600;
  }
  .delta.up {
    color: var(--okr-color-on-track-text, #1a7f37);
  }
  .delta.down {
    color: var(--okr-color-off-track-text, #b3261e);
  }
  .range {
    display: flex;
    align-items: center;
    gap: var(--_space-m);
  }
  .range input {
    padding: 0;
    border: 0;
    accent-color: var(--_accent);
  }

  .status-line {
    margin: 0;
    color: var(--_muted);
  }
  .status-line:empty {
    display: none;
  }
  .history {
    display: grid;
    gap: var(--_space-s);
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space-m);
  }
  .history p {
    margin: 0;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-s);
  }
  .item {
    display: grid;
    gap: 2px;
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 3px solid var(--_accent);
    background: var(--_surface-alt);
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }
  .item.superseded {
    border-inline-start-color: var(--_border);
    background: transparent;
  }
  .item-head {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .item-value {
    font-weight: 600;
  }
  .superseded .item-value {
    color: var(--_muted);
    font-weight: 400;
  }
  .spacer {
    flex: 1;
  }
  .item-meta {
    font-size: 0.9em;
  }
  .mark {
    font-size: 0.9em;
    font-style: italic;
  }
  .mark.corrected {
    color: var(--_warning);
  }
  .button.small {
    min-block-size: 26px;
    padding-block: 0;
    padding-inline: var(--_space-s);
    font-size: 0.9em;
  }
`;
