import {
  CADENCES,
  type Cadence,
  CHECK_IN_CADENCES,
  type CheckInCadence,
  hostTimeZone,
  type OkrError,
  type OkrStore,
  SESSION_STATES,
  type SessionHeader,
  type SessionInput,
  suggestTitle,
} from '@okrkit/core';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { defineElement } from '../define.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { OkrSessionCreateEvent } from '../events/okr-session-create-event.js';
import type { OkrSessionDrawerCloseEvent } from '../events/okr-session-drawer-close-event.js';
import { OkrSessionSelectEvent } from '../events/okr-session-select-event.js';
import { splitFieldErrors } from '../field-errors.js';
import { formatDay, personName } from '../format.js';
import { iconAdd, iconStyles, iconTriangleDown, iconTriangleUp } from '../icons.js';
import type { OkrSessionDrawer } from '../okr-session-drawer/okr-session-drawer.js';
import '../okr-session-drawer/okr-session-drawer.js';
import { DisplayController } from '../display-controller.js';
import { states } from '../states.styles.js';
import { StoreController } from '../store-controller.js';
import { type OkrStrings, resolveStrings } from '../strings.js';
import { switchStyles } from '../switch.styles.js';
import { renderSyncStatus, SyncStatusController } from '../sync-status.js';
import { syncStatusStyles } from '../sync-status.styles.js';
import { theme } from '../theme.styles.js';
import { styles } from './okr-sessions.styles.js';

