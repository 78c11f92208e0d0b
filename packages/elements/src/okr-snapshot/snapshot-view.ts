import type { OkrSnapshotStrings, OkrStrings } from '../strings.js';

/** The texts `<okr-snapshot>` renders: the shared ones and the snapshot's own. */
export type SnapshotStrings = OkrStrings & OkrSnapshotStrings;

/**
 * What the parts of `<okr-snapshot>` render from: the texts and the locale, resolved once
 * per update by the element rather than once per row, and the people's display names.
 * A plain object rather than the element, so that none of the element's state becomes
 * the parts' business or public API.
 */
export interface SnapshotView {
  readonly s: SnapshotStrings;
  readonly locale: string;
  readonly people: Readonly<Record<string, string>>;
}
