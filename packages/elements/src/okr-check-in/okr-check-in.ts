import type { CheckIn, CheckInHistoryItem, KeyResult, OkrStore, Session, StoreChange } from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { defineElement } from '../define.js';
import { DisplayController } from '../display-controller.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { iconClose, iconStyles } from '../icons.js';
import { items } from '../okr-items.styles.js';
import { states } from '../states.styles.js';
import { carriedSession, concerns, StoreController } from '../store-controller.js';
import { type OkrStrings, resolveStrings } from '../strings.js';
import { switchStyles } from '../switch.styles.js';
import { theme } from '../theme.styles.js';
import { CheckInDialogFlow } from './check-in-dialog-flow.js';
import { discardQuestion } from './check-in-discard.js';
import { type CheckInDraft, type FieldErrors, NO_FIELD_ERRORS } from './check-in-draft.js';
import { CheckInEditor } from './check-in-editor.js';
import { type CheckInFormButtonActions, checkInForm, checkInFormButtons } from './check-in-form.js';
import { checkInHistory } from './check-in-history.js';
import type { CheckInView } from './check-in-view.js';
import { styles } from './okr-check-in.styles.js';

/**
 * Check in on one key result, in a modal dialog: the new value in the form its kind
 * needs (a number with its unit, done or not done, the steps reached), a status, a
 * confidence and a comment. Shows the previous value and the progress the new value
 * gives before saving, and the key result's whole history, newest first, with
 * corrections marked. People who may check in can also correct an earlier check-in.
 *
 * @summary A check-in dialog for one key result, with a live progress preview and the history.
 *
 * @event okr-check-in - A person saved a check-in or a correction; fired after the store recorded it. `OkrCheckInEvent`, `.checkIn`.
 * @event okr-check-in-close - A person closed the dialog (Cancel, Escape, ✕, or by saving). `.keyResultId`.
 * @event okr-error - Loading or saving failed. `.detail` is the `OkrError`.
 *
 * @csspart base - The dialog (a native `<dialog>`).
 * @csspart dialog - Same element as `base`.
 * @csspart header - The title bar.
 * @csspart form - The check-in form.
 * @csspart preview - The progress preview (now and after this check-in).
 * @csspart progress - Each progress bar.
 * @csspart history - The history list.
 * @csspart history-item - One check-in in the history (superseded ones also `history-item-superseded`).
 * @csspart history-item-superseded - A check-in a correction replaced.
 *
 * @cssproperty --okr-check-in-width - Width of the dialog. Default `min(620px, 100vw - 32px)`.
 * @cssproperty --okr-color-progress - Progress bar fill.
 * @cssproperty --okr-color-progress-track - Progress bar track.
 * @cssproperty --okr-color-on-track - On-track colour.
 * @cssproperty --okr-color-at-risk - At-risk colour.
 * @cssproperty --okr-color-off-track - Off-track colour.
 * @cssproperty --okr-font - Font shorthand.
 * @cssproperty --okr-color-text - Text colour.
 * @cssproperty --okr-color-text-muted - Secondary text.
 * @cssproperty --okr-color-surface - Background.
 * @cssproperty --okr-color-surface-alt - Background of buttons and the preview.
 * @cssproperty --okr-color-border - Lines and borders.
 * @cssproperty --okr-color-accent - Primary buttons, selected options.
 * @cssproperty --okr-color-danger - Errors.
 * @cssproperty --okr-color-focus - Focus ring.
 * @cssproperty --okr-color-backdrop - Behind the dialog.
 * @cssproperty --okr-radius - Corner radius.
 */
export class OkrCheckIn extends LitElement {
  static override styles = [theme, states, items, switchStyles, iconStyles, styles];

