import { type Action, TRANSITIONS, type Transition } from './actions.js';
import { type Args, argsOf, changedFields, checkIdList, diffDetails, newId, refId } from './command-args.js';
import type { Command } from './command-types.js';
import { OkrError } from './errors.js';
import { checkFinishedWeeks } from './finished-weeks.js';
import { checkSessionExport } from './import.js';
import type { EntryDraft, JournalEntry, Session } from './journal.js';
import { findCheckIn } from './key-result-record.js';
import { TRANSITION_RULES, transitionTarget } from './lifecycle.js';
import type { CheckIn, Initiative, KeyResult, Objective } from './model.js';
import {
  validateCheckIn,
  validateInitiative,
  validateInitiativePatch,
  validateKeyResult,
  validateKeyResultPatch,
  validateObjective,
  validateObjectivePatch,
  validateRetarget,
} from './okr-input.js';
import { OWNED_ITEMS, ownersOf } from './ownership.js';
import { keyResultsOf, objectivesOf } from './progress.js';
import type { SessionIds } from './session-ids.js';
import { checkAlignment, checkNoChildren, checkParent, invalid, type RelatedSessions } from './session-rules.js';
import { validateSessionDetails, validateSessionPatch } from './validate.js';

/**
 * The command table: every change to a session is one row here. A row says which actions
 * the command needs (the policy and lifecycle decide on those), checks its arguments
 * without looking at any state (`validate`, which also fills in the ids it creates), says
 * whose item it touches (`owners`, for actions only owners may take), and plans the
 * journal entries from the session's state (`plan`, which checks the arguments against
 * that state). `result` reads what the caller gets back from the state after it.
 *
 * The command path (command-runner.ts) runs every row the same way: validate, decide,
 * plan, append with compare-and-swap, notify. Adding a command is a row here, the fold
 * of a new entry type in journal.ts (if it needs one), and the row of a new action in
 * actions.ts (if it needs one).
 */

/** What a row may look up beyond its session's state. */
export interface CommandContext extends RelatedSessions {
  readonly actor: import('./model.js').Actor;
  readonly now: Date;
  /** The person's own time when they made the command (`execute`'s `writtenAt`), canonical ISO. */
  readonly writtenAt?: string;
  /** The time zone of new sessions when their input names none. */
  readonly timeZone: string;
  /** Every id the session's journal ever gave out (built on first use). */
  ids(): Promise<SessionIds>;
  /** Whether the store made the new ids of this command (then they are new by construction). */
  readonly idsMadeHere: boolean;
}

/** The kinds of id the store makes for a command that was given none. */
export type IdKind = 'objective' | 'keyResult' | 'initiative' | 'checkIn' | 'copy';

/** Which argument of a command holds the id of what it creates, and what kind of id it is. */
export interface MadeId {
  readonly field: 'id' | 'seed';
  readonly kind: IdKind;
}

type Owners = readonly (string | undefined)[];
type Planned = readonly EntryDraft[] | Promise<readonly EntryDraft[]>;

/** A row for a command on an existing session. */
export interface SessionCommand<A, R> {
  readonly creates?: false;
  readonly actions: (args: A) => readonly Action[];
  /** The id this command creates, which the store fills in when the caller gave none. */
  readonly makes?: MadeId;
  readonly validate: (args: unknown) => A;
  readonly owners?: (session: Session, args: A, context: CommandContext) => Owners | Promise<Owners>;
  /**
   * Whether the command could break another session's rules although its plan reads no
   * other session (removing an objective another session may align to): then its write
   * is checked against, and raises, the storage's links version. Commands that read other
   * sessions (`headers`, `visible`) are checked so without saying it.
   */
  readonly links?: (args: A) => boolean;
  readonly plan: (session: Session, args: A, context: CommandContext) => Planned;
  /** What the caller gets back, read from the state after the command (`drafts`: what it appended). */
  readonly result: (session: Session, args: A, drafts: readonly EntryDraft[]) => R;
}

/** A row for a command that makes a new session (its number comes from storage). */
export interface CreatingCommand<A> {
  readonly creates: true;
  readonly actions: (args: A) => readonly Action[];
  readonly validate: (args: unknown) => A;
  /** The new session's whole journal, and its fold when planning made it anyway (under any identity). */
  readonly plan: (args: A, context: CommandContext) => Promise<PlannedSession>;
}

