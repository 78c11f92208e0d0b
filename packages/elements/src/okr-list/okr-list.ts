import {
  type KeyResult,
  type OkrError,
  type OkrStore,
  objectivesOf,
  type Session,
  type StoreChange,
} from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { defineElement } from '../define.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { OkrOwnerChangeEvent, type OwnedItem } from '../events/okr-owner-change-event.js';
import { iconStyles } from '../icons.js';
import type { OkrCheckIn } from '../okr-check-in/okr-check-in.js';
import '../okr-check-in/okr-check-in.js';
import { DisplayController } from '../display-controller.js';
import { detailPanel, openDetail } from '../okr-detail/detail-opener.js';
import { items } from '../okr-items.styles.js';
import { states } from '../states.styles.js';
import { carriedSession, concerns, StoreController } from '../store-controller.js';
import { type OkrStrings, resolveStrings } from '../strings.js';
import { theme } from '../theme.styles.js';
import type { FormValues, ItemForm } from './form-model.js';
import { initiativesSection } from './initiatives-section.js';
import { ItemFormDialog } from './item-form.js';
import { formStyles } from './list-form.styles.js';
import { listPermissions } from './list-permissions.js';
import { responsiveStyles } from './list-responsive.styles.js';
import { emptyList, errorState, loadingState, noSessionState } from './list-states.js';
import { listToolbar } from './list-toolbar.js';
import type { ListActions, ListHost, ListView } from './list-view.js';
import { ObjectiveDisclosure } from './objective-disclosure.js';
import { objectiveSection } from './objective-section.js';
import { styles } from './okr-list.styles.js';
import { RemoveConfirmation } from './remove-confirmation.js';
import { RenderInSteps } from './render-in-steps.js';
import { Reorder } from './reorder.js';
import { TitleEditor } from './title-editor.js';

/**
 * A session's objectives with their key results and initiatives, to scan and to edit as
 * far as the session's lifecycle and the actor's role allow: while planning (open) add,
 * rename, describe, reorder, retarget and remove objectives and key results; while open
 * and in progress add, edit and remove initiatives, hand over ownership and check in;
 * once closed, read only. Every control
 * is offered only when `store.can(...)` says the action would be accepted.
 *
 * @summary A session's objectives, key results and initiatives, editable as the lifecycle allows.
 *
 * @slot toolbar-end - The host's own controls at the end of the toolbar, after "Add objective".
 * @slot empty - Replaces the picture and text shown when the session has no objectives; "Add objective" stays below it.
 *
 * @event okr-detail-open - Cancelable: a person opened an item's details (its Details button); the list's `<okr-detail>` shows it unless cancelled. `OkrDetailOpenEvent`.
 * @event okr-objective-add - A person added an objective. `OkrObjectiveAddEvent`, `.objective`.
 * @event okr-objective-change - A person renamed, described, moved or removed an objective. `.objective`, `.change` (`title`, `description`, `order`, `removed`).
 * @event okr-key-result-add - A person added a key result. `.keyResult`.
 * @event okr-key-result-change - A person renamed, moved, retargeted or removed a key result. `.keyResult`, `.change` (`title`, `order`, `target`, `unit`, `weight`, `removed`).
 * @event okr-owner-change - A person handed an item to another owner. `.item`, `.itemId`, `.ownerId` (`null`: unassigned).
 * @event okr-initiative-add - A person added an initiative. `.initiative`.
 * @event okr-initiative-change - A person changed or removed an initiative, one event per change. `.initiative`, `.change` (`status`, `title`, `link`, `links`, `removed`).
 * @event okr-check-in - Bubbles from the check-in dialog: a person saved a check-in. `.checkIn`.
 * @event okr-check-in-close - Bubbles from the check-in dialog: a person closed it.
 * @event okr-error - Loading or saving failed. `.detail` is the `OkrError`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart toolbar - The bar with the lifecycle notice and the Add objective button.
 * @csspart add-objective - The "Add objective" button.
 * @csspart objective - Each objective's card.
 * @csspart objective-header - The title row of an objective.
 * @csspart key-result - Each key result's row.
 * @csspart progress - Each progress bar.
 * @csspart status - Each status badge.
 * @csspart owner - Each owner (name or select).
 * @csspart check-in-button - Each "Check in" button.
 * @csspart edit-target - Each "Edit target" button of a key result.
 * @csspart initiatives - The initiatives section.
 * @csspart initiative - Each initiative.
 * @csspart empty - The empty state.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart dialog - The add and edit dialog.
 * @csspart confirm - The remove confirmation.
 *
 * @cssproperty --okr-font - Font shorthand.
 * @cssproperty --okr-color-text - Text colour.
 * @cssproperty --okr-color-text-muted - Secondary text.
 * @cssproperty --okr-color-surface - Background of cards and dialogs.
 * @cssproperty --okr-color-surface-alt - Background of key result rows and buttons.
 * @cssproperty --okr-color-border - Lines and borders.
 * @cssproperty --okr-color-accent - Primary buttons and progress.
 * @cssproperty --okr-color-on-accent - Text on the accent colour.
 * @cssproperty --okr-color-danger - Errors and remove.
 * @cssproperty --okr-color-focus - Focus ring.
 * @cssproperty --okr-color-progress - Progress bar fill.
 * @cssproperty --okr-color-progress-track - Progress bar track.
 * @cssproperty --okr-color-on-track - Fill of on-track key results.
 * @cssproperty --okr-color-at-risk - Fill of at-risk key results.
 * @cssproperty --okr-color-off-track - Fill of off-track key results.
 * @cssproperty --okr-space-s - Small gap.
 * @cssproperty --okr-space-m - Medium gap.
 * @cssproperty --okr-space-l - Large gap.
 * @cssproperty --okr-radius - Corner radius.
 */
