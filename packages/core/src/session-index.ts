import type { Session } from './journal.js';
import type { Initiative, KeyResult, Objective } from './model.js';

/**
 * Lookups over one session state: the tree in order, and where each owner's items are.
 * A state never changes once folded (a change makes a new state), so its index is built
 * the first time it is asked for and kept with the state: for a checkpoint, every week
 * that starts or ends there reads the same index. Like checkpoints, a cache.
 */
export interface SessionIndex {
  /** Objectives in order. */
  readonly objectives: readonly Objective[];
  /** Key results of each objective, in order. */
  readonly keyResultsOf: ReadonlyMap<string, readonly KeyResult[]>;
  /** Initiatives linked to each key result. */
  readonly initiativesOf: ReadonlyMap<string, readonly Initiative[]>;
  /** The objectives holding an item (objective, key result or initiative) of each owner; `undefined`: no owner. */
  readonly objectivesByOwner: ReadonlyMap<string | undefined, ReadonlySet<string>>;
}

/** An empty list to read when there is none (shared, frozen). */
export const NONE: readonly never[] = Object.freeze([]);
const indexes = new WeakMap<Session, SessionIndex>();

export function indexOf(session: Session): SessionIndex {
  let index = indexes.get(session);
  if (!index) {
    index = build(session);
    indexes.set(session, index);
  }
  return index;
}

/** Key results of an objective, in order (from the state's index). */
export function keyResultsIn(session: Session, objectiveId: string): readonly KeyResult[] {
  return indexOf(session).keyResultsOf.get(objectiveId) ?? NONE;
}

function build(session: Session): SessionIndex {
  const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
  const objectives = [...session.objectives.values()].sort(byOrder);
  const keyResultsOf = new Map<string, KeyResult[]>();
  const objectivesByOwner = new Map<string | undefined, Set<string>>();
  const own = (ownerId: string | undefined, objectiveId: string) => {
    const set = objectivesByOwner.get(ownerId);
    if (set) set.add(objectiveId);
    else objectivesByOwner.set(ownerId, new Set([objectiveId]));
  };
  for (const objective of objectives) own(objective.ownerId, objective.id);
  for (const kr of session.keyResults.values()) {
    const list = keyResultsOf.get(kr.objectiveId);
    if (list) list.push(kr);
    else keyResultsOf.set(kr.objectiveId, [kr]);
    own(kr.ownerId, kr.objectiveId);
  }
  for (const list of keyResultsOf.values()) {
    // Usually already in order (added in order, rarely reordered): sort only when not.
    for (let i = 1; i < list.length; i++) {
      if ((list[i - 1] as KeyResult).order > (list[i] as KeyResult).order) {
        list.sort(byOrder);
        break;
      }
    }
  }
  const initiativesOf = new Map<string, Initiative[]>();
  for (const initiative of session.initiatives.values()) {
    for (const krId of initiative.keyResultIds) {
      const list = initiativesOf.get(krId);
      if (list) list.push(initiative);
      else initiativesOf.set(krId, [initiative]);
      const kr = session.keyResults.get(krId);
      if (kr) own(initiative.ownerId, kr.objectiveId);
    }
  }
  return { objectives, keyResultsOf, initiativesOf, objectivesByOwner };
}
