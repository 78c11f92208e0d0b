import type { SeriesPoint, Snapshot, SnapshotRow } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant, personName } from '../format.js';
import { iconTriangleDown, iconTriangleUp } from '../icons.js';
import { formatPercent } from '../key-result-format.js';
import { personChip } from '../person.js';
import { formatPoints } from './snapshot-format.js';
import type { SnapshotView } from './snapshot-view.js';
import { sparklineSvg } from './sparkline-svg.js';
import { typeIcon } from './type-icon.js';

/**
 * One row of `<okr-snapshot>`'s table: an objective, key result or initiative as it stood
 * at the end of the week, with its owner, progress, status, change since the week before,
 * trend, latest comment and actions. Plain functions of what they are given; the element
 * keeps the state (which comments are open, the trends read so far) and the handlers.
 */

/** Height of a row, in pixels (rows are windowed, so they have a fixed height). */
export const SNAPSHOT_ROW_HEIGHT = 48;
/** Extra height of a row whose check-in comment is open. */
export const SNAPSHOT_COMMENT_HEIGHT = 80;
const SPARK_WIDTH = 72;
const SPARK_HEIGHT = 22;

/** A row's identity in the list: an initiative linked to several key results appears under each. */
export function rowKey(row: SnapshotRow): string {
  return `${row.parentId ?? ''}/${row.id}`;
}

/**
 * What a row's buttons do. One listener each for every row, not a closure per row: a
 * handler finds its row from the event (see the element's `#rowOf`).
 */
export interface RowActions {
  readonly openDetail: (event: Event) => void;
  readonly toggleComment: (event: Event) => void;
  readonly checkIn: (event: Event) => void;
}

/** What the rows of one update render from, besides each row. */
export interface RowContext {
  readonly view: SnapshotView;
  /** The snapshot shown (owner filter applied). */
  readonly snapshot: Snapshot;
  /** The rows whose comment is open, by `rowKey`. */
  readonly expanded: ReadonlySet<string>;
  /** The trend of a key result's row, once read. */
  readonly seriesOf: (row: SnapshotRow) => readonly SeriesPoint[] | undefined;
  /** Whether the actor may check in on a key result of the live session (the core's rule, `store.can`). */
  readonly mayCheckIn: (keyResultId: string) => boolean;
  readonly actions: RowActions;
}

/** A row of the table; `index` is its place among the rows shown (its `aria-rowindex` is `index + 2`). */
export function snapshotRow(rows: RowContext, row: SnapshotRow, index: number): TemplateResult {
  const { view, snapshot, actions } = rows;
  const { s, locale } = view;
  const key = rowKey(row);
  const open = rows.expanded.has(key);
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
    snapshot.live && row.type === 'keyResult' && !row.change.removed && !row.context && rows.mayCheckIn(row.id);
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
      <button type="button" class="title-link" aria-label=${s.openDetail(row.title)} @click=${actions.openDetail}>
        <bdi class="title" title=${row.title}>${row.title}</bdi>
      </button>
      ${row.stale ? html`<span class="flag stale">${s.staleBadge}</span>` : nothing}
      ${row.context ? html`<span class="visually-hidden">${s.contextHint}</span>` : nothing}
      ${open ? rowComment(view, row, commentId, snapshot.timeZone) : nothing}
    </div>
    <div role="cell" class="cell owner">${rowOwner(view, row.ownerId)}</div>
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
    <div role="cell" class="cell change">${rowChange(view, row)}</div>
    <div role="cell" class="cell trend">${row.type === 'keyResult' && !row.change.removed ? rowSparkline(view, rows.seriesOf(row), row, snapshot) : nothing}</div>
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
            @click=${actions.toggleComment}
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
            @click=${actions.checkIn}
          >
            ${s.checkIn}
          </button>`
          : nothing
      }
    </div>
  </div>`;
}

/** The owner's chip, or "Unassigned". */
function rowOwner(view: SnapshotView, ownerId: string | undefined): TemplateResult {
  if (ownerId === undefined) {
    return html`<span class="avatar none" aria-hidden="true"></span><span class="unassigned">${view.s.unassigned}</span>`;
  }
  return personChip(view.people, ownerId);
}

/** What changed since the week before: removed, new, no change, or the points moved up or down. */
function rowChange(view: SnapshotView, row: SnapshotRow): TemplateResult {
  const { s, locale } = view;
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

/** A key result's trend over the weeks, or a placeholder of its size while it is being read. */
function rowSparkline(
  view: SnapshotView,
  series: readonly SeriesPoint[] | undefined,
  row: SnapshotRow,
  snapshot: Snapshot,
): TemplateResult | typeof nothing {
  if (!series) return html`<span class="spark-placeholder" aria-hidden="true"></span>`;
  const locale = view.locale;
  return sparklineSvg(series, {
    width: SPARK_WIDTH,
    height: SPARK_HEIGHT,
    highlight: snapshot.week.key,
    status: row.status,
    label: (first, last) => view.s.trendLabel(formatPercent(first, locale), formatPercent(last, locale)),
  });
}

/** The latest check-in's comment, its author and when, under the row's title. */
function rowComment(view: SnapshotView, row: SnapshotRow, id: string, timeZone: string): TemplateResult {
  const s = view.s;
  const latest = row.latestCheckIn;
  if (!latest) return html``;
  const when = formatInstant(latest.at, view.locale, timeZone);
  return html`<div part="comment" class="comment" id=${id}>
    ${latest.comment ? html`<p class="comment-text">“<bdi>${latest.comment}</bdi>”</p>` : html`<p class="comment-text muted">${s.noComment}</p>`}
    <p class="comment-meta">— ${s.commentBy(personName(view.people, latest.author), when)}</p>
  </div>`;
}
