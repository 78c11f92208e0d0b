import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateActor } from './actor.js';
import { OkrError } from './errors.js';
import { isTransition, transitionsFrom } from './lifecycle.js';
import type { SessionDetails } from './model.js';
import {
  validateCheckIn,
  validateCopyOptions,
  validateInitiative,
  validateKeyResult,
  validateObjective,
} from './okr-input.js';
import { decide } from './policy.js';
import { isCurrent, validateCurrentSessionsOptions } from './sessions.js';
import { validateSessionDetails, validateSessionPatch } from './validate.js';

const defaults = { timeZone: 'UTC' };
const current: SessionDetails = validateSessionDetails(
  {
    title: 'Q1 2027',
    description: 'Company goals',
    start: '2027-01-01',
    end: '2027-03-31',
    timeZone: 'Europe/Berlin',
    cadence: 'quarter',
    parentId: 'SE-01001',
    access: {
      view: { everyone: false, people: ['kim'], teams: ['sales'] },
      edit: { everyone: false, people: ['kim'], teams: [] },
    },
  },
  defaults,
);

/** Runs `work`, expecting `invalid-input` naming exactly `fields`. */
function refuses(work: () => unknown, fields: string[]): OkrError {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof OkrError, `expected an OkrError, got ${String(error)}`);
    assert.equal(error.code, 'invalid-input');
    assert.deepEqual(Object.keys(error.fields).sort(), [...fields].sort(), error.message);
    return error;
  }
  assert.fail('expected invalid-input, but it was accepted');
}

describe('session patches', () => {
  it('read undefined as "not given": access, time zone and parent stay as they are', () => {
    const next = validateSessionDetails(
      { access: undefined, timeZone: undefined, parentId: undefined, title: undefined },
      defaults,
      current,
    );
    assert.deepEqual(next, current);
  });

  it('let null clear only the optional description and parent', () => {
    const next = validateSessionDetails({ description: null, parentId: null }, defaults, current);
    assert.equal(next.description, undefined);
    assert.equal(next.parentId, undefined);
    assert.deepEqual(next.access, current.access);
    for (const field of ['title', 'start', 'end', 'timeZone', 'cadence', 'checkInCadence', 'access']) {
      refuses(() => validateSessionDetails({ [field]: null }, defaults, current), [field]);
    }
  });

  it('refuse unknown keys, by name', () => {
    refuses(() => validateSessionDetails({ titel: 'x', colour: 'red' }, defaults, current), ['titel', 'colour']);
    assert.deepEqual(validateSessionPatch({ title: 'x', access: undefined }), {
      patch: { title: 'x' },
      touchesAccess: false,
    });
    refuses(() => validateSessionPatch({ state: 'open' }), ['state']);
  });

  it('refuse a patch that is not an object', () => {
    for (const patch of [null, 'title', 42, ['title'], undefined]) {
      refuses(() => validateSessionPatch(patch), ['session']);
      refuses(() => validateSessionDetails(patch, defaults, current), ['session']);
    }
  });

  it('validate access strictly: a typo, a null or a missing list never means everyone', () => {
    const cases: [unknown, string[]][] = [
      [{ veiw: { everyone: true }, edit: { everyone: true } }, ['access.veiw', 'access.view']],
      [{ view: null, edit: { everyone: true } }, ['access.view']],
      [{ view: { everyone: true } }, ['access.edit']],
      [{ view: 'everyone', edit: { everyone: true } }, ['access.view']],
      [{ view: { everyone: 'yes' }, edit: { everyone: true } }, ['access.view']],
      [{ view: { everyone: false, people: ['kim'] }, edit: { everyone: true } }, ['access.view.teams']],
      [{ view: { everyone: false, people: 'kim', teams: [] }, edit: { everyone: true } }, ['access.view.people']],
      [{ view: { everyone: false, people: [''], teams: [] }, edit: { everyone: true } }, ['access.view.people']],
      [{ view: { everyone: true, people: ['kim'] }, edit: { everyone: true } }, ['access.view.people']],
      [{ view: { everyone: false, people: [], teams: [], all: true }, edit: { everyone: true } }, ['access.view.all']],
    ];
    for (const [access, fields] of cases) {
      refuses(() => validateSessionDetails({ access }, defaults, current), fields);
    }
    const ok = validateSessionDetails(
      { access: { view: { everyone: true }, edit: { everyone: false, people: ['kim', 'kim'], teams: [] } } },
      defaults,
      current,
    );
    assert.deepEqual(ok.access, { view: { everyone: true }, edit: { everyone: false, people: ['kim'], teams: [] } });
  });
});

describe('date limits', () => {
  it('keep dates between 1970-01-01 and 2199-12-31', () => {
    refuses(
      () => validateSessionDetails({ title: 'x', start: '0000-01-01', end: '0000-03-31' }, defaults),
      ['start', 'end'],
    );
    refuses(() => validateSessionDetails({ title: 'x', start: '2199-01-01', end: '2200-01-01' }, defaults), ['end']);
    refuses(() => validateSessionDetails({ title: 'x', start: '1969-12-31', end: '1970-03-01' }, defaults), ['start']);
    assert.equal(
      validateSessionDetails({ title: 'x', start: '1970-01-01', end: '1970-01-01' }, defaults).start,
      '1970-01-01',
    );
    assert.equal(
      validateSessionDetails({ title: 'x', start: '2195-01-01', end: '2199-12-31' }, defaults).end,
      '2199-12-31',
    );
  });

  it('keep a session at most five years long', () => {
    assert.equal(
      validateSessionDetails({ title: 'x', start: '2027-01-01', end: '2031-12-31' }, defaults).end,
      '2031-12-31',
    );
    const error = refuses(
      () => validateSessionDetails({ title: 'x', start: '2027-01-01', end: '2032-01-01' }, defaults),
      ['end'],
    );
    assert.match(error.message, /at most 5 years; end it before 2032-01-01/);
    refuses(() => validateSessionDetails({ end: '2099-01-01' }, defaults, current), ['end']);
  });
});

