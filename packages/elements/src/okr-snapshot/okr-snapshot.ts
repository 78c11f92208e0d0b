import type {
  OkrError,
  OkrStore,
  Session,
  SessionHeader,
  Snapshot,
  SnapshotResult,
  SnapshotRow,
  StoreChange,
} from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { defineElement } from '../define.js';
import { DisplayController } from '../display-controller.js';
import { OkrCheckInRequestEvent } from '../events/okr-check-in-request-event.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { type ExportFormat, OkrExportEvent } from '../events/okr-export-event.js';
import { OkrOwnerFilterChangeEvent } from '../events/okr-owner-filter-change-event.js';
import { OkrWeekChangeEvent } from '../events/okr-week-change-event.js';
import { formatDay } from '../format.js';
import { iconStyles } from '../icons.js';
import { detailLinkStyles, detailPanel, openDetail } from '../okr-detail/detail-opener.js';
import { personStyles } from '../person.js';
import { states } from '../states.styles.js';
import { carriedSession, concerns, StoreController } from '../store-controller.js';
import { type OkrSnapshotStrings, type OkrStrings, resolveSnapshotStrings } from '../strings.js';
import { renderSyncStatus, SyncStatusController } from '../sync-status.js';
import { syncStatusStyles } from '../sync-status.styles.js';
import { theme } from '../theme.styles.js';
import { styles } from './okr-snapshot.styles.js';
import { filterSnapshot, OwnerChoices, ownerFilterOf } from './owner-filter.js';
import { RowWindowController } from './row-window-controller.js';
import { defaultWeek, type SnapshotCalendar, weekBeside, weekOfMonth } from './snapshot-calendar.js';
import { download, exportFile } from './snapshot-export.js';
import { prepareFormats, weekText } from './snapshot-format.js';
import {
  type RowActions,
  type RowContext,
  rowKey,
  SNAPSHOT_COMMENT_HEIGHT,
  SNAPSHOT_ROW_HEIGHT,
} from './snapshot-row.js';
import { snapshotSummary } from './snapshot-summary.js';
import { snapshotTable } from './snapshot-table.js';
import { moveAmongWeeks, snapshotToolbar, type ToolbarActions } from './snapshot-toolbar.js';
import { TrendReader } from './snapshot-trends.js';
import { unavailableWeek } from './snapshot-unavailable.js';
import type { SnapshotStrings, SnapshotView } from './snapshot-view.js';
import { sparklineStyles } from './sparkline-svg.js';

// The element's entry point (`@okrkit/elements/okr-snapshot.js`) has always exported these.
export { ownerFilterOf } from './owner-filter.js';
export { defaultWeek } from './snapshot-calendar.js';
export { exportFilename } from './snapshot-export.js';
export { formatPoints } from './snapshot-format.js';
export { SNAPSHOT_COMMENT_HEIGHT, SNAPSHOT_ROW_HEIGHT } from './snapshot-row.js';