export class OkrList extends LitElement {
  static override styles = [theme, states, items, iconStyles, styles, formStyles, responsiveStyles];

  static override properties = {
    session: { state: true, attribute: false },
    status: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    checkInFor: { state: true, attribute: false },
    statusText: { state: true, attribute: false },
    actionError: { state: true, attribute: false },
    store: { attribute: false },
    sessionId: { attribute: 'session-id' },
    people: { attribute: false },
    locale: {},
    strings: { attribute: false },
  };

  /** @internal */
  declare session: Session | undefined;
  /** @internal */
  declare status: 'loading' | 'ready' | 'error';
  /** @internal */
  declare loadError: OkrError | undefined;
  /** @internal */
  declare checkInFor: string;
  /** @internal */
  declare statusText: string;
  /** @internal */
  declare actionError: string | undefined;

  /** The store; defaults to one from context (`<okr-provider>`), else the page's default store. */
  declare store: OkrStore | undefined;

  /** The session to show, e.g. `SE-01001`. */
  declare sessionId: string;

  /** Display names of people by id (`{ ada: 'Ada Lovelace' }`): the owner choices. An unknown id is shown as is. */
  declare people: Readonly<Record<string, string>> | undefined;

  /** BCP 47 locale for texts, dates and numbers; wins over every `lang` (see the README's Languages). */
  declare locale: string | undefined;

  /** Texts to replace, merged over the English defaults and the registered language (see `OkrStrings`); wins over both. */
  declare strings: Partial<OkrStrings> | undefined;