describe('untyped input', () => {
  it('is refused with invalid-input naming the field, never a TypeError', () => {
    const odd = [10n, Symbol('x'), ['a'], { a: 1 }, () => 'x'];
    for (const value of odd) {
      refuses(() => validateSessionDetails({ title: value }, defaults, current), ['title']);
      refuses(() => validateSessionDetails({ timeZone: value }, defaults, current), ['timeZone']);
      refuses(() => validateSessionDetails({ description: value }, defaults, current), ['description']);
      refuses(() => validateObjective({ title: value }), ['title']);
      refuses(() => validateObjective({ title: 'x', ownerId: value }), ['ownerId']);
      refuses(
        () => validateKeyResult({ objectiveId: 'o', title: 'x', kind: 'increase', start: 0, target: value }),
        ['target'],
      );
      refuses(() => validateInitiative({ title: 'x', keyResultIds: ['k'], link: value }), ['link']);
    }
    const kr = {
      ...validateKeyResult({ objectiveId: 'o', title: 'x', kind: 'increase', start: 0, target: 10 }),
      id: 'k',
      order: 0,
      checkIns: [],
    };
    refuses(() => validateCheckIn(kr, { value: 10n }), ['value']);
    refuses(() => validateCheckIn(kr, { value: 1, comment: ['x'] }), ['comment']);
    refuses(() => validateCheckIn(kr, { value: 1, confidence: 5 }), ['confidence']);
  });

  it('copy options: a string of ids or null is refused (it used to match by substring)', () => {
    refuses(() => validateCopyOptions(null), ['copy options']);
    refuses(() => validateCopyOptions({ objectiveIds: '' }), ['objectiveIds']);
    refuses(() => validateCopyOptions({ objectiveIds: 'ob_1' }), ['objectiveIds']);
    refuses(() => validateCopyOptions({ objectIds: ['ob_1'] }), ['objectIds']);
    assert.deepEqual(validateCopyOptions(undefined), {});
    assert.deepEqual(validateCopyOptions({ objectiveIds: [] }), { objectiveIds: [] });
    assert.deepEqual(validateCopyOptions({ objectiveIds: ['ob_1', 'ob_1'] }), { objectiveIds: ['ob_1'] });
  });

  it('current-session options: a date string is refused, not a TypeError', () => {
    refuses(() => validateCurrentSessionsOptions({ at: '2027-01-01' }), ['at']);
    refuses(() => validateCurrentSessionsOptions({ at: new Date('soon') }), ['at']);
    refuses(() => validateCurrentSessionsOptions({ marginMonths: -1 }), ['marginMonths']);
    refuses(() => validateCurrentSessionsOptions(null), ['options']);
    const header = { ...current, id: 'SE-01002', number: 1002 } as never;
    refuses(() => isCurrent(header, '2027-01-01' as never), ['at']);
    assert.equal(isCurrent(header, new Date('2027-02-01T00:00:00Z')), true);
  });

  it('actors: role by value, teams a list, id non-empty', () => {
    assert.deepEqual(validateActor({ id: 'kim', role: 'member', teams: ['a', 'a'], email: 'k@x' }), {
      id: 'kim',
      role: 'member',
      teams: ['a'],
    });
    refuses(() => validateActor({ id: 'kim', role: 'constructor' }), ['actor.role']);
    refuses(() => validateActor({ id: 'kim', role: '__proto__' }), ['actor.role']);
    refuses(() => validateActor({ id: 'kim', role: 'toString' }), ['actor.role']);
    refuses(() => validateActor({ id: 'kim', role: 'member', teams: 'abc' }), ['actor.teams']);
    refuses(() => validateActor({ id: '', role: 'admin' }), ['actor.id']);
    refuses(() => validateActor({ id: 7n, role: 'admin' }), ['actor.id']);
    refuses(() => validateActor(null), ['actor']);
  });

  it('permissions are not fooled by prototype keys', () => {
    const session = {
      state: 'open' as const,
      access: { view: { everyone: true as const }, edit: { everyone: true as const } },
    };
    const roleConstructor = decide({ id: 'x', role: 'constructor' as never }, 'session.view', { session });
    assert.deepEqual([roleConstructor.allowed, roleConstructor.code], [false, 'not-allowed']);
    const actionProto = decide({ id: 'ada', role: 'admin' }, '__proto__' as never);
    assert.equal(actionProto.allowed, false);
    assert.doesNotMatch(actionProto.reason, /undefined/);
    const stateProto = decide({ id: 'ada', role: 'admin' }, 'session.view', {
      session: { ...session, state: 'constructor' as never },
    });
    assert.equal(stateProto.allowed, false);
    const teams = decide({ id: 'x', role: 'member', teams: 'sales' as never }, 'session.view', {
      session: {
        state: 'open',
        access: { view: { everyone: false, people: [], teams: ['s'] }, edit: { everyone: true } },
      },
    });
    assert.equal(teams.allowed, false, 'a string of teams does not match its letters');
    assert.equal(decide({ id: 'vic', role: 'viewer' }, 'session.create').reason, 'A viewer may not create sessions.');
    assert.equal(isTransition('__proto__'), false);
    assert.equal(isTransition('start'), true);
    assert.deepEqual(transitionsFrom('open'), ['start', 'close']);
  });
});
