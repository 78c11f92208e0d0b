import type { CheckIn } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant } from './format.js';
import type { OkrStrings } from './strings.js';

/**
 * " · written 8 Jan 2027, 17:40" after a check-in's recorded time, when it reached the store
 * late (written offline and synced later): the author's own time, with a tooltip saying the
 * check-in still counts in the week it was recorded. Nothing for every other check-in.
 */
export function writtenAtNote(
  checkIn: Pick<CheckIn, 'writtenAt'>,
  s: Pick<OkrStrings, 'writtenAt' | 'writtenAtHint'>,
  locale: string,
  timeZone: string,
): TemplateResult | typeof nothing {
  const written = checkIn.writtenAt;
  if (!written) return nothing;
  return html` ·
    <span class="written-at" title=${s.writtenAtHint}
      ><time datetime=${written}>${s.writtenAt(formatInstant(written, locale, timeZone))}</time></span
    >`;
}
