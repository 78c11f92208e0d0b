import {
  keyResultsOf,
  type Objective,
  type OkrError,
  type OkrStore,
  objectiveProgress,
  objectivesOf,
  type Session,
} from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { OkrObjectiveSelectEvent } from '../events/okr-objective-select-event.js';
import { localeOf, personName } from '../format.js';
import { iconChevronEnd, iconStyles } from '../icons.js';
import { formatPercent, percentOf } from '../key-result-format.js';
import { items } from '../okr-items.styles.js';
import { states } from '../states.styles.js';
import { StoreController } from '../store-controller.js';
import { type OkrStrings, resolveStrings } from '../strings.js';
import { theme } from '../theme.styles.js';
import { styles } from './okr-tree.styles.js';

/** Where a session sits relative to the one the tree is about. */
type SessionRole = 'parent' | 'this' | 'child';
const ROLE_ORDER: Readonly<Record<SessionRole, number>> = { parent: 0, this: 1, child: 2 };

/** One objective in the cascade, with the objectives aligned to it. */
export interface TreeNode {
  /** `sessionId/objectiveId`: unique across the sessions shown. */
  readonly key: string;
  readonly session: Session;
  readonly role: SessionRole;
  readonly objective: Objective;
  /** 0..1, the objective's progress. */
  readonly progress: number;
  readonly children: TreeNode[];
}

/** Visible rows, in document order, with what the tree pattern needs to announce them. */
interface Row {
  readonly node: TreeNode;
  readonly level: number;
  readonly parentKey: string | undefined;
}

const TYPE_AHEAD_MS = 500;

