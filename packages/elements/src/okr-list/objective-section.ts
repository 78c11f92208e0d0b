import { keyResultsOf, type Objective, objectiveProgress } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { iconAdd, iconChevronDown, iconChevronEnd } from '../icons.js';
import { detailButton, editButton, moveButtons, removeButton } from './item-buttons.js';
import { keyResultRow } from './key-result-row.js';
import type { ListActions, ListView } from './list-view.js';
import { ownerCell } from './owner-cell.js';
import { progressMeter } from './progress-meter.js';

/** Whether an objective shows its key results: always (a small session), or open or closed. */
export type Disclosure = 'always' | 'open' | 'closed';

function editDescription(actions: ListActions, objective: Objective): void {
  actions.openForm({ kind: 'description', objectiveId: objective.id }, `#desc-${CSS.escape(objective.id)}`, {
    description: objective.description ?? '',
  });
}

/** The description under an objective's title, with Edit (or Add) when allowed. */
function description(view: ListView, actions: ListActions, objective: Objective): TemplateResult | typeof nothing {
  const { s, can } = view;
  if (objective.description) {
    return html`<p class="description muted">
      <span>${objective.description}</span>
      ${
        can.editObjective
          ? editButton(`desc-${objective.id}`, 'edit edit-description', s.editDescriptionOf(objective.title), () =>
              editDescription(actions, objective),
            )
          : nothing
      }
    </p>`;
  }
  if (!can.editObjective) return nothing;
  return html`<button
    id="desc-${objective.id}"
    class="button quiet small add-description"
    type="button"
    @click=${() => editDescription(actions, objective)}
  >
    ${iconAdd()} ${s.addDescription}<span class="visually-hidden">: ${objective.title}</span>
  </button>`;
}

/** The button that shows or hides the key results of an objective in a large session. */
function disclosureButton(
  view: ListView,
  actions: ListActions,
  objective: Objective,
  open: boolean,
  count: number,
): TemplateResult {
  return html`<button
    id="toggle-${objective.id}"
    class="button quiet small toggle"
    type="button"
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls=${open ? `body-${objective.id}` : nothing}
    @click=${() => actions.toggle(objective.id)}
  >
    ${open ? iconChevronDown() : iconChevronEnd()} ${view.s.keyResultCount(count)}<span class="visually-hidden">: ${objective.title}</span>
  </button>`;
}

/**
 * One objective: its header (title, description, owner, progress, move and remove) and
 * its key results with Add key result. In a large session an objective can be closed:
 * the header stays (so its title is found and its progress read), the key results are
 * not rendered until it is opened.
 */
export function objectiveSection(
  view: ListView,
  actions: ListActions,
  objective: Objective,
  index: number,
  count: number,
  disclosure: Disclosure,
): TemplateResult {
  const { s, can, session, locale } = view;
  const keyResults = keyResultsOf(session, objective.id);
  const progress = objectiveProgress(keyResults).clamped;
  const titleId = `o-${objective.id}-title`;
  if (disclosure === 'closed') {
    // A closed objective is a few elements: title, owner, progress and the button that opens it.
    // Its controls (rename, hand over, move, remove) come with it when opened.
    return html`<li class="objective closed" part="objective" id="o-${objective.id}">
      <article aria-labelledby=${titleId}>
        <header class="objective-header" part="objective-header">
          <div class="objective-title"><h3 class="title" id=${titleId} tabindex="-1">${objective.title}</h3></div>
          ${ownerCell({ ...view, can: { ...can, assignOwner: false } }, 'objective', objective.id, objective.title, objective.ownerId, actions.assign)}
          <div class="objective-progress">${progressMeter(s.progressOf(objective.title), progress, locale)}</div>
          <div class="actions">
            ${detailButton(s, { kind: 'objective', id: objective.id }, objective.title, actions.openDetail)}
            ${disclosureButton(view, actions, objective, false, keyResults.length)}
          </div>
        </header>
      </article>
    </li>`;
  }
  const canReorder = can.reorderObjectives && count > 1;
  return html`<li class="objective" part="objective" id="o-${objective.id}">
    <article
      aria-labelledby=${titleId}
      @keydown=${(e: KeyboardEvent) => actions.reorder.onObjectiveKeydown(e, objective, canReorder)}
    >
      <header class="objective-header" part="objective-header">
        <div class="objective-title">
          ${actions.titles.render('objective', objective.id, objective.title, titleId, 'h3', can.editObjective)}
          ${description(view, actions, objective)}
        </div>
        ${ownerCell(view, 'objective', objective.id, objective.title, objective.ownerId, actions.assign)}
        <div class="objective-progress">${progressMeter(s.progressOf(objective.title), progress, locale)}</div>
        <div class="actions">
          ${detailButton(s, { kind: 'objective', id: objective.id }, objective.title, actions.openDetail)}
          ${disclosure === 'always' ? nothing : disclosureButton(view, actions, objective, true, keyResults.length)}
          ${canReorder ? moveButtons(s, '', objective.id, objective.title, index, count, (by) => void actions.reorder.moveObjective(objective, by)) : nothing}
          ${can.removeObjective ? removeButton(s, { item: 'objective', id: objective.id, title: objective.title }, actions.confirmRemove) : nothing}
        </div>
      </header>
      ${body(view, actions, objective)}
    </article>
  </li>`;
}

/** The key results of an objective and Add key result. */
function body(view: ListView, actions: ListActions, objective: Objective): TemplateResult {
  const { s, can, session } = view;
  const keyResults = keyResultsOf(session, objective.id);
  return html`<div class="objective-body" id="body-${objective.id}">
    ${
      keyResults.length === 0
        ? html`<p class="kr-empty muted">${s.keyResultsEmpty}</p>`
        : html`<ul
          class="key-results ${can.reorderKeyResults ? 'reorderable' : ''}"
          aria-label=${`${s.objectivesCaption}: ${objective.title}`}>
          ${repeat(
            keyResults,
            (kr) => kr.id,
            (kr, i) => keyResultRow(view, actions, objective, kr, i, keyResults.length),
          )}
        </ul>`
    }
    ${
      can.addKeyResult
        ? html`<button
          id="add-kr-${objective.id}"
          class="button quiet add-kr"
          type="button"
          @click=${() => actions.openForm({ kind: 'keyResult', objectiveId: objective.id }, `#add-kr-${CSS.escape(objective.id)}`)}
        >
          ${iconAdd()} ${s.addKeyResult}
        </button>`
        : nothing
    }
  </div>`;
}
