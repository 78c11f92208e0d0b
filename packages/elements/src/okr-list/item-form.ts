import type { Session } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { splitFieldErrors } from '../field-errors.js';
import { formFields } from './form-fields.js';
import {
  addsItem,
  emptyValues,
  FORM_FIELDS,
  type FormDraft,
  type FormErrors,
  type FormField,
  type FormValues,
  type ItemForm,
  type NumberField,
} from './form-model.js';
import { saveForm } from './form-save.js';
import type { ListPermissions } from './list-permissions.js';
import type { ListHost } from './list-view.js';

/**
 * The dialog that adds an objective, key result or initiative, or edits a description,
 * a target or an initiative. It keeps what is typed, shows each error the core names
 * beside its field (and focuses the first), saves through one command and, once closed,
 * returns focus to the new item or to the button that opened it.
 */
export class ItemFormDialog {
  readonly #host: ListHost;
  #form: ItemForm | undefined;
  #draft: FormDraft = { values: emptyValues(), milestones: [''], linked: [] };
  #errors: FormErrors = {};
  #message: string | undefined;
  #saving = false;
  /** What the actor may do, as of the last render: decides which fields the target form saves. */
  #can: ListPermissions | undefined;
  /** Where focus goes once the dialog closes (the new item, else the button that opened it). */
  #focusAfter: string | undefined;

  constructor(host: ListHost) {
    this.#host = host;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('#form-dialog');
  }