export interface PlannedSession {
  readonly entries: readonly JournalEntry[];
  readonly folded?: Session;
}

const one = (action: Action) => (): readonly Action[] => [action];

function exists<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const item = map.get(id);
  if (item === undefined) throw new OkrError('not-found', `There is no ${what} ${id} in this session.`);
  return item;
}

function saved<T>(map: ReadonlyMap<string, T>, id: string): T {
  const item = map.get(id);
  if (item === undefined) throw new OkrError('storage', `${id} was saved but cannot be read back.`);
  return item;
}

/** A new item's id must be new to the session, ever (removed items' ids stay taken). */
async function checkUnused(context: CommandContext, id: string, field = 'id'): Promise<void> {
  if (context.idsMadeHere) return;
  if ((await context.ids()).has(id)) throw invalid(field, `The id ${id} is already used in this session.`);
}

function checkLinked(session: Session, ids: readonly string[]): void {
  const unknown = ids.filter((id) => !session.keyResults.has(id));
  if (unknown.length > 0)
    throw invalid('keyResultIds', `There is no key result ${unknown.join(', ')} in this session.`);
}

function savedCheckIn(session: Session, keyResultId: string, id: string): CheckIn {
  const kr = session.keyResults.get(keyResultId);
  const checkIn = kr && findCheckIn(kr, id);
  if (!checkIn) throw new OkrError('storage', `${id} was saved but cannot be read back.`);
  return checkIn;
}

async function keyResultOfCheckIn(session: Session, context: CommandContext, checkInId: string): Promise<string> {
  const keyResultId = (await context.ids()).keyResultOf(checkInId);
  if (keyResultId === undefined || !session.keyResults.has(keyResultId))
    throw new OkrError('not-found', `There is no check-in ${checkInId} in this session.`);
  return keyResultId;
}

function sessionRow<A, R>(row: SessionCommand<A, R>): SessionCommand<A, R> {
  return row;
}

function creatingRow<A>(row: CreatingCommand<A>): CreatingCommand<A> {
  return row;
}

