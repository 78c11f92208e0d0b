import { html, type TemplateResult } from 'lit';
import type { OwnedItem } from '../events/okr-owner-change-event.js';
import { personName } from '../format.js';
import type { ListView } from './list-view.js';

/** "Ada Lovelace" → "AL": the avatar beside an owner, as elsewhere in okrkit. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** An item's owner: a select of the people when owners may be handed over, else the name. */
export function ownerCell(
  view: ListView,
  item: OwnedItem,
  id: string,
  title: string,
  ownerId: string | undefined,
  assign: (item: OwnedItem, id: string, ownerId: string | null) => void,
): TemplateResult {
  const { s, people } = view;
  const name = ownerId ? personName(people, ownerId) : s.unassigned;
  const avatar = html`<span class="avatar ${ownerId ? '' : 'none'}" aria-hidden="true">${ownerId ? initials(name) : '?'}</span>`;
  if (!view.can.assignOwner) {
    return html`<div class="owner" part="owner">
      ${avatar}
      <span class=${ownerId ? 'owner-name' : 'owner-name muted'}><span class="visually-hidden">${s.owner}:</span> ${name}</span>
    </div>`;
  }
  const choices = Object.entries(people);
  if (ownerId && !(ownerId in people)) choices.push([ownerId, ownerId]);
  return html`<div class="owner" part="owner">
    ${avatar}
    <select
      class="owner-select"
      data-owner=${id}
      aria-label=${s.ownerOf(title)}
      @change=${(e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        assign(item, id, value === '' ? null : value);
      }}
    >
      <option value="" ?selected=${!ownerId}>${s.unassigned}</option>
      ${choices.map(([pid, pname]) => html`<option value=${pid} ?selected=${pid === ownerId}>${pname}</option>`)}
    </select>
  </div>`;
}
