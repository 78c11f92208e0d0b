import type { OkrError, OkrStore } from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { defineElement } from '../define.js';
import { DisplayController } from '../display-controller.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { OkrKeyResultSelectEvent } from '../events/okr-key-result-select-event.js';
import { OkrObjectiveSelectEvent } from '../events/okr-objective-select-event.js';
import { personName } from '../format.js';
import { iconChevronEnd, iconStyles } from '../icons.js';
import { formatPercent, percentOf } from '../key-result-format.js';
import { detailPanel, openDetail } from '../okr-detail/detail-opener.js';
import { items } from '../okr-items.styles.js';
import { states } from '../states.styles.js';
import { StoreController } from '../store-controller.js';
import { type OkrStrings, resolveStrings } from '../strings.js';
import { theme } from '../theme.styles.js';
import { styles } from './okr-tree.styles.js';
import {
  buildTree,
  hasChildren,
  rowTitle,
  type TreeKeyResult,
  type TreeNode,
  type TreeRow,
  visibleRows,
} from './tree-model.js';

export { buildTree, type TreeKeyResult, type TreeNode } from './tree-model.js';

const TYPE_AHEAD_MS = 500;

/**
 * The cascade of objectives and key results as an expandable tree: the objectives of a
 * session, of its parent session and of its child sessions, each under the objective it
 * aligns to, each with its key results, with progress on every node. Follows the WAI-ARIA
 * tree pattern: one tab stop, arrow keys (swapped in right-to-left text), Home and End,
 * type-ahead by first letters, Enter selects.
 *
 * @summary How objectives align across a session, its parent and its children, as a tree.
 *
 * @event okr-objective-select - A person chose an objective (Enter or click). `OkrObjectiveSelectEvent`, `.sessionId`, `.objective`.
 * @event okr-detail-open - Cancelable: after a select, the item's details open in the tree's `<okr-detail>` unless cancelled. `OkrDetailOpenEvent`.
 * @event okr-key-result-select - A person chose a key result (Enter or click). `OkrKeyResultSelectEvent`, `.sessionId`, `.keyResult`.
 * @event okr-error - Loading failed. `.detail` is the `OkrError`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart tree - The tree.
 * @csspart node - Each objective's and key result's row (the selected one also `node-selected`, key results also `node-key-result`).
 * @csspart node-key-result - A key result's row.
 * @csspart node-selected - The selected objective's row.
 * @csspart progress - Each progress bar.
 * @csspart session-badge - The session name on each node.
 * @csspart empty - The empty state.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 *
 * @cssproperty --okr-font - Font shorthand.
 * @cssproperty --okr-color-text - Text colour.
 * @cssproperty --okr-color-text-muted - Secondary text.
 * @cssproperty --okr-color-surface - Background.
 * @cssproperty --okr-color-surface-alt - Background of hovered and selected nodes.
 * @cssproperty --okr-color-border - Lines and guides.
 * @cssproperty --okr-color-accent - Selected node and progress.
 * @cssproperty --okr-color-focus - Focus ring.
 * @cssproperty --okr-color-progress - Progress bar fill.
 * @cssproperty --okr-color-progress-track - Progress bar track.
 * @cssproperty --okr-tree-indent - Indent per level. Default 22px.
 * @cssproperty --okr-space-s - Small gap.
 * @cssproperty --okr-space-m - Medium gap.
 * @cssproperty --okr-radius - Corner radius.
 */
export class OkrTree extends LitElement {
  static override styles = [theme, states, items, iconStyles, styles];

  static override properties = {
    roots: { state: true, attribute: false },
    status: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    collapsed: { state: true, attribute: false },
    focusedKey: { state: true, attribute: false },
    selectedKey: { state: true, attribute: false },
    store: { attribute: false },
    sessionId: { attribute: 'session-id' },
    people: { attribute: false },
    locale: {},
    strings: { attribute: false },
  };

  declare roots: readonly TreeNode[];
  declare status: 'loading' | 'ready' | 'error';
  declare loadError: OkrError | undefined;
  declare collapsed: ReadonlySet<string>;
  declare focusedKey: string | undefined;
  declare selectedKey: string | undefined;

  /** The store; defaults to one from context (`<okr-provider>`), else the page's default store. */
  declare store: OkrStore | undefined;

  /** The session whose cascade to show (with its parent and its child sessions), e.g. `SE-01001`. */
  declare sessionId: string;