export const COMMANDS = {
  'session.create': creatingRow({
    creates: true,
    actions: one('session.create'),
    validate: (args: unknown) => validateSessionPatch(args).patch,
    async plan(args, context) {
      const details = validateSessionDetails(args, { timeZone: context.timeZone });
      if (details.parentId !== undefined) await checkParent(context, details, undefined);
      const at = context.now.toISOString();
      return { entries: [{ seq: 1, at, actor: context.actor.id, type: 'session.created', data: details }] };
    },
  }),

  'session.import': creatingRow({
    creates: true,
    actions: one('session.create'),
    // Only the form here: the file is measured and read in `plan`, after the permission.
    validate: (args: unknown) => ({ data: argsOf(args, ['data'], 'Session not imported').data }),
    async plan({ data }, context) {
      const {
        read: { journal },
        folded,
      } = checkSessionExport(data, { now: context.now });
      const created = journal[0];
      if (created?.type === 'session.created' && created.data.parentId !== undefined) {
        const parent = (await context.headers()).find((h) => h.id === created.data.parentId && !h.deleted);
        if (!parent)
          throw invalid(
            'parentId',
            `The imported session belongs to ${created.data.parentId}, which does not exist here. Import that session first.`,
          );
      }
      return { entries: journal, folded };
    },
  }),

  'session.edit': sessionRow({
    actions: (patch) => ('access' in patch ? ['session.edit', 'session.editAccess'] : ['session.edit']),
    validate: (args: unknown) => validateSessionPatch(args).patch,
    async plan(session, patch, context) {
      const details = validateSessionDetails(patch, { timeZone: context.timeZone }, session);
      checkFinishedWeeks(session, details, context.now);
      if (details.parentId !== undefined || details.start !== session.start || details.end !== session.end) {
        await checkParent(context, details, session.id);
      }
      const change = diffDetails(session, details);
      return Object.keys(change).length === 0 ? [] : [{ type: 'session.changed', data: change }];
    },
    result: (session) => session,
  }),

  'session.transition': sessionRow({
    actions: ({ transition }) => [TRANSITION_RULES[transition].action],
    validate(args: unknown) {
      const { transition } = argsOf(args, ['transition'], 'Session not changed');
      if (typeof transition !== 'string' || !(TRANSITIONS as readonly string[]).includes(transition))
        throw invalid(
          'transition',
          `Unknown transition ${JSON.stringify(transition)} (start, close, reopen or unlock).`,
        );
      return { transition: transition as Transition };
    },
    plan: (session, { transition }) => [
      {
        type: 'session.transitioned',
        data: { transition, from: session.state, to: transitionTarget(transition, session.closedFrom) },
      },
    ],
    result: (session) => session,
  }),

  'session.delete': sessionRow({
    actions: one('session.delete'),
    validate: (args: unknown) => argsOf(args, [], 'Session not deleted'),
    async plan(session, _args, context) {
      await checkNoChildren(context, session);
      return [{ type: 'session.deleted', data: {} }];
    },
    result: () => undefined,
  }),

  'objective.add': sessionRow({
    actions: one('objective.add'),
    makes: { field: 'id', kind: 'objective' },
    validate(args: unknown) {
      const { id, ...input } = argsOf(args, null, 'Objective not saved');
      return { id: newId(id), ...validateObjective(input) };
    },
    async plan(session, { id, ...objective }, context) {
      await checkUnused(context, id);
      if (objective.alignedTo) await checkAlignment(context, context.actor, session, id, objective.alignedTo);
      return [{ type: 'objective.added', data: { id, ...objective, order: session.objectives.size } }];
    },
    result: (session, { id }): Objective => saved(session.objectives, id),
  }),

  'objective.edit': sessionRow({
    actions: one('objective.edit'),
    validate(args: unknown) {
      const { id, ...patch } = argsOf(args, null, 'Objective not saved');
      return { id: refId(id, 'id', 'Objective not saved'), ...validateObjectivePatch(patch) };
    },
    async plan(session, { id, ...patch }, context) {
      const change = changedFields(exists(session.objectives, id, 'objective'), patch);
      if (change.alignedTo) await checkAlignment(context, context.actor, session, id, change.alignedTo);
      return Object.keys(change).length === 0 ? [] : [{ type: 'objective.changed', data: { id, ...change } }];
    },
    result: (session, { id }): Objective => saved(session.objectives, id),
  }),

  'objective.remove': sessionRow({
    actions: one('objective.remove'),
    // An objective of a child session may be aligning to it at this moment.
    links: () => true,
    validate: (args: unknown) => ({
      id: refId(argsOf(args, ['id'], 'Objective not removed').id, 'id', 'Objective not removed'),
    }),
    plan(session, { id }) {
      exists(session.objectives, id, 'objective');
      return [{ type: 'objective.removed', data: { id } }];
    },
    result: () => undefined,
  }),

  'objective.reorder': sessionRow({
    actions: one('objective.reorder'),
    validate: (args: unknown) => ({
      ids: checkIdList(argsOf(args, ['ids'], 'Order not saved').ids, 'ids', 'Order not saved'),
    }),
    plan(session, { ids }) {
      const same =
        ids.length === session.objectives.size &&
        new Set(ids).size === ids.length &&
        ids.every((id) => session.objectives.has(id));
      if (!same) throw invalid('ids', 'List every objective of the session exactly once.');
      return [{ type: 'objective.reordered', data: { ids } }];
    },
    result: () => undefined,
  }),

  'objective.copy': sessionRow({
    actions: () => ['objective.add', 'keyResult.add'],
    makes: { field: 'seed', kind: 'copy' },
    validate(args: unknown) {
      const what = 'Objectives not copied';
      const { fromSessionId, objectiveIds, seed } = argsOf(args, ['fromSessionId', 'objectiveIds', 'seed'], what);
      return {
        fromSessionId: refId(fromSessionId, 'fromSessionId', what),
        ...(objectiveIds === undefined ? {} : { objectiveIds: checkIdList(objectiveIds, 'objectiveIds', what) }),
        seed: newId(seed, 'seed'),
      };
    },
    async plan(session, { fromSessionId, objectiveIds, seed }, context) {
      const source = await context.visible(fromSessionId, context.actor);
      if (!source) throw new OkrError('not-found', `There is no session ${fromSessionId}.`);
      const unknown = (objectiveIds ?? []).filter((id) => !source.objectives.has(id));
      if (unknown.length > 0)
        throw invalid('objectiveIds', `There is no objective ${unknown.join(', ')} in ${source.title}.`);
      const chosen = objectivesOf(source).filter((o) => !objectiveIds || objectiveIds.includes(o.id));
      const ids = context.idsMadeHere ? undefined : await context.ids();
      return chosen.flatMap((objective, i): EntryDraft[] => {
        const { id: _id, order: _order, alignedTo, ...rest } = objective;
        const id = copiedId('ob', seed, i);
        if (ids?.has(id)) throw invalid('seed', `The copy ${seed} was already made in this session.`);
        const keep =
          alignedTo && (alignedTo.sessionId === session.parentId || alignedTo.sessionId === session.id)
            ? { alignedTo }
            : {};
        return [
          { type: 'objective.added', data: { ...rest, ...keep, id, order: session.objectives.size + i } },
          ...keyResultsOf(source, objective.id).map((kr, j): EntryDraft => {
            const { latest: _l, checkIns: _c, id: _k, ...data } = kr;
            return { type: 'keyResult.added', data: { ...data, id: copiedId('kr', seed, i, j), objectiveId: id } };
          }),
        ];
      });
    },
    result(session, { seed }): Objective[] {
      const copies: Objective[] = [];
      for (let i = 0; session.objectives.has(copiedId('ob', seed, i)); i++)
        copies.push(saved(session.objectives, copiedId('ob', seed, i)));
      return copies;
    },
  }),

  'keyResult.add': sessionRow({
    actions: one('keyResult.add'),
    makes: { field: 'id', kind: 'keyResult' },
    validate(args: unknown) {
      const { id, ...input } = argsOf(args, null, 'Key result not saved');
      return { id: newId(id), ...validateKeyResult(input) };
    },
    async plan(session, { id, ...kr }, context) {
      if (!session.objectives.has(kr.objectiveId))
        throw invalid('objectiveId', `There is no objective ${kr.objectiveId} in this session.`);
      await checkUnused(context, id);
      const order = keyResultsOf(session, kr.objectiveId).length;
      return [{ type: 'keyResult.added', data: { id, ...kr, order } }];
    },
    result: (session, { id }): KeyResult => saved(session.keyResults, id),
  }),

  'keyResult.edit': sessionRow({
    actions: one('keyResult.edit'),
    validate(args: unknown) {
      const { id, ...patch } = argsOf(args, null, 'Key result not saved');
      return { id: refId(id, 'id', 'Key result not saved'), ...validateKeyResultPatch(patch) };
    },
    plan(session, { id, ...patch }) {
      const change = changedFields(exists(session.keyResults, id, 'key result'), patch);
      return Object.keys(change).length === 0 ? [] : [{ type: 'keyResult.changed', data: { id, ...change } }];
    },
    result: (session, { id }): KeyResult => saved(session.keyResults, id),
  }),

  /** New numbers (start and target, threshold, or milestones), and optionally the weight, in one step. */
  'keyResult.retarget': sessionRow({
    actions: (args) => ('weight' in args ? ['keyResult.retarget', 'keyResult.edit'] : ['keyResult.retarget']),
    validate(args: unknown) {
      const { id, weight, ...target } = argsOf(args, null, 'Target not changed');
      return {
        id: refId(id, 'id', 'Target not changed'),
        target,
        ...(weight === undefined ? {} : { weight: validateKeyResultPatch({ weight }).weight as number }),
      };
    },
    plan(session, { id, target, weight }) {
      const kr = exists(session.keyResults, id, 'key result');
      const { kind: _kind, ...numbers } = validateRetarget(kr, target);
      const drafts: EntryDraft[] = [{ type: 'keyResult.retargeted', data: { id, kind: kr.kind, ...numbers } }];
      if (weight !== undefined && weight !== kr.weight)
        drafts.push({ type: 'keyResult.changed', data: { id, weight } });
      return drafts;
    },
    result: (session, { id }): KeyResult => saved(session.keyResults, id),
  }),

  'keyResult.remove': sessionRow({
    actions: one('keyResult.remove'),
    validate: (args: unknown) => ({
      id: refId(argsOf(args, ['id'], 'Key result not removed').id, 'id', 'Key result not removed'),
    }),
    plan(session, { id }) {
      exists(session.keyResults, id, 'key result');
      return [{ type: 'keyResult.removed', data: { id } }];
    },
    result: () => undefined,
  }),

  'keyResult.reorder': sessionRow({
    actions: one('keyResult.reorder'),
    validate(args: unknown) {
      const { objectiveId, ids } = argsOf(args, ['objectiveId', 'ids'], 'Order not saved');
      return {
        objectiveId: refId(objectiveId, 'objectiveId', 'Order not saved'),
        ids: checkIdList(ids, 'ids', 'Order not saved'),
      };
    },
    plan(session, { objectiveId, ids }) {
      exists(session.objectives, objectiveId, 'objective');
      const current = keyResultsOf(session, objectiveId);
      const same =
        ids.length === current.length &&
        new Set(ids).size === ids.length &&
        ids.every((id) => session.keyResults.get(id)?.objectiveId === objectiveId);
      if (!same) throw invalid('ids', 'List every key result of the objective exactly once.');
      return [{ type: 'keyResult.reordered', data: { objectiveId, ids } }];
    },
    result: () => undefined,
  }),

  /** Hands an objective, key result or initiative to another owner (`null`: unassigned). */
  'owner.assign': sessionRow({
    actions: one('owner.assign'),
    validate(args: unknown) {
      const what = 'Owner not changed';
      const { item, id, ownerId } = argsOf(args, ['item', 'id', 'ownerId'], what);
      if (typeof item !== 'string' || !(OWNED_ITEMS as readonly string[]).includes(item))
        throw invalid('item', 'Must be objective, keyResult or initiative.');
      if (ownerId !== null && (typeof ownerId !== 'string' || ownerId.trim() === '' || ownerId.length > 200))
        throw invalid('ownerId', 'Must be an id, or null to unassign.');
      return {
        item: item as (typeof OWNED_ITEMS)[number],
        id: refId(id, 'id', what),
        ownerId: ownerId as string | null,
      };
    },
    owners: (session, { item, id }) => ownersOf(session, { item, id }),
    plan(session, { item, id, ownerId }) {
      const map: ReadonlyMap<string, { readonly ownerId?: string | undefined }> =
        item === 'objective' ? session.objectives : item === 'keyResult' ? session.keyResults : session.initiatives;
      const current = exists(map, id, item === 'keyResult' ? 'key result' : item);
      if ((current.ownerId ?? null) === ownerId) return [];
      return [{ type: 'owner.assigned', data: { item, id, ownerId } }];
    },
    result: () => undefined,
  }),

  'initiative.add': sessionRow({
    actions: one('initiative.add'),
    makes: { field: 'id', kind: 'initiative' },
    validate(args: unknown) {
      const { id, ...input } = argsOf(args, null, 'Initiative not saved');
      return { id: newId(id), ...validateInitiative(input) };
    },
    async plan(session, { id, ...initiative }, context) {
      checkLinked(session, initiative.keyResultIds);
      await checkUnused(context, id);
      return [{ type: 'initiative.added', data: { id, ...initiative, keyResultIds: [...initiative.keyResultIds] } }];
    },
    result: (session, { id }): Initiative => saved(session.initiatives, id),
  }),

  'initiative.edit': sessionRow({
    actions: one('initiative.edit'),
    validate(args: unknown) {
      const { id, ...patch } = argsOf(args, null, 'Initiative not saved');
      return { id: refId(id, 'id', 'Initiative not saved'), ...validateInitiativePatch(patch) };
    },
    plan(session, { id, ...patch }) {
      const change = changedFields(exists(session.initiatives, id, 'initiative'), patch);
      if (change.keyResultIds) checkLinked(session, change.keyResultIds);
      return Object.keys(change).length === 0 ? [] : [{ type: 'initiative.changed', data: { id, ...change } }];
    },
    result: (session, { id }): Initiative => saved(session.initiatives, id),
  }),

  'initiative.remove': sessionRow({
    actions: one('initiative.remove'),
    validate: (args: unknown) => ({
      id: refId(argsOf(args, ['id'], 'Initiative not removed').id, 'id', 'Initiative not removed'),
    }),
    plan(session, { id }) {
      exists(session.initiatives, id, 'initiative');
      return [{ type: 'initiative.removed', data: { id } }];
    },
    result: () => undefined,
  }),

  /** A check-in on a key result: its new value, a status, a confidence and a comment. */
  'checkIn.add': sessionRow({
    actions: one('checkIn.add'),
    makes: { field: 'id', kind: 'checkIn' },
    validate(args: unknown) {
      const { id, keyResultId, ...input } = argsOf(args, null, 'Check-in not saved');
      return {
        id: newId(id),
        keyResultId: refId(keyResultId, 'keyResultId', 'Check-in not saved'),
        input: input as Args,
      };
    },
    owners: (session, { keyResultId }) => ownersOf(session, { keyResultId }),
    async plan(session, { id, keyResultId, input }, context) {
      const kr = exists(session.keyResults, keyResultId, 'key result');
      const data = validateCheckIn(kr, input);
      await checkUnused(context, id);
      return [{ type: 'checkIn.added', data: { id, keyResultId, ...data, ...lateBy(context) } }];
    },
    result: (session, { id, keyResultId }): CheckIn => savedCheckIn(session, keyResultId, id),
  }),

  /** A correction supersedes a check-in and takes its place in the history; both stay in it. */
  'checkIn.correct': sessionRow({
    actions: one('checkIn.correct'),
    makes: { field: 'id', kind: 'checkIn' },
    validate(args: unknown) {
      const { id, checkInId, ...input } = argsOf(args, null, 'Correction not saved');
      return {
        id: newId(id),
        checkInId: refId(checkInId, 'checkInId', 'Correction not saved'),
        input: input as Args,
      };
    },
    owners: async (session, { checkInId }, context) =>
      ownersOf(session, { keyResultId: await keyResultOfCheckIn(session, context, checkInId) }),
    async plan(session, { id, checkInId, input }, context) {
      const kr = exists(session.keyResults, await keyResultOfCheckIn(session, context, checkInId), 'key result');
      const original = findCheckIn(kr, checkInId);
      if (!original) throw new OkrError('not-found', `There is no check-in ${checkInId} in this session.`);
      if (original.supersededBy !== undefined)
        throw new OkrError('conflict', 'This check-in was already corrected; correct the correction instead.');
      const data = validateCheckIn(kr, input);
      await checkUnused(context, id);
      return [
        {
          type: 'checkIn.corrected',
          data: { id, keyResultId: kr.id, corrects: checkInId, ...data, ...lateBy(context) },
        },
      ];
    },
    result: (session, { id }, drafts): CheckIn => {
      const draft = drafts[0];
      return savedCheckIn(session, draft?.type === 'checkIn.corrected' ? draft.data.keyResultId : '', id);
    },
  }),
} as const;

/** A late check-in keeps its author's time: when they wrote it a minute or more before now. */
const LATE_MS = 60_000;

function lateBy(context: CommandContext): { writtenAt?: string } {
  const { writtenAt } = context;
  if (writtenAt === undefined || context.now.getTime() - Date.parse(writtenAt) < LATE_MS) return {};
  return { writtenAt };
}

function copiedId(prefix: 'ob' | 'kr', seed: string, i: number, j?: number): string {
  return j === undefined ? `${prefix}_${seed}_${i}` : `${prefix}_${seed}_${i}_${j}`;
}

export type CommandTable = typeof COMMANDS;
export type CommandType = keyof CommandTable;

/** The row of a command type, or undefined for anything else (`'__proto__'` included). */
export function rowOf(type: unknown): CommandTable[CommandType] | undefined {
  return typeof type === 'string' && Object.hasOwn(COMMANDS, type) ? COMMANDS[type as CommandType] : undefined;
}

export type { Command };
