import type { OkrError, OkrStore, Session } from '@okrkit/core';
import { html, type LitElement, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { toOkrError } from '../events/okr-error-event.js';
import { splitFieldErrors } from '../field-errors.js';
import type { OkrStrings } from '../strings.js';

/** The details a person edits in place. */
export interface DetailsDraft {
  readonly title: string;
  readonly start: string;
  readonly end: string;
}
export type DetailsField = keyof DetailsDraft;
const DETAIL_FIELDS: readonly DetailsField[] = ['title', 'start', 'end'];

/** What the drawer learns of a save. */
export interface DetailsOutcome {
  /** Saved: the session as it now is. */
  saved(session: Session): void;
  /** Not saved: what to tell the person, and the error when it is not about a field (for `okr-error`). */
  refused(message: string, error: OkrError | undefined): void;
  /** The person changed a field (a status shown before is stale). */
  edited(): void;
}

/**
 * The drawer's form for a session's title and dates: the draft as typed (none until the
 * person types), each field's error beside it (checked here first, then by the core), and
 * the save. After a refusal, focus goes to the first field in error, else to the message.
 */
export class DetailsForm implements ReactiveController {
  readonly #host: LitElement;
  readonly #store: () => OkrStore;
  readonly #outcome: DetailsOutcome;
  #draft: DetailsDraft | undefined;
  #errors: Partial<Record<DetailsField, string>> = {};
  #saving = false;

  /** `store` is the store in use when a save starts. */
  constructor(host: LitElement, store: () => OkrStore, outcome: DetailsOutcome) {
    this.#host = host;
    this.#store = store;
    this.#outcome = outcome;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether the draft differs from `session` (closing would lose it). */
  dirty(session: Session | undefined): boolean {
    const draft = this.#draft;
    if (!session || !draft) return false;
    return draft.title !== session.title || draft.start !== session.start || draft.end !== session.end;
  }

  /** Forgets the draft and the errors. */
  reset(): void {
    this.#draft = undefined;
    this.#errors = {};
    this.#host.requestUpdate();
  }

  render(session: Session, s: OkrStrings, facts: TemplateResult | typeof nothing): TemplateResult {
    const values = this.#draft ?? { title: session.title, start: session.start, end: session.end };
    const datesChanged = values.start !== session.start || values.end !== session.end;
    const field = (name: DetailsField, label: string, type: 'text' | 'date') => {
      const error = this.#errors[name];
      const describedBy = [
        error ? `d-${name}-error` : '',
        datesChanged && name !== 'title' ? 'dates-warning' : '',
      ].filter(Boolean);
      return html`<div class="field">
        <label for="d-${name}">${label}</label>
        <input
          id="d-${name}"
          name=${name}
          type=${type}
          autocomplete="off"
          .value=${live(values[name])}
          aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${describedBy.length > 0 ? describedBy.join(' ') : nothing}
        />
        ${error ? html`<p class="error" id="d-${name}-error">${error}</p>` : nothing}
      </div>`;
    };
    return html`<form
      class="details-form"
      novalidate
      @input=${(event: Event) => this.#onInput(session, event)}
      @submit=${(event: SubmitEvent) => this.#submit(event, session, s)}
    >
      ${field('title', s.fieldTitle, 'text')}
      <div class="row-2">${field('start', s.fieldStart, 'date')} ${field('end', s.fieldEnd, 'date')}</div>
      ${datesChanged ? html`<p id="dates-warning" class="notice">${s.datesWarning}</p>` : nothing}
      <dl class="facts">
        <div><dt>${s.timeZone}</dt><dd>${session.timeZone}</dd></div>
        ${facts}
      </dl>
      <div class="form-actions">
        <button id="save" class="button primary" type="submit" ?disabled=${!this.dirty(session) || this.#saving}>
          ${this.#saving ? s.saving : s.save}
        </button>
      </div>
    </form>`;
  }

  #onInput(session: Session, event: Event): void {
    const input = event.target as HTMLInputElement;
    const field = input.name as DetailsField;
    const current = this.#draft ?? { title: session.title, start: session.start, end: session.end };
    this.#draft = { ...current, [field]: input.value };
    if (this.#errors[field]) {
      const { [field]: _fixed, ...rest } = this.#errors;
      this.#errors = rest;
    }
    this.#host.requestUpdate();
    this.#outcome.edited();
  }

  async #submit(event: SubmitEvent, session: Session, s: OkrStrings): Promise<void> {
    event.preventDefault();
    const draft = this.#draft;
    if (!draft || this.#saving) return;
    const errors: Partial<Record<DetailsField, string>> = {};
    if (draft.title.trim() === '') errors.title = s.errorTitleRequired;
    for (const field of ['start', 'end'] as const) {
      const input = this.#host.renderRoot.querySelector<HTMLInputElement>(`#d-${field}`);
      if (input?.validity.badInput) errors[field] = s.errorInvalidDate;
      else if (draft[field] === '') errors[field] = field === 'start' ? s.errorStartRequired : s.errorEndRequired;
    }
    if (!errors.start && !errors.end && draft.end < draft.start) errors.end = s.errorEndBeforeStart;
    if (Object.keys(errors).length > 0) {
      await this.#refuse(errors, s.formNotSaved, undefined);
      return;
    }
    this.#saving = true;
    this.#host.requestUpdate();
    try {
      const saved = await this.#store().updateSession(session.id, {
        title: draft.title.trim(),
        start: draft.start,
        end: draft.end,
      });
      this.#draft = undefined;
      this.#errors = {};
      this.#outcome.saved(saved);
    } catch (error) {
      const okrError = toOkrError(error);
      const split = splitFieldErrors(okrError, DETAIL_FIELDS);
      if (split) await this.#refuse(split.fields, [s.formNotSaved, ...split.other].join(' '), undefined);
      else await this.#refuse({}, okrError.message, okrError);
    } finally {
      this.#saving = false;
      this.#host.requestUpdate();
    }
  }

  async #refuse(errors: Partial<Record<DetailsField, string>>, message: string, error: OkrError | undefined) {
    this.#errors = errors;
    this.#outcome.refused(message, error);
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const first = DETAIL_FIELDS.find((f) => errors[f]);
    this.#host.renderRoot.querySelector<HTMLElement>(first ? `#d-${first}` : '#drawer-message')?.focus();
  }
}
