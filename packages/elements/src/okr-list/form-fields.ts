import {
  INITIATIVE_STATUSES,
  KEY_RESULT_KINDS,
  type KeyResultKind,
  keyResultsOf,
  objectivesOf,
  type Session,
} from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { iconAdd, iconClose } from '../icons.js';
import type { OkrStrings } from '../strings.js';
import {
  type FormDraft,
  type FormErrors,
  type FormField,
  hasUnit,
  type ItemForm,
  type NumberField,
} from './form-model.js';
import type { ListPermissions } from './list-permissions.js';

/** What the fields of a form render from, and the two things they do besides typing. */
export interface FieldsContext {
  readonly s: OkrStrings;
  readonly session: Session;
  readonly people: Readonly<Record<string, string>>;
  readonly can: ListPermissions;
  readonly draft: FormDraft;
  readonly errors: FormErrors;
  addStep(): void;
  removeStep(index: number): void;
}

type ControlAttributes = { invalid: 'true' | typeof nothing; describedBy: string | typeof nothing };

/** A labelled field with its hint and its error beside it. */
function field(
  c: FieldsContext,
  name: FormField,
  label: string,
  control: (a: ControlAttributes) => TemplateResult,
  hint?: string,
): TemplateResult {
  const error = c.errors[name];
  const ids = [hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean);
  return html`<div class="field" data-field=${name}>
    <label for="f-${name}">${label}</label>
    ${control({ invalid: error ? 'true' : nothing, describedBy: ids.length > 0 ? ids.join(' ') : nothing })}
    ${hint ? html`<p class="hint" id="f-${name}-hint">${hint}</p>` : nothing}
    ${error ? html`<p class="error" id="f-${name}-error">${error}</p>` : nothing}
  </div>`;
}

function text(c: FieldsContext, name: 'title' | 'unit' | 'link', label: string, hint?: string): TemplateResult {
  const url = name === 'link';
  return field(
    c,
    name,
    label,
    (a) =>
      html`<input id="f-${name}" name=${name} type=${url ? 'url' : 'text'} autocomplete="off" placeholder=${url ? 'https://' : nothing} .value=${live(c.draft.values[name])} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} />`,
    hint,
  );
}

function number(c: FieldsContext, name: NumberField, label: string, hint?: string): TemplateResult {
  return field(
    c,
    name,
    label,
    (a) =>
      html`<input id="f-${name}" name=${name} type="number" step="any" min=${name === 'weight' ? '0' : nothing} inputmode="decimal" autocomplete="off" .value=${live(c.draft.values[name])} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} />`,
    hint,
  );
}

function owner(c: FieldsContext): TemplateResult {
  const v = c.draft.values;
  return field(
    c,
    'ownerId',
    c.s.fieldOwner,
    (a) => html`<select id="f-ownerId" name="ownerId" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>
      <option value="" ?selected=${v.ownerId === ''}>${c.s.unassigned}</option>
      ${Object.entries(c.people).map(([id, name]) => html`<option value=${id} ?selected=${v.ownerId === id}>${name}</option>`)}
    </select>`,
  );
}

function description(c: FieldsContext): TemplateResult {
  return field(
    c,
    'description',
    c.s.fieldDescription,
    (a) =>
      html`<textarea id="f-description" name="description" rows="3" .value=${live(c.draft.values.description)} aria-invalid=${a.invalid} aria-describedby=${a.describedBy}></textarea>`,
  );
}

/** What a key result of `kind` is measured by: start and target, a threshold, nothing, or named steps. */
function targetFields(c: FieldsContext, kind: KeyResultKind): TemplateResult {
  const s = c.s;
  switch (kind) {
    case 'increase':
    case 'decrease':
      return html`<div class="row-2">${number(c, 'start', s.fieldStartValue)} ${number(c, 'target', s.fieldTargetValue)}</div>`;
    case 'stay_above':
    case 'stay_below':
      return number(c, 'threshold', s.fieldThreshold);
    case 'boolean':
      return html`<p class="hint kind-hint">${s.booleanKindHint}</p>`;
    case 'milestones':
      return steps(c);
  }
}

