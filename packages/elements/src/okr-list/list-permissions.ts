import type { KeyResult, Objective, OkrStore, Session } from '@okrkit/core';

/**
 * What the actor may do in the session, asked of the store once per render rather than
 * once per row: a list of 3,000 key results asked the same questions 3,000 times.
 * The answers come from the same tables the core enforces (`store.can`).
 */
export interface ListPermissions {
  readonly addObjective: boolean;
  readonly editObjective: boolean;
  readonly removeObjective: boolean;
  readonly reorderObjectives: boolean;
  readonly addKeyResult: boolean;
  readonly editKeyResult: boolean;
  readonly retargetKeyResult: boolean;
  readonly removeKeyResult: boolean;
  readonly reorderKeyResults: boolean;
  readonly assignOwner: boolean;
  readonly addInitiative: boolean;
  readonly editInitiative: boolean;
  readonly removeInitiative: boolean;
  /** Whether anything at all can be changed (else the list says it is read only). */
  readonly editsAnything: boolean;
  /** Check-ins depend on who owns the key result and its objective. */
  checkIn(keyResult: KeyResult, objective: Objective): boolean;
}

export function listPermissions(store: OkrStore, session: Session): ListPermissions {
  const can = (action: Parameters<OkrStore['can']>[0]) => store.can(action, session);
  const addObjective = can('objective.add');
  const editObjective = can('objective.edit');
  const assignOwner = can('owner.assign');
  const addInitiative = can('initiative.add');
  return {
    addObjective,
    editObjective,
    removeObjective: can('objective.remove'),
    reorderObjectives: can('objective.reorder'),
    addKeyResult: can('keyResult.add'),
    editKeyResult: can('keyResult.edit'),
    retargetKeyResult: can('keyResult.retarget'),
    removeKeyResult: can('keyResult.remove'),
    reorderKeyResults: can('keyResult.reorder'),
    assignOwner,
    addInitiative,
    editInitiative: can('initiative.edit'),
    removeInitiative: can('initiative.remove'),
    editsAnything: addObjective || editObjective || assignOwner || addInitiative,
    checkIn: (keyResult, objective) => store.can('checkIn.add', session, [keyResult.ownerId, objective.ownerId]),
  };
}
