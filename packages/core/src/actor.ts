import type { Actor } from './model.js';
import { ROLES, type Role } from './model.js';
import { isRecord, Problems } from './validate.js';

/**
 * Who is acting, checked before a store acts for them. A host hands the store its own
 * user object, often built from a token or a form: a role that is not one of `ROLES`
 * (`'constructor'` would find `Object.prototype.constructor` in a role table) or teams
 * that are not a list (a string would match its own letters) must be refused here,
 * with `invalid-input`, rather than deep inside a permission check.
 */

/** The longest id or team id accepted: ids are opaque, but they end up in every journal entry. */
export const ACTOR_ID_MAX = 200;
/** The most teams one actor can be in: every permission check reads the list. */
export const ACTOR_TEAMS_MAX = 1000;

/** Whether `value` is one of `ROLES` (compared as a value, never looked up as a key). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * A normalised copy of `actor`: id a non-empty string, role one of `ROLES`, name an
 * optional string, teams an optional list of non-empty strings (duplicates dropped).
 * Other keys are ignored: hosts pass their own user objects, and a key okrkit does not
 * read cannot grant anything. Throws `invalid-input` naming the fields.
 */
export function validateActor(actor: unknown): Actor {
  const problems = new Problems();
  if (!isRecord(actor)) {
    problems.add('actor', 'Expected the acting person as { id, role }.');
    problems.done('Not allowed to act');
    throw new Error('unreachable');
  }
  const { id, role, name, teams } = actor;
  if (typeof id !== 'string' || id.trim() === '' || id.length > ACTOR_ID_MAX)
    problems.add('actor.id', `The id must be non-empty text of at most ${ACTOR_ID_MAX} characters.`);
  if (!isRole(role)) problems.add('actor.role', `The role must be one of ${ROLES.join(', ')}.`);
  if (name !== undefined && (typeof name !== 'string' || name.length > ACTOR_ID_MAX))
    problems.add('actor.name', `The name must be text of at most ${ACTOR_ID_MAX} characters.`);
  if (
    teams !== undefined &&
    (!Array.isArray(teams) ||
      teams.length > ACTOR_TEAMS_MAX ||
      !teams.every((t) => typeof t === 'string' && t.trim() !== '' && t.length <= ACTOR_ID_MAX))
  )
    problems.add('actor.teams', `Teams must be a list of team ids (at most ${ACTOR_TEAMS_MAX}).`);
  problems.done('Not allowed to act');
  return Object.freeze({
    id: id as string,
    role: role as Role,
    ...(name === undefined ? {} : { name: name as string }),
    ...(teams === undefined ? {} : { teams: Object.freeze([...new Set(teams as string[])]) }),
  });
}
