import type { Snapshot } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { iconTriangleDown, iconTriangleUp } from '../icons.js';
import { formatPercent } from '../key-result-format.js';
import { formatPoints } from './snapshot-format.js';
import type { SnapshotView } from './snapshot-view.js';

/**
 * The strip above `<okr-snapshot>`'s table: how many items are on track, at risk, off
 * track, stale and unassigned, the mean progress, and what moved most since the week
 * before. It reads the summary the core computed for the rows shown, so that it always
 * agrees with the table under the owner filter.
 */
export function snapshotSummary(view: SnapshotView, snapshot: Snapshot): TemplateResult {
  const { s, locale } = view;
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
