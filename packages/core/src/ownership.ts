import type { Session } from './journal.js';

/**
 * Who owns what an action is about: the one place the ownership rule is written. Actions
 * marked `ownersOnly` in actions.ts (check in, correct, hand over) are open to these
 * people and to admins; the command path and `store.can` both ask here.
 *
 * - a key result: its owner and the owner of its objective;
 * - an objective: its owner;
 * - an initiative: its owner and the owners of the key results it serves (and of their
 *   objectives).
 *
 * So a member hands over only what they own (or what sits under an objective they own),
 * and an item nobody owns is handed out by an admin: a member cannot claim an admin's key
 * result and then check in on it.
 */
export type OwnedItem = 'objective' | 'keyResult' | 'initiative';

export const OWNED_ITEMS = ['objective', 'keyResult', 'initiative'] as const satisfies readonly OwnedItem[];

/** What an ownership question is about. */
export type OwnershipTarget = { readonly keyResultId: string } | { readonly item: OwnedItem; readonly id: string };

/** What `store.can` is about besides the session: the owners of the item, or the item itself (then this module says whose it is). */
export type CanTarget = readonly (string | undefined)[] | OwnershipTarget;

/** The owners a permission question names: given as a list, or looked up for the item in a live session. */
export function ownersAskedAbout(
  session: Session | { readonly state: unknown } | undefined,
  about: CanTarget | undefined,
): readonly (string | undefined)[] | undefined {
  if (about === undefined || Array.isArray(about)) return about as readonly (string | undefined)[] | undefined;
  return session && 'objectives' in session ? ownersOf(session as Session, about as OwnershipTarget) : [];
}

export function ownersOf(session: Session, target: OwnershipTarget): (string | undefined)[] {
  if ('keyResultId' in target) return keyResultOwners(session, target.keyResultId);
  switch (target.item) {
    case 'objective':
      return [session.objectives.get(target.id)?.ownerId];
    case 'keyResult':
      return keyResultOwners(session, target.id);
    case 'initiative': {
      const initiative = session.initiatives.get(target.id);
      if (!initiative) return [];
      return [initiative.ownerId, ...initiative.keyResultIds.flatMap((id) => keyResultOwners(session, id))];
    }
    default:
      return [];
  }
}

function keyResultOwners(session: Session, keyResultId: string): (string | undefined)[] {
  const kr = session.keyResults.get(keyResultId);
  if (!kr) return [];
  return [kr.ownerId, session.objectives.get(kr.objectiveId)?.ownerId];
}