  #update(): void {
    this.#host.requestUpdate();
  }

  /** Opens `form` with `values` filled in; `opener` is a selector for where focus returns. */
  async open(
    form: ItemForm,
    opener: string,
    values: Partial<FormValues> = {},
    milestones: readonly string[] = [''],
    linked: readonly string[] = [],
  ): Promise<void> {
    this.#form = form;
    this.#draft = {
      values: { ...emptyValues(), ...values },
      milestones: milestones.length > 0 ? milestones : [''],
      linked,
    };
    this.#errors = {};
    this.#message = undefined;
    this.#focusAfter = opener;
    this.#update();
    await this.#host.updateComplete;
    this.#dialog?.showModal();
  }

  readonly #close = (): void => {
    this.#dialog?.close();
  };

  readonly #onClose = async (): Promise<void> => {
    this.#form = undefined;
    this.#update();
    await this.#host.updateComplete;
    const target = this.#focusAfter;
    this.#focusAfter = undefined;
    if (target) this.#host.renderRoot.querySelector<HTMLElement>(target)?.focus();
  };

  readonly #onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const { name } = input;
    const draft = this.#draft;
    if (name.startsWith('step-')) {
      const index = Number(name.slice(5));
      this.#draft = { ...draft, milestones: draft.milestones.map((step, i) => (i === index ? input.value : step)) };
      this.#clearError('milestones');
    } else if (name === 'keyResultIds' && input instanceof HTMLInputElement) {
      const linked = input.checked ? [...draft.linked, input.value] : draft.linked.filter((id) => id !== input.value);
      this.#draft = { ...draft, linked };
      this.#clearError('keyResultIds');
    } else if (name in draft.values) {
      this.#draft = { ...draft, values: { ...draft.values, [name]: input.value } };
      this.#clearError(name as FormField);
    }
    this.#update();
  };

  #clearError(field: FormField): void {
    if (!this.#errors[field]) return;
    const { [field]: _fixed, ...rest } = this.#errors;
    this.#errors = rest;
  }

  async #focusStep(index: number): Promise<void> {
    this.#update();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(`[name=step-${index}]`)?.focus();
  }

  /** A typed number, `undefined` when empty, `NaN` when the browser could not read it. */
  #number(field: NumberField): number | undefined {
    const input = this.#host.renderRoot.querySelector<HTMLInputElement>(`#f-${field}`);
    if (input?.validity.badInput) return Number.NaN;
    const text = this.#draft.values[field].trim();
    return text === '' ? undefined : Number(text);
  }

  readonly #readNumbers = async (
    fields: readonly NumberField[],
  ): Promise<Partial<Record<NumberField, number>> | undefined> => {
    const numbers: Partial<Record<NumberField, number>> = {};
    const bad: FormErrors = {};
    for (const field of fields) {
      const n = this.#number(field);
      if (Number.isNaN(n)) bad[field] = this.#host.texts.errorNumber;
      else if (n !== undefined) numbers[field] = n;
    }
    if (Object.keys(bad).length === 0) return numbers;
    await this.#showErrors(bad, this.#host.texts.notSaved);
    return undefined;
  };

  async #showErrors(errors: FormErrors, message: string): Promise<void> {
    this.#errors = errors;
    this.#message = message;
    this.#update();
    await this.#host.updateComplete;
    const first = FORM_FIELDS.find((f) => errors[f]);
    const root = this.#host.renderRoot;
    const target = first
      ? root.querySelector<HTMLElement>(`#form-dialog [data-field=${first}] :is(input, select, textarea)`)
      : root.querySelector<HTMLElement>('#form-message');
    target?.focus();
  }

  readonly #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const host = this.#host;
    const session = host.session;
    const form = this.#form;
    const can = this.#can;
    if (!session || !form || !can || this.#saving) return;
    this.#saving = true;
    this.#update();
    try {
      const saved = await saveForm(host.store, session, can, form, this.#draft, this.#readNumbers);
      if (!saved) return;
      if (saved.focus) this.#focusAfter = saved.focus;
      if (saved.events.length > 0) await host.reloadSession();
      this.#close();
      for (const done of saved.events) host.dispatchEvent(done);
    } catch (error) {
      const okrError = toOkrError(error);
      const split = splitFieldErrors(okrError, FORM_FIELDS);
      if (split) {
        await this.#showErrors(split.fields, [host.texts.notSaved, ...split.other].join(' '));
      } else {
        await this.#showErrors({}, okrError.message);
        host.dispatchEvent(new OkrErrorEvent(okrError));
      }
    } finally {
      this.#saving = false;
      this.#update();
    }
  };

  render(session: Session, people: Readonly<Record<string, string>>, can: ListPermissions): TemplateResult {
    const s = this.#host.texts;
    const form = this.#form;
    this.#can = can;
    const kind = form?.kind ?? 'objective';
    const title = {
      objective: s.addObjective,
      keyResult: s.addKeyResult,
      initiative: s.addInitiative,
      description: s.editDescription,
      target: s.editTarget,
      editInitiative: s.editInitiative,
    }[kind];
    const context =
      form?.kind === 'keyResult' || form?.kind === 'description'
        ? session.objectives.get(form.objectiveId)?.title
        : form?.kind === 'target'
          ? session.keyResults.get(form.keyResultId)?.title
          : undefined;
    const fields = form
      ? formFields(
          {
            s,
            session,
            people,
            can,
            draft: this.#draft,
            errors: this.#errors,
            addStep: () => {
              this.#draft = { ...this.#draft, milestones: [...this.#draft.milestones, ''] };
              void this.#focusStep(this.#draft.milestones.length - 1);
            },
            removeStep: (index) => {
              this.#draft = { ...this.#draft, milestones: this.#draft.milestones.filter((_, i) => i !== index) };
              void this.#focusStep(Math.max(0, index - 1));
            },
          },
          form,
        )
      : nothing;
    return html`<dialog id="form-dialog" part="dialog" aria-labelledby="form-title" @close=${this.#onClose}>
      <form novalidate @submit=${this.#submit} @input=${this.#onInput} @change=${this.#onInput}>
        <div class="dialog-header">
          <h2 id="form-title">${title}</h2>
        </div>
        <div class="dialog-body">
          ${context ? html`<p class="muted context">${context}</p>` : nothing}
          ${this.#message ? html`<p id="form-message" class="alert" role="alert" tabindex="-1">${this.#message}</p>` : nothing}
          ${fields}
        </div>
        <div class="dialog-footer">
          <button type="button" class="button" id="form-cancel" @click=${this.#close}>${s.cancel}</button>
          <button type="submit" class="button primary" id="form-save" ?disabled=${this.#saving}>
            ${this.#saving ? s.saving : form && addsItem(form) ? title : s.saveChanges}
          </button>
        </div>
      </form>
    </dialog>`;
  }
}
