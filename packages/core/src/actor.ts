import { OkrError } from './errors.js';
import { type Actor, ROLES } from './model.js';

/**
 * Refuses an actor that is not one: an id (non-empty text), a role from the list (its own
 * value, so `'constructor'` or `'__proto__'` never pass), and teams as a list of ids.
 */
export function checkActor(actor: unknown): asserts actor is Actor {
  const fields: Record<string, string> = {};
  if (typeof actor !== 'object' || actor === null || Array.isArray(actor)) {
    throw new OkrError('invalid-input', 'The actor must be { id, role, name?, teams? }.', {
      fields: { actor: 'Must be { id, role, name?, teams? }.' },
    });
  }
  const { id, role, name, teams } = actor as Record<string, unknown>;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 200)
    fields['actor.id'] = 'Must be an id (non-empty text).';
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
    fields['actor.role'] = `Must be one of ${ROLES.join(', ')}.`;
  if (name !== undefined && typeof name !== 'string') fields['actor.name'] = 'Must be text.';
  if (teams !== undefined && !(Array.isArray(teams) && teams.every((t) => typeof t === 'string' && t !== '')))
    fields['actor.teams'] = 'Must be a list of team ids.';
  const problems = Object.keys(fields);
  if (problems.length > 0) {
    throw new OkrError('invalid-input', `Not a valid actor: ${fields[problems[0] as string]} (${problems[0]})`, {
      fields,
    });
  }
}
