import { type JournalEntry, OkrError } from '@okrkit/core';

/**
 * Refuses `entries` unless they continue a journal whose head is `head` (seq `head + 1`,
 * `head + 2`, ...). The same rule as core's `checkFollows` (storage/adapter.ts), which
 * `@okrkit/core` does not export yet; the database backs it up with its primary key.
 */
export function checkFollows(id: string, head: number, entries: readonly JournalEntry[]): void {
  entries.forEach((entry, i) => {
    if (entry?.seq !== head + 1 + i) {
      throw new OkrError(
        'invalid-input',
        `Nothing was saved: the journal of ${id} takes entry ${head + 1 + i} next, not ${String(entry?.seq)}.`,
      );
    }
  });
}
