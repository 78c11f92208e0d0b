import { OkrError } from './errors.js';
import type { Session } from './journal.js';
import type { CheckIn } from './model.js';

/** One check-in in a key result's history, and how it relates to corrections. */
export interface CheckInHistoryItem {
  readonly checkIn: CheckIn;
  /** Whether it counts (false once a correction supersedes it). */
  readonly counts: boolean;
  /** The correction that supersedes it. */
  readonly supersededBy?: CheckIn;
  /** For a correction: the check-in it corrects. */
  readonly corrects?: CheckIn;
}

/** A key result's check-ins, newest first (by when they count), corrections shown beside what they correct. */
export function historyOf(session: Session, keyResultId: string): CheckInHistoryItem[] {
  const kr = typeof keyResultId === 'string' ? session.keyResults.get(keyResultId) : undefined;
  if (!kr) throw new OkrError('not-found', `There is no key result ${String(keyResultId)} in this session.`);
  const all = kr.checkIns;
  const byId = new Map(all.map((c) => [c.id, c]));
  return [...all]
    .sort((a, b) => (a.effectiveAt === b.effectiveAt ? (a.at < b.at ? 1 : -1) : a.effectiveAt < b.effectiveAt ? 1 : -1))
    .map((checkIn) => {
      const supersededBy = checkIn.supersededBy === undefined ? undefined : byId.get(checkIn.supersededBy);
      const corrects = checkIn.corrects === undefined ? undefined : byId.get(checkIn.corrects);
      return {
        checkIn,
        counts: supersededBy === undefined,
        ...(supersededBy ? { supersededBy } : {}),
        ...(corrects ? { corrects } : {}),
      };
    });
}
