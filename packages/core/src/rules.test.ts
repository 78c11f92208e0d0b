import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIONS, type Action } from './actions.js';
import { transitionsFrom, transitionTarget } from './lifecycle.js';
import type { Access, Actor, Role, SessionState } from './model.js';
import { can, decide } from './policy.js';

// The expected tables are written out here, independently of lifecycle.ts and policy.ts,
// so that a change to the rules has to be made twice: once in the code and once here.

const OPEN =
  'view edit editAccess delete start close obj+ obj~ obj- objOrder kr+ kr~ krTarget kr- krOrder owner init+ init~ init- checkIn correct';
const IN_PROGRESS = 'view edit editAccess close unlock owner init+ init~ init- checkIn correct';
const ARCHIVED = 'view reopen';

const SHORT: Record<string, Action> = {
  view: 'session.view',
  create: 'session.create',
  edit: 'session.edit',
  editAccess: 'session.editAccess',
  delete: 'session.delete',
  start: 'session.start',
  close: 'session.close',
  reopen: 'session.reopen',
  unlock: 'session.unlock',
  'obj+': 'objective.add',
  'obj~': 'objective.edit',
  'obj-': 'objective.remove',
  objOrder: 'objective.reorder',
  'kr+': 'keyResult.add',
  'kr~': 'keyResult.edit',
  krTarget: 'keyResult.retarget',
  'kr-': 'keyResult.remove',
  krOrder: 'keyResult.reorder',
  owner: 'owner.assign',
  'init+': 'initiative.add',
  'init~': 'initiative.edit',
  'init-': 'initiative.remove',
  checkIn: 'checkIn.add',
  correct: 'checkIn.correct',
};
const actions = (list: string) => new Set(list.split(' ').map((s) => SHORT[s] as Action));
const EXPECTED_STATE: Record<SessionState, Set<Action>> = {
  open: actions(OPEN),
  in_progress: actions(IN_PROGRESS),
  archived: actions(ARCHIVED),
};
const MEMBER = actions(
  'view obj+ obj~ obj- objOrder kr+ kr~ krTarget kr- krOrder owner init+ init~ init- checkIn correct',
);
const EXPECTED_ROLE: Record<Role, Set<Action>> = {
  admin: new Set(ACTIONS),
  member: MEMBER,
  viewer: actions('view'),
};

const everyone: Access = { view: { everyone: true }, edit: { everyone: true } };
const actor = (role: Role, id = `${role}-1`): Actor => ({ id, role });

describe('the lifecycle table', () => {
  for (const state of ['open', 'in_progress', 'archived'] as const) {
    for (const action of ACTIONS) {
      if (action === 'session.create') continue;
      const expected = EXPECTED_STATE[state].has(action);
      it(`${state}: ${action} is ${expected ? 'allowed' : 'locked'}`, () => {
        // An admin owning everything: only the lifecycle can refuse.
        const decision = decide(actor('admin'), action, { session: { state, access: everyone }, owners: ['admin-1'] });
        assert.equal(decision.allowed, expected);
        if (!expected) assert.equal(decision.code, 'locked');
      });
    }
  }

  it('offers the transitions each state has, and reopen returns where the session was closed from', () => {
    assert.deepEqual(transitionsFrom('open'), ['start', 'close']);
    assert.deepEqual(transitionsFrom('in_progress'), ['close', 'unlock']);
    assert.deepEqual(transitionsFrom('archived'), ['reopen']);
    assert.equal(transitionTarget('reopen', 'in_progress'), 'in_progress');
    assert.equal(transitionTarget('reopen', 'open'), 'open');
    assert.equal(transitionTarget('start', undefined), 'in_progress');
  });
});

describe('the role-by-action matrix', () => {
  for (const role of ['admin', 'member', 'viewer'] as const) {
    for (const action of ACTIONS) {
      const expected = EXPECTED_ROLE[role].has(action);
      it(`${role}: ${action} is ${expected ? 'allowed' : 'refused'}`, () => {
        // A session in a state that allows the action, shared with everyone, the actor owning the
        // key result: only the role can refuse.
        const state =
          (['open', 'in_progress', 'archived'] as const).find((s) => EXPECTED_STATE[s].has(action)) ?? 'open';
        const target =
          action === 'session.create' ? {} : { session: { state, access: everyone }, owners: [`${role}-1`] };
        const decision = decide(actor(role), action, target);
        assert.equal(decision.allowed, expected);
        if (!expected) assert.equal(decision.code, 'not-allowed');
      });
    }
  }

  it('denies an actor whose role is unknown (deny by default)', () => {
    const stranger = { id: 'x', role: 'superuser' } as unknown as Actor;
    assert.equal(can(stranger, 'session.view', { session: { state: 'open', access: everyone } }), false);
  });
});

describe('access lists and ownership', () => {
  const restricted: Access = {
    view: { everyone: false, people: ['vera'], teams: ['sales'] },
    edit: { everyone: false, people: ['mo'], teams: [] },
  };
  const session = { state: 'open' as const, access: restricted };

  it('lets only listed people and teams view, and admins always', () => {
    assert.equal(can({ id: 'vera', role: 'viewer' }, 'session.view', { session }), true);
    assert.equal(can({ id: 'sam', role: 'viewer', teams: ['sales'] }, 'session.view', { session }), true);
    assert.equal(can({ id: 'zoe', role: 'member' }, 'session.view', { session }), false);
    assert.equal(can({ id: 'boss', role: 'admin' }, 'session.view', { session }), true);
  });

  it('lets members edit OKRs only in sessions they may edit', () => {
    const editor = { id: 'mo', role: 'member', teams: ['sales'] } as const;
    const reader = { id: 'sam', role: 'member', teams: ['sales'] } as const;
    assert.equal(can(editor, 'objective.add', { session }), true);
    const refused = decide(reader, 'objective.add', { session });
    assert.deepEqual([refused.allowed, refused.code], [false, 'not-allowed']);
  });

  it('lets the key result owner, the objective owner or an admin check in, and nobody else', () => {
    const open = { state: 'open' as const, access: everyone };
    const owners = ['kim', 'obi'];
    assert.equal(can({ id: 'kim', role: 'member' }, 'checkIn.add', { session: open, owners }), true);
    assert.equal(can({ id: 'obi', role: 'member' }, 'checkIn.add', { session: open, owners }), true);
    assert.equal(can({ id: 'zed', role: 'member' }, 'checkIn.add', { session: open, owners }), false);
    assert.equal(can({ id: 'boss', role: 'admin' }, 'checkIn.add', { session: open, owners }), true);
    assert.equal(can({ id: 'kim', role: 'viewer' }, 'checkIn.add', { session: open, owners }), false);
  });
});
