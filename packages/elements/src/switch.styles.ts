import { css } from 'lit';

/**
 * The on/off switch of `<okr-sessions>` (a button with `aria-checked`) and `<okr-check-in>`
 * (a checkbox): its track and thumb. Each element says when it is on, which moves the
 * thumb to `inset-inline-start: 16px` and fills the track with the accent colour.
 */
export const switchStyles = css`
  .track {
    position: relative;
    flex: none;
    inline-size: 34px;
    block-size: 20px;
    border-radius: 999px;
    background: var(--_border);
    transition: background-color 0.15s;
  }
  .thumb {
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: 2px;
    inline-size: 16px;
    block-size: 16px;
    border-radius: 50%;
    background: var(--_surface);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.3);
    transition: inset-inline-start 0.15s;
  }
  @media (prefers-reduced-motion: reduce) {
    .track,
    .thumb {
      transition: none;
    }
  }
`;
