import {
  nextSessionInput,
  type Objective,
  type OkrStore,
  type Session,
  type SessionHeader,
  type SessionInput,
} from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { defineElement } from '../define.js';
import { DisplayController } from '../display-controller.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { OkrSessionCreateEvent } from '../events/okr-session-create-event.js';
import { splitFieldErrors } from '../field-errors.js';
import { StoreController } from '../store-controller.js';
import { type OkrStrings, resolveStrings } from '../strings.js';
import { theme } from '../theme.styles.js';
import { styles } from './okr-next-session.styles.js';

const FIELDS = ['title', 'start', 'end'] as const;
type Field = (typeof FIELDS)[number];
type Draft = Readonly<Record<Field, string>>;

/**
 * "Create next session": a modal dialog prefilled from the session's cadence (the
 * quarter after Q4 2026 is Q1 2027, same time zone, cadences and access), where the
 * person may change the title and dates and choose objectives to copy with their key
 * results. Unchanged dates create through `createNextSession`, changed ones through
 * `createSession` with the same prefilled input; the chosen objectives are then copied
 * with `copyObjectives`. Offered only to people who may create sessions.
 *
 * @summary A dialog that creates the session after this one, optionally copying objectives.
 *
 * @event okr-session-create - The next session was created (and the chosen objectives copied). `.session`.
 * @event okr-error - Loading, creating or copying failed. `.detail` is the `OkrError`.
 *
 * @csspart dialog - The dialog.
 * @csspart create-button - The Create button.
 *
 * @cssproperty --okr-color-surface - Background.
 * @cssproperty --okr-color-border - Lines and borders.
 * @cssproperty --okr-color-accent - The Create button.
 * @cssproperty --okr-color-backdrop - Behind the dialog.
 */
export class OkrNextSession extends LitElement {
  static override styles = [theme, styles];

  static override properties = {
    source: { state: true, attribute: false },
    prefill: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    chosen: { state: true, attribute: false },
    fieldErrors: { state: true, attribute: false },
    message: { state: true, attribute: false },
    saving: { state: true, attribute: false },
    store: { attribute: false },
    sessionId: { attribute: 'session-id' },
    open: { type: Boolean, reflect: true },
    strings: { attribute: false },
    locale: {},
  };

  /** @internal */
  declare source: Session | undefined;
  /** @internal */
  declare prefill: SessionInput | undefined;
  /** @internal */
  declare draft: Draft | undefined;
  /** @internal */
  declare chosen: ReadonlySet<string>;
  /** @internal */
  declare fieldErrors: Partial<Record<Field, string>>;
  /** @internal */
  declare message: string | undefined;
  /** @internal */
  declare saving: boolean;

  /** The store; defaults to one from context (`<okr-provider>`), else the page's default store. */
  declare store: OkrStore | undefined;
  /** The session the new one follows, e.g. `SE-01001`. */
  declare sessionId: string;
  /** Whether the dialog is open. Setting it opens or closes it without firing events. */
  declare open: boolean;
  /** Texts to replace, merged over the English defaults (see `OkrStrings`). */
  declare strings: Partial<OkrStrings> | undefined;
  /** BCP 47 locale for texts; wins over every `lang` (see the README's Languages). */
  declare locale: string | undefined;

