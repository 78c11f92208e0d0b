import type { Role, SessionState } from './model.js';

/**
 * Everything an actor can try to do, one row each: who may (roles), when (the lifecycle
 * states that allow it), whether only the owners of the item may (besides admins), and
 * the words for messages. The permission policy (`decide`) and the lifecycle read this
 * one table, and so do the elements through `store.can`: the UI never offers what the
 * core would refuse.
 */
export interface ActionRule {
  readonly roles: readonly Role[];
  readonly states: readonly SessionState[];
  /** Only the owners of the item acted on (see ownership.ts), or an admin. */
  readonly ownersOnly?: true;
  /** "A member may not <words>." */
  readonly words: string;
}

const ALL = ['admin', 'member', 'viewer'] as const;
const STAFF = ['admin', 'member'] as const;
const ADMIN = ['admin'] as const;
const PLANNING = ['open'] as const;
const LIVE = ['open', 'in_progress'] as const;

export const ACTION_RULES = {
  'session.view': { roles: ALL, states: ['open', 'in_progress', 'archived'], words: 'view this session' },
  'session.create': { roles: ADMIN, states: [], words: 'create sessions' },
  'session.edit': { roles: ADMIN, states: LIVE, words: 'edit the session details' },
  'session.editAccess': { roles: ADMIN, states: LIVE, words: "change the session's access" },
  'session.delete': { roles: ADMIN, states: PLANNING, words: 'delete sessions' },
  'session.start': { roles: ADMIN, states: PLANNING, words: 'start the session' },
  'session.close': { roles: ADMIN, states: LIVE, words: 'close the session' },
  'session.reopen': { roles: ADMIN, states: ['archived'], words: 'reopen the session' },
  'session.unlock': { roles: ADMIN, states: ['in_progress'], words: 'unlock the session for planning' },
  'objective.add': { roles: STAFF, states: PLANNING, words: 'add objectives' },
  'objective.edit': { roles: STAFF, states: PLANNING, words: 'edit objectives' },
  'objective.remove': { roles: STAFF, states: PLANNING, words: 'remove objectives' },
  'objective.reorder': { roles: STAFF, states: PLANNING, words: 'reorder objectives' },
  'keyResult.add': { roles: STAFF, states: PLANNING, words: 'add key results' },
  'keyResult.edit': { roles: STAFF, states: PLANNING, words: 'edit key results' },
  'keyResult.retarget': { roles: STAFF, states: PLANNING, words: 'change targets' },
  'keyResult.remove': { roles: STAFF, states: PLANNING, words: 'remove key results' },
  'keyResult.reorder': { roles: STAFF, states: PLANNING, words: 'reorder key results' },
  'owner.assign': { roles: STAFF, states: LIVE, ownersOnly: true, words: 'hand over ownership of this item' },
  'initiative.add': { roles: STAFF, states: LIVE, words: 'add initiatives' },
  'initiative.edit': { roles: STAFF, states: LIVE, words: 'edit initiatives' },
  'initiative.remove': { roles: STAFF, states: LIVE, words: 'remove initiatives' },
  'checkIn.add': { roles: STAFF, states: LIVE, ownersOnly: true, words: 'check in' },
  'checkIn.correct': { roles: STAFF, states: LIVE, ownersOnly: true, words: 'correct check-ins' },
} as const satisfies Readonly<Record<string, ActionRule>>;

export type Action = keyof typeof ACTION_RULES;

export const ACTIONS = Object.keys(ACTION_RULES) as readonly Action[];

/** The rule of `action`, or undefined for anything that is not an action (`'__proto__'` included). */
export function ruleOf(action: unknown): ActionRule | undefined {
  return typeof action === 'string' && Object.hasOwn(ACTION_RULES, action) ? ACTION_RULES[action as Action] : undefined;
}

/** The lifecycle transitions, each an action of its own. */
export const TRANSITIONS = ['start', 'close', 'reopen', 'unlock'] as const;
export type Transition = (typeof TRANSITIONS)[number];
