import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .access {
    display: grid;
    gap: var(--_space-m);
    min-inline-size: 0;
  }
  h3 {
    margin: 0;
    font-size: 1em;
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
    gap: var(--_space-xs);
  }
  legend {
    font-weight: 600;
    padding-inline: var(--_space-xs);
  }
  fieldset.list {
    border-style: dashed;
  }
  .lists {
    display: grid;
    gap: var(--_space-s);
    margin-block-start: var(--_space-xs);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: var(--_space-xs) var(--_space-m);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-inline-size: 0;
    min-block-size: 28px;
    cursor: pointer;
  }
  .choice .person {
    min-inline-size: 0;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: auto;
    min-block-size: 0;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-m);
  }
  .status {
    margin: 0;
    color: var(--_muted);
  }
  .status:empty {
    display: none;
  }
`;
