import { css } from 'lit';

/**
 * How `<okr-list>` lays out at each width of its own (container queries on its base
 * wrapper), from a wide desktop column down to 320 px: it is embedded in other people's
 * layouts, so the viewport says little about the room it has.
 */
export const responsiveStyles = css`
  /* Narrower than a desktop column: a key result takes two or three lines, title first. */
  @container okr (max-width: 880px) {
    .objective-header {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas:
        'title title'
        'progress progress'
        'owner actions';
    }
    .key-result,
    .reorderable .key-result {
      grid-template-columns: minmax(0, 1fr) auto auto;
      grid-template-areas:
        'title title title'
        'progress latest status'
        'owner actions actions';
      gap: var(--_space-xs) var(--_space-m);
    }
    .initiative {
      grid-template-columns: minmax(0, 1fr) auto auto;
      grid-template-areas:
        'main main main'
        'badge link link'
        'owner actions actions';
      gap: var(--_space-xs) var(--_space-m);
    }
    .owner {
      max-inline-size: 18em;
    }
  }

  /* A phone, or a narrow column of a host page: one thing per line. */
  @container okr (max-width: 520px) {
    .objective > article,
    .initiatives {
      padding: var(--_space-m);
    }
    .objective-header {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'title' 'progress' 'owner' 'actions';
    }
    .key-result,
    .reorderable .key-result {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas:
        'title title'
        'progress progress'
        'latest status'
        'owner owner'
        'actions actions';
    }
    .initiative {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas:
        'main main'
        'badge link'
        'owner owner'
        'actions actions';
    }
    .actions {
      flex-wrap: wrap;
      justify-content: flex-start;
    }
    .objective-header > .actions {
      justify-content: flex-end;
    }
    .owner {
      max-inline-size: none;
    }
  }
`;