/** The columns of the table, in display order; each is sortable. */
export const SESSION_COLUMNS = ['number', 'name', 'state', 'begin', 'end', 'createdBy', 'changedBy'] as const;
export type SessionColumn = (typeof SESSION_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

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

/**
 * The sessions of a store as a sortable table, with adding a session and a drawer for
 * each session's details and lifecycle. Offers only what the current actor may do.
 *
 * @summary The list of OKR sessions: sort, filter closed ones, add, and open a session.
 *
 * @slot toolbar-end - The host's own controls at the end of the toolbar, after "Add session".
 * @slot empty - Replaces the picture and text shown when there are no sessions; "Add session" stays below it.
 * @slot drawer-footer - The footer of the session drawer (passed on to `<okr-session-drawer>`'s `footer` slot).
 *
 * @event okr-session-select - A person opened a session (row click or Enter). `OkrSessionSelectEvent`, `.session`.
 * @event okr-session-create - A person added a session; fired after it was saved. `OkrSessionCreateEvent`, `.session`.
 * @event okr-session-change - Bubbles from the drawer: a person saved a session's details.
 * @event okr-session-transition - Bubbles from the drawer: cancelable, before a lifecycle transition runs.
 * @event okr-error - Loading or saving failed, or the server refused a change on arrival. `OkrErrorEvent`, `.detail` is the `OkrError`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart toolbar - The bar with the closed-sessions switch and the Add button.
 * @csspart sync-status - On a store that syncs with a server: "Saving…", "3 changes waiting", "Offline", or a change the server refused.
 * @csspart switch - The "Include closed sessions" switch.
 * @csspart add-button - The "Add session" button.
 * @csspart table - The table of sessions.
 * @csspart row - Each session's row (archived rows also have `row-archived`).
 * @csspart row-archived - The row of a closed (archived) session.
 * @csspart empty - The empty state.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart dialog - The add-session dialog.
 *
 * @cssproperty --okr-font - Font shorthand. Default `14px/1.45 system-ui`.
 * @cssproperty --okr-color-text - Text colour.
 * @cssproperty --okr-color-text-muted - Secondary text, and closed sessions.
 * @cssproperty --okr-color-surface - Background of the element and its dialogs.
 * @cssproperty --okr-color-surface-alt - Background of headers, buttons and hovered rows.
 * @cssproperty --okr-color-border - Lines and borders.
 * @cssproperty --okr-color-accent - Primary buttons, the switch when on, open sessions.
 * @cssproperty --okr-color-on-accent - Text on the accent colour.
 * @cssproperty --okr-color-danger - Errors.
 * @cssproperty --okr-color-warning - Warning text.
 * @cssproperty --okr-color-warning-surface - Warning background.
 * @cssproperty --okr-color-focus - Focus ring.
 * @cssproperty --okr-color-backdrop - Behind dialogs.
 * @cssproperty --okr-color-state-open - The "Open" badge.
 * @cssproperty --okr-color-state-in-progress - The "In progress" badge.
 * @cssproperty --okr-color-state-archived - The "Closed" badge.
 * @cssproperty --okr-space-xs - Smallest gap. Default 4px.
 * @cssproperty --okr-space-s - Small gap. Default 8px.
 * @cssproperty --okr-space-m - Medium gap. Default 12px.
 * @cssproperty --okr-space-l - Large gap. Default 20px.
 * @cssproperty --okr-radius - Corner radius. Default 6px.
 */
export class OkrSessions extends LitElement {
  static override styles = [theme, states, switchStyles, iconStyles, syncStatusStyles, styles];

  static override properties = {
    sessions: { state: true, attribute: false },
    status: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    sortColumn: { state: true, attribute: false },
    sortDirection: { state: true, attribute: false },
    form: { state: true, attribute: false },
    formErrors: { state: true, attribute: false },
    formMessage: { state: true, attribute: false },
    addOpen: { state: true, attribute: false },
    saving: { state: true, attribute: false },
    selectedId: { state: true, attribute: false },
    store: { attribute: false },
    includeArchived: { type: Boolean, attribute: 'include-archived', reflect: true },
    people: { attribute: false },
    teams: { attribute: false },
    locale: {},
    strings: { attribute: false },
  };

  declare sessions: readonly SessionHeader[];
  declare status: 'loading' | 'ready' | 'error';
  declare loadError: OkrError | undefined;
  declare sortColumn: SessionColumn;
  declare sortDirection: SortDirection;
  declare form: SessionForm;
  declare formErrors: Partial<Record<FormField, string>>;
  declare formMessage: string | undefined;
  /** The add dialog is open; its form (a parent list with an option per session) is rendered only then. */
  declare addOpen: boolean;
  declare saving: boolean;
  declare selectedId: string | undefined;

  /** The store to show; defaults to one from context (`<okr-provider>`), else the page's default store. */
  declare store: OkrStore | undefined;

  /** Show closed (archived) sessions too. The switch in the toolbar changes it. */
  declare includeArchived: boolean;

  /** Display names of people by id (`{ ada: 'Ada Lovelace' }`); default the provider's; an unknown id is shown as is. */
  declare people: Readonly<Record<string, string>> | undefined;

  /** Display names of teams by id, for the drawer's access editor (`{ sales: 'Sales' }`). */
  declare teams: Readonly<Record<string, string>>;

  /** BCP 47 locale for texts, dates and numbers; wins over every `lang` (see the README's Languages). */
  declare locale: string | undefined;

  /** Texts to replace, merged over the English defaults and the registered language (see `OkrStrings`); wins over both. */
  declare strings: Partial<OkrStrings> | undefined;

  /** The add-session dialog. Its form is rendered only while it is open. */
  get addDialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('#add-dialog') ?? null;
  }
  get drawer(): OkrSessionDrawer | null {
    return this.renderRoot?.querySelector<OkrSessionDrawer>('okr-session-drawer') ?? null;
  }

  constructor() {
    super();
    this.sessions = [];
    this.status = 'loading';
    this.sortColumn = 'number';
    this.sortDirection = 'ascending';
    this.form = emptyForm();
    this.formErrors = {};
    this.saving = false;
    this.addOpen = false;
    this.includeArchived = false;
    this.teams = {};
  }

  readonly #display = new DisplayController(this);
  readonly #controller = new StoreController(this, (store) => void this.#load(store));
  readonly #sync = new SyncStatusController(this, () => this.#controller.store);
  #loads = 0;
  #titleTouched = false;
  #createdId: string | undefined;

  // ---- lifecycle ---------------------------------------------------------------------

  /** Reads the sessions again (after a storage error, for example). */
  async reload(): Promise<void> {
    await this.#load(this.#controller.store);
  }

  async #load(store: OkrStore): Promise<void> {
    const load = ++this.#loads;
    if (this.status === 'error') this.status = 'loading';
    try {
      const sessions = await store.listSessions({ includeArchived: true });
      if (load !== this.#loads) return;
      this.sessions = sessions;
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

  #toggleArchived(): void {
    this.includeArchived = !this.includeArchived;
  }

  #sortBy(column: SessionColumn): void {
    if (this.sortColumn === column) {
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.sortColumn = column;
      this.sortDirection = 'ascending';
    }
  }

  #select(session: SessionHeader): void {
    this.dispatchEvent(new OkrSessionSelectEvent(session));
    this.selectedId = session.id;
    void this.updateComplete.then(() => this.drawer?.show());
  }

  #onRowKeydown(event: KeyboardEvent, session: SessionHeader): void {
    if (event.target !== event.currentTarget) return;
    const row = event.currentTarget as HTMLTableRowElement;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#select(session);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const rows = row.parentElement?.children;
      (rows?.[event.key === 'Home' ? 0 : rows.length - 1] as HTMLElement | undefined)?.focus();
    }
  }

  async #onDrawerClose(event: OkrSessionDrawerCloseEvent): Promise<void> {
    await this.updateComplete;
    const row = this.#row(event.sessionId);
    const fallback = this.renderRoot.querySelector<HTMLElement>('tbody tr, #include-archived, #add');
    (row ?? fallback)?.focus();
  }

  async #openAddDialog(): Promise<void> {
    this.form = emptyForm();
    this.formErrors = {};
    this.formMessage = undefined;
    this.#titleTouched = false;
    this.addOpen = true;
    // Render the form first, so that showModal() focuses its first field.
    await this.updateComplete;
    this.addDialog?.showModal();
  }

  async #onAddDialogToggle(event: ToggleEvent): Promise<void> {
    // Opened from outside (addDialog.showModal()): render the form and focus its first field.
    if (event.newState !== 'open' || this.addOpen) return;
    this.addOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#f-title')?.focus();
  }

  #closeAddDialog(): void {
    this.addDialog?.close();
  }

  async #onAddDialogClose(): Promise<void> {
    // Focus goes to the row of the session just added, else back to Add.
    const created = this.#createdId;
    this.#createdId = undefined;
    this.addOpen = false;
    await this.updateComplete;
    const target = created ? this.#row(created) : this.renderRoot.querySelector<HTMLElement>('#add');
    target?.focus();
  }

  #onFormInput(event: Event): void {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const field = input.name as FormField;
    let form: SessionForm = { ...this.form, [field]: input.value };
    if (field === 'title') this.#titleTouched = input.value.trim() !== '';
    if ((field === 'start' || field === 'end') && !this.#titleTouched) {
      form = { ...form, title: suggestTitle(form.start, form.end) ?? '' };
    }
    this.form = form;
    if (this.formErrors[field]) {
      const { [field]: _fixed, ...rest } = this.formErrors;
      this.formErrors = rest;
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const errors = this.#precheck();
    if (Object.keys(errors).length > 0) {
      this.#showFormErrors(errors, this.#s.formNotSaved);
      return;
    }
    const f = this.form;
    const input: SessionInput = {
      title: f.title.trim(),
      start: f.start,
      end: f.end,
      timeZone: f.timeZone.trim(),
      cadence: f.cadence,
      checkInCadence: f.checkInCadence,
      ...(f.parentId ? { parentId: f.parentId } : {}),
    };
    this.saving = true;
    try {
      const session = await this.#controller.store.createSession(input);
      // Show it at once (the store's change notice also reloads, but may come later), then focus its row.
      await this.#load(this.#controller.store);
      this.#createdId = session.id;
      this.addDialog?.close();
      this.dispatchEvent(new OkrSessionCreateEvent(session));
    } catch (error) {
      const okrError = toOkrError(error);
      const split = splitFieldErrors(okrError, FORM_FIELDS);
      if (split) {
        const { fields, other } = split;
        this.#showFormErrors(
          fields,
          other.length > 0 ? `${this.#s.formNotSaved} ${other.join(' ')}` : this.#s.formNotSaved,
        );
      } else {
        this.#showFormErrors({}, okrError.message);
        this.dispatchEvent(new OkrErrorEvent(okrError));
      }
    } finally {
      this.saving = false;
    }
  }

  /** What the browser already knows is missing or malformed, before asking the store. */
  #precheck(): Partial<Record<FormField, string>> {
    const s = this.#s;
    const errors: Partial<Record<FormField, string>> = {};
    const dateInput = (name: string) => this.renderRoot.querySelector<HTMLInputElement>(`#add-dialog [name=${name}]`);
    if (this.form.title.trim() === '') errors.title = s.errorTitleRequired;
    for (const field of ['start', 'end'] as const) {
      if (dateInput(field)?.validity.badInput) errors[field] = s.errorInvalidDate;
      else if (this.form[field] === '') errors[field] = field === 'start' ? s.errorStartRequired : s.errorEndRequired;
    }
    if (!errors.start && !errors.end && this.form.end < this.form.start) errors.end = s.errorEndBeforeStart;
    if (this.form.timeZone.trim() === '') errors.timeZone = s.errorTimeZoneRequired;
    return errors;
  }

  async #showFormErrors(errors: Partial<Record<FormField, string>>, message: string): Promise<void> {
    this.formErrors = errors;
    this.formMessage = message;
    await this.updateComplete;
    const first = FORM_FIELDS.find((f) => errors[f]);
    const target = first
      ? this.renderRoot.querySelector<HTMLElement>(`#add-dialog [name=${first}]`)
      : this.renderRoot.querySelector<HTMLElement>('#form-message');
    target?.focus();
  }

  // ---- render ------------------------------------------------------------------------

  get #s(): OkrStrings {
    return this.#display.strings(resolveStrings);
  }

  #row(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tbody tr[data-id="${CSS.escape(id)}"]`);
  }

  #visible(): SessionHeader[] {
    const shown = this.includeArchived ? [...this.sessions] : this.sessions.filter((s) => s.state !== 'archived');
    const key = sortKey(this.sortColumn, this.#display.people);
    const sign = this.sortDirection === 'ascending' ? 1 : -1;
    return shown.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sign * order || a.number - b.number;
    });
  }

  override render(): TemplateResult {
    const store = this.#controller.store;
    const canCreate = store.can('session.create');
    return html`<div part="base">
      ${this.#renderToolbar(canCreate)} ${this.#renderBody(canCreate)} ${canCreate ? this.#renderAddDialog() : nothing}
      <okr-session-drawer
        .store=${store}
        .people=${this.people}
        .teams=${this.teams}
        .locale=${this.locale}
        .strings=${this.strings}
        session-id=${this.selectedId ?? ''}
        @okr-session-drawer-close=${this.#onDrawerClose}
        ><slot name="drawer-footer" slot="footer"></slot
      ></okr-session-drawer>
    </div>`;
  }

  #renderToolbar(canCreate: boolean): TemplateResult {
    const s = this.#s;
    const hasArchived = this.sessions.some((x) => x.state === 'archived');
    const showSwitch = this.status === 'ready' && (hasArchived || this.includeArchived);
    const showAdd = canCreate && !(this.status === 'ready' && this.sessions.length === 0);
    return html`<div part="toolbar" class="toolbar">
      ${
        showSwitch
          ? html`<button
            id="include-archived"
            part="switch"
            class="switch"
            type="button"
            role="switch"
            aria-checked=${this.includeArchived ? 'true' : 'false'}
            @click=${this.#toggleArchived}
          >
            <span class="track" aria-hidden="true"><span class="thumb"></span></span>
            <span>${s.includeClosed}</span>
          </button>`
          : nothing
      }
      <span class="spacer"></span>
      ${renderSyncStatus(this.#sync, s)}
      ${
        showAdd
          ? html`<button id="add" part="add-button" class="button primary" type="button" @click=${this.#openAddDialog}>
            ${iconAdd()} ${s.addSession}
          </button>`
          : nothing
      }
      <slot name="toolbar-end"></slot>
    </div>`;
  }

  #renderBody(canCreate: boolean): TemplateResult {
    const s = this.#s;
    if (this.status === 'loading') {
      return html`<div part="loading" class="state" role="status">
        <span class="spinner" aria-hidden="true"></span><span>${s.loading}</span>
      </div>`;
    }
    if (this.status === 'error') {
      return html`<div part="error" class="state error-state" role="alert">
        <p class="state-title">${s.loadErrorTitle}</p>
        <p class="state-body">${this.loadError?.message}</p>
        <button id="retry" class="button" type="button" @click=${() => void this.reload()}>${s.retry}</button>
      </div>`;
    }
    if (this.sessions.length === 0) {
      return html`<div part="empty" class="state empty">
        <slot name="empty">
          <svg class="empty-art" aria-hidden="true" viewBox="0 0 48 48" width="48" height="48">
            <rect x="6" y="10" width="36" height="32" rx="4" fill="none" stroke="currentColor" stroke-width="2.5" />
            <path d="M6 19h36M16 6v8M32 6v8" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
            <path d="M24 25v10M19 30h10" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
          </svg>
          <p class="state-title">${s.emptyTitle}</p>
          <p class="state-body">${canCreate ? s.emptyBody : s.emptyBodyReadOnly}</p>
        </slot>
        ${
          canCreate
            ? html`<button id="add" part="add-button" class="button primary" type="button" @click=${this.#openAddDialog}>
              ${iconAdd()} ${s.addSession}
            </button>`
            : nothing
        }
      </div>`;
    }
    const visible = this.#visible();
    if (visible.length === 0) {
      return html`<div part="empty" class="state empty">
        <p class="state-title">${s.allClosedTitle}</p>
        <p class="state-body">${s.allClosedBody}</p>
      </div>`;
    }
    return this.#renderTable(visible);
  }

  #renderTable(visible: readonly SessionHeader[]): TemplateResult {
    const s = this.#s;
    const locale = this.#display.locale;
    const labels: Record<SessionColumn, string> = {
      number: s.columnNumber,
      name: s.columnName,
      state: s.columnState,
      begin: s.columnBegin,
      end: s.columnEnd,
      createdBy: s.columnCreatedBy,
      changedBy: s.columnLastEditedBy,
    };
    return html`<div class="table-scroll">
      <table part="table">
        <caption class="visually-hidden">${s.sessionsCaption}. ${s.openSessionHint}</caption>
        <thead>
          <tr>
            ${SESSION_COLUMNS.map((column) => {
              const sorted = this.sortColumn === column;
              return html`<th scope="col" class="col-${column}" aria-sort=${sorted ? this.sortDirection : nothing}>
                <button type="button" class="sort" data-column=${column} @click=${() => this.#sortBy(column)}>
                  <span>${labels[column]}</span>
                  <span class="sort-icon ${sorted ? 'active' : ''}" aria-hidden="true"
                    >${sorted && this.sortDirection === 'descending' ? iconTriangleDown() : iconTriangleUp()}</span
                  >
                </button>
              </th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            visible,
            (session) => session.id,
            (session) => {
              const archived = session.state === 'archived';
              return html`<tr
                part=${archived ? 'row row-archived' : 'row'}
                class=${archived ? 'archived' : ''}
                tabindex="0"
                data-id=${session.id}
                @click=${() => this.#select(session)}
                @keydown=${(e: KeyboardEvent) => this.#onRowKeydown(e, session)}
              >
                <td class="number">${session.id}</td>
                <td class="name"><bdi>${session.title}</bdi></td>
                <td>
                  <span class="badge state-${session.state}"
                    >${archived ? s.closedBadge : s.states[session.state]}</span
                  >
                </td>
                <td>${formatDay(session.start, locale)}</td>
                <td>${formatDay(session.end, locale)}</td>
                <td>${personName(this.#display.people, session.createdBy)}</td>
                <td>${personName(this.#display.people, session.changedBy)}</td>
              </tr>`;
            },
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderAddDialog(): TemplateResult {
    return html`<dialog
      id="add-dialog"
      part="dialog"
      aria-labelledby=${this.addOpen ? 'add-title' : nothing}
      @toggle=${this.#onAddDialogToggle}
      @close=${this.#onAddDialogClose}
    >
      ${this.addOpen ? this.#renderAddForm() : nothing}
    </dialog>`;
  }

  #renderAddForm(): TemplateResult {
    const s = this.#s;
    const f = this.form;
    const parents = [...this.sessions].sort((a, b) => a.number - b.number);
    return html`<form novalidate @submit=${this.#submit} @input=${this.#onFormInput} @change=${this.#onFormInput}>
      <div class="dialog-header"><h2 id="add-title">${s.addDialogTitle}</h2></div>
      <div class="dialog-body">
        ${this.formMessage ? html`<p id="form-message" class="alert" role="alert" tabindex="-1">${this.formMessage}</p>` : nothing}
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
        <button type="button" class="button" @click=${this.#closeAddDialog}>${s.cancel}</button>
        <button type="submit" class="button primary" ?disabled=${this.saving}>
          ${this.saving ? s.saving : s.create}
        </button>
      </div>
    </form>`;
  }

  #invalid(name: FormField): 'true' | typeof nothing {
    return this.formErrors[name] ? 'true' : nothing;
  }

  /** The ids of the hint and the error of a field, only those that are rendered. */
  #describedBy(name: FormField, hasHint: boolean): string | typeof nothing {
    const ids = [hasHint ? `f-${name}-hint` : '', this.formErrors[name] ? `f-${name}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : nothing;
  }

  /** A labelled field with its hint and its error beside it. */
  #field(name: FormField, label: string, control: TemplateResult, hint?: string): TemplateResult {
    const error = this.formErrors[name];
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

const STATE_ORDER = new Map(SESSION_STATES.map((state, i) => [state, i]));

function sortKey(
  column: SessionColumn,
  people: Readonly<Record<string, string>>,
): (session: SessionHeader) => string | number {
  switch (column) {
    case 'number':
      return (s) => s.number;
    case 'name':
      return (s) => s.title;
    case 'state':
      return (s) => STATE_ORDER.get(s.state) ?? 0;
    case 'begin':
      return (s) => s.start;
    case 'end':
      return (s) => s.end;
    case 'createdBy':
      return (s) => personName(people, s.createdBy);
    case 'changedBy':
      return (s) => personName(people, s.changedBy);
  }
}

defineElement('okr-sessions', OkrSessions);

declare global {
  interface HTMLElementTagNameMap {
    'okr-sessions': OkrSessions;
  }
}
