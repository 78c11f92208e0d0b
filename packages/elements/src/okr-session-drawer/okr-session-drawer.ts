import {
  type OkrStore,
  type Session,
  type StoreChange,
  TRANSITION_RULES,
  type Transition,
  transitionsFrom,
} from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { defineElement } from '../define.js';
import { DisplayController } from '../display-controller.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { OkrSessionChangeEvent } from '../events/okr-session-change-event.js';
import { OkrSessionDrawerCloseEvent } from '../events/okr-session-drawer-close-event.js';
import { OkrSessionTransitionEvent } from '../events/okr-session-transition-event.js';
import { splitFieldErrors } from '../field-errors.js';
import { formatDay, formatInstant } from '../format.js';
import { iconChevronDown, iconChevronEnd, iconClose, iconStyles } from '../icons.js';
import { personChip, personStyles } from '../person.js';
import { carriedSession, concerns, StoreController } from '../store-controller.js';
import { type OkrStrings, resolveStrings } from '../strings.js';
import { theme } from '../theme.styles.js';
import { styles } from './okr-session-drawer.styles.js';
import { renderSessionAdmin } from './session-admin.js';

/** The details a person edits in place. */
interface DetailsDraft {
  readonly title: string;
  readonly start: string;
  readonly end: string;
}
type DetailsField = keyof DetailsDraft;
const DETAIL_FIELDS: readonly DetailsField[] = ['title', 'start', 'end'];

/** What the confirmation step asks about. */
type Confirmation = { readonly kind: 'transition'; readonly transition: Transition } | { readonly kind: 'discard' };

/**
 * One session's details and lifecycle in a modal side drawer: edit the title and dates
 * in place, see who created and changed it, and start, close, reopen or unlock it, each
 * after a confirmation that says what will happen. Closed (archived) sessions and people
 * who may not edit see everything read-only. Administrators also find "Create next
 * session" and the access editor here (session-admin.ts).
 *
 * @summary A session's details and lifecycle actions, in a modal side drawer.
 *
 * @event okr-session-change - A person saved the details; fired after the store saved them. `.session`.
 * @event okr-session-transition - A person confirmed a transition; fired before it runs, cancelable: `preventDefault()` vetoes it. `.session`, `.transition`.
 * @event okr-session-drawer-close - A person closed the drawer. `.sessionId`.
 * @event okr-error - Loading, saving or a transition failed. `.detail` is the `OkrError`.
 *
 * @csspart base - The drawer (a native `<dialog>`).
 * @csspart dialog - Same element as `base`.
 * @csspart header - The title bar with the actions menu and the close button.
 * @csspart actions-button - The button that opens the actions menu.
 * @slot footer - The host's own content at the foot of the drawer (links, actions); no footer is shown when empty.
 *
 * @csspart footer - The footer around the `footer` slot.
 * @csspart menu - The actions menu.
 * @csspart details - The details section.
 * @csspart confirm - The confirmation dialog.
 *
 * @cssproperty --okr-drawer-width - Width of the drawer. Default `min(520px, 100vw)`.
 * @cssproperty --okr-font - Font shorthand.
 * @cssproperty --okr-color-text - Text colour.
 * @cssproperty --okr-color-text-muted - Secondary text.
 * @cssproperty --okr-color-surface - Background.
 * @cssproperty --okr-color-surface-alt - Background of buttons and read-only values.
 * @cssproperty --okr-color-border - Lines and borders.
 * @cssproperty --okr-color-accent - Primary buttons.
 * @cssproperty --okr-color-on-accent - Text on the accent colour.
 * @cssproperty --okr-color-danger - Errors and the Close action.
 * @cssproperty --okr-color-warning - Warning text.
 * @cssproperty --okr-color-warning-surface - Warning background.
 * @cssproperty --okr-color-focus - Focus ring.
 * @cssproperty --okr-color-backdrop - Behind the drawer.
 * @cssproperty --okr-space-s - Small gap.
 * @cssproperty --okr-space-m - Medium gap.
 * @cssproperty --okr-space-l - Large gap.
 * @cssproperty --okr-radius - Corner radius.
 */
export class OkrSessionDrawer extends LitElement {
  static override styles = [theme, iconStyles, personStyles, styles];

