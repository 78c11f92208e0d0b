import { css } from 'lit';

/** The initials avatar and name of `personChip`, in both colour schemes. */
export const personStyles = css`
  .person {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-s, 8px);
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .person-avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 24px;
    block-size: 24px;
    border-radius: 50%;
    background: light-dark(hsl(var(--hue, 210) 55% 88%), hsl(var(--hue, 210) 35% 30%));
    color: light-dark(hsl(var(--hue, 210) 60% 22%), hsl(var(--hue, 210) 60% 92%));
    font-size: 0.7em;
    font-weight: 700;
    line-height: 1;
  }
  .person-name {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