/** The cascade of objectives: each aligned to its parent objective, across the sessions given. */
export function buildTree(sessions: readonly { session: Session; role: SessionRole }[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const { session, role } of sessions) {
    for (const objective of objectivesOf(session)) {
      const key = `${session.id}/${objective.id}`;
      const progress = objectiveProgress(keyResultsOf(session, objective.id)).clamped;
      nodes.set(key, { key, session, role, objective, progress, children: [] });
    }
  }
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const to = node.objective.alignedTo;
    const parent = to ? nodes.get(`${to.sessionId}/${to.objectiveId}`) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const byPlace = (a: TreeNode, b: TreeNode) =>
    ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
    a.session.number - b.session.number ||
    a.objective.order - b.objective.order;
  const sort = (list: TreeNode[]) => {
    list.sort(byPlace);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/**
 * The cascade of objectives as an expandable tree: the objectives of a session, of its
 * parent session and of its child sessions, each under the objective it aligns to, with
 * progress on every node. Follows the WAI-ARIA tree pattern: one tab stop, arrow keys,
 * Home and End, type-ahead by first letters, Enter selects.
 *
 * @summary How objectives align across a session, its parent and its children, as a tree.
 *
 * @event okr-objective-select - A person chose an objective (Enter or click). `OkrObjectiveSelectEvent`, `.sessionId`, `.objective`.
 * @event okr-error - Loading failed. `.detail` is the `OkrError`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart tree - The tree.
 * @csspart node - Each objective's row (the selected one also `node-selected`).
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
  declare people: Readonly<Record<string, string>>;

  /** BCP 47 locale for numbers; default the nearest `lang` attribute, else the browser's. */
  declare locale: string | undefined;

  /** Texts to replace, merged over the English defaults (see `OkrStrings`). */
  declare strings: Partial<OkrStrings> | undefined;

  constructor() {
    super();
    this.roots = [];
    this.status = 'loading';
    this.collapsed = new Set();
    this.sessionId = '';
    this.people = {};
  }

  // Any change may matter: a new child session, or an objective aligned from elsewhere.
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

  #rows(): Row[] {
    const rows: Row[] = [];
    const walk = (nodes: readonly TreeNode[], level: number, parentKey: string | undefined) => {
      for (const node of nodes) {
        rows.push({ node, level, parentKey });
        if (node.children.length > 0 && !this.collapsed.has(node.key)) walk(node.children, level + 1, node.key);
      }
    };
    walk(this.roots, 1, undefined);
    return rows;
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

  #select(node: TreeNode): void {
    this.selectedKey = node.key;
    this.dispatchEvent(new OkrObjectiveSelectEvent(node.session.id, node.objective));
  }

  #onClick(event: MouseEvent, node: TreeNode): void {
    event.stopPropagation();
    const onTwisty = (event.target as Element).closest('.twisty');
    if (onTwisty && node.children.length > 0) this.#toggle(node.key, this.collapsed.has(node.key));
    else this.#select(node);
    void this.#focus(node.key);
  }

  #onKeydown(event: KeyboardEvent): void {
    const rows = this.#rows();
    const index = rows.findIndex((r) => r.node.key === this.#currentKey(rows));
    const row = rows[index];
    if (!row) return;
    const { node } = row;
    const hasChildren = node.children.length > 0;
    const expanded = hasChildren && !this.collapsed.has(node.key);
    const go = (i: number) => {
      const target = rows[i];
      if (target) void this.#focus(target.node.key);
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
        if (hasChildren && !expanded) this.#toggle(node.key, true);
        else if (expanded) go(index + 1);
        break;
      case 'ArrowLeft':
        if (expanded) this.#toggle(node.key, false);
        else if (row.parentKey) void this.#focus(row.parentKey);
        break;
      case 'Enter':
      case ' ':
        this.#select(node);
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
  #typeAhead(char: string, rows: readonly Row[], index: number): void {
    const now = Date.now();
    this.#typed = now - this.#typedAt > TYPE_AHEAD_MS ? char : this.#typed + char;
    this.#typedAt = now;
    const typed = this.#typed.toLocaleLowerCase();
    // A new search starts after the focused node; a longer one may match the focused node itself.
    const start = this.#typed.length === 1 ? index + 1 : index;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[(start + i) % rows.length];
      if (row?.node.objective.title.toLocaleLowerCase().startsWith(typed)) {
        void this.#focus(row.node.key);
        return;
      }
    }
  }

  #currentKey(rows: readonly Row[]): string | undefined {
    const key = this.focusedKey;
    return key && rows.some((r) => r.node.key === key) ? key : rows[0]?.node.key;
  }

  // ---- render ------------------------------------------------------------------------

  get #s(): OkrStrings {
    return resolveStrings(this.strings);
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
    </div>`;
  }

  #renderLevel(nodes: readonly TreeNode[], level: number, tabStop: string | undefined): TemplateResult[] {
    return nodes.map((node, i) => this.#renderNode(node, level, i + 1, nodes.length, tabStop));
  }

  #renderNode(
    node: TreeNode,
    level: number,
    position: number,
    size: number,
    tabStop: string | undefined,
  ): TemplateResult {
    const s = this.#s;
    const locale = localeOf(this, this.locale);
    const hasChildren = node.children.length > 0;
    const expanded = hasChildren && !this.collapsed.has(node.key);
    const selected = this.selectedKey === node.key;
    const id = `n-${node.session.id}-${node.objective.id}`;
    const pct = percentOf(node.progress);
    const percent = formatPercent(node.progress, locale);
    const roleLabel = node.role === 'this' ? s.thisSession : node.role === 'parent' ? s.parentSession : s.childSession;
    const owner = node.objective.ownerId ? personName(this.people, node.objective.ownerId) : undefined;
    return html`<li
      role="treeitem"
      id=${id}
      data-key=${node.key}
      aria-level=${level}
      aria-setsize=${size}
      aria-posinset=${position}
      aria-expanded=${hasChildren ? String(expanded) : nothing}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${node.key === tabStop ? '0' : '-1'}
      @click=${(e: MouseEvent) => this.#onClick(e, node)}
      @focus=${(e: FocusEvent) => {
        if (e.target === e.currentTarget) this.focusedKey = node.key;
      }}
    >
      <div
        class="node role-${node.role}"
        part=${selected ? 'node node-selected' : 'node'}
        style=${styleMap({ '--_level': String(level - 1) })}
      >
        <span class="twisty ${hasChildren ? (expanded ? 'open' : '') : 'leaf'}" aria-hidden="true"
          >${hasChildren ? iconChevronEnd() : nothing}</span
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
      ${
        hasChildren && expanded
          ? html`<ul role="group">${this.#renderLevel(node.children, level + 1, tabStop)}</ul>`
          : nothing
      }
    </li>`;
  }
}

customElements.define('okr-tree', OkrTree);

declare global {
  interface HTMLElementTagNameMap {
    'okr-tree': OkrTree;
  }
}