  get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
  }

  constructor() {
    super();
    this.chosen = new Set();
    this.fieldErrors = {};
    this.saving = false;
    this.sessionId = '';
    this.open = false;
  }

  /** `.store`, context or the default store; notices are ignored: the dialog reads when it opens. */
  readonly #display = new DisplayController(this);
  readonly #controller = new StoreController(this, () => {});

  // ---- lifecycle ---------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this.draft = undefined;
      this.prefill = undefined;
      this.chosen = new Set();
      this.fieldErrors = {};
      this.message = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!dialog || !changed.has('open')) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      void this.#prepare();
    } else if (!this.open && dialog.open) dialog.close();
  }

  /** Opens the dialog, prefilled. */
  show(): void {
    this.open = true;
  }

  /** Closes it, discarding what was typed. */
  hide(): void {
    this.open = false;
  }

  async #prepare(): Promise<void> {
    const store = this.#controller.store;
    try {
      const source = await store.getSession(this.sessionId);
      const parent = source.parentId === undefined ? undefined : await this.#header(store, source.parentId);
      this.source = source;
      this.prefill = nextSessionInput(source, parent ? { parent } : {});
      this.draft = { title: this.prefill.title, start: this.prefill.start, end: this.prefill.end };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#n-title')?.focus();
    } catch (error) {
      const okrError = toOkrError(error);
      this.message = okrError.message;
      this.dispatchEvent(new OkrErrorEvent(okrError));
    }
  }

  async #header(store: OkrStore, id: string): Promise<SessionHeader | undefined> {
    try {
      return await store.getSession(id);
    } catch {
      return undefined; // A parent out of reach only means the parent is not carried over.
    }
  }

  // ---- handlers ----------------------------------------------------------------------

  #onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (!this.draft || !(FIELDS as readonly string[]).includes(input.name)) return;
    this.draft = { ...this.draft, [input.name]: input.value };
    const { [input.name as Field]: _cleared, ...rest } = this.fieldErrors;
    this.fieldErrors = rest;
  }

  #onChoose(id: string, on: boolean): void {
    const chosen = new Set(this.chosen);
    if (on) chosen.add(id);
    else chosen.delete(id);
    this.chosen = chosen;
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { source, prefill, draft } = this;
    if (!source || !prefill || !draft || this.saving) return;
    const store = this.#controller.store;
    this.saving = true;
    this.message = undefined;
    try {
      const sameDates = draft.start === prefill.start && draft.end === prefill.end;
      const created = sameDates
        ? await store.createNextSession(source.id, { title: draft.title })
        : await store.createSession({ ...prefill, ...draft });
      const objectiveIds = this.#objectives(source)
        .map((o) => o.id)
        .filter((id) => this.chosen.has(id));
      if (objectiveIds.length > 0) await store.copyObjectives(source.id, created.id, { objectiveIds });
      this.dispatchEvent(new OkrSessionCreateEvent(created));
      this.open = false;
    } catch (error) {
      const okrError = toOkrError(error);
      const split = splitFieldErrors(okrError, FIELDS);
      this.fieldErrors = split?.fields ?? {};
      this.message = split ? [this.#s.notSaved, ...split.other].join(' ') : okrError.message;
      if (!split) this.dispatchEvent(new OkrErrorEvent(okrError));
      await this.updateComplete;
      const first = FIELDS.find((f) => this.fieldErrors[f]);
      this.renderRoot.querySelector<HTMLElement>(first ? `#n-${first}` : '#n-message')?.focus();
    } finally {
      this.saving = false;
    }
  }

  #objectives(session: Session): Objective[] {
    return [...session.objectives.values()].sort((a, b) => a.order - b.order);
  }

  // ---- render ------------------------------------------------------------------------

  get #s(): OkrStrings {
    return this.#display.strings(resolveStrings);
  }

  override render(): TemplateResult {
    const s = this.#s;
    return html`<dialog part="dialog" aria-labelledby="n-heading" @close=${() => (this.open = false)}>
      <form novalidate @input=${this.#onInput} @submit=${this.#create}>
        <div class="dialog-header">
          <h2 id="n-heading">${this.source ? s.nextSessionTitle(this.source.title) : s.createNextSession}</h2>
        </div>
        <div class="dialog-body">
          ${this.message ? html`<p id="n-message" class="alert" role="alert" tabindex="-1">${this.message}</p>` : nothing}
          ${this.draft && this.source ? this.#renderFields(this.draft, this.source) : html`<p role="status">${s.preparingNextSession}</p>`}
        </div>
        <div class="dialog-footer">
          <button type="button" class="button" id="n-cancel" @click=${() => (this.open = false)}>${s.cancel}</button>
          <button type="submit" class="button primary" id="n-create" part="create-button" ?disabled=${!this.draft || this.saving}>
            ${this.saving ? s.creating : s.createSession}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  #renderFields(draft: Draft, source: Session): TemplateResult {
    const s = this.#s;
    const field = (name: Field, label: string, type: 'text' | 'date') => {
      const error = this.fieldErrors[name];
      return html`<div class="field">
        <label for="n-${name}">${label}</label>
        <input
          id="n-${name}"
          name=${name}
          type=${type}
          autocomplete="off"
          .value=${live(draft[name])}
          aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${error ? `n-${name}-error` : name === 'title' ? nothing : 'n-hint'}
        />
        ${error ? html`<p class="error" id="n-${name}-error">${error}</p>` : nothing}
      </div>`;
    };
    const objectives = this.#objectives(source);
    return html`${field('title', s.fieldTitle, 'text')}
      <div class="row-2">${field('start', s.fieldStart, 'date')} ${field('end', s.fieldEnd, 'date')}</div>
      <p class="hint" id="n-hint">${s.nextSessionHint}</p>
      <fieldset class="copy" aria-describedby="n-copy-hint">
        <legend>${s.copyObjectivesLegend}</legend>
        <p class="hint" id="n-copy-hint">${objectives.length > 0 ? s.copyObjectivesHint : s.noObjectivesToCopy}</p>
        <ul>
          ${objectives.map(
            (o) => html`<li>
              <label class="choice"
                ><input
                  type="checkbox"
                  value=${o.id}
                  .checked=${this.chosen.has(o.id)}
                  @change=${(e: Event) => this.#onChoose(o.id, (e.target as HTMLInputElement).checked)}
                /><bdi>${o.title}</bdi></label
              >
            </li>`,
          )}
        </ul>
      </fieldset>`;
  }
}

defineElement('okr-next-session', OkrNextSession);

declare global {
  interface HTMLElementTagNameMap {
    'okr-next-session': OkrNextSession;
  }
}
