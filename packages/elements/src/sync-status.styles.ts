import { css } from 'lit';

/** The status line of a store on a server: small and muted; a refusal in the danger colour. */
export const syncStatusStyles = css`
  .sync-status {
    font-size: 0.9em;
    font-weight: 400;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .sync-status:empty {
    display: none;
  }
  .sync-status[data-state='offline'] {
    color: var(--_warning);
  }
  .sync-status[data-state='refused'] {
    color: var(--_danger);
  }
`;
