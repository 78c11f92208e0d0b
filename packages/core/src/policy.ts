import { ACTIONS, type Action } from './actions.js';
import { isRole } from './actor.js';
import { isAction, isSessionState, STATE_ALLOWS, STATE_LABELS } from './lifecycle.js';
import type { Access, Actor, Audience, Role, SessionState } from './model.js';

/**
 * Who may do what. Deny by default: an action a role's row does not list is refused.
 * `can()` is the one question the UI asks and the same check every command makes.
 */
export const ROLE_ALLOWS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  admin: new Set<Action>(ACTIONS),
  member: new Set<Action>([
    'session.view',
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
  ]),
  viewer: new Set<Action>(['session.view']),
};

/** Actions that only the owners of the key result (or of its objective) may take, besides admins. */
const OWNER_ONLY: ReadonlySet<Action> = new Set<Action>(['checkIn.add', 'checkIn.correct']);

/** What a permission question is about. Omit the session for `session.create`. */
export interface PermissionTarget {
  readonly session?: { readonly state: SessionState; readonly access: Access };
  /** Owners of the item acted on, for check-ins: the key result's and its objective's. */
  readonly owners?: readonly (string | undefined)[];
}

export interface Decision {
  readonly allowed: boolean;
  /** Why not: `not-allowed` (the actor) or `locked` (the session's state). */
  readonly code?: 'not-allowed' | 'locked';
  readonly reason: string;
}

const ALLOWED: Decision = Object.freeze({ allowed: true, reason: 'Allowed.' });

/** Whether `actor` is in `audience`. Anything malformed (a team list that is not a list) is outside it. */
export function inAudience(actor: Actor, audience: Audience): boolean {
  if (audience?.everyone === true) return true;
  if (audience?.everyone !== false || !Array.isArray(audience.people) || !Array.isArray(audience.teams)) return false;
  const teams: unknown = actor.teams;
  return (
    audience.people.includes(actor.id) ||
    (Array.isArray(teams) && teams.some((team) => typeof team === 'string' && audience.teams.includes(team)))
  );
}

function refused(reason: string): Decision {
  return { allowed: false, code: 'not-allowed', reason };
}

/**
 * Whether `actor` may take `action` on `target`, and if not, why. Checks the role,
 * then the session's access lists, then ownership, then the session's lifecycle state.
 */
export function decide(actor: Actor, action: Action, target: PermissionTarget = {}): Decision {
  // Every table is read by value, never by a key the caller chose: `ROLE_ALLOWS['constructor']`
  // or `ACTION_WORDS['__proto__']` would find Object.prototype's members.
  if (!isAction(action)) return refused(`${shownAction(action)} is not something okrkit knows how to do.`);
  if (typeof actor !== 'object' || actor === null || !isRole(actor.role) || typeof actor.id !== 'string')
    return refused(`Someone without a known role may not ${describe(action)}.`);
  if (!ROLE_ALLOWS[actor.role].has(action)) {
    return refused(`${actor.role === 'admin' ? 'An' : 'A'} ${actor.role} may not ${describe(action)}.`);
  }
  const session = target.session;
  if (session && !isSessionState(session.state)) return refused('This session is in a state okrkit does not know.');
  if (session && actor.role !== 'admin') {
    if (!inAudience(actor, session.access.view)) {
      return { allowed: false, code: 'not-allowed', reason: 'This session is not shared with you.' };
    }
    if (action !== 'session.view' && !inAudience(actor, session.access.edit)) {
      return { allowed: false, code: 'not-allowed', reason: 'You may view this session but not edit its OKRs.' };
    }
  }
  if (OWNER_ONLY.has(action) && actor.role !== 'admin' && !(target.owners ?? []).includes(actor.id)) {
    return {
      allowed: false,
      code: 'not-allowed',
      reason: 'Only the owner of the key result or of its objective, or an admin, may check in.',
    };
  }
  if (session && !STATE_ALLOWS[session.state].has(action)) {
    return {
      allowed: false,
      code: 'locked',
      reason: `The session is ${STATE_LABELS[session.state]}: you cannot ${describe(action)} now.`,
    };
  }
  return ALLOWED;
}

/** `decide(...).allowed`: the question an element asks before offering a control. */
export function can(actor: Actor, action: Action, target?: PermissionTarget): boolean {
  return decide(actor, action, target).allowed;
}

const ACTION_WORDS: Readonly<Record<Action, string>> = {
  'session.view': 'view this session',
  'session.create': 'create sessions',
  'session.edit': 'edit the session details',
  'session.editAccess': "change the session's access",
  'session.delete': 'delete sessions',
  'session.start': 'start the session',
  'session.close': 'close the session',
  'session.reopen': 'reopen the session',
  'session.unlock': 'unlock the session for planning',
  'objective.add': 'add objectives',
  'objective.edit': 'edit objectives',
  'objective.remove': 'remove objectives',
  'objective.reorder': 'reorder objectives',
  'keyResult.add': 'add key results',
  'keyResult.edit': 'edit key results',
  'keyResult.retarget': 'change targets',
  'keyResult.remove': 'remove key results',
  'keyResult.reorder': 'reorder key results',
  'owner.assign': 'change owners',
  'initiative.add': 'add initiatives',
  'initiative.edit': 'edit initiatives',
  'initiative.remove': 'remove initiatives',
  'checkIn.add': 'check in',
  'checkIn.correct': 'correct check-ins',
};

export function describe(action: Action): string {
  return isAction(action) ? ACTION_WORDS[action] : shownAction(action);
}

function shownAction(action: unknown): string {
  return typeof action === 'string' ? `"${action.slice(0, 40)}"` : 'An unnamed action';
}
