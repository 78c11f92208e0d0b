import { type CheckIn, type KeyResult, keyResultProgress } from '@okrkit/core';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatPercent, percentOf } from '../key-result-format.js';
import type { CheckInView } from './check-in-view.js';

/**
 * The progress preview of `<okr-check-in>`'s form: the key result's progress now and the
 * progress the value typed would give, with the change, before anything is saved.
 */
export function progressPreview(
  view: CheckInView,
  kr: KeyResult,
  value: number | undefined,
  correcting: CheckIn | undefined,
): TemplateResult {
  const { s, locale } = view;
  const nowProgress = keyResultProgress(kr).clamped;
  // A correction changes progress only if it corrects the check-in that counts now.
  const changesLatest = !correcting || correcting.id === kr.latest?.id;
  const after = changesLatest ? keyResultProgress(kr, value ?? kr.latest?.value).clamped : nowProgress;
  return html`<div class="preview" part="preview" aria-labelledby="ci-preview-label" role="group">
        <span id="ci-preview-label" class="preview-label">${s.progressPreview}</span>
        ${progressBar('ci-now', s.progressNow, nowProgress, locale)}
        ${progressBar('ci-after', s.progressAfter, after, locale, after - nowProgress)}
      </div>`;
}

/** One bar: its label, the meter, the percentage and (for the new value) the change in points. */
function progressBar(id: string, label: string, fraction: number, locale: string, delta?: number): TemplateResult {
  const pct = percentOf(fraction);
  const change =
    delta === undefined || Math.round(delta * 100) === 0
      ? ''
      : `${delta > 0 ? '+' : '−'}${Math.abs(Math.round(delta * 100))}`;
  return html`<div class="preview-row">
      <span class="preview-name" id="${id}-label">${label}</span>
      <span
        class="meter"
        part="progress"
        role="progressbar"
        aria-labelledby="${id}-label"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${pct}
        aria-valuetext=${formatPercent(fraction, locale)}
        style=${styleMap({ '--_value': `${pct}%` })}
        ><span class="fill"></span
      ></span>
      <span class="percent" id=${id}>${formatPercent(fraction, locale)}</span>
      <span class="delta ${delta !== undefined && delta < 0 ? 'down' : 'up'}" id="${id}-delta">${change}</span>
    </div>`;
}
