import type { Initiative } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { iconAdd } from '../icons.js';
import { detailButton, editButton, removeButton } from './item-buttons.js';
import type { ListActions, ListView } from './list-view.js';
import { ownerCell } from './owner-cell.js';

function editInitiative(actions: ListActions, initiative: Initiative): void {
  actions.openForm(
    { kind: 'editInitiative', initiativeId: initiative.id },
    `#edit-initiative-${CSS.escape(initiative.id)}`,
    { title: initiative.title, link: initiative.link ?? '', status: initiative.status },
    [''],
    initiative.keyResultIds,
  );
}

function initiativeRow(view: ListView, actions: ListActions, initiative: Initiative): TemplateResult {
  const { s, can, session } = view;
  const linked = initiative.keyResultIds
    .map((id) => session.keyResults.get(id)?.title)
    .filter((t): t is string => t !== undefined);
  return html`<li class="initiative" part="initiative" id="i-${initiative.id}">
    <div class="initiative-main">
      <span class="title" id="i-${initiative.id}-title" tabindex="-1">${initiative.title}</span>
      <span class="muted linked">${s.linkedTo}: ${linked.join(', ')}</span>
    </div>
    <span class="badge initiative-${initiative.status}">${s.initiativeStatuses[initiative.status]}</span>
    <span class="initiative-link">
      ${
        initiative.link
          ? html`<a class="link" href=${initiative.link} target="_blank" rel="noopener noreferrer"
            >${s.openLink}<span class="visually-hidden">: ${initiative.title}</span></a
          >`
          : nothing
      }
    </span>
    ${ownerCell(view, 'initiative', initiative.id, initiative.title, initiative.ownerId, actions.assign)}
    <div class="actions">
      ${detailButton(s, { kind: 'initiative', id: initiative.id }, initiative.title, actions.openDetail)}
      ${
        can.editInitiative
          ? editButton(
              `edit-initiative-${initiative.id}`,
              'initiative-edit',
              s.editInitiativeOf(initiative.title),
              () => editInitiative(actions, initiative),
            )
          : nothing
      }
          ${
            can.removeInitiative
              ? removeButton(
                  s,
                  { item: 'initiative', id: initiative.id, title: initiative.title },
                  actions.confirmRemove,
                )
              : nothing
          }
    </div>
  </li>`;
}

/**
 * The session's initiatives, each with what it is for, its status, link and owner; Add
 * initiative when allowed. `shown` is how many are rendered yet (a large session renders in steps).
 */
export function initiativesSection(
  view: ListView,
  actions: ListActions,
  canAdd: boolean,
  shown: number,
): TemplateResult {
  const s = view.s;
  const all = [...view.session.initiatives.values()];
  const list = all.slice(0, shown);
  return html`<section class="initiatives" part="initiatives" aria-labelledby="initiatives-title">
    <div class="section-header">
      <h3 id="initiatives-title">${s.initiatives}</h3>
      <span class="spacer"></span>
      ${
        canAdd
          ? html`<button
            id="add-initiative"
            class="button"
            type="button"
            @click=${() => actions.openForm({ kind: 'initiative' }, '#add-initiative')}
          >
            ${iconAdd()} ${s.addInitiative}
          </button>`
          : nothing
      }
    </div>
    ${
      all.length === 0
        ? html`<p class="muted">${s.initiativesEmpty}</p>`
        : html`<ul class="initiative-list">
          ${repeat(
            list,
            (i) => i.id,
            (i) => initiativeRow(view, actions, i),
          )}
        </ul>`
    }
  </section>`;
}
