import type { SeriesPoint } from '@okrkit/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { sparkline } from './sparkline.js';

export interface SparklineOptions {
  readonly width: number;
  readonly height: number;
  /** The week whose point is marked. */
  readonly highlight?: string | undefined;
  /** The item's status, for the line's colour (`on_track`, `at_risk`, `off_track`, ...). */
  readonly status?: string | undefined;
  /** The accessible name, from the first and last progress shown ("Trend: 10 % to 45 %"). */
  readonly label: (first: number, last: number) => string;
}

/**
 * A progress sparkline as an inline SVG image (`part="sparkline"`), as `<okr-snapshot>`'s
 * rows and `<okr-detail>` show it; nothing when no week has progress. Needs `sparklineStyles`.
 */
export function sparklineSvg(series: readonly SeriesPoint[], o: SparklineOptions): TemplateResult | typeof nothing {
  const line = sparkline(series, o.width, o.height, o.highlight);
  if (!line) return nothing;
  return html`<svg
    part="sparkline"
    class="sparkline status-${o.status ?? 'none'}"
    role="img"
    aria-label=${o.label(line.first, line.last)}
    viewBox="0 0 ${o.width} ${o.height}"
    width=${o.width}
    height=${o.height}
  >
    <polyline points=${line.points} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round" />
    ${line.marker ? html`<circle cx=${line.marker.x} cy=${line.marker.y} r="2.5" fill="currentColor" />` : nothing}
  </svg>`;
}

export const sparklineStyles = css`
  .sparkline {
    color: var(--_accent);
    overflow: visible;
  }
  .sparkline.status-on_track {
    color: var(--okr-color-on-track, light-dark(#1a7f37, #3fb950));
  }
  .sparkline.status-at_risk {
    color: var(--okr-color-at-risk, light-dark(#9a6700, #d29922));
  }
  .sparkline.status-off_track {
    color: var(--okr-color-off-track, light-dark(#cf222e, #f85149));
  }
`;
