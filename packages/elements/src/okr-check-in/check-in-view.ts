import type { OkrStrings } from '../strings.js';

/**
 * What the parts of `<okr-check-in>` render from: the texts and the locale, resolved once
 * per update by the element, and the people's display names. A plain object rather than
 * the element, so that none of the element's state becomes the parts' business or public API.
 */
export interface CheckInView {
  readonly s: OkrStrings;
  readonly locale: string;
  readonly people: Readonly<Record<string, string>>;
}