  /** Display names of people by id; an unknown id is shown as is. */
  declare people: Readonly<Record<string, string>> | undefined;

  /** BCP 47 locale for texts, dates and numbers; wins over every `lang` (see the README's Languages). */
  declare locale: string | undefined;

  /** Texts to replace, merged over the English defaults and the registered language (see `OkrStrings`); wins over both. */
  declare strings: Partial<OkrStrings> | undefined;

  constructor() {
    super();
    this.roots = [];
    this.status = 'loading';
    this.collapsed = new Set();
    this.sessionId = '';
  }

  // Any change may matter: a new child session, or an objective aligned from elsewhere.
  readonly #display = new DisplayController(this);
  readonly #controller = new StoreController(this, (store) => void this.#load(store));
  #loads = 0;
  #typed = '';
  #typedAt = 0;

  // ---- lifecycle ---------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') && changed.get('sessionId') !== undefined) {
      this.status = 'loading';
      this.roots = [];
      void this.#load(this.#controller.store);
    }
  }

  /** Reads the sessions again (after a storage error, for example). */
  async reload(): Promise<void> {
    await this.#load(this.#controller.store);
  }

  async #load(store: OkrStore): Promise<void> {
    if (!this.sessionId) return;
    const load = ++this.#loads;
    try {
      const session = await store.getSession(this.sessionId);
      const headers = await store.listSessions({ includeArchived: true });
      const parentHeader = session.parentId ? headers.find((h) => h.id === session.parentId) : undefined;
      const parent = parentHeader ? await store.getSession(parentHeader.id) : undefined;
      const children = await Promise.all(
        headers.filter((h) => h.parentId === session.id).map((h) => store.getSession(h.id)),
      );
      if (load !== this.#loads) return;
      const sessions = [
        ...(parent ? [{ session: parent, role: 'parent' as const }] : []),
        { session, role: 'this' as const },
        ...children.map((child) => ({ session: child, role: 'child' as const })),
      ];
      this.roots = buildTree(sessions);
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

  #rows(): TreeRow[] {
    return visibleRows(this.roots, this.collapsed);
  }

  async #focus(key: string): Promise<void> {
    this.focusedKey = key;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  }

  #toggle(key: string, expand: boolean): void {
    const next = new Set(this.collapsed);
    if (expand) next.delete(key);
    else next.add(key);
    this.collapsed = next;
  }

  #select(row: TreeRow): void {
    this.selectedKey = row.key;
    this.dispatchEvent(
      row.kind === 'objective'
        ? new OkrObjectiveSelectEvent(row.node.session.id, row.node.objective)
        : new OkrKeyResultSelectEvent(row.node.session.id, row.item.keyResult),
    );
    const item = row.kind === 'objective' ? row.node.objective : row.item.keyResult;
    openDetail(this, row.node.session.id, { kind: row.kind, id: item.id });
  }

  #onClick(event: MouseEvent, row: TreeRow): void {
    event.stopPropagation();
    const onTwisty = (event.target as Element).closest('.twisty');
    if (onTwisty && row.kind === 'objective' && hasChildren(row.node)) {
      this.#toggle(row.key, this.collapsed.has(row.key));
    } else this.#select(row);
    void this.#focus(row.key);
  }

  #onKeydown(event: KeyboardEvent): void {
    const rows = this.#rows();
    const index = rows.findIndex((r) => r.key === this.#currentKey(rows));
    const row = rows[index];
    if (!row) return;
    const parent = row.kind === 'objective' && hasChildren(row.node);
    const expanded = parent && !this.collapsed.has(row.key);
    const go = (i: number) => {
      const target = rows[i];
      if (target) void this.#focus(target.key);
    };
    // Right-to-left, the tree opens towards the left: the arrow keys swap (WAI-ARIA tree pattern).
    const rtl = getComputedStyle(this).direction === 'rtl';
    const key =
      rtl && event.key === 'ArrowLeft' ? 'ArrowRight' : rtl && event.key === 'ArrowRight' ? 'ArrowLeft' : event.key;
    switch (key) {
      case 'ArrowDown':
        go(Math.min(rows.length - 1, index + 1));
        break;
      case 'ArrowUp':
        go(Math.max(0, index - 1));
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'ArrowRight':
        if (parent && !expanded) this.#toggle(row.key, true);
        else if (expanded) go(index + 1);
        break;
      case 'ArrowLeft':
        if (expanded) this.#toggle(row.key, false);
        else if (row.parentKey) void this.#focus(row.parentKey);
        break;
      case 'Enter':
      case ' ':
        this.#select(row);
        break;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          this.#typeAhead(event.key, rows, index);
          break;
        }
        return;
    }
    event.preventDefault();
  }

  /** Moves focus to the next visible objective whose title starts with what was typed. */
  #typeAhead(char: string, rows: readonly TreeRow[], index: number): void {
    const now = Date.now();
    this.#typed = now - this.#typedAt > TYPE_AHEAD_MS ? char : this.#typed + char;
    this.#typedAt = now;
    const typed = this.#typed.toLocaleLowerCase();
    // A new search starts after the focused node; a longer one may match the focused node itself.
    const start = this.#typed.length === 1 ? index + 1 : index;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[(start + i) % rows.length];
      if (row && rowTitle(row).toLocaleLowerCase().startsWith(typed)) {
        void this.#focus(row.key);
        return;
      }
    }
  }

  #currentKey(rows: readonly TreeRow[]): string | undefined {
    const key = this.focusedKey;
    return key && rows.some((r) => r.key === key) ? key : rows[0]?.key;
  }

  // ---- render ------------------------------------------------------------------------

  get #s(): OkrStrings {
    return this.#display.strings(resolveStrings);
  }

  override render(): TemplateResult {
    const s = this.#s;
    if (this.status === 'loading') {
      return html`<div part="base">
        <div part="loading" class="state loading-state" role="status">
          <span class="spinner" aria-hidden="true"></span><span>${s.loadingTree}</span>
        </div>
      </div>`;
    }
    if (this.status === 'error') {
      return html`<div part="base">
        <div part="error" class="state error-state" role="alert">
          <p class="state-title">${s.treeLoadError}</p>
          <p>${this.loadError?.message}</p>
          <button id="retry" class="button" type="button" @click=${() => void this.reload()}>${s.retry}</button>
        </div>
      </div>`;
    }
    if (this.roots.length === 0) {
      return html`<div part="base">
        <div part="empty" class="state">
          <svg class="empty-art" aria-hidden="true" viewBox="0 0 48 48" width="48" height="48">
            <circle cx="24" cy="9" r="5" fill="none" stroke="currentColor" stroke-width="2.5" />
            <circle cx="11" cy="38" r="5" fill="none" stroke="currentColor" stroke-width="2.5" />
            <circle cx="37" cy="38" r="5" fill="none" stroke="currentColor" stroke-width="2.5" />
            <path d="M24 14v8M24 22H11v11M24 22h13v11" fill="none" stroke="currentColor" stroke-width="2.5" />
          </svg>
          <p class="state-title">${s.treeEmptyTitle}</p>
          <p>${s.treeEmptyBody}</p>
        </div>
      </div>`;
    }
    const rows = this.#rows();
    const tabStop = this.#currentKey(rows);
    return html`<div part="base">
      <ul role="tree" part="tree" aria-label=${s.treeLabel} @keydown=${this.#onKeydown}>
        ${this.#renderLevel(this.roots, 1, tabStop)}
      </ul>
      ${detailPanel({ store: this.#controller.store, people: this.#display.people, locale: this.#display.locale, strings: this.strings })}
    </div>`;
  }

  #renderLevel(nodes: readonly TreeNode[], level: number, tabStop: string | undefined): TemplateResult[] {
    return nodes.map((node, i) => this.#renderNode(node, level, i + 1, nodes.length, tabStop));
  }

  /** An objective's group: its key results first, then the objectives aligned to it (one set for posinset). */
  #renderGroup(node: TreeNode, level: number, tabStop: string | undefined): TemplateResult {
    const size = node.keyResults.length + node.children.length;
    return html`<ul role="group">
      ${node.keyResults.map((item, i) => this.#renderKeyResult(node, item, level, i + 1, size, tabStop))}
      ${node.children.map((child, i) => this.#renderNode(child, level, node.keyResults.length + i + 1, size, tabStop))}
    </ul>`;
  }

  #renderKeyResult(
    node: TreeNode,
    item: TreeKeyResult,
    level: number,
    position: number,
    size: number,
    tabStop: string | undefined,
  ): TemplateResult {
    const locale = this.#display.locale;
    const kr = item.keyResult;
    const selected = this.selectedKey === item.key;
    const id = `n-${node.session.id}-${kr.id}`;
    const percent = formatPercent(item.progress, locale);
    const owner = kr.ownerId ? personName(this.#display.people, kr.ownerId) : undefined;
    const row: TreeRow = { kind: 'keyResult', key: item.key, item, node, level, parentKey: node.key };
    return html`<li
      role="treeitem"
      id=${id}
      data-key=${item.key}
      aria-level=${level}
      aria-setsize=${size}
      aria-posinset=${position}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${item.key === tabStop ? '0' : '-1'}
      @click=${(e: MouseEvent) => this.#onClick(e, row)}
      @focus=${(e: FocusEvent) => {
        if (e.target === e.currentTarget) this.focusedKey = item.key;
      }}
    >
      <div
        class="node key-result"
        part=${selected ? 'node node-key-result node-selected' : 'node node-key-result'}
        style=${styleMap({ '--_level': String(level - 1) })}
      >
        <span class="twisty kr" aria-hidden="true"
          ><svg class="icon" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M3 12.5 6.5 8l2.5 2.5 4-5.5" /></svg
        ></span>
        <span class="node-main">
          <bdi class="node-title" id="${id}-title">${kr.title}</bdi>
          <span class="node-meta muted" id="${id}-meta">
            <span>${this.#s.keyResultLabel}</span>
            ${owner ? html`<span class="node-owner">· <bdi>${owner}</bdi></span>` : nothing}
            <span class="visually-hidden">· ${percent}</span>
          </span>
        </span>
        <span class="node-progress" aria-hidden="true">
          <span class="meter" part="progress" style=${styleMap({ '--_value': `${percentOf(item.progress)}%` })}
            ><span class="fill"></span
          ></span>
          <span class="percent">${percent}</span>
        </span>
      </div>
    </li>`;
  }

  #renderNode(
    node: TreeNode,
    level: number,
    position: number,
    size: number,
    tabStop: string | undefined,
  ): TemplateResult {
    const s = this.#s;
    const locale = this.#display.locale;
    const parent = hasChildren(node);
    const expanded = parent && !this.collapsed.has(node.key);
    const selected = this.selectedKey === node.key;
    const id = `n-${node.session.id}-${node.objective.id}`;
    const pct = percentOf(node.progress);
    const percent = formatPercent(node.progress, locale);
    const roleLabel = node.role === 'this' ? s.thisSession : node.role === 'parent' ? s.parentSession : s.childSession;
    const owner = node.objective.ownerId ? personName(this.#display.people, node.objective.ownerId) : undefined;
    return html`<li
      role="treeitem"
      id=${id}
      data-key=${node.key}
      aria-level=${level}
      aria-setsize=${size}
      aria-posinset=${position}
      aria-expanded=${parent ? String(expanded) : nothing}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${node.key === tabStop ? '0' : '-1'}
      @click=${(e: MouseEvent) => this.#onClick(e, { kind: 'objective', key: node.key, node, level, parentKey: undefined })}
      @focus=${(e: FocusEvent) => {
        if (e.target === e.currentTarget) this.focusedKey = node.key;
      }}
    >
      <div
        class="node role-${node.role}"
        part=${selected ? 'node node-selected' : 'node'}
        style=${styleMap({ '--_level': String(level - 1) })}
      >
        <span class="twisty ${parent ? (expanded ? 'open' : '') : 'leaf'}" aria-hidden="true"
          >${parent ? iconChevronEnd() : nothing}</span
        >
        <span class="node-main">
          <bdi class="node-title" id="${id}-title">${node.objective.title}</bdi>
          <span class="node-meta muted" id="${id}-meta">
            <bdi class="session-badge" part="session-badge" title=${roleLabel}>${node.session.title}</bdi>
            ${owner ? html`<span class="node-owner">· <bdi>${owner}</bdi></span>` : nothing}
            <span class="visually-hidden">· ${percent}</span>
          </span>
        </span>
        <span class="node-progress" aria-hidden="true">
          <span class="meter" part="progress" style=${styleMap({ '--_value': `${pct}%` })}><span class="fill"></span></span>
          <span class="percent">${percent}</span>
        </span>
      </div>
      ${parent && expanded ? this.#renderGroup(node, level + 1, tabStop) : nothing}
    </li>`;
  }
}

defineElement('okr-tree', OkrTree);

declare global {
  interface HTMLElementTagNameMap {
    'okr-tree': OkrTree;
  }
}
