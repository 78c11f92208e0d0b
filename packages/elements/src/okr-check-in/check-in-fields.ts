import { CHECK_IN_STATUSES, type CheckInStatus, type KeyResult } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatPercent } from '../key-result-format.js';
import type { CheckInDraft, DraftField, FieldErrors } from './check-in-draft.js';
import type { CheckInView } from './check-in-view.js';

/**
 * The fields of `<okr-check-in>`'s form: the new value in the form its key result's kind
 * needs, the status, the confidence and the comment, each with its error. They show the
 * draft as typed (`live`, so that a value the element reset wins over what the input
 * holds) and have no listeners of their own: the form listens for them all.
 */

/** The new value: a switch (boolean), the steps reached (milestones), else a number with its unit. */
export function valueField(view: CheckInView, kr: KeyResult, draft: CheckInDraft, errors: FieldErrors): TemplateResult {
  const { s } = view;
  const error = errors.value;
  const describedBy = error ? 'ci-value-error' : nothing;
  if (kr.kind === 'boolean') {
    return html`<div class="field">
        <span class="label" id="ci-value-label">${s.newValue}</span>
        <label class="switch-field">
          <input
            id="ci-value"
            name="value"
            type="checkbox"
            role="switch"
            autofocus
            class="switch-input"
            .checked=${live(draft.value === '1')}
            aria-invalid=${error ? 'true' : nothing}
            aria-describedby=${describedBy}
          />
          <span class="track" aria-hidden="true"><span class="thumb"></span></span>
          <span>${s.markDone}</span>
        </label>
        ${fieldError(errors, 'value')}
      </div>`;
  }
  if (kr.kind === 'milestones') {
    const steps = kr.milestones ?? [];
    return html`<fieldset class="field choices" aria-invalid=${error ? 'true' : nothing} aria-describedby=${describedBy}>
        <legend>${s.stepsLegend}</legend>
        ${['', ...steps].map((name, i) => {
          const label = i === 0 ? s.stepsReached(0, steps.length) : `${i}. ${name}`;
          return html`<label class="choice">
            <input type="radio" name="value" value=${String(i)} .checked=${live(draft.value === String(i))} />
            <span>${label}</span>
          </label>`;
        })}
        ${fieldError(errors, 'value')}
      </fieldset>`;
  }
  return html`<div class="field">
      <label for="ci-value">${s.newValue}</label>
      <div class="with-unit">
        <input
          id="ci-value"
          name="value"
          type="number"
          step="any"
          inputmode="decimal"
          autocomplete="off"
          autofocus
          .value=${live(draft.value)}
          aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${kr.unit ? (error ? 'ci-unit ci-value-error' : 'ci-unit') : describedBy}
        />
        ${kr.unit ? html`<span class="unit" id="ci-unit">${kr.unit}</span>` : nothing}
      </div>
      ${fieldError(errors, 'value')}
    </div>`;
}

/** The status, as a row of segments; "no status" is a choice of its own. */
export function statusField(view: CheckInView, draft: CheckInDraft, errors: FieldErrors): TemplateResult {
  const { s } = view;
  const error = errors.status;
  const options: readonly (CheckInStatus | '')[] = ['', ...CHECK_IN_STATUSES];
  return html`<fieldset class="field choices segmented" aria-describedby=${error ? 'ci-status-error' : nothing}>
      <legend>${s.status}</legend>
      <div class="segments">
        ${options.map(
          (option) => html`<label class="segment ${option}">
            <input type="radio" name="status" value=${option} .checked=${live(draft.status === option)} />
            <span>${option ? s.statuses[option] : s.noStatus}</span>
          </label>`,
        )}
      </div>
      ${fieldError(errors, 'status')}
    </fieldset>`;
}

/** The confidence, 0 to 100 % in steps of 5, read out and shown as a percentage. */
export function confidenceField(view: CheckInView, draft: CheckInDraft, errors: FieldErrors): TemplateResult {
  const { s, locale } = view;
  return html`<div class="field">
        <label for="ci-confidence">${s.confidence}</label>
        <div class="range">
          <input
            id="ci-confidence"
            name="confidence"
            type="range"
            min="0"
            max="100"
            step="5"
            .value=${live(draft.confidence)}
            aria-valuetext=${formatPercent(Number(draft.confidence) / 100, locale)}
            aria-invalid=${errors.confidence ? 'true' : nothing}
            aria-describedby=${errors.confidence ? 'ci-confidence-error' : nothing}
          />
          <output for="ci-confidence" class="percent">${formatPercent(Number(draft.confidence) / 100, locale)}</output>
        </div>
        ${fieldError(errors, 'confidence')}
      </div>`;
}

/** The comment, in the direction of its own text (it may not be the page's). */
export function commentField(view: CheckInView, draft: CheckInDraft, errors: FieldErrors): TemplateResult {
  const { s } = view;
  return html`<div class="field">
        <label for="ci-comment">${s.comment}</label>
        <textarea
          id="ci-comment"
          name="comment"
          dir="auto"
          rows="3"
          .value=${live(draft.comment)}
          aria-invalid=${errors.comment ? 'true' : nothing}
          aria-describedby=${errors.comment ? 'ci-comment-error' : nothing}
        ></textarea>
        ${fieldError(errors, 'comment')}
      </div>`;
}

/** A field's message, with the id its input is described by. */
function fieldError(errors: FieldErrors, field: DraftField): TemplateResult | typeof nothing {
  const error = errors[field];
  return error ? html`<p class="error" id="ci-${field}-error">${error}</p>` : nothing;
}
