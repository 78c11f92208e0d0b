import type { SnapshotRow } from '@okrkit/core';
import { html, type TemplateResult } from 'lit';

/** The icon of a row's kind: a target for an objective, a rising line for a key result, an arrow for an initiative. */
export function typeIcon(type: SnapshotRow['type']): TemplateResult {
  if (type === 'objective') {
    return html`<svg class="type-icon objective" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="8" cy="8" r="2.5" fill="currentColor"/></svg>`;
  }
  if (type === 'keyResult') {
    return html`<svg class="type-icon key-result" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M3 12.5 6.5 8l2.5 2.5 4-5.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
  }
  return html`<svg class="type-icon initiative" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M4 3v5a2 2 0 0 0 2 2h6m-2.5-2.5L12 10l-2.5 2.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}