/** The named steps of a milestones key result, each removable, with Add step. */
function steps(c: FieldsContext): TemplateResult {
  const s = c.s;
  const error = c.errors.milestones;
  const milestones = c.draft.milestones;
  const describedBy = ['f-milestones-hint', error ? 'f-milestones-error' : ''].filter(Boolean).join(' ');
  return html`<fieldset class="field steps" data-field="milestones" aria-describedby=${describedBy}>
    <legend>${s.fieldMilestones}</legend>
    <p class="hint" id="f-milestones-hint">${s.fieldMilestonesHint}</p>
    <ol>
      ${milestones.map(
        (step, i) => html`<li>
          <input
            name="step-${i}"
            autocomplete="off"
            aria-label=${s.stepName(i + 1)}
            .value=${live(step)}
            aria-invalid=${error && step.trim() === '' ? 'true' : nothing}
          />
          ${
            milestones.length > 1
              ? html`<button type="button" class="button quiet icon-button" aria-label=${s.removeStep(i + 1)} @click=${() => c.removeStep(i)}>
                ${iconClose()}
              </button>`
              : nothing
          }
        </li>`,
      )}
    </ol>
    <button type="button" class="button quiet add-step" id="add-step" @click=${() => c.addStep()}>
      ${iconAdd()} ${s.addStep}
    </button>
    ${error ? html`<p class="error" id="f-milestones-error">${error}</p>` : nothing}
  </fieldset>`;
}

/** The checkboxes of the key results an initiative moves. */
function links(c: FieldsContext): TemplateResult {
  const error = c.errors.keyResultIds;
  const session = c.session;
  const keyResults = objectivesOf(session).flatMap((o) => keyResultsOf(session, o.id));
  return html`<fieldset class="field checks" data-field="keyResultIds" aria-describedby=${error ? 'f-keyResultIds-error' : nothing}>
    <legend>${c.s.fieldKeyResults}</legend>
    ${keyResults.map(
      (kr) => html`<label class="check">
        <input type="checkbox" name="keyResultIds" value=${kr.id} .checked=${live(c.draft.linked.includes(kr.id))} aria-invalid=${error ? 'true' : nothing} />
        <span>${kr.title}</span>
      </label>`,
    )}
    ${error ? html`<p class="error" id="f-keyResultIds-error">${error}</p>` : nothing}
  </fieldset>`;
}

/** The fields of `form`. */
export function formFields(c: FieldsContext, form: ItemForm): TemplateResult {
  const s = c.s;
  const v = c.draft.values;
  switch (form.kind) {
    case 'objective':
      return html`${text(c, 'title', s.fieldTitle)} ${description(c)} ${owner(c)}`;
    case 'description':
      return description(c);
    case 'initiative':
      return html`${text(c, 'title', s.fieldTitle)} ${links(c)} ${text(c, 'link', s.fieldLink, s.fieldLinkHint)} ${owner(c)}`;
    case 'editInitiative':
      return html`${text(c, 'title', s.fieldTitle)}
        ${field(
          c,
          'status',
          s.fieldStatus,
          (a) => html`<select id="f-status" name="status" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>
            ${INITIATIVE_STATUSES.map((st) => html`<option value=${st} ?selected=${v.status === st}>${s.initiativeStatuses[st]}</option>`)}
          </select>`,
        )}
        ${links(c)} ${text(c, 'link', s.fieldLink, s.fieldLinkHint)}`;
    case 'target': {
      const kr = c.session.keyResults.get(form.keyResultId);
      if (!kr) return html``;
      const { retargetKeyResult: canRetarget, editKeyResult: canEdit } = c.can;
      return html`<p class="kind-read"><span class="muted">${s.fieldKind}:</span> ${s.kinds[kr.kind]}</p>
        ${canRetarget ? targetFields(c, kr.kind) : nothing}
        ${canEdit && hasUnit(kr.kind) ? text(c, 'unit', s.fieldUnit, s.fieldUnitHint) : nothing}
        ${canEdit ? number(c, 'weight', s.fieldWeight, s.fieldWeightHint) : nothing}`;
    }
    case 'keyResult':
      return html`${text(c, 'title', s.fieldTitle)}
        ${field(
          c,
          'kind',
          s.fieldKind,
          (a) => html`<select id="f-kind" name="kind" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>
            ${KEY_RESULT_KINDS.map((k) => html`<option value=${k} ?selected=${v.kind === k}>${s.kinds[k]}</option>`)}
          </select>`,
        )}
        ${targetFields(c, v.kind)} ${hasUnit(v.kind) ? text(c, 'unit', s.fieldUnit, s.fieldUnitHint) : nothing}
        ${owner(c)}`;
  }
}
