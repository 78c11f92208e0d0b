import { css } from 'lit';

/** The add and edit dialog and the remove confirmation of `<okr-list>`. */
export const formStyles = css`
  .kind-read {
    margin: 0;
  }

  #form-dialog {
    inline-size: min(560px, calc(100vw - 32px));
  }
  #form-dialog form {
    margin: 0;
  }
  .context {
    margin: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: var(--_space-xs);
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .steps ol {
    margin: 0;
    padding-inline-start: 1.6em;
    display: grid;
    gap: var(--_space-xs);
  }
  .steps li > * {
    vertical-align: middle;
  }
  .steps li {
    display: list-item;
  }
  .steps li input {
    inline-size: calc(100% - 44px);
  }
  .add-step {
    justify-self: start;
    color: var(--_accent);
  }
  .checks {
    display: grid;
    gap: var(--_space-xs);
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }
  .check input {
    inline-size: auto;
    min-block-size: 0;
    margin: 0;
  }
  .row-2 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
    gap: var(--_space-m);
  }
  #confirm {
    inline-size: min(440px, calc(100vw - 32px));
  }
  #confirm p {
    margin: 0;
  }

  .check span {
    overflow-wrap: anywhere;
  }
`;
