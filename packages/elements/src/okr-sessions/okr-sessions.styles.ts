import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part='base'] {
    font: var(--okr-font, 14px/1.4 system-ui, sans-serif);
    color: var(--okr-color-text, #1f2328);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: var(--okr-space-s, 6px) var(--okr-space-m, 10px);
    border-bottom: 1px solid var(--okr-color-border, #d0d7de);
  }
  th {
    font-weight: 600;
    color: var(--okr-color-text-muted, #57606a);
  }
`;