/**
 * The weekly review of a session: how every objective, key result and initiative stood
 * at the end of a week, what changed since the week before, and who owns what. Move
 * through the session's weeks, filter by owner, export what is shown, and ask to check
 * in on key results during the current week. Past weeks are read-only. Renders only the
 * rows in view, so sessions with thousands of rows stay smooth.
 *
 * @summary The weekly snapshot of a session: progress, status and change per week.
 *
 * @slot toolbar-end - The host's own controls at the end of the toolbar, after the export buttons.
 * @slot empty - Replaces the text shown when the week has no objectives (not the owner filter's "Nothing for this owner").
 *
 * @event okr-week-change - A person moved to another week; `week` already changed. `OkrWeekChangeEvent`, `.week`, `.previous`.
 * @event okr-owner-filter-change - A person chose another owner filter; `owner` already changed. `OkrOwnerFilterChangeEvent`, `.owner`.
 * @event okr-detail-open - Cancelable: a person opened an item's details (its title). `OkrDetailOpenEvent`, `.sessionId`, `.item`.
 * @event okr-check-in-request - Cancelable: a person asked to check in on a key result of the current week. `OkrCheckInRequestEvent`, `.sessionId`, `.keyResultId`.
 * @event okr-export - Cancelable, before the download: `.detail` is `{ format, filename, content }`; `preventDefault()` keeps the file from downloading.
 * @event okr-error - Loading failed, or the server refused a change to this session on arrival. `OkrErrorEvent`, `.detail` is the `OkrError`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - The session title, the week and its Live or Read-only badge.
 * @csspart sync-status - On a store that syncs with a server: "Saving…", "3 changes waiting", "Offline", or a change to this session the server refused.
 * @csspart toolbar - The week controls, the owner filter and the export buttons.
 * @csspart week-nav - The previous/next week buttons, the month picker and the weeks of the month.
 * @csspart month-select - The month picker.
 * @csspart week-button - Each week of the month (the shown one also has `week-button-current`).
 * @csspart week-button-current - The week shown.
 * @csspart owner-select - The owner filter.
 * @csspart export-button - The CSV and JSON export buttons.
 * @csspart read-only - The notice that a past week is read-only.
 * @csspart summary - The strip of counts, mean progress and movers.
 * @csspart table - The scrolling table of rows.
 * @csspart header-row - The table's column headers.
 * @csspart row - Each row (also `row-objective`, `row-keyResult`, `row-initiative`, `row-context`, `row-removed`).
 * @csspart row-objective - An objective's row.
 * @csspart row-keyResult - A key result's row.
 * @csspart row-initiative - An initiative's row.
 * @csspart row-context - An ancestor shown only for context under an owner filter (dimmed).
 * @csspart row-removed - An item removed during the week.
 * @csspart progress-bar - The progress bar of a row.
 * @csspart status-badge - The status badge of a row.
 * @csspart sparkline - The trend of a key result over the weeks.
 * @csspart comment - The latest check-in comment of a row, when opened.
 * @csspart check-in-button - The "Check in" action of a key result.
 * @csspart empty - The empty states (no session, nothing this week, nothing for this owner).
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart unavailable - A week without a snapshot, with why and the nearest week.
 *
 * @cssproperty --okr-font - Font shorthand. Default `14px/1.45 system-ui`.
 * @cssproperty --okr-color-text - Text colour.
 * @cssproperty --okr-color-text-muted - Secondary text, context rows.
 * @cssproperty --okr-color-surface - Background.
 * @cssproperty --okr-color-surface-alt - Headers, buttons, the summary strip.
 * @cssproperty --okr-color-border - Lines and borders.
 * @cssproperty --okr-color-accent - The shown week, primary buttons, progress.
 * @cssproperty --okr-color-on-accent - Text on the accent colour.
 * @cssproperty --okr-color-danger - Errors.
 * @cssproperty --okr-color-warning - Read-only notice text.
 * @cssproperty --okr-color-warning-surface - Read-only notice background.
 * @cssproperty --okr-color-focus - Focus ring.
 * @cssproperty --okr-color-on-track - "On track" badge and bars.
 * @cssproperty --okr-color-at-risk - "At risk" badge and bars.
 * @cssproperty --okr-color-off-track - "Off track" badge and bars.
 * @cssproperty --okr-color-up - Upward change.
 * @cssproperty --okr-color-down - Downward change.
 * @cssproperty --okr-snapshot-max-height - Height of the table before it scrolls. Default `min(70vh, 640px)`.
 * @cssproperty --okr-space-xs - Smallest gap. Default 4px.
 * @cssproperty --okr-space-s - Small gap. Default 8px.
 * @cssproperty --okr-space-m - Medium gap. Default 12px.
 * @cssproperty --okr-space-l - Large gap. Default 20px.
 * @cssproperty --okr-radius - Corner radius. Default 6px.
 */
export class OkrSnapshot extends LitElement {
  static override styles = [
    theme,
    states,
    iconStyles,
    personStyles,
    syncStatusStyles,
    sparklineStyles,
    detailLinkStyles,
    styles,
  ];

  static override properties = {
    status: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    session: { state: true, attribute: false },
    calendar: { state: true, attribute: false },
    result: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    seriesVersion: { state: true, attribute: false },
    store: { attribute: false },
    sessionId: { attribute: 'session-id' },
    week: { reflect: true },
    owner: { reflect: true },
    people: { attribute: false },
    locale: {},
    strings: { attribute: false },
  };

  declare status: 'idle' | 'loading' | 'ready' | 'error';
  declare loadError: OkrError | undefined;
  /** The live session for the current week; its header for other weeks. */
  declare session: Session | SessionHeader | undefined;
  declare calendar: SnapshotCalendar | undefined;
  /** The snapshot of the shown week, unfiltered. */
  declare result: SnapshotResult | undefined;
  declare busy: boolean;
  declare expanded: ReadonlySet<string>;
  declare seriesVersion: number;

  /** The store to show; defaults to one from context (`<okr-provider>`), else the page's default store. */
  declare store: OkrStore | undefined;

