import { html, nothing, type TemplateResult } from 'lit';
import { iconAdd } from '../icons.js';
import type { OkrStrings } from '../strings.js';
import type { ListView } from './list-view.js';

/** The bar above the objectives: where the session is in its lifecycle (or that it is read only), and Add objective. */
export function listToolbar(view: ListView, count: number, onAdd: () => void): TemplateResult {
  const { s, session, can } = view;
  const notice =
    session.state === 'archived'
      ? html`<p class="notice">${s.archivedNotice}</p>`
      : !can.editsAnything
        ? html`<p class="notice">${s.readOnlyOkrs}</p>`
        : html`<p class="lifecycle">
          <span class="badge state-${session.state}">${s.states[session.state]}</span>
          <span class="muted">${session.state === 'open' ? s.planningNotice : s.trackingNotice}</span>
        </p>`;
  return html`<div part="toolbar" class="toolbar">
    ${notice}
    <span class="spacer"></span>
    ${can.addObjective && count > 0 ? addObjectiveButton(s, onAdd) : nothing}
    <slot name="toolbar-end"></slot>
  </div>`;
}

/** The "+ Add objective" button: in the toolbar, or in the empty state when there is none yet. */
export function addObjectiveButton(s: OkrStrings, onAdd: () => void): TemplateResult {
  return html`<button id="add-objective" part="add-objective" class="button primary" type="button" @click=${onAdd}>
    ${iconAdd()} ${s.addObjective}
  </button>`;
}
