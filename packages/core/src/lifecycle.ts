import { ACTION_RULES, ACTIONS, type Action, TRANSITIONS, type Transition } from './actions.js';
import { SESSION_STATES, type SessionState } from './model.js';

/** Whether `value` is one of `ACTIONS` (by value: never look an untrusted string up as a key). */
export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

/** Whether `value` is one of `TRANSITIONS`; `'__proto__'` and `'constructor'` are not. */
export function isTransition(value: unknown): value is Transition {
  return typeof value === 'string' && (TRANSITIONS as readonly string[]).includes(value);
}

export function isSessionState(value: unknown): value is SessionState {
  return typeof value === 'string' && (SESSION_STATES as readonly string[]).includes(value);
}

/**
 * What each lifecycle state allows, derived from the action table (actions.ts): one
 * table, read by every command and by the elements, so the UI never offers what the
 * core would refuse.
 *
 * - open (planning): everything.
 * - in_progress (tracking): progress only (check-ins and corrections, initiatives,
 *   owner hand-offs); the session's own details stay editable by admins; no new or
 *   removed objectives or key results and no target changes.
 * - archived: nothing changes; everything stays readable. Only reopen.
 */
export const STATE_ALLOWS: Readonly<Record<SessionState, ReadonlySet<Action>>> = {
  open: allowedIn('open'),
  in_progress: allowedIn('in_progress'),
  archived: allowedIn('archived'),
};

function allowedIn(state: SessionState): ReadonlySet<Action> {
  return new Set(ACTIONS.filter((action) => (ACTION_RULES[action].states as readonly SessionState[]).includes(state)));
}

/** Where each transition may start and where it leads. Reopen returns to the state the session was closed from. */
export const TRANSITION_RULES: Readonly<
  Record<
    Transition,
    { readonly action: Action; readonly from: readonly SessionState[]; readonly to: SessionState | 'closedFrom' }
  >
> = {
  start: { action: 'session.start', from: ['open'], to: 'in_progress' },
  close: { action: 'session.close', from: ['open', 'in_progress'], to: 'archived' },
  reopen: { action: 'session.reopen', from: ['archived'], to: 'closedFrom' },
  unlock: { action: 'session.unlock', from: ['in_progress'], to: 'open' },
};

/** Human words for the lifecycle, for messages. Hosts label states as they like in their UI. */
export const STATE_LABELS: Readonly<Record<SessionState, string>> = {
  open: 'open',
  in_progress: 'in progress',
  archived: 'archived',
};

export function stateAllows(state: SessionState, action: Action): boolean {
  return isSessionState(state) && STATE_ALLOWS[state].has(action);
}

/** The transitions available from `state`, in display order. */
export function transitionsFrom(state: SessionState): Transition[] {
  return (Object.keys(TRANSITION_RULES) as Transition[]).filter((t) => TRANSITION_RULES[t].from.includes(state));
}

/** The state a transition leads to from a session in `state` (closed from `closedFrom`). */
export function transitionTarget(
  transition: Transition,
  closedFrom: Exclude<SessionState, 'archived'> | undefined,
): SessionState {
  const to = TRANSITION_RULES[transition].to;
  return to === 'closedFrom' ? (closedFrom ?? 'open') : to;
}