  get formDialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('#form-dialog') ?? null;
  }
  get confirmDialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('#confirm') ?? null;
  }
  get checkInDialog(): OkrCheckIn | null {
    return this.renderRoot?.querySelector<OkrCheckIn>('okr-check-in') ?? null;
  }

  constructor() {
    super();
    this.status = 'loading';
    this.checkInFor = '';
    this.statusText = '';
    this.sessionId = '';
  }

  readonly #display = new DisplayController(this);
  readonly #controller = new StoreController(this, (store, change) => void this.#load(store, change));
  #loads = 0;

  /** What the parts see of the element (see `ListHost`). */
  readonly #host: ListHost = (() => {
    const el = this;
    return {
      get session() {
        return el.session;
      },
      get store() {
        return el.#controller.store;
      },
      get renderRoot() {
        return el.renderRoot;
      },
      get updateComplete() {
        return el.updateComplete;
      },
      get texts() {
        return el.#s;
      },
      requestUpdate: () => this.requestUpdate(),
      dispatchEvent: (event: Event) => this.dispatchEvent(event),
      attempt: (work) => this.#attempt(work),
      reloadSession: () => this.#load(this.#controller.store),
      announce: (text) => {
        this.statusText = text;
      },
    };
  })();

  readonly #titles = new TitleEditor(this.#host);
  readonly #reorder = new Reorder(this.#host);
  readonly #form = new ItemFormDialog(this.#host);
  readonly #confirm = new RemoveConfirmation(this.#host);
  readonly #disclosure = new ObjectiveDisclosure();
  readonly #steps = new RenderInSteps(this);

  /** What objectives, key results and initiatives can ask for. */
  readonly #actions: ListActions = {
    titles: this.#titles,
    reorder: this.#reorder,
    openForm: (form, opener, values, milestones, linked) =>
      void this.#openForm(form, opener, values, milestones, linked),
    confirmRemove: (removal) => void this.#confirm.ask(removal),
    assign: (item, id, ownerId) => void this.#assign(item, id, ownerId),
    openCheckIn: (keyResult) => void this.#openCheckIn(keyResult),
    openDetail: (item) => this.session && openDetail(this, this.session.id, item),
    toggle: (id) => void this.#toggle(id),
  };

  // ---- lifecycle ---------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') && changed.get('sessionId') !== undefined) {
      this.session = undefined;
      this.status = 'loading';
      this.#titles.reset();
      this.#disclosure.reset();
      this.#steps.reset();
      void this.#load(this.#controller.store);
    }
  }

  /** Reads the session again (after a storage error, for example). */
  async reload(): Promise<void> {
    await this.#load(this.#controller.store);
  }

  async #load(store: OkrStore, change?: StoreChange): Promise<void> {
    if (!this.sessionId) return;
    if (change && !concerns(change, this.sessionId)) return;
    const load = ++this.#loads;
    try {
      const session = carriedSession(store, change, this.sessionId) ?? (await store.getSession(this.sessionId));
      if (load !== this.#loads) return;
      this.session = session;
      this.status = 'ready';
      this.loadError = undefined;
    } catch (error) {
      if (load !== this.#loads) return;
      this.loadError = toOkrError(error);
      this.status = 'error';
      this.dispatchEvent(new OkrErrorEvent(this.loadError));
    }
  }

  // ---- handlers ----------------------------------------------------------------------

  /** Runs a change in place; a refusal is shown above the list and reported. */
  async #attempt(work: (store: OkrStore, session: Session) => Promise<unknown>): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    const store = this.#controller.store;
    try {
      await work(store, session);
      // The store's notice of the change has already brought the session shown up to date.
      this.actionError = undefined;
      return true;
    } catch (error) {
      const okrError = toOkrError(error);
      this.actionError = okrError.message;
      this.dispatchEvent(new OkrErrorEvent(okrError));
      return false;
    }
  }

  async #openForm(
    form: ItemForm,
    opener: string,
    values?: Partial<FormValues>,
    milestones?: readonly string[],
    linked?: readonly string[],
  ): Promise<void> {
    // A key result added to a closed objective should appear where the person looks.
    if (form.kind === 'keyResult') this.#disclosure.open(form.objectiveId);
    await this.#form.open(form, opener, values, milestones, linked);
  }

  async #assign(item: OwnedItem, id: string, ownerId: string | null): Promise<void> {
    const assigned = await this.#attempt((store, s) => store.assignOwner(s.id, item, id, ownerId));
    if (assigned && this.session) this.dispatchEvent(new OkrOwnerChangeEvent(this.session.id, item, id, ownerId));
  }

  async #openCheckIn(keyResult: KeyResult): Promise<void> {
    this.checkInFor = keyResult.id;
    await this.updateComplete;
    this.checkInDialog?.show();
  }

  async #toggle(id: string): Promise<void> {
    const objectives = this.session ? objectivesOf(this.session) : [];
    const index = objectives.findIndex((o) => o.id === id);
    this.#disclosure.toggle(id, index, objectives.length);
    this.requestUpdate();
    // A closed objective is another template, so its button is a new one: give it the focus back.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#toggle-${CSS.escape(id)}`)?.focus();
  }

  // ---- render ------------------------------------------------------------------------

  get #s(): OkrStrings {
    return this.#display.strings(resolveStrings);
  }

  override render(): TemplateResult {
    const s = this.#s;
    if (!this.sessionId) return noSessionState(s);
    if (this.status === 'loading') return loadingState(s);
    const session = this.session;
    if (this.status === 'error' || !session) return errorState(s, this.loadError, () => void this.reload());
    const store = this.#controller.store;
    const can = listPermissions(store, session);
    const view: ListView = {
      session,
      s,
      locale: this.#display.locale,
      people: this.#display.people,
      can,
      now: store.now(),
    };
    const canAddInitiative = can.addInitiative && session.keyResults.size > 0;
    const addObjective = () => void this.#openForm({ kind: 'objective' }, '#add-objective');
    const objectives = objectivesOf(session);
    const count = objectives.length;
    // Objectives, then initiatives, come in steps as one list: a large organisation has both by the hundred.
    const limit = this.#steps.limit(count + session.initiatives.size);
    return html`<div part="base">
      ${listToolbar(view, count, addObjective)}
      ${this.actionError ? html`<p class="alert" role="alert">${this.actionError}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.statusText}</p>
      ${
        count === 0
          ? emptyList(s, can.addObjective, addObjective)
          : html`<ol class="objectives" aria-label=${s.objectivesCaption}>
            ${repeat(
              objectives.slice(0, limit),
              (o) => o.id,
              (o, index) =>
                objectiveSection(view, this.#actions, o, index, count, this.#disclosure.of(o.id, index, count)),
            )}
          </ol>`
      }
      ${count > 0 && (session.initiatives.size > 0 || canAddInitiative) ? initiativesSection(view, this.#actions, canAddInitiative, Math.max(0, limit - count)) : nothing}
      ${this.#form.render(session, this.#display.people, can)} ${this.#confirm.render()}
      <okr-check-in
        .store=${store}
        .people=${this.people}
        .locale=${this.locale}
        .strings=${this.strings}
        session-id=${session.id}
        key-result-id=${this.checkInFor}
      ></okr-check-in>
      ${detailPanel({ store, people: this.#display.people, locale: this.#display.locale, strings: this.strings })}
    </div>`;
  }
}

defineElement('okr-list', OkrList);

declare global {
  interface HTMLElementTagNameMap {
    'okr-list': OkrList;
  }
}
