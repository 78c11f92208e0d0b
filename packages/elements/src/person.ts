import { html, type TemplateResult } from 'lit';
import { personName } from './format.js';

/** "AL" for "Ada Lovelace", "CY" for "cy": the letters in a person's avatar. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[parts.length - 1]?.[0] ?? ''}` : name.slice(0, 2);
  return letters.toUpperCase();
}

/** A stable hue per person, so that someone's avatar has the same colour on every screen. */
export function hueOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 360;
  return h;
}

/**
 * A person as every element shows them: an initials avatar (decorative, hidden from
 * assistive technology) and the full name, isolated so that a name in another script
 * does not reorder the text around it. Needs `personStyles`.
 */
export function personChip(people: Readonly<Record<string, string>>, id: string): TemplateResult {
  const name = personName(people, id);
  return html`<span class="person"
    ><span class="person-avatar" aria-hidden="true" style="--hue: ${hueOf(id)}">${initials(name)}</span
    ><bdi class="person-name" title=${name}>${name}</bdi></span
  >`;
}

export { personStyles } from './person.styles.js';