  static override properties = {
    session: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    fieldErrors: { state: true, attribute: false },
    message: { state: true, attribute: false },
    status: { state: true, attribute: false },
    saving: { state: true, attribute: false },
    moreOpen: { state: true, attribute: false },
    menuOpen: { state: true, attribute: false },
    confirmation: { state: true, attribute: false },
    parentTitle: { state: true, attribute: false },
    hasFooter: { state: true, attribute: false },
    store: { attribute: false },
    sessionId: { attribute: 'session-id' },
    open: { type: Boolean, reflect: true },
    people: { attribute: false },
    teams: { attribute: false },
    locale: {},
    strings: { attribute: false },
  };

  declare session: Session | undefined;
  declare loadError: string | undefined;
  declare draft: DetailsDraft | undefined;
  declare fieldErrors: Partial<Record<DetailsField, string>>;
  declare message: string | undefined;
  declare status: string;
  declare saving: boolean;
  declare moreOpen: boolean;
  declare menuOpen: boolean;
  declare confirmation: Confirmation | undefined;
  /** The parent session's title, once read (its id until then, or when it cannot be read). */
  declare parentTitle: string | undefined;
  /** @internal Something is slotted into `footer`. */
  declare hasFooter: boolean;

  /** The store; defaults to one from context (`<okr-provider>`), else the page's default store. */
  declare store: OkrStore | undefined;

  /** The id (number) of the session to show, e.g. `SE-01001`. */
  declare sessionId: string;

  /** Whether the drawer is open. Setting it opens or closes the drawer without firing events. */
  declare open: boolean;

  /** Display names of people by id; an unknown id is shown as is. */
  declare people: Readonly<Record<string, string>> | undefined;

  /** Display names of teams by id, offered by the access editor (`{ sales: 'Sales' }`). */
  declare teams: Readonly<Record<string, string>>;

  /** BCP 47 locale for texts, dates and numbers; wins over every `lang` (see the README's Languages). */
  declare locale: string | undefined;

  /** Texts to replace, merged over the English defaults and the registered language (see `OkrStrings`); wins over both. */
  declare strings: Partial<OkrStrings> | undefined;

