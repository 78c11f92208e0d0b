import type { CheckInHistoryItem, OkrStore, SeriesPoint, Session, StoreChange } from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { defineElement } from '../define.js';
import { DisplayController } from '../display-controller.js';
import type { DetailItem } from '../events/okr-detail-open-event.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { iconClose, iconStyles } from '../icons.js';
import { sparklineStyles } from '../okr-snapshot/sparkline-svg.js';
import { personStyles } from '../person.js';
import { concerns, StoreController } from '../store-controller.js';
import { type OkrSnapshotStrings, type OkrStrings, resolveSnapshotStrings } from '../strings.js';
import { theme } from '../theme.styles.js';
import { keyResultOfCheckIn, renderDetail, titleOf } from './detail-content.js';
import { styles } from './okr-detail.styles.js';

/** What was read for the item shown. */
interface Loaded {
  readonly session: Session;
  readonly series: readonly SeriesPoint[] | undefined;
  readonly history: readonly CheckInHistoryItem[] | undefined;
}

/**
 * The details of one objective, key result, initiative or check-in, in a modal side
 * panel: owner, progress and its trend week by week, the key result's history with its
 * corrections, initiatives and comments. Read-only: what was recorded stays as it was.
 * `<okr-snapshot>`, `<okr-list>` and `<okr-tree>` open it from an item's title (see
 * `okr-detail-open`); a page can also place one and call `show(sessionId, item)`.
 * Escape or the close button closes it and gives focus back to where it was.
 *
 * @summary One item's details: history with corrections, sparkline, initiatives, comments, owner.
 *
 * @event okr-error - Loading failed. `.detail` is the `OkrError`.
 *
 * @csspart dialog - The side panel (a native `<dialog>`).
 * @csspart header - Its title bar.
 * @csspart sparkline - The progress trend.
 *
 * @cssproperty --okr-detail-width - Width of the panel. Default `min(480px, 100vw)`.
 * @cssproperty --okr-color-surface - Background.
 * @cssproperty --okr-color-border - Lines and borders.
 * @cssproperty --okr-color-backdrop - Behind the panel.
 */
export class OkrDetail extends LitElement {
  static override styles = [theme, iconStyles, personStyles, sparklineStyles, styles];

  static override properties = {
    loaded: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    store: { attribute: false },
    sessionId: { attribute: 'session-id' },
    item: { attribute: false },
    week: {},
    open: { type: Boolean, reflect: true },
    people: { attribute: false },
    locale: {},
    strings: { attribute: false },
  };

  /** @internal */
  declare loaded: Loaded | undefined;
  /** @internal */
  declare loadError: string | undefined;

  /** The store; defaults to one from context (`<okr-provider>`), else the page's default store. */
  declare store: OkrStore | undefined;
  /** The session of the item, e.g. `SE-01001`. */
  declare sessionId: string;
  /** The item shown: `{ kind: 'keyResult', id: 'kr1' }`. */
  declare item: DetailItem | undefined;
  /** The week to mark on the trend (`2027-W05`), e.g. the week a snapshot shows. */
  declare week: string | undefined;
  /** Whether the panel is open. Setting it opens or closes it without firing events. */
  declare open: boolean;
  /** Display names of people by id; an unknown id is shown as is. */
  declare people: Readonly<Record<string, string>> | undefined;
  /** BCP 47 locale for dates and numbers; default the nearest `lang` attribute, else the browser's. */
  declare locale: string | undefined;
  /** Texts to replace, merged over the English defaults. */
  declare strings: Partial<OkrStrings & OkrSnapshotStrings> | undefined;
  readonly #display = new DisplayController(this);

