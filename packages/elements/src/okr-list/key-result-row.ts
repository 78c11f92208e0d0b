import { type KeyResult, keyResultProgress, keyResultStatus, type Objective } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, formatTarget, formatValue } from '../key-result-format.js';
import { detailButton, moveButtons, removeButton } from './item-buttons.js';
import type { ListActions, ListView } from './list-view.js';
import { ownerCell } from './owner-cell.js';
import { progressMeter } from './progress-meter.js';

/** Opens the target form of `kr`, filled with its numbers, unit and weight. */
function editTarget(actions: ListActions, kr: KeyResult): void {
  const text = (n: number | undefined) => (n === undefined ? '' : String(n));
  actions.openForm(
    { kind: 'target', keyResultId: kr.id },
    `#target-${CSS.escape(kr.id)}`,
    {
      kind: kr.kind,
      start: text(kr.start),
      target: text(kr.target),
      threshold: text(kr.threshold),
      unit: kr.unit ?? '',
      weight: String(kr.weight),
    },
    kr.milestones ?? [''],
  );
}

/**
 * One key result: title and target, progress, latest value, status, owner, and the
 * actions the actor may take (check in, move, remove). Mixed-direction text such as a
 * target ("0 → 1,200 k€") is isolated, so right-to-left pages do not reorder it.
 */
export function keyResultRow(
  view: ListView,
  actions: ListActions,
  objective: Objective,
  kr: KeyResult,
  index: number,
  count: number,
): TemplateResult {
  const { s, locale, can, session } = view;
  const progress = keyResultProgress(kr).clamped;
  const showStatus = kr.latest !== undefined || session.state !== 'open';
  const status = showStatus ? keyResultStatus(kr, session, view.now) : undefined;
  const canEditTarget = can.retargetKeyResult || can.editKeyResult;
  const canReorder = can.reorderKeyResults && count > 1;
  const titleId = `k-${kr.id}-title`;
  return html`<li
    class="key-result"
    part="key-result"
    id="k-${kr.id}"
    @keydown=${(e: KeyboardEvent) => actions.reorder.onKeyResultKeydown(e, kr, canReorder, can.reorderKeyResults)}
  >
    <div class="kr-title">
      ${actions.titles.render('keyResult', kr.id, kr.title, titleId, 'span', can.editKeyResult)}
      <span class="muted kr-target">
        <span>${s.target}: <bdi>${formatTarget(kr, s, locale)}</bdi></span>
        ${kr.weight === 1 ? nothing : html`<span class="kr-weight">${s.weightOf(formatNumber(kr.weight, locale))}</span>`}
        ${
          canEditTarget
            ? html`<button
              id="target-${kr.id}"
              class="button quiet small edit-target"
              part="edit-target"
              type="button"
              @click=${() => editTarget(actions, kr)}
            >
              ${s.editTarget}<span class="visually-hidden">: ${kr.title}</span>
            </button>`
            : nothing
        }
      </span>
    </div>
    <div class="kr-progress">${progressMeter(s.progressOf(kr.title), progress, locale, status)}</div>
    <div class="kr-latest">
      <span class="visually-hidden">${s.latest}:</span>
      <bdi class=${kr.latest ? 'value' : 'value muted'}>${formatValue(kr, kr.latest?.value, s, locale)}</bdi>
    </div>
    <div class="kr-status">
      ${status ? html`<span class="status ${status}" part="status">${s.statuses[status]}</span>` : nothing}
    </div>
    ${ownerCell(view, 'keyResult', kr.id, kr.title, kr.ownerId, actions.assign)}
    <div class="actions">
      ${detailButton(s, { kind: 'keyResult', id: kr.id }, kr.title, actions.openDetail)}
      ${
        can.checkIn(kr, objective)
          ? html`<button
            class="button check-in"
            part="check-in-button"
            type="button"
            data-check-in=${kr.id}
            aria-label=${s.checkInOn(kr.title)}
            @click=${() => actions.openCheckIn(kr)}
          >
            ${s.checkInAction}
          </button>`
          : nothing
      }
      ${canReorder ? moveButtons(s, 'kr-', kr.id, kr.title, index, count, (by) => void actions.reorder.moveKeyResult(kr, by)) : nothing}
      ${can.removeKeyResult ? removeButton(s, { item: 'keyResult', id: kr.id, title: kr.title }, actions.confirmRemove) : nothing}
    </div>
  </li>`;
}
