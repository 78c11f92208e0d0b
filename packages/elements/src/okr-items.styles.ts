import { css } from 'lit';

/**
 * What `<okr-list>`, `<okr-check-in>` and `<okr-tree>` share: progress bars, status
 * badges, owner avatars and the designed empty, loading and error states.
 */
export const items = css`
  .meter {
    position: relative;
    display: block;
    inline-size: 100%;
    min-inline-size: 64px;
    block-size: 8px;
    border-radius: 999px;
    background: var(--okr-color-progress-track, var(--_border));
    overflow: hidden;
  }
  .meter .fill {
    display: block;
    block-size: 100%;
    inline-size: var(--_value, 0%);
    border-radius: inherit;
    background: var(--okr-color-progress, var(--_accent));
    transition: inline-size 0.25s ease;
  }
  .meter.on_track .fill {
    background: var(--okr-color-on-track, #1a7f37);
  }
  .meter.at_risk .fill {
    background: var(--okr-color-at-risk, #bf8700);
  }
  .meter.off_track .fill {
    background: var(--okr-color-off-track, var(--_danger));
  }
  .percent {
    /* Never narrower than its text: "100 %" (German puts a space before the sign) beside a bar. */
    flex-shrink: 0;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    min-inline-size: 4ch;
    text-align: end;
  }

  .status {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    padding-inline: var(--_space-s);
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 600;
    line-height: 1.8;
    white-space: nowrap;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
  }
  .status::before {
    content: '';
    inline-size: 7px;
    block-size: 7px;
    border-radius: 50%;
    background: currentColor;
  }
  .status.on_track {
    color: var(--okr-color-on-track-text, light-dark(#1a7f37, #3fb950));
  }
  .status.at_risk {
    color: var(--okr-color-at-risk-text, light-dark(#7d4e00, #e3b341));
  }
  .status.off_track {
    color: var(--okr-color-off-track-text, light-dark(#b3261e, #f85149));
  }

  .avatar {
    display: inline-grid;
    place-items: center;
    inline-size: 22px;
    block-size: 22px;
    border-radius: 50%;
    background: var(--okr-color-avatar, color-mix(in srgb, var(--_accent) 16%, var(--_surface)));
    color: var(--_text);
    font-size: 0.72em;
    font-weight: 700;
    flex: none;
  }
  .avatar.none {
    background: var(--_surface-alt);
    border: 1px dashed var(--_border);
    color: var(--_muted);
  }
  /* Form controls shared by the list's forms and the check-in dialog. */
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 6px var(--_space-s);
    inline-size: 100%;
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .muted {
    color: var(--_muted);
  }

  @media (prefers-reduced-motion: reduce) {
    .meter .fill {
      transition: none;
    }
  }
`;
