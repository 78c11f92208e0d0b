import { ACTION_RULES, ACTIONS, type Action, ruleOf } from './actions.js';
import { STATE_LABELS } from './lifecycle.js';
import { type Access, type Actor, type Audience, ROLES, type Role, type SessionState } from './model.js';

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

export function inAudience(actor: Actor, audience: Audience): boolean {
  if (audience.everyone) return true;
  return audience.people.includes(actor.id) || (actor.teams ?? []).some((team) => audience.teams.includes(team));
}

function isRole(role: unknown): role is Role {
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role);
}

/**
 * Whether `actor` may take `action` on `target`, and if not, why. Checks the role,
 * then the session's access lists, then ownership, then the session's lifecycle state.
 */
export function decide(actor: Actor, action: Action, target: PermissionTarget = {}): Decision {
  const rule = ruleOf(action);
  if (!rule) return { allowed: false, code: 'not-allowed', reason: `${JSON.stringify(action)} is not an action.` };
  const role = isRole(actor?.role) ? actor.role : undefined;
  if (!role || !(rule.roles as readonly Role[]).includes(role)) {
    return {
      allowed: false,
      code: 'not-allowed',
      reason: `A ${role ?? 'person without a role'} may not ${rule.words}.`,
    };
  }
  const session = target.session;
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
  return ruleOf(action)?.words ?? String(action);
}
