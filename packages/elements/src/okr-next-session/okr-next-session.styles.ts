import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  dialog {
    inline-size: min(560px, calc(100vw - 16px));
    max-block-size: calc(100dvh - 16px);
    padding: 0;
  }
  form {
    display: flex;
    flex-direction: column;
    max-block-size: inherit;
  }
  .dialog-body {
    display: grid;
    gap: var(--_space-m);
    overflow: auto;
  }
  .row-2 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
    gap: var(--_space-m);
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  fieldset {
    margin: 0;
    min-inline-size: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m) var(--_space-m);
    display: grid;
    gap: var(--_space-s);
  }
  legend {
    font-weight: 600;
    padding-inline: var(--_space-xs);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-xs);
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
    min-inline-size: 0;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  input[type='checkbox'] {
    inline-size: auto;
    min-block-size: 0;
    margin: 0.2em 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
`;
