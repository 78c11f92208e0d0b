import { css } from 'lit';

/** How icons sit in text: 1em, on the text's middle, mirrored in right-to-left text when directional. */
export const iconStyles = css`
  .icon {
    inline-size: 1em;
    block-size: 1em;
    vertical-align: -0.125em;
    flex: none;
  }
  :host(:dir(rtl)) .icon-mirror {
    transform: scaleX(-1);
  }
`;
