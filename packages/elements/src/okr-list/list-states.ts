import type { OkrError } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { OkrStrings } from '../strings.js';
import { addObjectiveButton } from './list-toolbar.js';

/** The states of the list before there are objectives to show: no session, loading, an error, none yet. */

export function noSessionState(s: OkrStrings): TemplateResult {
  return html`<div part="base"><div part="empty" class="state"><p>${s.noSession}</p></div></div>`;
}

export function loadingState(s: OkrStrings): TemplateResult {
  return html`<div part="base">
    <div part="loading" class="state loading-state" role="status">
      <span class="spinner" aria-hidden="true"></span><span>${s.loadingObjectives}</span>
    </div>
  </div>`;
}

export function errorState(s: OkrStrings, error: OkrError | undefined, retry: () => void): TemplateResult {
  return html`<div part="base">
    <div part="error" class="state error-state" role="alert">
      <p class="state-title">${s.objectivesLoadError}</p>
      <p>${error?.message}</p>
      <button id="retry" class="button" type="button" @click=${retry}>${s.retry}</button>
    </div>
  </div>`;
}

/** The session has no objectives yet: what they are for, and Add objective when allowed. */
export function emptyList(s: OkrStrings, canAdd: boolean, onAdd: () => void): TemplateResult {
  return html`<div part="empty" class="state">
    <slot name="empty">
      <svg class="empty-art" aria-hidden="true" viewBox="0 0 48 48" width="48" height="48">
        <circle cx="24" cy="24" r="18" fill="none" stroke="currentColor" stroke-width="2.5" />
        <circle cx="24" cy="24" r="10" fill="none" stroke="currentColor" stroke-width="2.5" />
        <circle cx="24" cy="24" r="3" fill="currentColor" />
      </svg>
      <p class="state-title">${s.objectivesEmptyTitle}</p>
      <p>${canAdd ? s.objectivesEmptyBody : s.objectivesEmptyBodyReadOnly}</p>
    </slot>
    ${canAdd ? addObjectiveButton(s, onAdd) : nothing}
  </div>`;
}
