import {
  CADENCES,
  type Cadence,
  CHECK_IN_CADENCES,
  type CheckInCadence,
  hostTimeZone,
  type OkrError,
  type OkrStore,
  type Session,
  type SessionHeader,
  type SessionInput,
  suggestTitle,
} from '@okrkit/core';
import { html, type LitElement, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { toOkrError } from '../events/okr-error-event.js';
import { splitFieldErrors } from '../field-errors.js';
import type { OkrStrings } from '../strings.js';

/** The add-session form as the person typed it (kept as typed, valid or not). */
interface SessionForm {
  readonly title: string;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly cadence: Cadence;
  readonly checkInCadence: CheckInCadence;
  readonly parentId: string;
}

/** The fields of the form an `OkrError.fields` key can point at. */
const FORM_FIELDS = ['title', 'start', 'end', 'timeZone', 'cadence', 'checkInCadence', 'parentId'] as const;
type FormField = (typeof FORM_FIELDS)[number];

let timeZones: readonly string[] | undefined;
/** Every IANA zone the browser knows, for the time zone suggestions. */
function allTimeZones(): readonly string[] {
  timeZones ??= (() => {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  })();
  return timeZones;
}

/** What `<okr-sessions>` does when a session is added, refused, or the dialog closes. */
export interface AddSessionOutcome {
  /** Added: the table is read again, so that it shows the session before the dialog closes. */
  reload(): Promise<void>;
  /** Added, and the dialog closed (for `okr-session-create`). */
  created(session: Session): void;
  /** Refused for a reason that is not about a field (for `okr-error`). */
  failed(error: OkrError): void;
  /** The dialog closed: `created` is the session just added, if one was. */
  closed(created: string | undefined): Promise<void>;
}

/**
 * `<okr-sessions>`'s "Add session" dialog: title (suggested from the dates until the person
 * types one), dates, time zone, cadences and parent, each error beside its field (what the
 * browser knows first, then the core's), focus on the first field in error or the message.
 * The form is rendered only while the dialog is open (its parent list has an option per session).
 */
export class AddSessionForm implements ReactiveController {
  readonly #host: LitElement;
  readonly #store: () => OkrStore;
  readonly #outcome: AddSessionOutcome;
  #form: SessionForm = emptyForm();
  #errors: Partial<Record<FormField, string>> = {};
  #message: string | undefined;
  #open = false;
  #saving = false;
  #titleTouched = false;
  #createdId: string | undefined;

  constructor(host: LitElement, store: () => OkrStore, outcome: AddSessionOutcome) {
    this.#host = host;
    this.#store = store;
    this.#outcome = outcome;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The add-session dialog. */
  get dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot?.querySelector<HTMLDialogElement>('#add-dialog') ?? null;
  }

  /** Opens the dialog on an empty form. */
  async show(): Promise<void> {
    this.#form = emptyForm();
    this.#errors = {};
    this.#message = undefined;
    this.#titleTouched = false;
    this.#open = true;
    // Render the form first, so that showModal() focuses its first field.
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.dialog?.showModal();
  }

  render(s: OkrStrings, sessions: readonly SessionHeader[]): TemplateResult {
    return html`<dialog
      id="add-dialog"
      part="dialog"
      aria-labelledby=${this.#open ? 'add-title' : nothing}
      @toggle=${this.#onToggle}
      @close=${this.#onClose}
    >
      ${this.#open ? this.#renderForm(s, sessions) : nothing}
    </dialog>`;
  }

  readonly #onToggle = async (event: ToggleEvent): Promise<void> => {
    // Opened from outside (addDialog.showModal()): render the form and focus its first field.
    if (event.newState !== 'open' || this.#open) return;
    this.#open = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('#f-title')?.focus();
  };

  readonly #onClose = async (): Promise<void> => {
    const created = this.#createdId;
    this.#createdId = undefined;
    this.#open = false;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    await this.#outcome.closed(created);
  };

  readonly #onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const field = input.name as FormField;
    let form: SessionForm = { ...this.#form, [field]: input.value };
    if (field === 'title') this.#titleTouched = input.value.trim() !== '';
    if ((field === 'start' || field === 'end') && !this.#titleTouched) {
      form = { ...form, title: suggestTitle(form.start, form.end) ?? '' };
    }
    this.#form = form;
    if (this.#errors[field]) {
      const { [field]: _fixed, ...rest } = this.#errors;
      this.#errors = rest;
    }
    this.#host.requestUpdate();
  };

  async #submit(event: SubmitEvent, s: OkrStrings): Promise<void> {
    event.preventDefault();
    if (this.#saving) return;
    const errors = this.#precheck(s);
    if (Object.keys(errors).length > 0) {
      void this.#showErrors(errors, s.formNotSaved);
      return;
    }
    const f = this.#form;
    const input: SessionInput = {
      title: f.title.trim(),
      start: f.start,
      end: f.end,
      timeZone: f.timeZone.trim(),
      cadence: f.cadence,
      checkInCadence: f.checkInCadence,
      ...(f.parentId ? { parentId: f.parentId } : {}),
    };
    this.#saving = true;
    this.#host.requestUpdate();
    try {
      const session = await this.#store().createSession(input);
      await this.#outcome.reload();
      this.#createdId = session.id;
      this.dialog?.close();
      this.#outcome.created(session);
    } catch (error) {
      const okrError = toOkrError(error);
      const split = splitFieldErrors(okrError, FORM_FIELDS);
      if (split) {
        const { fields, other } = split;
        void this.#showErrors(fields, other.length > 0 ? `${s.formNotSaved} ${other.join(' ')}` : s.formNotSaved);
      } else {
        void this.#showErrors({}, okrError.message);
        this.#outcome.failed(okrError);
      }
    } finally {
      this.#saving = false;
      this.#host.requestUpdate();
    }
  }

  /** What the browser already knows is missing or malformed, before asking the store. */
  #precheck(s: OkrStrings): Partial<Record<FormField, string>> {
    const errors: Partial<Record<FormField, string>> = {};
    const form = this.#form;
    const dateInput = (name: string) =>
      this.#host.renderRoot.querySelector<HTMLInputElement>(`#add-dialog [name=${name}]`);
    if (form.title.trim() === '') errors.title = s.errorTitleRequired;
    for (const field of ['start', 'end'] as const) {
      if (dateInput(field)?.validity.badInput) errors[field] = s.errorInvalidDate;
      else if (form[field] === '') errors[field] = field === 'start' ? s.errorStartRequired : s.errorEndRequired;
    }
    if (!errors.start && !errors.end && form.end < form.start) errors.end = s.errorEndBeforeStart;
    if (form.timeZone.trim() === '') errors.timeZone = s.errorTimeZoneRequired;
    return errors;
  }

  async #showErrors(errors: Partial<Record<FormField, string>>, message: string): Promise<void> {
    this.#errors = errors;
    this.#message = message;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const first = FORM_FIELDS.find((f) => errors[f]);
    const root = this.#host.renderRoot;
    const target = first
      ? root.querySelector<HTMLElement>(`#add-dialog [name=${first}]`)
      : root.querySelector<HTMLElement>('#form-message');
    target?.focus();
  }

  #renderForm(s: OkrStrings, sessions: readonly SessionHeader[]): TemplateResult {
    const f = this.#form;
    const parents = [...sessions].sort((a, b) => a.number - b.number);
    return html`<form novalidate @submit=${(event: SubmitEvent) => this.#submit(event, s)} @input=${this.#onInput} @change=${this.#onInput}>
      <div class="dialog-header"><h2 id="add-title">${s.addDialogTitle}</h2></div>
      <div class="dialog-body">
        ${this.#message ? html`<p id="form-message" class="alert" role="alert" tabindex="-1">${this.#message}</p>` : nothing}
        ${this.#field('title', s.fieldTitle, html`<input id="f-title" name="title" aria-invalid=${this.#invalid('title')} aria-describedby=${this.#describedBy('title', true)} autocomplete="off" .value=${live(f.title)} />`, s.fieldTitleHint)}
        <div class="row-2">
          ${this.#field('start', s.fieldStart, html`<input id="f-start" name="start" aria-invalid=${this.#invalid('start')} aria-describedby=${this.#describedBy('start', false)} type="date" .value=${live(f.start)} />`)}
          ${this.#field('end', s.fieldEnd, html`<input id="f-end" name="end" aria-invalid=${this.#invalid('end')} aria-describedby=${this.#describedBy('end', false)} type="date" .value=${live(f.end)} />`)}
        </div>
        ${this.#field(
          'timeZone',
          s.fieldTimeZone,
          html`<input id="f-timeZone" name="timeZone" aria-invalid=${this.#invalid('timeZone')} aria-describedby=${this.#describedBy('timeZone', false)} list="time-zones" autocomplete="off" .value=${live(f.timeZone)} />
            <datalist id="time-zones">${allTimeZones().map((zone) => html`<option value=${zone}></option>`)}</datalist>`,
        )}
        <div class="row-2">
          ${this.#field(
            'cadence',
            s.fieldCadence,
            html`<select id="f-cadence" name="cadence" aria-invalid=${this.#invalid('cadence')} aria-describedby=${this.#describedBy('cadence', false)} .value=${live(f.cadence)}>
              ${CADENCES.map((c) => html`<option value=${c} ?selected=${c === f.cadence}>${s.cadences[c]}</option>`)}
            </select>`,
          )}
          ${this.#field(
            'checkInCadence',
            s.fieldCheckInCadence,
            html`<select id="f-checkInCadence" name="checkInCadence" aria-invalid=${this.#invalid('checkInCadence')} aria-describedby=${this.#describedBy('checkInCadence', false)} .value=${live(f.checkInCadence)}>
              ${CHECK_IN_CADENCES.map(
                (c) => html`<option value=${c} ?selected=${c === f.checkInCadence}>${s.checkInCadences[c]}</option>`,
              )}
            </select>`,
          )}
        </div>
        ${this.#field(
          'parentId',
          s.fieldParent,
          html`<select id="f-parentId" name="parentId" aria-invalid=${this.#invalid('parentId')} aria-describedby=${this.#describedBy('parentId', false)} .value=${live(f.parentId)}>
            <option value="" ?selected=${f.parentId === ''}>${s.parentNone}</option>
            ${parents.map(
              (p) =>
                html`<option value=${p.id} ?selected=${p.id === f.parentId}>
                  ${p.title} (${p.id})${p.state === 'archived' ? ` · ${s.closedBadge}` : ''}
                </option>`,
            )}
          </select>`,
        )}
      </div>
      <div class="dialog-footer">
        <button type="button" class="button" @click=${() => this.dialog?.close()}>${s.cancel}</button>
        <button type="submit" class="button primary" ?disabled=${this.#saving}>
          ${this.#saving ? s.saving : s.create}
        </button>
      </div>
    </form>`;
  }

  #invalid(name: FormField): 'true' | typeof nothing {
    return this.#errors[name] ? 'true' : nothing;
  }

  /** The ids of the hint and the error of a field, only those that are rendered. */
  #describedBy(name: FormField, hasHint: boolean): string | typeof nothing {
    const ids = [hasHint ? `f-${name}-hint` : '', this.#errors[name] ? `f-${name}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : nothing;
  }

  /** A labelled field with its hint and its error beside it. */
  #field(name: FormField, label: string, control: TemplateResult, hint?: string): TemplateResult {
    const error = this.#errors[name];
    return html`<div class="field" data-field=${name}>
      <label for="f-${name}">${label}</label>
      ${control}
      ${hint ? html`<p class="hint" id="f-${name}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="error" id="f-${name}-error">${error}</p>` : nothing}
    </div>`;
  }
}

function emptyForm(): SessionForm {
  return {
    title: '',
    start: '',
    end: '',
    timeZone: hostTimeZone(),
    cadence: 'quarter',
    checkInCadence: 'weekly',
    parentId: '',
  };
}
