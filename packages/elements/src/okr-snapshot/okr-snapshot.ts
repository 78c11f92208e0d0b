import {
  filterByOwner,
  type MonthOfWeeks,
  type OkrError,
  type OkrStore,
  type OwnerFilter,
  type SeriesPoint,
  type Session,
  type Snapshot,
  type SnapshotResult,
  type SnapshotRow,
  type StoreChange,
  snapshotToCsv,
  snapshotToJson,
  summarize,
  type Week,
} from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { afterPaint } from '../after-paint.js';
import { defineElement } from '../define.js';
import { DisplayController } from '../display-controller.js';
import { OkrCheckInRequestEvent } from '../events/okr-check-in-request-event.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { type ExportFormat, OkrExportEvent } from '../events/okr-export-event.js';
import { OkrOwnerFilterChangeEvent } from '../events/okr-owner-filter-change-event.js';
import { OkrWeekChangeEvent } from '../events/okr-week-change-event.js';
import { formatDay, formatInstant, formatter, numberFormat, personName } from '../format.js';
import { iconChevronEnd, iconChevronStart, iconStyles, iconTriangleDown, iconTriangleUp } from '../icons.js';
import { formatPercent } from '../key-result-format.js';
import { detailLinkStyles, detailPanel, openDetail } from '../okr-detail/detail-opener.js';
import { personChip, personStyles } from '../person.js';
import { states } from '../states.styles.js';
import { carriedSession, concerns, StoreController } from '../store-controller.js';
import { type OkrSnapshotStrings, type OkrStrings, resolveSnapshotStrings } from '../strings.js';
import { renderSyncStatus, SyncStatusController } from '../sync-status.js';
import { syncStatusStyles } from '../sync-status.styles.js';
import { theme } from '../theme.styles.js';
import { styles } from './okr-snapshot.styles.js';
import { type RowWindow, rowOffsets, rowWindow } from './row-window.js';
import { sparklineStyles, sparklineSvg } from './sparkline-svg.js';
import { typeIcon } from './type-icon.js';

/** Height of a row, in pixels (rows are windowed, so they have a fixed height). */
export const SNAPSHOT_ROW_HEIGHT = 48;
/** Extra height of a row whose check-in comment is open. */
export const SNAPSHOT_COMMENT_HEIGHT = 80;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 8;
const SPARK_WIDTH = 72;
const SPARK_HEIGHT = 22;

type Strings = OkrStrings & OkrSnapshotStrings;
type Calendar = { readonly weeks: readonly Week[]; readonly months: readonly MonthOfWeeks[]; readonly current: Week };

/** `'all'`, `'unassigned'` or an owner id, as in the `owner` attribute, to the core's filter. */
export function ownerFilterOf(owner: string | undefined): OwnerFilter {
  if (!owner || owner === 'all') return 'all';
  if (owner === 'unassigned') return 'unassigned';
  return { ownerId: owner };
}

/** The file name of an export: session, week and owner filter, e.g. `SE-01001-2027-W05-all.csv`. */
export function exportFilename(snapshot: Snapshot, format: ExportFormat): string {
  const owner = typeof snapshot.owner === 'string' ? snapshot.owner : snapshot.owner.ownerId;
  return `${snapshot.sessionId}-${snapshot.week.key}-${owner.replace(/[^\w.-]+/g, '_')}.${format}`;
}

/** A row's identity in the list: an initiative linked to several key results appears under each. */
function rowKey(row: SnapshotRow): string {
  return `${row.parentId ?? ''}/${row.id}`;
}

function weekNumber(week: Week): number {
  return Number(week.key.slice(6));
}

/** Progress points moved, unsigned, to one decimal ("12.5"). */
export function formatPoints(points: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(points));
}

