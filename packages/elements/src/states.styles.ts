import { css } from 'lit';

/**
 * The designed empty, loading and error states every element shares: a centred panel
 * with a title and a line of help, a spinner while loading, a red border on errors.
 * Uses the private `--_*` variables that `theme` derives from the `--okr-*` properties.
 */
export const states = css`
  .state {
    display: grid;
    justify-items: center;
    gap: var(--_space-s);
    padding: calc(var(--_space-l) * 2) var(--_space-l);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    text-align: center;
    color: var(--_muted);
  }
  .state p {
    margin: 0;
    max-inline-size: 56ch;
  }
  .state-title {
    font-size: 1.15em;
    font-weight: 600;
    color: var(--_text);
  }
  .empty-art {
    color: var(--_accent);
  }
  .error-state {
    border-style: solid;
    border-color: var(--_danger);
  }
  .error-state .state-title {
    color: var(--_danger);
  }
  .loading-state,
  [part~='loading'] {
    display: flex;
    justify-content: center;
    align-items: center;
  }
  .spinner {
    inline-size: 18px;
    block-size: 18px;
    border: 2px solid var(--_border);
    border-block-start-color: var(--_accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
