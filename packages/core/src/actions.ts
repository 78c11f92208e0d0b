/**
 * Everything an actor can try to do, as one list. The lifecycle table (what each state
 * allows) and the permission policy (what each role may do) are both keyed by these.
 */
export const ACTIONS = [
  'session.view',
  'session.create',
  'session.edit',
  'session.editAccess',
  'session.delete',
  'session.start',
  'session.close',
  'session.reopen',
  'session.unlock',
  'objective.add',
  'objective.edit',
  'objective.remove',
  'objective.reorder',
  'keyResult.add',
  'keyResult.edit',
  'keyResult.retarget',
  'keyResult.remove',
  'keyResult.reorder',
  'owner.assign',
  'initiative.add',
  'initiative.edit',
  'initiative.remove',
  'checkIn.add',
  'checkIn.correct',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The lifecycle transitions, each an action of its own. */
export const TRANSITIONS = ['start', 'close', 'reopen', 'unlock'] as const;
export type Transition = (typeof TRANSITIONS)[number];
