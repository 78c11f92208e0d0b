import {
  type OkrStore,
  type Session,
  type StoreChange,
  TRANSITION_RULES,
  type Transition,
  transitionsFrom,
} from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { defineElement } from '../define.js';
import { DisplayController } from '../display-controller.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { OkrSessionChangeEvent } from '../events/okr-session-change-event.js';
import { OkrSessionDrawerCloseEvent } from '../events/okr-session-drawer-close-event.js';
import { OkrSessionTransitionEvent } from '../events/okr-session-transition-event.js';
import { iconClose, iconStyles } from '../icons.js';
import { personStyles } from '../person.js';
import { carriedSession, concerns, StoreController } from '../store-controller.js';
import { type OkrStrings, resolveStrings } from '../strings.js';
import { theme } from '../theme.styles.js';
import { type Confirmation, confirmDialog } from './confirm-dialog.js';
import { DetailsForm } from './details-form.js';
import { styles } from './okr-session-drawer.styles.js';
import { renderSessionAdmin } from './session-admin.js';
import { type FactsContext, moreFacts, parentFact, readOnlyFacts } from './session-facts.js';
import { TransitionMenu } from './transition-menu.js';

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
    message: { state: true, attribute: false },
    status: { state: true, attribute: false },
    moreOpen: { state: true, attribute: false },
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
  declare message: string | undefined;
  declare status: string;
  declare moreOpen: boolean;
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
    this.status = '';
    this.moreOpen = false;
    this.hasFooter = false;
    this.sessionId = '';
    this.open = false;
    this.teams = {};
  }

  readonly #display = new DisplayController(this);
  readonly #controller = new StoreController(this, (store, change) => void this.#load(store, change));
  readonly #details = new DetailsForm(this, () => this.#controller.store, {
    saved: (session) => {
      this.session = session;
      this.message = undefined;
      this.status = this.#s.saved;
      this.dispatchEvent(new OkrSessionChangeEvent(session));
    },
    refused: (message, error) => {
      this.message = message;
      if (error) this.dispatchEvent(new OkrErrorEvent(error));
    },
    edited: () => {
      this.status = '';
    },
  });
  readonly #menu = new TransitionMenu(this, (transition) => void this.#confirm({ kind: 'transition', transition }));
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
    this.#details.reset();
    this.message = undefined;
    this.status = '';
    this.#menu.open = false;
    this.moreOpen = false;
    this.confirmation = undefined;
  }

  get #dirty(): boolean {
    return this.#details.dirty(this.session);
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
    if (this.#menu.open) {
      event.preventDefault();
      this.#menu.close(true);
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

  async #confirm(confirmation: Confirmation): Promise<void> {
    this.#menu.open = false;
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
      this.#details.reset();
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
      ${confirmDialog({
        s,
        session,
        confirmation: this.confirmation,
        onClose: () => void this.#onConfirmClose(),
        onReject: () => this.confirmDialog?.close(),
        onAccept: () => void this.#accept(),
      })}
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
        ${transitions.length > 0 ? this.#menu.render(s, transitions) : nothing} ${this.#renderCloseButton()}
      </div>
      <div class="dialog-body">
        ${archived ? html`<p class="notice">${s.readOnlyNotice}</p>` : !editable ? html`<p class="notice">${s.viewOnlyNotice}</p>` : nothing}
        ${this.message ? html`<p id="drawer-message" class="alert" role="alert" tabindex="-1">${this.message}</p>` : nothing}
        <section part="details" aria-labelledby="details-title">
          <h3 id="details-title">${s.details}</h3>
          ${editable ? this.#details.render(session, s, parentFact(this.#facts(session))) : readOnlyFacts(this.#facts(session))}
          ${moreFacts(this.#facts(session), this.moreOpen, () => {
            this.moreOpen = !this.moreOpen;
          })}
        </section>
        ${renderSessionAdmin({ store, session, people: this.#display.people ?? {}, teams: this.teams, strings: this.strings, s })}
        <p class="status" role="status">${this.status}</p>
      </div>
      <div class="dialog-footer" part="footer" ?hidden=${!this.hasFooter}>
        <slot name="footer" @slotchange=${this.#onFooterChange}></slot>
      </div>`;
  }

  #facts(session: Session): FactsContext {
    return {
      session,
      s: this.#s,
      locale: this.#display.locale,
      people: this.#display.people,
      parentTitle: this.parentTitle,
    };
  }
}

defineElement('okr-session-drawer', OkrSessionDrawer);

declare global {
  interface HTMLElementTagNameMap {
    'okr-session-drawer': OkrSessionDrawer;
  }
}
