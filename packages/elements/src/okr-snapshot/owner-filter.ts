import { filterByOwner, type OwnerFilter, type Snapshot, type SnapshotResult, summarize } from '@okrkit/core';
import { personName } from '../format.js';

/**
 * The owner filter of `<okr-snapshot>`: the `owner` attribute read as the core's filter,
 * the snapshot as shown under it, and the people to offer in its select. The rows
 * themselves are filtered by the core (`filterByOwner`), so that the element, the export
 * and the server agree on what "Ada's" means.
 */

/** `'all'`, `'unassigned'` or an owner id, as in the `owner` attribute, to the core's filter. */
export function ownerFilterOf(owner: string | undefined): OwnerFilter {
  if (!owner || owner === 'all') return 'all';
  if (owner === 'unassigned') return 'unassigned';
  return { ownerId: owner };
}

/** The snapshot as shown under the owner filter, with its summary of the rows left; none for a week without one. */
export function filterSnapshot(result: SnapshotResult | undefined, owner: string | undefined): Snapshot | undefined {
  if (!result?.available) return undefined;
  const filter = ownerFilterOf(owner);
  if (filter === 'all') return result;
  const rows = filterByOwner(result.rows, filter);
  // Built field by field: spreading would compute the (unfiltered) content hash.
  return {
    available: true,
    sessionId: result.sessionId,
    sessionTitle: result.sessionTitle,
    timeZone: result.timeZone,
    week: result.week,
    asOf: result.asOf,
    live: result.live,
    readOnly: result.readOnly,
    expected: result.expected,
    owner: filter,
    rows,
    summary: summarize(rows),
  };
}

/** A person the owner filter offers: an id and the name it shows. */
export interface OwnerChoice {
  readonly id: string;
  readonly name: string;
}

/**
 * The owners the filter offers: everyone who owns a row of the week, and the one filtered
 * on even if they own nothing that week, sorted by name. Remembered until the week, the
 * people, the filter or the locale change, as a session can have thousands of rows.
 */
export class OwnerChoices {
  #from: readonly unknown[] | undefined;
  /** The owners `#named` was made of: a new week of the same owners (a check-in) keeps the list. */
  #owners: ReadonlySet<string> = new Set();
  #named: readonly OwnerChoice[] = [];

  of(
    result: SnapshotResult | undefined,
    people: Readonly<Record<string, string>>,
    filter: OwnerFilter,
    locale: string,
  ): readonly OwnerChoice[] {
    const value = typeof filter === 'string' ? filter : filter.ownerId;
    const from = [result, people, value, locale];
    if (!this.#from || from.some((input, i) => input !== this.#from?.[i])) {
      const owners = new Set<string>();
      if (result?.available) for (const row of result.rows) if (row.ownerId !== undefined) owners.add(row.ownerId);
      if (typeof filter !== 'string') owners.add(filter.ownerId);
      const sameNaming = this.#from !== undefined && people === this.#from[1] && locale === this.#from[3];
      // Naming and sorting (a collator made per locale) cost more than the rows' walk.
      if (!sameNaming || !sameMembers(owners, this.#owners)) {
        const collator = collatorFor(locale);
        this.#named = [...owners]
          .map((id) => ({ id, name: personName(people, id) }))
          .sort((a, b) => collator.compare(a.name, b.name));
      }
      this.#owners = owners;
      this.#from = from;
    }
    return this.#named;
  }
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

const collators = new Map<string, Intl.Collator>();

/** A collator for `locale`, made once: making one took about a millisecond, on every check-in shown. */
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  return collator;
}