function utc(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

const weekRanges = new Map<string, string>();
/** "Feb 1 – 7, 2027"; remembered, as formatting a range is slow and the toolbar shows many. */
function formatWeekRange(week: Week, locale: string): string {
  const key = `${locale}|${week.start}|${week.end}`;
  let range = weekRanges.get(key);
  if (range === undefined) {
    const format = formatter(locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    range = format.formatRange(utc(week.start), utc(week.end));
    weekRanges.set(key, range);
  }
  return range;
}

/** "February 2027" from `2027-02`. */
function formatMonth(month: string, locale: string): string {
  return formatter(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(`${month}-01`));
}

/**
 * The week a session opens on when no week is asked for: the current week while the
 * session runs, its last week once it has ended, its first before it starts (an empty
 * week "outside the session" is never a useful first view).
 */
export function defaultWeek(calendar: Pick<Calendar, 'weeks' | 'current'>): string {
  const { weeks, current } = calendar;
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last) return current.key;
  if (current.key > last.key) return last.key;
  if (current.key < first.key) return first.key;
  return current.key;
}

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
    viewportHeight: { state: true, attribute: false },
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
  declare session: Session | undefined;
  declare calendar: Calendar | undefined;
  /** The snapshot of the shown week, unfiltered. */
  declare result: SnapshotResult | undefined;
  declare busy: boolean;
  declare expanded: ReadonlySet<string>;
  declare viewportHeight: number;
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
    this.viewportHeight = 640;
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
  #loads = 0;
  #requestedStore: OkrStore | undefined;
  /** `sessionId|week` of the last load started, so that changing them loads once. */
  #requested: string | undefined;
  /** The snapshot as shown (owner filter applied), and the row offsets for windowing. */
  #shown: Snapshot | undefined;
  #offsets: Float64Array = new Float64Array(1);
  /**
   * The table's scroll position. Not reactive: a scroll asks for an update only when it
   * changes which rows are rendered (see `#onScroll`).
   */
  #scrollTop = 0;
  /** The rows rendered by the last update. */
  #rendered: RowWindow | undefined;
  /** The owner filter's choices, and what they were derived from. */
  #owners: { readonly from: readonly unknown[]; readonly named: readonly { id: string; name: string }[] } | undefined;
  /** Texts and locale of the update under way, resolved once per update rather than per row. */
  #s: Strings = resolveSnapshotStrings(undefined);
  #locale = 'en';
  /** Series per session, per item; `undefined` while being read. */
  readonly #series = new Map<string, Map<string, readonly SeriesPoint[] | undefined>>();
  #resizeObserver: ResizeObserver | undefined;
  #observed: Element | undefined;

  // ---- lifecycle ---------------------------------------------------------------------

  /** Reads the session and the shown week again (after a storage error, for example). */
  async reload(): Promise<void> {
    await this.#load(this.#controller.store);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#observed = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('sessionId') || changed.has('week')) && this.#requested !== this.#key()) {
      void this.#load(this.#controller.store);
    }
    if (changed.has('result') || changed.has('owner')) {
      this.#shown = this.#filter();
    }
    this.#s = this.#display.strings(resolveSnapshotStrings);
    this.#locale = this.#display.locale;
    if (changed.has('result') || changed.has('owner') || changed.has('expanded')) {
      const rows = this.#shown?.rows ?? [];
      const open = this.expanded;
      this.#offsets = rowOffsets(rows.length, (i) => {
        const row = rows[i];
        return SNAPSHOT_ROW_HEIGHT + (row && open.has(rowKey(row)) ? SNAPSHOT_COMMENT_HEIGHT : 0);
      });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#observeViewport();
    if (changed.has('owner') && changed.get('owner') !== undefined) this.#scrollToTop();
    // A session's first trends fold every one of its weeks (some 70 ms for 10,000 rows):
    // read once the rows are painted, so that they show first. Later reads are cheap.
    if (this.sessionId && !this.#series.has(this.sessionId)) afterPaint(() => this.#readSeries());
    else this.#readSeries();
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
    if (change) this.#series.delete(sessionId);
    const sameSession = this.session?.id === sessionId;
    if (!sameSession) {
      this.expanded = new Set();
      this.#scrollTop = 0;
    }
    if (!sameSession || this.status !== 'ready') this.status = 'loading';
    else this.busy = true;
    try {
      // A notice carries the session as it now is; the weeks and the snapshot derive from it.
      const session = carriedSession(store, change, sessionId) ?? (await store.getSession(sessionId));
      const calendar = await store.weeks(sessionId);
      const result = await store.snapshot(sessionId, this.week ?? defaultWeek(calendar));
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

  #filter(): Snapshot | undefined {
    const result = this.result;
    if (!result?.available) return undefined;
    const owner = ownerFilterOf(this.owner);
    if (owner === 'all') return result;
    const rows = filterByOwner(result.rows, owner);
    // Built field by field: spreading would compute the (unfiltered) content hash.
    return {
      available: true,
      sessionId: result.sessionId,
      sessionTitle: result.sessionTitle,
      timeZone: result.timeZone,
      week: result.week,
      asOf: result.asOf,
      live: result.live,
      readOnly: result.readOnly,
      expected: result.expected,
      owner,
      rows,
      summary: summarize(rows),
    };
  }

  #observeViewport(): void {
    const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport');
    if (viewport === this.#observed) return;
    this.#resizeObserver ??= new ResizeObserver((entries) => {
      const height = entries[entries.length - 1]?.contentRect.height;
      if (height && Math.abs(height - this.viewportHeight) > 1) this.viewportHeight = height;
    });
    if (this.#observed) this.#resizeObserver.unobserve(this.#observed);
    this.#observed = viewport ?? undefined;
    if (viewport) this.#resizeObserver.observe(viewport);
  }

  #scrollToTop(): void {
    const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport');
    if (viewport) viewport.scrollTop = 0;
    this.#scrolledTo(0);
  }

  /**
   * Renders again only when the scroll changes which rows are in the window. Browsers fire
   * scroll events once per frame, before animation frame callbacks, and Lit batches the
   * update into a microtask, so this is at most one update per frame, and it lands in the
   * frame that scrolled (deferring it to `requestAnimationFrame` would not save a render).
   */
  #scrolledTo(top: number): void {
    this.#scrollTop = top;
    const { start, end } = this.#window();
    if (start !== this.#rendered?.start || end !== this.#rendered.end) this.requestUpdate();
  }

  /** Reads the trend of the key results in view that have none yet; remembered per session. */
  #readSeries(): void {
    const shown = this.#shown;
    const sessionId = this.sessionId;
    if (!shown || !sessionId || this.status !== 'ready') return;
    let cache = this.#series.get(sessionId);
    if (!cache) {
      cache = new Map();
      this.#series.set(sessionId, cache);
    }
    const { start, end } = this.#window();
    const missing: string[] = [];
    for (let i = start; i < end; i++) {
      const row = shown.rows[i];
      if (row?.type !== 'keyResult' || row.change.removed || cache.has(row.id)) continue;
      cache.set(row.id, undefined);
      missing.push(row.id);
    }
    if (missing.length === 0) return;
    const store = this.#controller.store;
    const filled = cache;
    void Promise.all(
      missing.map((id) =>
        store.series(sessionId, id).then(
          (points) => filled.set(id, points),
          () => filled.set(id, []),
        ),
      ),
    ).then(() => {
      if (this.#series.get(sessionId) === filled) this.seriesVersion++;
    });
  }

  #window(): RowWindow {
    return rowWindow(this.#offsets, this.#scrollTop, this.viewportHeight, OVERSCAN);
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

  #step(direction: -1 | 1): void {
    const weeks = this.calendar?.weeks ?? [];
    const shown = this.#shownWeek;
    if (!shown) return;
    const index = weeks.findIndex((w) => w.key === shown);
    let target: Week | undefined;
    if (index >= 0) target = weeks[index + direction];
    else target = direction > 0 ? weeks.find((w) => w.key > shown) : weeks.findLast((w) => w.key < shown);
    if (target) this.#goToWeek(target.key);
  }

  #onMonthChange(event: Event): void {
    const month = (event.target as HTMLSelectElement).value;
    const weeks = this.calendar?.months.find((m) => m.month === month)?.weeks ?? [];
    const current = this.calendar?.current;
    const target = weeks.find((w) => w.key === current?.key) ?? weeks[0];
    if (target) this.#goToWeek(target.key);
  }

  /** Arrow keys move between the weeks of the month (a toolbar: one tab stop). */
  #onWeeksKeydown(event: KeyboardEvent): void {
    const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number | undefined;
    if (event.key === forward) next = Math.min(buttons.length - 1, index + 1);
    else if (event.key === backward) next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    for (const [i, button] of buttons.entries()) button.tabIndex = i === next ? 0 : -1;
    buttons[next]?.focus();
  }

  #onOwnerChange(event: Event): void {
    this.#setOwner((event.target as HTMLSelectElement).value);
  }

  #setOwner(owner: string): void {
    if (owner === this.owner) return;
    this.owner = owner;
    this.dispatchEvent(new OkrOwnerFilterChangeEvent(owner));
  }

  #onScroll(event: Event): void {
    this.#scrolledTo((event.currentTarget as HTMLElement).scrollTop);
  }

  /** The row of a button in the table (one listener for every row, not a closure per row). */
  #rowOf(event: Event): SnapshotRow | undefined {
    const index = Number((event.currentTarget as Element).closest('[role=row]')?.getAttribute('aria-rowindex')) - 2;
    return this.#shown?.rows[index];
  }

  #onCommentClick(event: Event): void {
    const row = this.#rowOf(event);
    if (row) this.#toggleComment(row);
  }

  #onTitleClick(event: Event): void {
    const row = this.#rowOf(event);
    if (row && this.sessionId) openDetail(this, this.sessionId, { kind: row.type, id: row.id });
  }

  #onCheckInClick(event: Event): void {
    const row = this.#rowOf(event);
    if (row) this.#requestCheckIn(row);
  }

  #toggleComment(row: SnapshotRow): void {
    const key = rowKey(row);
    const next = new Set(this.expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded = next;
  }

  #requestCheckIn(row: SnapshotRow): void {
    if (!this.sessionId) return;
    this.dispatchEvent(new OkrCheckInRequestEvent(this.sessionId, row.id));
  }

  #export(format: ExportFormat): void {
    const snapshot = this.#shown;
    if (!snapshot) return;
    const options = { people: this.#display.people, exportedAt: this.#controller.store.now() };
    const content = format === 'csv' ? snapshotToCsv(snapshot, options) : snapshotToJson(snapshot, options);
    const filename = exportFilename(snapshot, format);
    if (!this.dispatchEvent(new OkrExportEvent({ format, filename, content }))) return;
    const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  // ---- render ------------------------------------------------------------------------

  /** The session's first week is still ahead. */
  #notStarted(): boolean {
    const calendar = this.calendar;
    const first = calendar?.weeks[0];
    return calendar !== undefined && first !== undefined && calendar.current.key < first.key;
  }

  #weekText(week: Week): string {
    return this.#s.weekLabel(weekNumber(week), formatWeekRange(week, this.#locale));
  }

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
    return html`<div part="base" aria-busy=${this.busy || this.status === 'loading' ? 'true' : 'false'}>
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
        <span>${this.#weekText(result.week)}</span>
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
    const s = this.#s;
    const locale = this.#locale;
    const calendar = this.calendar;
    const shown = this.#shownWeek ?? '';
    const weeks = calendar?.weeks ?? [];
    const shownWeek = this.result?.week;
    const month = calendar?.months.find((m) => m.weeks.some((w) => w.key === shown));
    const first = weeks[0]?.key ?? '';
    const last = weeks[weeks.length - 1]?.key ?? '';
    return html`<div part="toolbar" class="toolbar">
      <div part="week-nav" class="week-nav" role="group" aria-label=${s.weekNavigation}>
        <button
          id="previous-week"
          class="button icon-button"
          type="button"
          aria-label=${s.previousWeek}
          title=${s.previousWeek}
          ?disabled=${!shown || shown <= first}
          @click=${() => this.#step(-1)}
        >
          ${iconChevronStart()}
        </button>
        <select id="month" part="month-select" class="month" aria-label=${s.month} @change=${this.#onMonthChange}>
          ${month ? nothing : html`<option value="" selected disabled>${shownWeek ? formatMonth(shownWeek.month, locale) : '—'}</option>`}
          ${(calendar?.months ?? []).map(
            (m) => html`<option value=${m.month} ?selected=${m === month}>${formatMonth(m.month, locale)}</option>`,
          )}
        </select>
        ${
          month
            ? html`<div class="weeks" role="toolbar" aria-label=${s.weeksOfMonth} @keydown=${this.#onWeeksKeydown}>
              ${month.weeks.map((w) => {
                const selected = w.key === shown;
                const isCurrent = w.key === calendar?.current.key;
                const future = calendar ? w.key > calendar.current.key : false;
                return html`<button
                  type="button"
                  class="week ${isCurrent ? 'current' : ''} ${future ? 'future' : ''}"
                  part=${selected ? 'week-button week-button-current' : 'week-button'}
                  data-week=${w.key}
                  tabindex=${selected ? '0' : '-1'}
                  aria-pressed=${selected ? 'true' : 'false'}
                  title=${formatWeekRange(w, locale)}
                  @click=${() => this.#goToWeek(w.key)}
                >
                  ${s.weekButton(weekNumber(w))}<span class="visually-hidden"
                    >, ${formatWeekRange(w, locale)}${isCurrent ? ` (${s.currentWeek})` : ''}</span
                  >
                </button>`;
              })}
            </div>`
            : nothing
        }
        <button
          id="next-week"
          class="button icon-button"
          type="button"
          aria-label=${s.nextWeek}
          title=${s.nextWeek}
          ?disabled=${!shown || shown >= last}
          @click=${() => this.#step(1)}
        >
          ${iconChevronEnd()}
        </button>
        ${
          calendar && shown !== calendar.current.key && weeks.some((w) => w.key === calendar.current.key)
            ? html`<button id="this-week" type="button" class="button quiet" @click=${() => this.#goToWeek(calendar.current.key)}>
              ${s.currentWeek}
            </button>`
            : nothing
        }
      </div>
      <span class="spacer"></span>
      ${this.#renderOwnerFilter()}
      <div class="export" role="group" aria-label=${s.exportLabel}>
        <span class="export-label" aria-hidden="true">${s.exportLabel}</span>
        ${(['csv', 'json'] as const).map(
          (format) => html`<button
            id="export-${format}"
            part="export-button"
            class="button"
            type="button"
            ?disabled=${!this.#shown}
            aria-label=${`${s.exportLabel} ${format === 'csv' ? s.exportCsv : s.exportJson}`}
            @click=${() => this.#export(format)}
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M8 2v8m0 0 3-3m-3 3L5 7M3 12v2h10v-2" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>
            ${format === 'csv' ? s.exportCsv : s.exportJson}
          </button>`,
        )}
      </div>
      <slot name="toolbar-end"></slot>
    </div>`;
  }

  #renderOwnerFilter(): TemplateResult {
    const s = this.#s;
    const filter = ownerFilterOf(this.owner);
    const value = typeof filter === 'string' ? filter : filter.ownerId;
    const from = [this.result, this.#display.people, value, this.#locale];
    if (!this.#owners || from.some((input, i) => input !== this.#owners?.from[i])) {
      const result = this.result;
      const owners = new Set<string>();
      if (result?.available) for (const row of result.rows) if (row.ownerId !== undefined) owners.add(row.ownerId);
      if (typeof filter !== 'string') owners.add(filter.ownerId);
      const collator = new Intl.Collator(this.#locale);
      const named = [...owners]
        .map((id) => ({ id, name: personName(this.#display.people, id) }))
        .sort((a, b) => collator.compare(a.name, b.name));
      this.#owners = { from, named };
    }
    const named = this.#owners.named;
    return html`<label class="owner-filter">
      <span>${s.ownerFilter}</span>
      <select id="owner" part="owner-select" @change=${this.#onOwnerChange}>
        <option value="all" ?selected=${value === 'all'}>${s.ownerAll}</option>
        ${named.map((o) => html`<option value=${o.id} ?selected=${value === o.id}>${o.name}</option>`)}
        <option value="unassigned" ?selected=${value === 'unassigned'}>${s.ownerUnassigned}</option>
      </select>
    </label>`;
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
      const nearest = result.nearest;
      const nearestWeek = nearest ? this.calendar?.weeks.find((w) => w.key === nearest) : undefined;
      return html`<div part="unavailable" class="state unavailable">
        <svg class="empty-art" aria-hidden="true" viewBox="0 0 48 48" width="48" height="48">
          <rect x="6" y="10" width="36" height="32" rx="4" fill="none" stroke="currentColor" stroke-width="2.5" />
          <path d="M6 19h36M16 6v8M32 6v8M19 27l10 10M29 27 19 37" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
        </svg>
        <p class="state-title">${s.unavailableTitle}</p>
        <p class="state-body">
          ${
            result.reason === 'future' && this.session && this.#notStarted()
              ? s.notStartedYet(formatDay(this.session.start, this.#locale))
              : s.unavailable[result.reason](weekNumber(result.week), formatWeekRange(result.week, this.#locale))
          }
        </p>
        ${
          nearest
            ? html`<button id="nearest" class="button primary" type="button" @click=${() => this.#goToWeek(nearest)}>
              ${s.goToNearest(nearestWeek ? this.#weekText(nearestWeek) : nearest)}
            </button>`
            : html`<p class="state-body">${s.noNearest}</p>`
        }
      </div>`;
    }
    const shown = this.#shown ?? result;
    return html`${this.#renderSummary(shown)}
    ${
      result.readOnly
        ? html`<p part="read-only" class="notice read-only">
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><rect x="3" y="7" width="10" height="7" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>
          ${s.readOnlyWeek(formatDay(result.week.end, this.#locale))}
        </p>`
        : nothing
    }
    ${this.#renderRows(shown, result.rows.length === 0)}`;
  }

  #renderSummary(snapshot: Snapshot): TemplateResult {
    const s = this.#s;
    const locale = this.#locale;
    const { summary } = snapshot;
    const stat = (value: string | number, label: string, kind: string) =>
      html`<div class="stat stat-${kind}"><span class="stat-value">${value}</span><span class="stat-label">${label}</span></div>`;
    const movers = (list: Snapshot['summary']['movedUp'], up: boolean) =>
      html`<ul class="movers-list">
        ${list.map(
          (m) => html`<li>
            <bdi class="mover-title" title=${m.title}>${m.title}</bdi>
            <span class="delta ${up ? 'up' : 'down'}"
              >${up ? iconTriangleUp() : iconTriangleDown()} ${
                up
                  ? s.pointsUp(formatPoints(m.points, locale), Math.abs(m.points))
                  : s.pointsDown(formatPoints(m.points, locale), Math.abs(m.points))
              }</span
            >
          </li>`,
        )}
      </ul>`;
    const moved = summary.movedUp.length + summary.movedDown.length > 0;
    return html`<section part="summary" class="summary" aria-label=${s.summaryLabel}>
      <div class="stats">
        ${stat(summary.byStatus.on_track, s.snapshotStatuses.on_track ?? 'On track', 'on_track')}
        ${stat(summary.byStatus.at_risk, s.snapshotStatuses.at_risk ?? 'At risk', 'at_risk')}
        ${stat(summary.byStatus.off_track, s.snapshotStatuses.off_track ?? 'Off track', 'off_track')}
        ${stat(summary.stale, s.staleLabel, 'stale')} ${stat(summary.unassigned, s.unassignedLabel, 'unassigned')}
        ${stat(formatPercent(summary.progress, locale), s.meanProgress, 'mean')}
      </div>
      <div class="movers">
        ${
          moved
            ? html`${summary.movedUp.length ? html`<div><span class="movers-label">${s.movedUp}</span>${movers(summary.movedUp, true)}</div>` : nothing}
              ${summary.movedDown.length ? html`<div><span class="movers-label">${s.movedDown}</span>${movers(summary.movedDown, false)}</div>` : nothing}`
            : html`<span class="muted">${s.nothingMoved}</span>`
        }
      </div>
    </section>`;
  }

  #renderRows(snapshot: Snapshot, sessionEmpty: boolean): TemplateResult {
    const s = this.#s;
    const rows = snapshot.rows;
    if (rows.length === 0) {
      return sessionEmpty
        ? html`<div part="empty" class="state empty">
            <slot name="empty">
              <p class="state-title">${s.snapshotEmptyTitle}</p>
              <p class="state-body">${s.snapshotEmptyBody}</p>
            </slot>
          </div>`
        : html`<div part="empty" class="state empty">
            <p class="state-title">${s.filterEmptyTitle}</p>
            <p class="state-body">${s.filterEmptyBody}</p>
            <button id="show-all" class="button" type="button" @click=${() => this.#setOwner('all')}>${s.ownerAll}</button>
          </div>`;
    }
    const win = this.#window();
    this.#rendered = win;
    const slice = rows.slice(win.start, win.end);
    return html`<div
      part="table"
      class="viewport"
      role="table"
      tabindex="0"
      aria-label=${s.tableLabel(this.#weekText(snapshot.week))}
      aria-rowcount=${rows.length + 1}
      @scroll=${this.#onScroll}
    >
      <div role="rowgroup" class="head">
        <div role="row" part="header-row" class="row column-heads" aria-rowindex="1">
          <span role="columnheader" class="cell">${s.columnItem}</span>
          <span role="columnheader" class="cell">${s.columnOwner}</span>
          <span role="columnheader" class="cell">${s.columnProgress}</span>
          <span role="columnheader" class="cell">${s.columnStatus}</span>
          <span role="columnheader" class="cell">${s.columnChange}</span>
          <span role="columnheader" class="cell">${s.columnTrend}</span>
          <span role="columnheader" class="cell"><span class="visually-hidden">${s.columnActions}</span></span>
        </div>
      </div>
      <div role="rowgroup" class="body" style="block-size: ${win.total}px">
        <div class="slice" style="transform: translateY(${win.offset}px)">
          ${repeat(
            slice,
            (row, i) => `${win.start + i}:${rowKey(row)}`,
            (row, i) => this.#renderRow(row, win.start + i, snapshot),
          )}
        </div>
      </div>
    </div>`;
  }

  #renderRow(row: SnapshotRow, index: number, snapshot: Snapshot): TemplateResult {
    const s = this.#s;
    const locale = this.#locale;
    const key = rowKey(row);
    const open = this.expanded.has(key);
    const parts = ['row', `row-${row.type}`];
    if (row.context) parts.push('row-context');
    if (row.change.removed) parts.push('row-removed');
    const classes = [
      'row',
      row.type,
      `depth-${row.depth}`,
      row.context ? 'context' : '',
      row.change.removed ? 'removed' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const height = SNAPSHOT_ROW_HEIGHT + (open ? SNAPSHOT_COMMENT_HEIGHT : 0);
    const canCheckIn =
      snapshot.live &&
      row.type === 'keyResult' &&
      !row.change.removed &&
      !row.context &&
      this.session !== undefined &&
      // Who may check in is the core's rule (ownership.ts), asked of the live session.
      this.#controller.store.can('checkIn.add', this.session, { keyResultId: row.id });
    const commentId = `comment-${index}`;
    const over = Math.abs(row.progress.raw - row.progress.clamped) > 1e-9;
    return html`<div
      role="row"
      part=${parts.join(' ')}
      class=${classes}
      aria-rowindex=${index + 2}
      data-id=${row.id}
      style="block-size: ${height}px"
    >
      <div role="cell" class="cell item" style="--depth: ${row.depth}">
        ${typeIcon(row.type)}
        <span class="visually-hidden">${s.rowTypes[row.type]}:</span>
        <button type="button" class="title-link" aria-label=${s.openDetail(row.title)} @click=${this.#onTitleClick}>
          <bdi class="title" title=${row.title}>${row.title}</bdi>
        </button>
        ${row.stale ? html`<span class="flag stale">${s.staleBadge}</span>` : nothing}
        ${row.context ? html`<span class="visually-hidden">${s.contextHint}</span>` : nothing}
        ${open ? this.#renderComment(row, commentId) : nothing}
      </div>
      <div role="cell" class="cell owner">${this.#renderOwner(row.ownerId)}</div>
      <div role="cell" class="cell progress">
        <span part="progress-bar" class="bar status-${row.status}" aria-hidden="true">
          <span class="fill" style="inline-size: ${Math.round(row.progress.clamped * 1000) / 10}%"></span>
          ${
            row.type !== 'initiative'
              ? html`<span class="expected" style="inset-inline-start: ${Math.round(row.expected * 1000) / 10}%"></span>`
              : nothing
          }
        </span>
        <span class="pct">${formatPercent(row.progress.clamped, locale)}</span>
        ${over ? html`<span class="raw">${s.rawProgress(formatPercent(row.progress.raw, locale))}</span>` : nothing}
      </div>
      <div role="cell" class="cell status">
        <span part="status-badge" class="status-badge status-${row.status}"
          >${s.snapshotStatuses[row.status] ?? row.status}</span
        >
      </div>
      <div role="cell" class="cell change">${this.#renderChange(row)}</div>
      <div role="cell" class="cell trend">${row.type === 'keyResult' && !row.change.removed ? this.#renderSparkline(row, snapshot) : nothing}</div>
      <div role="cell" class="cell actions">
        ${
          row.latestCheckIn
            ? html`<button
              type="button"
              class="button icon-button comment-toggle"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls=${open ? commentId : nothing}
              aria-label=${s.showComment(row.title)}
              title=${s.showComment(row.title)}
              @click=${this.#onCommentClick}
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" fill=${row.latestCheckIn.comment ? 'currentColor' : 'none'} fill-opacity="0.18" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"/></svg>
            </button>`
            : nothing
        }
        ${
          canCheckIn
            ? html`<button
              type="button"
              part="check-in-button"
              class="button small check-in"
              aria-label=${s.checkInLabel(row.title)}
              @click=${this.#onCheckInClick}
            >
              ${s.checkIn}
            </button>`
            : nothing
        }
      </div>
    </div>`;
  }

  #renderOwner(ownerId: string | undefined): TemplateResult {
    if (ownerId === undefined) {
      return html`<span class="avatar none" aria-hidden="true"></span><span class="unassigned">${this.#s.unassigned}</span>`;
    }
    return personChip(this.#display.people, ownerId);
  }

  #renderChange(row: SnapshotRow): TemplateResult {
    const s = this.#s;
    const locale = this.#locale;
    if (row.change.removed) return html`<span class="flag removed">${s.removedBadge}</span>`;
    if (row.change.isNew) return html`<span class="flag new">${s.newBadge}</span>`;
    const points = row.change.points;
    if (points === 0 || formatPoints(points, locale) === '0') {
      return html`<span class="delta none"><span aria-hidden="true">–</span><span class="visually-hidden">${s.noChange}</span></span>`;
    }
    const up = points > 0;
    return html`<span class="delta ${up ? 'up' : 'down'}"
      >${up ? iconTriangleUp() : iconTriangleDown()} <span class="points" aria-hidden="true">${formatPoints(points, locale)}</span
      ><span class="visually-hidden">${up ? s.pointsUp(formatPoints(points, locale), Math.abs(points)) : s.pointsDown(formatPoints(points, locale), Math.abs(points))}</span></span
    >`;
  }

  #renderSparkline(row: SnapshotRow, snapshot: Snapshot): TemplateResult | typeof nothing {
    const series = this.#series.get(snapshot.sessionId)?.get(row.id);
    if (!series) return html`<span class="spark-placeholder" aria-hidden="true"></span>`;
    const locale = this.#locale;
    return sparklineSvg(series, {
      width: SPARK_WIDTH,
      height: SPARK_HEIGHT,
      highlight: snapshot.week.key,
      status: row.status,
      label: (first, last) => this.#s.trendLabel(formatPercent(first, locale), formatPercent(last, locale)),
    });
  }

  #renderComment(row: SnapshotRow, id: string): TemplateResult {
    const s = this.#s;
    const latest = row.latestCheckIn;
    if (!latest) return html``;
    const when = formatInstant(latest.at, this.#locale, this.#shown?.timeZone ?? 'UTC');
    return html`<div part="comment" class="comment" id=${id}>
      ${latest.comment ? html`<p class="comment-text">“<bdi>${latest.comment}</bdi>”</p>` : html`<p class="comment-text muted">${s.noComment}</p>`}
      <p class="comment-meta">— ${s.commentBy(personName(this.#display.people, latest.author), when)}</p>
    </div>`;
  }
}

defineElement('okr-snapshot', OkrSnapshot);

declare global {
  interface HTMLElementTagNameMap {
    'okr-snapshot': OkrSnapshot;
  }
}