  /** The session to review, e.g. `SE-01001`. */
  declare sessionId: string | undefined;

  /** The week shown, e.g. `2027-W05`; the current week when absent. Reflects, so a host can deep-link. */
  declare week: string | undefined;

  /** Owner filter: `all` (default), `unassigned`, or an owner's id. */
  declare owner: string;

  /** Display names of people by id (`{ ada: 'Ada Lovelace' }`); default the provider's; an unknown id is shown as is. */
  declare people: Readonly<Record<string, string>> | undefined;

  /** BCP 47 locale for texts, dates and numbers; wins over every `lang` (see the README's Languages). */
  declare locale: string | undefined;

  /** Texts to replace, merged over the English defaults and the registered language (see `OkrStrings` and `OkrSnapshotStrings`); wins over both. */
  declare strings: Partial<OkrStrings & OkrSnapshotStrings> | undefined;

  constructor() {
    super();
    this.status = 'idle';
    this.busy = false;
    this.expanded = new Set();
    this.seriesVersion = 0;
    this.owner = 'all';
  }
  readonly #display = new DisplayController(this);
  readonly #controller = new StoreController(this, (store, change) => {
    // Connecting and a new `.store` both ask for a load: skip the one already under way.
    if (change || store !== this.#requestedStore || this.#requested !== this.#key()) void this.#load(store, change);
  });
  readonly #sync = new SyncStatusController(
    this,
    () => this.#controller.store,
    () => this.sessionId,
  );
  readonly #rows = new RowWindowController(this, '.viewport');
  #loads = 0;
  #requestedStore: OkrStore | undefined;
  /** `sessionId|week` of the last load started, so that changing them loads once. */
  #requested: string | undefined;
  /** The snapshot as shown (owner filter applied). */
  #shown: Snapshot | undefined;
  /** The owner filter's choices, remembered between updates. */
  readonly #owners = new OwnerChoices();
  /** Texts and locale of the update under way, resolved once per update rather than per row. */
  #s: SnapshotStrings = resolveSnapshotStrings(undefined);
  #locale = 'en';
  #view: SnapshotView = { s: this.#s, locale: this.#locale, people: {} };
  readonly #trends = new TrendReader(
    this,
    () => {
      const shown = this.#shown;
      const sessionId = this.sessionId;
      if (!shown || !sessionId || this.status !== 'ready') return undefined;
      return { store: this.#controller.store, sessionId, rows: shown.rows, window: this.#rows.window() };
    },
    () => this.seriesVersion++,
  );

  // ---- lifecycle ---------------------------------------------------------------------

  /** Reads the session and the shown week again (after a storage error, for example). */
  async reload(): Promise<void> {
    await this.#load(this.#controller.store);
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    // A change to the shown session marks the snapshot busy while the next one is derived:
    // only `aria-busy` differs, so it is set as it is rather than by a render of every row
    // (3-4 ms of a check-in shown from another tab, with 3,000 key results). The template
    // binds it `live`, so the next render compares with what the attribute now says.
    if (this.hasUpdated && changed.size === 1 && changed.has('busy')) {
      this.renderRoot.querySelector('[part=base]')?.setAttribute('aria-busy', this.#ariaBusy());
      return false;
    }
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('sessionId') || changed.has('week')) && this.#requested !== this.#key()) {
      void this.#load(this.#controller.store);
    }
    if (changed.has('result') || changed.has('owner')) {
      this.#shown = filterSnapshot(this.result, this.owner);
    }
    this.#s = this.#display.strings(resolveSnapshotStrings);
    this.#locale = this.#display.locale;
    this.#view = { s: this.#s, locale: this.#locale, people: this.#display.people };
    if (changed.has('result') || changed.has('owner') || changed.has('expanded')) {
      const rows = this.#shown?.rows ?? [];
      const open = this.expanded;
      // With no comment open every row has one height: no key to make per row (3,000 key
      // results made some 6,000 strings on every check-in shown).
      this.#rows.layout(
        rows.length,
        open.size === 0
          ? () => SNAPSHOT_ROW_HEIGHT
          : (i) => {
              const row = rows[i];
              return SNAPSHOT_ROW_HEIGHT + (row && open.has(rowKey(row)) ? SNAPSHOT_COMMENT_HEIGHT : 0);
            },
      );
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#rows.observeViewport();
    if (changed.has('owner') && changed.get('owner') !== undefined) this.#rows.scrollToTop();
    this.#trends.updated(this.sessionId);
    if (changed.has('status') && this.status === 'loading') {
      // While storage reads, the rows' formats are made (the first of a page is slow), not in
      // their first render. In the next task, not an idle callback: on a cold load the tasks
      // of IndexedDB's answers kept the page from being idle until the data was there.
      const locale = this.#locale;
      setTimeout(() => prepareFormats(locale), 0);
    }
  }

  #ariaBusy(): 'true' | 'false' {
    return this.busy || this.status === 'loading' ? 'true' : 'false';
  }

  #key(): string {
    return `${this.sessionId ?? ''}|${this.week ?? ''}`;
  }

  async #load(store: OkrStore, change?: StoreChange): Promise<void> {
    const sessionId = this.sessionId;
    if (change && !concerns(change, sessionId)) return;
    const load = ++this.#loads;
    this.#requested = this.#key();
    this.#requestedStore = store;
    if (!sessionId) {
      this.status = 'idle';
      this.session = undefined;
      this.result = undefined;
      return;
    }
    if (change) this.#trends.forget(sessionId);
    const sameSession = this.session?.id === sessionId;
    if (!sameSession) {
      this.expanded = new Set();
      this.#rows.forgetScroll();
    }
    if (!sameSession || this.status !== 'ready') this.status = 'loading';
    else this.busy = true;
    try {
      // A notice carries the session as it now is. Otherwise a past week needs only the
      // header (a finished week comes from storage, with no journal read); the live week
      // needs the session itself, for who may check in (its snapshot has loaded it).
      const carried = carriedSession(store, change, sessionId);
      const calendar = await store.weeks(sessionId);
      const result = await store.snapshot(sessionId, this.week ?? defaultWeek(calendar));
      const session =
        carried ??
        (result.available && result.live ? await store.getSession(sessionId) : await store.sessionHeader(sessionId));
      if (load !== this.#loads) return;
      this.session = session;
      this.calendar = calendar;
      this.result = result;
      this.loadError = undefined;
      this.status = 'ready';
    } catch (error) {
      if (load !== this.#loads) return;
      this.loadError = toOkrError(error);
      this.status = 'error';
      this.dispatchEvent(new OkrErrorEvent(this.loadError));
    } finally {
      if (load === this.#loads) this.busy = false;
    }
  }

  // ---- handlers ----------------------------------------------------------------------

  /** The week shown: `week`, else the session's default (see `defaultWeek`). */
  get #shownWeek(): string | undefined {
    return this.week ?? (this.calendar ? defaultWeek(this.calendar) : undefined);
  }

  #goToWeek(key: string): void {
    const previous = this.#shownWeek;
    if (key === previous) return;
    this.week = key;
    this.dispatchEvent(new OkrWeekChangeEvent(key, previous));
  }

  #setOwner(owner: string): void {
    if (owner === this.owner) return;
    this.owner = owner;
    this.dispatchEvent(new OkrOwnerFilterChangeEvent(owner));
  }

  /** The row of a button in the table (one listener for every row, not a closure per row). */
  #rowOf(event: Event): SnapshotRow | undefined {
    const index = Number((event.currentTarget as Element).closest('[role=row]')?.getAttribute('aria-rowindex')) - 2;
    return this.#shown?.rows[index];
  }

  readonly #toolbarActions: ToolbarActions = {
    goToWeek: (key) => this.#goToWeek(key),
    step: (direction) => {
      const shown = this.#shownWeek;
      const target = shown ? weekBeside(this.calendar?.weeks ?? [], shown, direction) : undefined;
      if (target) this.#goToWeek(target.key);
    },
    pickMonth: (event) => {
      const target = weekOfMonth(this.calendar, (event.target as HTMLSelectElement).value);
      if (target) this.#goToWeek(target.key);
    },
    weeksKeydown: (event) => moveAmongWeeks(event, this),
    pickOwner: (event) => this.#setOwner((event.target as HTMLSelectElement).value),
    export: (format) => this.#export(format),
  };

  readonly #rowActions: RowActions = {
    openDetail: (event) => {
      const row = this.#rowOf(event);
      if (row && this.sessionId) openDetail(this, this.sessionId, { kind: row.type, id: row.id });
    },
    toggleComment: (event) => {
      const row = this.#rowOf(event);
      if (!row) return;
      const key = rowKey(row);
      const next = new Set(this.expanded);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      this.expanded = next;
    },
    checkIn: (event) => {
      const row = this.#rowOf(event);
      if (row && this.sessionId) this.dispatchEvent(new OkrCheckInRequestEvent(this.sessionId, row.id));
    },
  };

  #export(format: ExportFormat): void {
    const snapshot = this.#shown;
    if (!snapshot) return;
    const file = exportFile(snapshot, format, {
      people: this.#display.people,
      exportedAt: this.#controller.store.now(),
    });
    if (!this.dispatchEvent(new OkrExportEvent(file))) return;
    download(this.renderRoot, file);
  }

  // ---- render ------------------------------------------------------------------------

  override render(): TemplateResult {
    const s = this.#s;
    if (this.status === 'idle') {
      return html`<div part="base">
        <div part="empty" class="state empty">
          <p class="state-title">${s.noSessionTitle}</p>
          <p class="state-body">${s.noSessionBody}</p>
        </div>
      </div>`;
    }
    return html`<div part="base" aria-busy=${live(this.#ariaBusy())}>
      ${this.status === 'ready' ? this.#renderHeader() : nothing} ${this.status === 'ready' ? this.#renderToolbar() : nothing}
      ${this.#renderBody()}
      ${detailPanel({
        store: this.#controller.store,
        people: this.#display.people,
        locale: this.#display.locale,
        strings: this.strings,
        week: this.result?.week.key,
      })}
    </div>`;
  }

  #renderHeader(): TemplateResult | typeof nothing {
    const s = this.#s;
    const result = this.result;
    if (!result || !this.session) return nothing;
    const live = result.available && result.live;
    return html`<div part="header" class="header">
      <div class="heading">
        <bdi class="session-title">${result.available ? result.sessionTitle : this.session.title}</bdi>
        <span class="session-id">${this.session.id}</span>
      </div>
      <div class="week-title">
        <span>${weekText(s, result.week, this.#locale)}</span>
        ${
          result.available
            ? html`<span class="pill ${live ? 'live' : 'past'}"
                >${live ? html`<span class="dot" aria-hidden="true"></span>` : nothing}${live ? s.liveBadge : s.readOnlyBadge}</span
              >`
            : nothing
        }
        ${renderSyncStatus(this.#sync, s)}
      </div>
    </div>`;
  }

  #renderToolbar(): TemplateResult {
    return snapshotToolbar(
      this.#view,
      {
        calendar: this.calendar,
        shown: this.#shownWeek,
        resultWeek: this.result?.week,
        owner: ownerFilterOf(this.owner),
        owners: this.#owners.of(this.result, this.#display.people, ownerFilterOf(this.owner), this.#locale),
        exportable: this.#shown !== undefined,
      },
      this.#toolbarActions,
    );
  }

  #renderBody(): TemplateResult {
    const s = this.#s;
    if (this.status === 'loading') {
      return html`<div part="loading" class="state" role="status">
        <span class="spinner" aria-hidden="true"></span><span>${s.snapshotLoading}</span>
      </div>`;
    }
    if (this.status === 'error') {
      return html`<div part="error" class="state error-state" role="alert">
        <p class="state-title">${s.snapshotLoadErrorTitle}</p>
        <p class="state-body">${this.loadError?.message}</p>
        <button id="retry" class="button" type="button" @click=${() => void this.reload()}>${s.retry}</button>
      </div>`;
    }
    const result = this.result;
    if (!result) return html``;
    if (!result.available) {
      return unavailableWeek(this.#view, result, this.calendar, this.session, (key) => this.#goToWeek(key));
    }
    const shown = this.#shown ?? result;
    return html`${snapshotSummary(this.#view, shown)}
    ${
      result.readOnly
        ? html`<p part="read-only" class="notice read-only">
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><rect x="3" y="7" width="10" height="7" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>
          ${s.readOnlyWeek(formatDay(result.week.end, this.#locale))}
        </p>`
        : nothing
    }
    ${snapshotTable(
      this.#rowContext(shown),
      () => this.#rows.take(),
      result.rows.length === 0,
      () => this.#setOwner('all'),
      this.#rows.onScroll,
    )}`;
  }

  #rowContext(snapshot: Snapshot): RowContext {
    const session = this.session;
    const store = this.#controller.store;
    return {
      view: this.#view,
      snapshot,
      expanded: this.expanded,
      seriesOf: (row) => this.#trends.of(snapshot.sessionId, row.id),
      // Who may check in is the core's rule (ownership.ts), asked of the live session.
      mayCheckIn: (keyResultId) => session !== undefined && store.can('checkIn.add', session, { keyResultId }),
      actions: this.#rowActions,
    };
  }
}

defineElement('okr-snapshot', OkrSnapshot);

declare global {
  interface HTMLElementTagNameMap {
    'okr-snapshot': OkrSnapshot;
  }
}
