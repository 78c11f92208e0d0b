import { type OkrError, type OkrStore, SESSION_STATES, type SessionHeader } from '@okrkit/core';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { defineElement } from '../define.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { OkrSessionCreateEvent } from '../events/okr-session-create-event.js';
import type { OkrSessionDrawerCloseEvent } from '../events/okr-session-drawer-close-event.js';
import { OkrSessionSelectEvent } from '../events/okr-session-select-event.js';
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
import { AddSessionForm } from './add-session-form.js';
import { styles } from './okr-sessions.styles.js';

/** The columns of the table, in display order; each is sortable. */
export const SESSION_COLUMNS = ['number', 'name', 'state', 'begin', 'end', 'createdBy', 'changedBy'] as const;
export type SessionColumn = (typeof SESSION_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

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
    return this.#add.dialog;
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
    this.includeArchived = false;
    this.teams = {};
  }

  readonly #display = new DisplayController(this);
  readonly #controller = new StoreController(this, (store) => void this.#load(store));
  readonly #sync = new SyncStatusController(this, () => this.#controller.store);
  readonly #add = new AddSessionForm(this, () => this.#controller.store, {
    reload: () => this.#load(this.#controller.store),
    created: (session) => this.dispatchEvent(new OkrSessionCreateEvent(session)),
    failed: (error) => this.dispatchEvent(new OkrErrorEvent(error)),
    closed: async (created) => {
      // Focus goes to the row of the session just added, else back to Add.
      const target = created ? this.#row(created) : this.renderRoot.querySelector<HTMLElement>('#add');
      target?.focus();
    },
  });
  #loads = 0;

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
      ${this.#renderToolbar(canCreate)} ${this.#renderBody(canCreate)} ${canCreate ? this.#add.render(this.#s, this.sessions) : nothing}
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
          ? html`<button id="add" part="add-button" class="button primary" type="button" @click=${() => this.#add.show()}>
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
            ? html`<button id="add" part="add-button" class="button primary" type="button" @click=${() => this.#add.show()}>
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