  static override properties = {
    session: { state: true, attribute: false },
    history: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    correcting: { state: true, attribute: false },
    fieldErrors: { state: true, attribute: false },
    message: { state: true, attribute: false },
    statusText: { state: true, attribute: false },
    saving: { state: true, attribute: false },
    confirmingDiscard: { state: true, attribute: false },
    store: { attribute: false },
    sessionId: { attribute: 'session-id' },
    keyResultId: { attribute: 'key-result-id' },
    open: { type: Boolean, reflect: true },
    people: { attribute: false },
    locale: {},
    strings: { attribute: false },
  };

  declare session: Session | undefined;
  declare history: readonly CheckInHistoryItem[];
  declare loadError: string | undefined;
  declare draft: CheckInDraft | undefined;
  declare correcting: CheckIn | undefined;
  declare fieldErrors: FieldErrors;
  declare message: string | undefined;
  declare statusText: string;
  declare saving: boolean;
  /** The "Discard this check-in?" question is open. */
  declare confirmingDiscard: boolean;

  /** The store; defaults to one from context (`<okr-provider>`), else the page's default store. */
  declare store: OkrStore | undefined;

  /** The session the key result belongs to, e.g. `SE-01001`. */
  declare sessionId: string;

  /** The key result to check in on. */
  declare keyResultId: string;

  /** Whether the dialog is open. Setting it opens or closes the dialog without firing events. */
  declare open: boolean;

  /** Display names of people by id; an unknown id is shown as is. */
  declare people: Readonly<Record<string, string>> | undefined;

  /** BCP 47 locale for texts, dates and numbers; wins over every `lang` (see the README's Languages). */
  declare locale: string | undefined;

  /** Texts to replace, merged over the English defaults and the registered language (see `OkrStrings`); wins over both. */
  declare strings: Partial<OkrStrings> | undefined;

