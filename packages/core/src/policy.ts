import { ACTION_RULES, ACTIONS, type Action, ruleOf } from './actions.js';
import { isRole } from './actor.js';
import { isSessionState, STATE_LABELS } from './lifecycle.js';
import type { Access, Actor, Audience, Role, SessionState } from './model.js';

/**
 * Who may do what. Deny by default: an action whose row (actions.ts) does not list the
 * actor's role is refused. `can()` is the one question the UI asks and the same check
 * every command makes.
 */
export const ROLE_ALLOWS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  admin: allowedTo('admin'),
  member: allowedTo('member'),
  viewer: allowedTo('viewer'),
};

function allowedTo(role: Role): ReadonlySet<Action> {
  return new Set(ACTIONS.filter((action) => (ACTION_RULES[action].roles as readonly Role[]).includes(role)));
}

/** What a permission question is about. Omit the session for `session.create`. */
export interface PermissionTarget {
  readonly session?: { readonly state: SessionState; readonly access: Access };
  /** Owners of the item acted on (ownership.ts), for actions only its owners may take. */
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
  // Every table is read by value or own key, never by a key the caller chose:
  // `ROLE_ALLOWS['constructor']` would find Object.prototype's members.
  const rule = ruleOf(action);
  if (!rule) return refused(`${shownAction(action)} is not something okrkit knows how to do.`);
  if (typeof actor !== 'object' || actor === null || !isRole(actor.role) || typeof actor.id !== 'string')
    return refused(`Someone without a known role may not ${rule.words}.`);
  const role = actor.role;
  if (!(rule.roles as readonly Role[]).includes(role)) {
    return refused(`${role === 'admin' ? 'An' : 'A'} ${role} may not ${rule.words}.`);
  }
  const session = target.session;
  if (session && !isSessionState(session.state)) return refused('This session is in a state okrkit does not know.');
  if (session && role !== 'admin') {
    if (!inAudience(actor, session.access.view)) {
      return { allowed: false, code: 'not-allowed', reason: 'This session is not shared with you.' };
    }
    if (action !== 'session.view' && !inAudience(actor, session.access.edit)) {
      return { allowed: false, code: 'not-allowed', reason: 'You may view this session but not edit its OKRs.' };
    }
  }
  if (rule.ownersOnly && role !== 'admin' && !(target.owners ?? []).includes(actor.id)) {
    return {
      allowed: false,
      code: 'not-allowed',
      reason:
        action === 'owner.assign'
          ? 'Only the owner of the item (or of its objective), or an admin, may hand it over.'
          : 'Only the owner of the key result or of its objective, or an admin, may check in.',
    };
  }
  if (session && !(rule.states as readonly SessionState[]).includes(session.state)) {
    return {
      allowed: false,
      code: 'locked',
      reason: `The session is ${STATE_LABELS[session.state] ?? session.state}: you cannot ${rule.words} now.`,
    };
  }
  return ALLOWED;
}

/** `decide(...).allowed`: the question an element asks before offering a control. */
export function can(actor: Actor, action: Action, target?: PermissionTarget): boolean {
  return decide(actor, action, target).allowed;
}

export function describe(action: Action): string {
  return ruleOf(action)?.words ?? shownAction(action);
}

function shownAction(action: unknown): string {
  return typeof action === 'string' ? `"${action.slice(0, 40)}"` : 'An unnamed action';
}
