import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatPercent, percentOf } from '../key-result-format.js';

/** A progress bar with its percentage beside it; `status` colours the fill (on track, at risk, off track). */
export function progressMeter(label: string, fraction: number, locale: string, status?: string): TemplateResult {
  const pct = percentOf(fraction);
  const text = formatPercent(fraction, locale);
  return html`<span
      class="meter ${status ?? ''}"
      part="progress"
      role="progressbar"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${pct}
      aria-valuetext=${text}
      style=${styleMap({ '--_value': `${pct}%` })}
      ><span class="fill"></span></span
    ><span class="percent" aria-hidden="true">${text}</span>`;
}
