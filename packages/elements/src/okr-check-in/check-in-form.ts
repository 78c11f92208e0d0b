import type { CheckIn, KeyResult } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant } from '../format.js';
import { formatValue } from '../key-result-format.js';
import { type CheckInDraft, type FieldErrors, parsedValue } from './check-in-draft.js';
import { commentField, confidenceField, statusField, valueField } from './check-in-fields.js';
import { progressPreview } from './check-in-preview.js';
import type { CheckInView } from './check-in-view.js';

/** What `<okr-check-in>`'s form shows. */
export interface CheckInFormState {
  readonly kr: KeyResult;
  /** The form's values: as typed, else what it starts with. */
  readonly draft: CheckInDraft;
  /** The earlier check-in being corrected, if this is a correction. */
  readonly correcting: CheckIn | undefined;
  readonly errors: FieldErrors;
  /** Why the last save failed, above the fields. */
  readonly message: string | undefined;
  /** The session's time zone, that the corrected check-in's instant is shown in. */
  readonly timeZone: string;
}

/** What the form asks of the element: one listener for all its fields, and saving. */
export interface CheckInFormActions {
  readonly input: (event: Event) => void;
  readonly submit: (event: SubmitEvent) => void;
}

/** What the form's buttons ask of the element. */
export interface CheckInFormButtonActions {
  /** Cancel of a check-in: closes the dialog. */
  readonly cancel: () => void;
  /** Cancel of a correction: back to a new check-in. */
  readonly cancelCorrection: () => void;
}

/**
 * The check-in form: for a correction, which check-in it corrects; why the last save
 * failed; the previous value; the new value with the progress it would give; the status,
 * confidence and comment. Its buttons are in the dialog's footer (`form="ci-form"`).
 */
export function checkInForm(view: CheckInView, form: CheckInFormState, actions: CheckInFormActions): TemplateResult {
  const { s, locale } = view;
  const { kr, draft, correcting, errors } = form;
  const previous = correcting ? correcting.value : kr.latest?.value;
  return html`<form id="ci-form" part="form" novalidate @input=${actions.input} @change=${actions.input} @submit=${actions.submit}>
      ${
        correcting
          ? html`<h3 id="ci-form-title" tabindex="-1">
            ${s.correctTitle(formatInstant(correcting.at, locale, form.timeZone))}
          </h3>`
          : nothing
      }
      ${form.message ? html`<p id="ci-message" class="alert" role="alert" tabindex="-1">${form.message}</p>` : nothing}
      <dl class="facts">
        <div>
          <dt>${s.previousValue}</dt>
          <dd id="ci-previous"><bdi>${formatValue(kr, previous, s, locale)}</bdi></dd>
        </div>
      </dl>
      ${valueField(view, kr, draft, errors)}
      ${progressPreview(view, kr, parsedValue(kr, draft), correcting)}
      ${statusField(view, draft, errors)}
      ${confidenceField(view, draft, errors)}
      ${commentField(view, draft, errors)}
    </form>`;
}

/** The form's buttons, in the dialog's footer: Cancel (the dialog, or the correction) and Save. */
export function checkInFormButtons(
  view: CheckInView,
  state: { readonly correcting: boolean; readonly saving: boolean },
  actions: CheckInFormButtonActions,
): TemplateResult {
  const { s } = view;
  const { correcting, saving } = state;
  return html`<div class="dialog-footer">
            ${
              correcting
                ? html`<button type="button" class="button" id="ci-cancel" @click=${actions.cancelCorrection}>${s.cancel}</button>`
                : html`<button type="button" class="button" id="ci-cancel" @click=${actions.cancel}>${s.cancel}</button>`
            }
            <button type="submit" form="ci-form" class="button primary" id="ci-save" ?disabled=${saving}>
              ${saving ? s.saving : correcting ? s.saveCorrection : s.saveCheckIn}
            </button>
          </div>`;
}