  get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
  }

  constructor() {
    super();
    this.sessionId = '';
    this.open = false;
  }

  readonly #controller = new StoreController(this, (store, change) => void this.#load(store, change));
  #loads = 0;
  /** Where focus was when the panel opened: it goes back there on close. */
  #opener: HTMLElement | undefined;

  // ---- lifecycle ---------------------------------------------------------------------

  /** Shows `item` of session `sessionId` and opens the panel; focus moves into it. */
  show(sessionId: string, item: DetailItem): void {
    this.sessionId = sessionId;
    this.item = item;
    this.open = true;
  }

  /** Closes the panel. */
  hide(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('sessionId') || changed.has('item')) && this.open) void this.#load(this.#controller.store);
    if (changed.has('open') && this.open) {
      this.#opener = deepActive();
      if (!changed.has('sessionId') && !changed.has('item')) void this.#load(this.#controller.store);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!dialog || !changed.has('open')) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>('#close-detail')?.focus();
    } else if (!this.open && dialog.open) dialog.close();
  }

  async #load(store: OkrStore, change?: StoreChange): Promise<void> {
    const item = this.item;
    if (!this.open || !this.sessionId || !item || (change && !concerns(change, this.sessionId))) return;
    const load = ++this.#loads;
    try {
      const session = await store.getSession(this.sessionId);
      const keyResultId =
        item.kind === 'keyResult'
          ? item.id
          : item.kind === 'checkIn'
            ? keyResultOfCheckIn(session, item.id)?.id
            : undefined;
      const [history, series] = await Promise.all([
        keyResultId === undefined ? undefined : store.checkInHistory(session.id, keyResultId),
        item.kind === 'objective' || item.kind === 'keyResult' ? store.series(session.id, item.id) : undefined,
      ]);
      if (load !== this.#loads) return;
      this.loaded = { session, series, history };
      this.loadError = titleOf(session, item) === undefined ? this.#s.detailLoadError : undefined;
    } catch (error) {
      if (load !== this.#loads) return;
      const okrError = toOkrError(error);
      this.loaded = undefined;
      this.loadError = `${this.#s.detailLoadError} ${okrError.message}`;
      this.dispatchEvent(new OkrErrorEvent(okrError));
    }
  }

  // ---- handlers ----------------------------------------------------------------------

  #onClose(): void {
    this.open = false;
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
  }

  /** Another item of the same session, in the same panel (focus stays in it). */
  #go = (item: DetailItem): void => {
    this.item = item;
    this.renderRoot.querySelector<HTMLElement>('#close-detail')?.focus();
  };

  // ---- render ------------------------------------------------------------------------

  get #s(): OkrStrings & OkrSnapshotStrings {
    return this.#display.strings(resolveSnapshotStrings);
  }

  override render(): TemplateResult {
    const s = this.#s;
    const item = this.item;
    const loaded = this.loaded;
    const title = item && loaded ? titleOf(loaded.session, item) : undefined;
    return html`<dialog part="dialog" class="panel" aria-labelledby="detail-title" @close=${this.#onClose}>
      <div class="dialog-header" part="header">
        <div class="heading">
          <p class="kind">${item ? s.detailOf[item.kind] : ''}</p>
          <h2 id="detail-title"><bdi>${title ?? ''}</bdi></h2>
        </div>
        <button
          id="close-detail"
          class="button quiet icon-button"
          type="button"
          aria-label=${s.closeDetail}
          title=${s.closeDetail}
          @click=${() => this.dialog?.close()}
        >
          ${iconClose()}
        </button>
      </div>
      <div class="dialog-body">
        ${
          this.loadError
            ? html`<p class="alert" role="alert">${this.loadError}</p>`
            : loaded && item
              ? renderDetail(
                  {
                    session: loaded.session,
                    series: loaded.series,
                    history: loaded.history,
                    week: this.week,
                    people: this.#display.people,
                    locale: this.#display.locale,
                    s,
                    go: this.#go,
                  },
                  item,
                )
              : this.open
                ? html`<p role="status">${s.loadingDetail}</p>`
                : nothing
        }
      </div>
    </dialog>`;
  }
}

/** The deepest focused element, through shadow roots. */
function deepActive(): HTMLElement | undefined {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

defineElement('okr-detail', OkrDetail);

declare global {
  interface HTMLElementTagNameMap {
    'okr-detail': OkrDetail;
  }
}
