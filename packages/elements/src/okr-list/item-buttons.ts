import { html, nothing, type TemplateResult } from 'lit';
import type { DetailItem } from '../events/okr-detail-open-event.js';
import { iconDetails, iconEdit, iconRemove } from '../icons.js';
import type { OkrStrings } from '../strings.js';

/** An edit button with a pencil: `label` names what it edits, for people who cannot see the icon. */
export function editButton(id: string, className: string, label: string, onClick: () => void): TemplateResult {
  return html`<button id=${id} class="button quiet icon-button ${className}" type="button" aria-label=${label} @click=${onClick}>
    ${iconEdit()}
  </button>`;
}

/** The button that opens an item's details (`<okr-detail>`). */
export function detailButton(
  s: OkrStrings,
  item: DetailItem,
  title: string,
  onClick: (item: DetailItem) => void,
): TemplateResult {
  return html`<button
    class="button quiet icon-button details"
    type="button"
    data-detail=${item.id}
    aria-label=${s.openDetail(title)}
    title=${s.openDetail(title)}
    @click=${() => onClick(item)}
  >
    ${iconDetails()}
  </button>`;
}

/** What the remove confirmation asks about. */
export interface Removal {
  readonly item: 'objective' | 'keyResult' | 'initiative';
  readonly id: string;
  readonly title: string;
}

/** The remove button (a bin) of an objective, key result or initiative; removal asks for confirmation first. */
export function removeButton(s: OkrStrings, removal: Removal, onClick: (removal: Removal) => void): TemplateResult {
  const initiative = removal.item === 'initiative';
  return html`<button
    class="button quiet icon-button remove"
    type="button"
    data-remove=${initiative ? nothing : removal.id}
    data-remove-initiative=${initiative ? removal.id : nothing}
    aria-label=${s.removeItem(removal.title)}
    @click=${() => onClick(removal)}
  >
    ${iconRemove()}
  </button>`;
}

/** Move up / move down buttons for an objective (`idPrefix` '') or a key result ('kr-'). */
export function moveButtons(
  s: OkrStrings,
  idPrefix: string,
  id: string,
  title: string,
  index: number,
  count: number,
  move: (by: -1 | 1) => void,
): TemplateResult {
  // The arrows are text on purpose: ↑ and ↓ are in every font, unlike 🗑 and ✎.
  return html`<button
      id="${idPrefix}up-${id}"
      class="button quiet icon-button"
      type="button"
      aria-label=${s.moveUp(title)}
      aria-keyshortcuts="Alt+ArrowUp"
      ?disabled=${index === 0}
      @click=${() => move(-1)}
    >
      <span aria-hidden="true">↑</span>
    </button>
    <button
      id="${idPrefix}down-${id}"
      class="button quiet icon-button"
      type="button"
      aria-label=${s.moveDown(title)}
      aria-keyshortcuts="Alt+ArrowDown"
      ?disabled=${index === count - 1}
      @click=${() => move(1)}
    >
      <span aria-hidden="true">↓</span>
    </button>`;
}
