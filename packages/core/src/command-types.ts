import type { Transition } from './actions.js';
import type { SessionInput, SessionPatch } from './model.js';
import type {
  CheckInInput,
  InitiativeInput,
  InitiativePatch,
  KeyResultInput,
  KeyResultPatch,
  KeyResultTargetInput,
  ObjectiveInput,
  ObjectivePatch,
} from './okr-input.js';
import type { OwnedItem } from './ownership.js';

/**
 * Every change as plain JSON, the form a command is queued, sent and replayed in:
 * `{ type: 'checkIn.add', sessionId: 'SE-01003', args: { keyResultId, value, status, comment } }`.
 * Ids a command creates (`id`, or `seed` for a copy) may be given, so that a command replayed
 * later creates the same ids; given none, the store makes them.
 */
export interface CommandArgs {
  'session.create': SessionInput;
  /** An export made by `exportSession` (its JSON text, or the parsed object). */
  'session.import': { readonly data: unknown };
  'session.edit': SessionPatch;
  'session.transition': { readonly transition: Transition };
  'session.delete': Readonly<Record<string, never>>;
  'objective.add': ObjectiveInput & { readonly id?: string };
  'objective.edit': ObjectivePatch & { readonly id: string };
  'objective.remove': { readonly id: string };
  'objective.reorder': { readonly ids: readonly string[] };
  /** Copies objectives and their key results (not check-ins) from another session into this one. */
  'objective.copy': {
    readonly fromSessionId: string;
    readonly objectiveIds?: readonly string[];
    /** Makes the copies' ids (`ob_<seed>_0`, `kr_<seed>_0_0`, ...). */
    readonly seed?: string;
  };
  'keyResult.add': KeyResultInput & { readonly id?: string };
  'keyResult.edit': KeyResultPatch & { readonly id: string };
  'keyResult.retarget': KeyResultTargetInput & { readonly id: string; readonly weight?: number };
  'keyResult.remove': { readonly id: string };
  'keyResult.reorder': { readonly objectiveId: string; readonly ids: readonly string[] };
  'owner.assign': { readonly item: OwnedItem; readonly id: string; readonly ownerId: string | null };
  'initiative.add': InitiativeInput & { readonly id?: string };
  'initiative.edit': InitiativePatch & { readonly id: string };
  'initiative.remove': { readonly id: string };
  'checkIn.add': CheckInInput & { readonly id?: string; readonly keyResultId: string };
  'checkIn.correct': CheckInInput & { readonly id?: string; readonly checkInId: string };
}

export type CommandName = keyof CommandArgs;

/**
 * Every command type, in the order of `CommandArgs`: what `execute` runs (the table of their
 * validators and planners is loaded with the first command, see command-table.ts); the
 * command table's test checks that it names every row, no more.
 */
export const COMMAND_TYPES: readonly CommandName[] = [
  'session.create',
  'session.import',
  'session.edit',
  'session.transition',
  'session.delete',
  'objective.add',
  'objective.edit',
  'objective.remove',
  'objective.reorder',
  'objective.copy',
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
];

/** Commands that make a new session carry no `sessionId` (storage numbers it). */
export type SessionMakingCommand = 'session.create' | 'session.import';

export type Command = {
  [K in CommandName]: K extends SessionMakingCommand
    ? { readonly type: K; readonly args: CommandArgs[K]; readonly sessionId?: undefined }
    : { readonly type: K; readonly sessionId: string; readonly args: CommandArgs[K] };
}[CommandName];

/** The command of one type. */
export type CommandOf<K extends CommandName> = Extract<Command, { readonly type: K }>;