  get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog.drawer') ?? null;
  }
  get confirmDialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog.confirm') ?? null;
  }

  constructor() {
    super();
    this.fieldErrors = {};
    this.status = '';
    this.saving = false;
    this.moreOpen = false;
    this.hasFooter = false;
    this.menuOpen = false;
    this.sessionId = '';
    this.open = false;
    this.teams = {};
  }

  readonly #display = new DisplayController(this);
  readonly #controller = new StoreController(this, (store, change) => void this.#load(store, change));
  #loads = 0;

  // ---- lifecycle ---------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') && changed.get('sessionId') !== undefined) {
      this.session = undefined;
      this.#reset();
      void this.#load(this.#controller.store);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!dialog) return;
    if (!changed.has('open')) {
      if (this.open && dialog.open && !this.shadowRoot?.activeElement) this.#focusInitial();
      return;
    }
    if (this.open && !dialog.open) {
      dialog.showModal();
    } else if (!this.open && dialog.open) {
      // The dialog's close event comes a task later, possibly after the host has opened
      // it again: it must not count as Escape then.
      this.#closedByHost = true;
      dialog.close();
    }
  }

  #closedByHost = false;

  /** Focus lost inside (the session finished loading and replaced the content): put it on the first control. */
  #focusInitial(): void {
    this.renderRoot.querySelector<HTMLElement>('#actions-button, #close-drawer')?.focus();
  }

  /** Opens the drawer (focus moves into it). */
  show(): void {
    this.open = true;
  }

  /** Closes the drawer without asking, discarding unsaved edits. */
  hide(): void {
    this.open = false;
  }

  async #load(store: OkrStore, change?: StoreChange): Promise<void> {
    if (!this.sessionId) return;
    if (change && !concerns(change, this.sessionId)) return;
    const load = ++this.#loads;
    try {
      const session = carriedSession(store, change, this.sessionId) ?? (await store.getSession(this.sessionId));
      const parentTitle = session.parentId ? await this.#titleOf(store, session.parentId) : undefined;
      if (load !== this.#loads) return;
      this.session = session;
      this.parentTitle = parentTitle;
      this.loadError = undefined;
    } catch (error) {
      if (load !== this.#loads) return;
      const okrError = toOkrError(error);
      this.session = undefined;
      this.loadError = okrError.message;
      this.dispatchEvent(new OkrErrorEvent(okrError));
    }
  }

  /** A session's title for display, or undefined when this person cannot read it (the id is shown then). */
  async #titleOf(store: OkrStore, sessionId: string): Promise<string | undefined> {
    try {
      return (await store.getSession(sessionId)).title;
    } catch {
      // Not readable by this person, or removed: showing the id is all that is left to do.
      return undefined;
    }
  }

  // ---- handlers ----------------------------------------------------------------------

  #reset(): void {
    this.draft = undefined;
    this.fieldErrors = {};
    this.message = undefined;
    this.status = '';
    this.menuOpen = false;
    this.moreOpen = false;
    this.confirmation = undefined;
  }

  get #dirty(): boolean {
    const session = this.session;
    const draft = this.draft;
    if (!session || !draft) return false;
    return draft.title !== session.title || draft.start !== session.start || draft.end !== session.end;
  }

  /** The person asked to close (Close button or Escape): confirm first if edits would be lost. */
  #requestClose(): void {
    if (this.#dirty) {
      this.#confirm({ kind: 'discard' });
      return;
    }
    this.#closeByUser();
  }

  #closeByUser(): void {
    this.open = false;
    this.dialog?.close();
    this.#reset();
    this.dispatchEvent(new OkrSessionDrawerCloseEvent(this.sessionId));
  }

  #onCancel(event: Event): void {
    // Escape: closes the menu if open, asks if edits would be lost, else lets the dialog close.
    if (this.menuOpen) {
      event.preventDefault();
      this.#closeMenu(true);
    } else if (this.#dirty) {
      event.preventDefault();
      this.#confirm({ kind: 'discard' });
    }
  }

  /** The dialog closed. If `open` is still set, the browser closed it for the person (Escape). */
  #onDialogClose(): void {
    const byHost = this.#closedByHost;
    this.#closedByHost = false;
    if (!this.open || byHost) return;
    this.open = false;
    this.#reset();
    this.dispatchEvent(new OkrSessionDrawerCloseEvent(this.sessionId));
  }

  #onDetailsInput(event: Event): void {
    const session = this.session;
    if (!session) return;
    const input = event.target as HTMLInputElement;
    const field = input.name as DetailsField;
    const current = this.draft ?? { title: session.title, start: session.start, end: session.end };
    this.draft = { ...current, [field]: input.value };
    this.status = '';
    if (this.fieldErrors[field]) {
      const { [field]: _fixed, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const session = this.session;
    const draft = this.draft;
    if (!session || !draft || this.saving) return;
    const s = this.#s;
    const errors: Partial<Record<DetailsField, string>> = {};
    if (draft.title.trim() === '') errors.title = s.errorTitleRequired;
    for (const field of ['start', 'end'] as const) {
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#d-${field}`);
      if (input?.validity.badInput) errors[field] = s.errorInvalidDate;
      else if (draft[field] === '') errors[field] = field === 'start' ? s.errorStartRequired : s.errorEndRequired;
    }
    if (!errors.start && !errors.end && draft.end < draft.start) errors.end = s.errorEndBeforeStart;
    if (Object.keys(errors).length > 0) {
      await this.#showErrors(errors, s.formNotSaved);
      return;
    }
    this.saving = true;
    try {
      const saved = await this.#controller.store.updateSession(session.id, {
        title: draft.title.trim(),
        start: draft.start,
        end: draft.end,
      });
      this.session = saved;
      this.draft = undefined;
      this.fieldErrors = {};
      this.message = undefined;
      this.status = s.saved;
      this.dispatchEvent(new OkrSessionChangeEvent(saved));
    } catch (error) {
      const okrError = toOkrError(error);
      const split = splitFieldErrors(okrError, DETAIL_FIELDS);
      if (split) {
        const { fields, other } = split;
        await this.#showErrors(fields, [s.formNotSaved, ...other].join(' '));
      } else {
        await this.#showErrors({}, okrError.message);
        this.dispatchEvent(new OkrErrorEvent(okrError));
      }
    } finally {
      this.saving = false;
    }
  }

  async #showErrors(errors: Partial<Record<DetailsField, string>>, message: string): Promise<void> {
    this.fieldErrors = errors;
    this.message = message;
    await this.updateComplete;
    const first = DETAIL_FIELDS.find((f) => errors[f]);
    this.renderRoot.querySelector<HTMLElement>(first ? `#d-${first}` : '#drawer-message')?.focus();
  }

  // The actions menu follows the WAI-ARIA menu button pattern.

  async #openMenu(focus: 'first' | 'last'): Promise<void> {
    this.menuOpen = true;
    await this.updateComplete;
    const items = this.#menuItems();
    items[focus === 'first' ? 0 : items.length - 1]?.focus();
  }

  #closeMenu(focusButton: boolean): void {
    this.menuOpen = false;
    if (focusButton) this.renderRoot.querySelector<HTMLElement>('#actions-button')?.focus();
  }

  #menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('#actions-menu [role=menuitem]')];
  }

  #onMenuButtonClick(): void {
    if (this.menuOpen) this.#closeMenu(true);
    else void this.#openMenu('first');
  }

  #onMenuButtonKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.#openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  }

  #onMenuKeydown(event: KeyboardEvent): void {
    const items = this.#menuItems();
    const index = items.indexOf(event.target as HTMLElement);
    const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(items.length - 1);
        break;
      case 'Escape':
        event.stopPropagation();
        this.#closeMenu(true);
        break;
      case 'Tab':
        this.menuOpen = false;
        return;
      default:
        return;
    }
    event.preventDefault();
  }

  #onMenuFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    const wrap = event.currentTarget as HTMLElement;
    if (this.menuOpen && (!next || !wrap.contains(next))) this.menuOpen = false;
  }

  async #confirm(confirmation: Confirmation): Promise<void> {
    this.menuOpen = false;
    this.confirmation = confirmation;
    await this.updateComplete;
    this.confirmDialog?.showModal();
  }

  async #onConfirmClose(): Promise<void> {
    this.confirmation = undefined;
    await this.updateComplete;
    if (!this.dialog?.open) return;
    const target =
      this.renderRoot.querySelector<HTMLElement>('#actions-button') ??
      this.renderRoot.querySelector<HTMLElement>('#close-drawer');
    target?.focus();
  }

  async #accept(): Promise<void> {
    const confirmation = this.confirmation;
    this.confirmDialog?.close();
    if (!confirmation) return;
    if (confirmation.kind === 'discard') {
      this.draft = undefined;
      this.#closeByUser();
      return;
    }
    await this.#transition(confirmation.transition);
  }

  async #transition(transition: Transition): Promise<void> {
    const session = this.session;
    if (!session) return;
    const event = new OkrSessionTransitionEvent(session, transition);
    this.dispatchEvent(event);
    if (event.defaultPrevented) {
      this.status = this.#s.transitionCancelled;
      return;
    }
    try {
      this.session = await this.#controller.store.transition(session.id, transition);
      this.message = undefined;
      this.status = `${this.#s.states[this.session.state]}.`;
    } catch (error) {
      const okrError = toOkrError(error);
      this.message = okrError.message;
      this.dispatchEvent(new OkrErrorEvent(okrError));
    }
  }

  #onFooterChange(event: Event): void {
    // Flattened, so that a slot passed on by <okr-sessions> counts only when it has content.
    this.hasFooter = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  // ---- render ------------------------------------------------------------------------

  get #s(): OkrStrings {
    return this.#display.strings(resolveStrings);
  }

  override render(): TemplateResult {
    const session = this.session;
    const s = this.#s;
    return html`<dialog
      class="drawer"
      part="base dialog"
      aria-labelledby="drawer-title"
      @cancel=${this.#onCancel}
      @close=${this.#onDialogClose}
    >
      ${
        session
          ? this.#renderSession(session)
          : html`<div class="dialog-header" part="header">
            <h2 id="drawer-title">${this.sessionId}</h2>
            ${this.#renderCloseButton()}
          </div>
          <div class="dialog-body">
            ${
              this.loadError
                ? html`<p class="alert" role="alert">${s.sessionLoadError} ${this.loadError}</p>`
                : html`<p role="status">${s.loading}</p>`
            }
          </div>`
      }
      ${this.#renderConfirm(session)}
    </dialog>`;
  }

  #renderCloseButton(): TemplateResult {
    return html`<button
      id="close-drawer"
      class="button quiet icon-button"
      type="button"
      aria-label=${this.#s.closeDrawer}
      title=${this.#s.closeDrawer}
      @click=${this.#requestClose}
    >
      ${iconClose()}
    </button>`;
  }

  #renderSession(session: Session): TemplateResult {
    const s = this.#s;
    const store = this.#controller.store;
    const editable = store.can('session.edit', session);
    const transitions = transitionsFrom(session.state).filter((t) => store.can(TRANSITION_RULES[t].action, session));
    const archived = session.state === 'archived';
    return html`<div class="dialog-header" part="header">
        <div class="heading">
          <h2 id="drawer-title">${session.title}</h2>
          <p class="subtitle">
            <span class="number">${session.id}</span>
            <span class="badge state-${session.state}">${s.states[session.state]}</span>
          </p>
        </div>
        ${transitions.length > 0 ? this.#renderMenu(transitions) : nothing} ${this.#renderCloseButton()}
      </div>
      <div class="dialog-body">
        ${archived ? html`<p class="notice">${s.readOnlyNotice}</p>` : !editable ? html`<p class="notice">${s.viewOnlyNotice}</p>` : nothing}
        ${this.message ? html`<p id="drawer-message" class="alert" role="alert" tabindex="-1">${this.message}</p>` : nothing}
        <section part="details" aria-labelledby="details-title">
          <h3 id="details-title">${s.details}</h3>
          ${editable ? this.#renderEditable(session) : this.#renderReadOnly(session)} ${this.#renderMore(session)}
        </section>
        ${renderSessionAdmin({ store, session, people: this.#display.people ?? {}, teams: this.teams, strings: this.strings, s })}
        <p class="status" role="status">${this.status}</p>
      </div>
      <div class="dialog-footer" part="footer" ?hidden=${!this.hasFooter}>
        <slot name="footer" @slotchange=${this.#onFooterChange}></slot>
      </div>`;
  }

  #renderMenu(transitions: readonly Transition[]): TemplateResult {
    const s = this.#s;
    return html`<div class="menu-wrap" @focusout=${this.#onMenuFocusOut}>
      <button
        id="actions-button"
        part="actions-button"
        class="button"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.menuOpen ? 'true' : 'false'}
        aria-controls="actions-menu"
        @click=${this.#onMenuButtonClick}
        @keydown=${this.#onMenuButtonKeydown}
      >
        ${s.actions} ${iconChevronDown()}
      </button>
      <ul
        id="actions-menu"
        part="menu"
        role="menu"
        aria-labelledby="actions-button"
        ?hidden=${!this.menuOpen}
        @keydown=${this.#onMenuKeydown}
      >
        ${transitions.map(
          (t) => html`<li role="none">
            <button
              role="menuitem"
              type="button"
              tabindex="-1"
              data-transition=${t}
              class=${t === 'close' ? 'danger' : ''}
              @click=${() => this.#confirm({ kind: 'transition', transition: t })}
            >
              ${s.transitions[t]}
            </button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderEditable(session: Session): TemplateResult {
    const s = this.#s;
    const values = this.draft ?? { title: session.title, start: session.start, end: session.end };
    const datesChanged = values.start !== session.start || values.end !== session.end;
    const field = (name: DetailsField, label: string, type: 'text' | 'date') => {
      const error = this.fieldErrors[name];
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
    return html`<form class="details-form" novalidate @input=${this.#onDetailsInput} @submit=${this.#save}>
      ${field('title', s.fieldTitle, 'text')}
      <div class="row-2">${field('start', s.fieldStart, 'date')} ${field('end', s.fieldEnd, 'date')}</div>
      ${datesChanged ? html`<p id="dates-warning" class="notice">${s.datesWarning}</p>` : nothing}
      <dl class="facts">
        <div><dt>${s.timeZone}</dt><dd>${session.timeZone}</dd></div>
        ${this.#renderParent(session)}
      </dl>
      <div class="form-actions">
        <button id="save" class="button primary" type="submit" ?disabled=${!this.#dirty || this.saving}>
          ${this.saving ? s.saving : s.save}
        </button>
      </div>
    </form>`;
  }

  #renderReadOnly(session: Session): TemplateResult {
    const s = this.#s;
    const locale = this.#display.locale;
    return html`<dl class="facts">
      <div><dt>${s.fieldTitle}</dt><dd>${session.title}</dd></div>
      <div><dt>${s.fieldStart}</dt><dd>${formatDay(session.start, locale)}</dd></div>
      <div><dt>${s.fieldEnd}</dt><dd>${formatDay(session.end, locale)}</dd></div>
      <div><dt>${s.timeZone}</dt><dd>${session.timeZone}</dd></div>
      <div><dt>${s.fieldCadence}</dt><dd>${s.cadences[session.cadence]}</dd></div>
      <div><dt>${s.fieldCheckInCadence}</dt><dd>${s.checkInCadences[session.checkInCadence]}</dd></div>
      ${this.#renderParent(session)}
    </dl>`;
  }

  /** The parent session by its title (and number), as people know it. */
  #renderParent(session: Session): TemplateResult | typeof nothing {
    if (!session.parentId) return nothing;
    return html`<div>
      <dt>${this.#s.fieldParent}</dt>
      <dd>
        <bdi>${this.parentTitle ?? session.parentId}</bdi>${this.parentTitle ? html` <span class="number">(${session.parentId})</span>` : nothing}
      </dd>
    </div>`;
  }

  #renderMore(session: Session): TemplateResult {
    const s = this.#s;
    const locale = this.#display.locale;
    return html`<button
        id="more-button"
        class="button quiet disclosure"
        type="button"
        aria-expanded=${this.moreOpen ? 'true' : 'false'}
        aria-controls="more"
        @click=${() => {
          this.moreOpen = !this.moreOpen;
        }}
      >
        <span class="chevron">${iconChevronEnd()}</span> ${this.moreOpen ? s.showLess : s.showMore}
      </button>
      <dl id="more" class="facts" ?hidden=${!this.moreOpen}>
        <div><dt>${s.createdBy}</dt><dd>${personChip(this.#display.people, session.createdBy)}</dd></div>
        <div><dt>${s.createdAt}</dt><dd>${formatInstant(session.createdAt, locale, session.timeZone)}</dd></div>
        <div><dt>${s.changedBy}</dt><dd>${personChip(this.#display.people, session.changedBy)}</dd></div>
        <div><dt>${s.changedAt}</dt><dd>${formatInstant(session.changedAt, locale, session.timeZone)}</dd></div>
      </dl>`;
  }

  #renderConfirm(session: Session | undefined): TemplateResult {
    const s = this.#s;
    const c = this.confirmation;
    const title =
      !c || !session ? '' : c.kind === 'discard' ? s.unsavedTitle : s.transitionTitles[c.transition](session.title);
    const body = !c ? '' : c.kind === 'discard' ? s.unsavedBody : s.transitionBodies[c.transition];
    const accept = !c ? '' : c.kind === 'discard' ? s.discard : s.transitions[c.transition];
    const reject = c?.kind === 'discard' ? s.keepEditing : s.cancel;
    const danger = c?.kind === 'discard' || (c?.kind === 'transition' && c.transition === 'close');
    return html`<dialog
      class="confirm"
      part="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      @close=${this.#onConfirmClose}
    >
      <div class="dialog-header"><h2 id="confirm-title">${title}</h2></div>
      <div class="dialog-body"><p id="confirm-body">${body}</p></div>
      <div class="dialog-footer">
        <button type="button" class="button" id="confirm-cancel" ?autofocus=${danger} @click=${() => this.confirmDialog?.close()}>
          ${reject}
        </button>
        <button type="button" class="button ${danger ? 'danger' : 'primary'}" id="confirm-accept" ?autofocus=${!danger} @click=${this.#accept}>
          ${accept}
        </button>
      </div>
    </dialog>`;
  }
}

defineElement('okr-session-drawer', OkrSessionDrawer);

declare global {
  interface HTMLElementTagNameMap {
    'okr-session-drawer': OkrSessionDrawer;
  }
}