  get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
  }

  constructor() {
    super();
    this.history = [];
    this.fieldErrors = NO_FIELD_ERRORS;
    this.statusText = '';
    this.saving = false;
    this.confirmingDiscard = false;
    this.sessionId = '';
    this.keyResultId = '';
    this.open = false;
  }

  readonly #display = new DisplayController(this);
  readonly #controller = new StoreController(this, (store, change) => void this.#load(store, change));
  readonly #flow = new CheckInDialogFlow(this, { dirty: () => this.#editor.dirty, reset: () => this.#reset() });
  readonly #editor: CheckInEditor = new CheckInEditor(this, {
    store: () => this.#controller.store,
    strings: () => this.#s,
    keyResult: () => this.#keyResult,
    reset: () => this.#reset(),
    close: () => this.#flow.closeByUser(),
  });
  readonly #buttons: CheckInFormButtonActions = {
    cancel: () => this.#flow.closeByUser(),
    cancelCorrection: () => void this.#editor.cancelCorrection(),
  };
  #loads = 0;

  // ---- lifecycle ---------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    const moved =
      (changed.has('sessionId') && changed.get('sessionId') !== undefined) ||
      (changed.has('keyResultId') && changed.get('keyResultId') !== undefined);
    if (moved) {
      this.#reset();
      void this.#load(this.#controller.store);
    }
    // Opening or closing (by the person or the host) starts the next opening afresh. On
    // the update that closes, so that it renders the fresh form: a reset once the dialog
    // has closed (in updated()) would ask for a second render.
    if (changed.has('open') && changed.get('open') !== undefined) this.#reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#flow.updated(changed.has('open'));
  }

  /** Opens the dialog (focus moves to the new value). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog without saving. */
  hide(): void {
    this.open = false;
  }

  async #load(store: OkrStore, change?: StoreChange): Promise<void> {
    if (!this.sessionId || !this.keyResultId) return;
    if (change && !concerns(change, this.sessionId)) return;
    const load = ++this.#loads;
    try {
      // A notice carries the session as it now is: no need to ask the store for it again.
      const session = carriedSession(store, change, this.sessionId) ?? (await store.getSession(this.sessionId));
      const history = await store.checkInHistory(this.sessionId, this.keyResultId);
      if (load !== this.#loads) return;
      this.session = session;
      this.history = history;
      this.loadError = undefined;
    } catch (error) {
      if (load !== this.#loads) return;
      const okrError = toOkrError(error);
      this.session = undefined;
      this.history = [];
      this.loadError = okrError.message;
      this.dispatchEvent(new OkrErrorEvent(okrError));
    }
  }

  // ---- handlers ----------------------------------------------------------------------

  get #keyResult(): KeyResult | undefined {
    return this.session?.keyResults.get(this.keyResultId);
  }

  /** Back to a fresh dialog: no question, no draft, no correction, no messages. */
  #reset(): void {
    this.confirmingDiscard = false;
    this.draft = undefined;
    this.correcting = undefined;
    this.fieldErrors = NO_FIELD_ERRORS;
    this.message = undefined;
    this.statusText = '';
  }

  // ---- render ------------------------------------------------------------------------

  get #s(): OkrStrings {
    return this.#display.strings(resolveStrings);
  }

  override render(): TemplateResult {
    const view: CheckInView = { s: this.#s, locale: this.#display.locale, people: this.#display.people };
    const { s } = view;
    const kr = this.#keyResult;
    const session = this.session;
    const flow = this.#flow;
    return html`<dialog
      part="base dialog"
      aria-labelledby="ci-title"
      @cancel=${flow.dialogCancel}
      @close=${flow.dialogClosed}
    >
      <div class="dialog-header" part="header">
        <h2 id="ci-title">${kr ? s.checkInTitle(kr.title) : s.checkInAction}</h2>
        <button id="ci-close" class="button quiet icon-button" type="button" aria-label=${s.close} title=${s.close} @click=${flow.closeButton}>
          ${iconClose()}
        </button>
      </div>
      ${
        session && kr
          ? this.#renderBody(view, session, kr)
          : html`<div class="dialog-body">
            ${
              this.loadError
                ? html`<p class="alert" role="alert">${s.checkInLoadError} ${this.loadError}</p>`
                : html`<div class="state loading-state" role="status"><span class="spinner" aria-hidden="true"></span>${s.loadingCheckIns}</div>`
            }
          </div>`
      }
      ${discardQuestion(view, this.confirmingDiscard, flow)}
    </dialog>`;
  }

  #renderBody(view: CheckInView, session: Session, kr: KeyResult): TemplateResult {
    const { s } = view;
    const owners = { keyResultId: kr.id };
    const store = this.#controller.store;
    const canAdd = store.can('checkIn.add', session, owners);
    const canCorrect = store.can('checkIn.correct', session, owners);
    const correcting = this.correcting;
    const editor = this.#editor;
    const showForm = correcting ? canCorrect : canAdd;
    return html`<div class="dialog-body">
        ${showForm ? this.#renderForm(view, session, kr) : html`<p class="notice">${session.state === 'archived' ? s.archivedNotice : s.checkInNotAllowed}</p>`}
        <p class="status-line" role="status">${this.statusText}</p>
        ${checkInHistory(view, {
          session,
          kr,
          items: this.history,
          canCorrect,
          correctingId: correcting?.id,
          startCorrection: editor.startCorrection,
        })}
      </div>
      ${showForm ? checkInFormButtons(view, { correcting: correcting !== undefined, saving: this.saving }, this.#buttons) : nothing}`;
  }

  #renderForm(view: CheckInView, session: Session, kr: KeyResult): TemplateResult {
    const editor = this.#editor;
    // The state is written in the call: the manifest's analyzer would take the names in a
    // local `const form = { kr, ... }` for declarations of this module.
    return checkInForm(
      view,
      {
        kr,
        draft: editor.values(kr),
        correcting: this.correcting,
        errors: this.fieldErrors,
        message: this.message,
        timeZone: session.timeZone,
      },
      editor,
    );
  }
}

defineElement('okr-check-in', OkrCheckIn);

declare global {
  interface HTMLElementTagNameMap {
    'okr-check-in': OkrCheckIn;
  }
}
