import type { CheckInData } from './journal.js';
import {
  type Alignment,
  CHECK_IN_STATUSES,
  type CheckInStatus,
  INITIATIVE_STATUSES,
  type InitiativeStatus,
  KEY_RESULT_KINDS,
  type KeyResult,
  type KeyResultKind,
  type KeyResultTarget,
} from './model.js';
import { checkKnownKeys, checkOneOf, checkText, checkTitle, isRecord, Problems } from './validate.js';

/**
 * Validation of what people type about objectives, key results, initiatives and
 * check-ins. Like session input: every problem at once, one `invalid-input` naming the
 * fields, nothing stored.
 */

export interface ObjectiveInput {
  readonly title: string;
  readonly description?: string;
  readonly ownerId?: string;
  readonly alignedTo?: Alignment;
}

export interface ObjectivePatch {
  readonly title?: string;
  readonly description?: string | null;
  readonly alignedTo?: Alignment | null;
}

export interface KeyResultInput extends KeyResultTargetInput {
  readonly objectiveId: string;
  readonly title: string;
  readonly kind: KeyResultKind;
  readonly ownerId?: string;
  readonly unit?: string;
  readonly weight?: number;
}

export interface KeyResultTargetInput {
  readonly start?: number;
  readonly target?: number;
  readonly threshold?: number;
  readonly milestones?: readonly string[];
  /**
   * With a retarget, the new weight: a target and the weight it carries are decided
   * together, so they are saved together (one command, both or neither).
   */
  readonly weight?: number;
}

export interface KeyResultPatch {
  readonly title?: string;
  readonly unit?: string | null;
  readonly weight?: number;
}

export interface InitiativeInput {
  readonly title: string;
  readonly keyResultIds: readonly string[];
  readonly ownerId?: string;
  readonly link?: string;
  readonly status?: InitiativeStatus;
}

export interface InitiativePatch {
  readonly title?: string;
  readonly link?: string | null;
  readonly status?: InitiativeStatus;
  readonly keyResultIds?: readonly string[];
}

export interface CheckInInput {
  /** A number; `true`/`false` for boolean key results; steps reached for milestones. */
  readonly value: number | boolean;
  readonly status?: CheckInStatus;
  /** 0..1. */
  readonly confidence?: number;
  readonly comment?: string;
}

export const UNIT_MAX = 24;
/** The most ids one list may name (linked key results, objectives to copy). */
export const IDS_MAX = 1000;
export const COMMENT_MAX = 2000;
export const MILESTONES_MAX = 50;

function record(problems: Problems, input: unknown, what: string): Record<string, unknown> {
  if (isRecord(input)) return input;
  problems.add(what, `Expected an object with the ${what} details.`);
  problems.done(`${what} not saved`);
  return {};
}

export function checkId(problems: Problems, field: string, value: unknown, required = true): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    problems.add(field, required && value === undefined ? 'This is required.' : 'Must be an id (non-empty text).');
    return undefined;
  }
  return value;
}

function checkNumber(problems: Problems, field: string, value: unknown, label: string): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.add(field, value === undefined ? `${label} is required.` : `${label} must be a finite number.`);
    return undefined;
  }
  return value;
}

function checkAlignment(problems: Problems, value: unknown): Alignment | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    problems.add('alignedTo', 'Must be { sessionId, objectiveId }.');
    return undefined;
  }
  const sessionId = checkId(problems, 'alignedTo', value.sessionId);
  const objectiveId = checkId(problems, 'alignedTo', value.objectiveId);
  return sessionId && objectiveId ? { sessionId, objectiveId } : undefined;
}

export function validateObjective(input: unknown): Omit<ObjectiveInput, never> {
  const problems = new Problems();
  const value = record(problems, input, 'objective');
  checkKnownKeys(problems, value, ['title', 'description', 'ownerId', 'alignedTo']);
  const title = checkTitle(problems, 'title', value.title);
  const description = checkText(problems, 'description', value.description);
  const ownerId = checkId(problems, 'ownerId', value.ownerId, false);
  const alignedTo = checkAlignment(problems, value.alignedTo);
  problems.done('Objective not saved');
  return {
    title,
    ...(description ? { description } : {}),
    ...(ownerId ? { ownerId } : {}),
    ...(alignedTo ? { alignedTo } : {}),
  };
}

export function validateObjectivePatch(input: unknown): {
  title?: string;
  description?: string | null;
  alignedTo?: Alignment | null;
} {
  const problems = new Problems();
  const value = record(problems, input, 'objective');
  checkKnownKeys(problems, value, ['title', 'description', 'alignedTo']);
  const out: { title?: string; description?: string | null; alignedTo?: Alignment | null } = {};
  if ('title' in value) out.title = checkTitle(problems, 'title', value.title);
  if ('description' in value) out.description = checkText(problems, 'description', value.description) ?? null;
  if ('alignedTo' in value) out.alignedTo = checkAlignment(problems, value.alignedTo) ?? null;
  problems.done('Objective not saved');
  return out;
}

function checkWeight(problems: Problems, value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1000) {
    problems.add('weight', 'The weight must be a number above 0 (1 is the default).');
    return 1;
  }
  return value;
}

function checkUnit(problems: Problems, value: unknown): string | undefined {
  return checkText(problems, 'unit', value, UNIT_MAX);
}

/** The numbers a kind needs, and nothing else. */
export function checkTarget(problems: Problems, kind: KeyResultKind, value: Record<string, unknown>): KeyResultTarget {
  switch (kind) {
    case 'increase':
    case 'decrease': {
      const start = checkNumber(problems, 'start', value.start, 'The start value');
      const target = checkNumber(problems, 'target', value.target, 'The target value');
      if (start !== undefined && target !== undefined) {
        if (start === target) problems.add('target', 'The target must differ from the start.');
        else if (kind === 'increase' && target < start)
          problems.add('target', 'An increase needs a target above its start.');
        else if (kind === 'decrease' && target > start)
          problems.add('target', 'A decrease needs a target below its start.');
      }
      return { kind, start: start ?? 0, target: target ?? 1 };
    }
    case 'stay_above':
    case 'stay_below':
      return { kind, threshold: checkNumber(problems, 'threshold', value.threshold, 'The threshold') ?? 0 };
    case 'boolean':
      return { kind };
    case 'milestones': {
      const steps = value.milestones;
      if (!Array.isArray(steps) || steps.length === 0 || steps.length > MILESTONES_MAX) {
        problems.add('milestones', `List between 1 and ${MILESTONES_MAX} named steps.`);
        return { kind, milestones: [] };
      }
      const names = steps.map((s) => (typeof s === 'string' ? s.trim() : ''));
      if (names.some((n) => n === '' || n.length > 120))
        problems.add('milestones', 'Every step needs a name (at most 120 characters).');
      return { kind, milestones: names };
    }
  }
}

export function validateKeyResult(input: unknown): Omit<KeyResultInput, 'weight'> & { weight: number } {
  const problems = new Problems();
  const value = record(problems, input, 'key result');
  checkKnownKeys(problems, value, [
    'objectiveId',
    'title',
    'kind',
    'ownerId',
    'unit',
    'weight',
    'start',
    'target',
    'threshold',
    'milestones',
  ]);
  const objectiveId = checkId(problems, 'objectiveId', value.objectiveId) ?? '';
  const title = checkTitle(problems, 'title', value.title);
  const kind = checkOneOf(problems, 'kind', value.kind, KEY_RESULT_KINDS);
  const target = problems.has('kind') ? { kind } : checkTarget(problems, kind, value);
  const ownerId = checkId(problems, 'ownerId', value.ownerId, false);
  const unit = checkUnit(problems, value.unit);
  const weight = checkWeight(problems, value.weight);
  problems.done('Key result not saved');
  return { objectiveId, title, ...target, weight, ...(ownerId ? { ownerId } : {}), ...(unit ? { unit } : {}) } as Omit<
    KeyResultInput,
    'weight'
  > & { weight: number };
}

export function validateKeyResultPatch(input: unknown): { title?: string; unit?: string | null; weight?: number } {
  const problems = new Problems();
  const value = record(problems, input, 'key result');
  checkKnownKeys(problems, value, ['title', 'unit', 'weight']);
  const out: { title?: string; unit?: string | null; weight?: number } = {};
  if ('title' in value) out.title = checkTitle(problems, 'title', value.title);
  if ('unit' in value) out.unit = checkUnit(problems, value.unit) ?? null;
  if ('weight' in value) out.weight = checkWeight(problems, value.weight);
  problems.done('Key result not saved');
  return out;
}

/** A new target for `kr`, and its new weight when the input names one. */
export function validateRetarget(kr: KeyResult, input: unknown): KeyResultTarget & { readonly weight?: number } {
  const problems = new Problems();
  const value = record(problems, input, 'target');
  checkKnownKeys(problems, value, ['start', 'target', 'threshold', 'milestones', 'weight']);
  const target = checkTarget(problems, kr.kind, { ...kr, ...value });
  const weight = 'weight' in value ? checkWeight(problems, value.weight) : undefined;
  problems.done('Target not changed');
  return weight === undefined ? target : { ...target, weight };
}

/** The longest link kept: browsers handle far longer, but no initiative needs one. */
export const LINK_MAX = 2000;

function checkLink(problems: Problems, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let url: URL | undefined;
  try {
    url = typeof value === 'string' && value.length <= LINK_MAX ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    problems.add(
      'link',
      `The link must be a web address starting with http:// or https:// (at most ${LINK_MAX} characters).`,
    );
    return undefined;
  }
  return url.href;
}

function checkIds(problems: Problems, field: string, value: unknown): string[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.length > IDS_MAX ||
    !value.every((v) => typeof v === 'string' && v.trim() !== '' && v.length <= 200)
  ) {
    problems.add(field, 'Link at least one key result.');
    return [];
  }
  return [...new Set(value as string[])];
}

export function validateInitiative(input: unknown): InitiativeInput & { status: InitiativeStatus } {
  const problems = new Problems();
  const value = record(problems, input, 'initiative');
  checkKnownKeys(problems, value, ['title', 'keyResultIds', 'ownerId', 'link', 'status']);
  const title = checkTitle(problems, 'title', value.title);
  const keyResultIds = checkIds(problems, 'keyResultIds', value.keyResultIds);
  const ownerId = checkId(problems, 'ownerId', value.ownerId, false);
  const link = checkLink(problems, value.link);
  const status = checkOneOf(problems, 'status', value.status ?? 'planned', INITIATIVE_STATUSES);
  problems.done('Initiative not saved');
  return { title, keyResultIds, status, ...(ownerId ? { ownerId } : {}), ...(link ? { link } : {}) };
}

export function validateInitiativePatch(input: unknown): {
  title?: string;
  link?: string | null;
  status?: InitiativeStatus;
  keyResultIds?: string[];
} {
  const problems = new Problems();
  const value = record(problems, input, 'initiative');
  checkKnownKeys(problems, value, ['title', 'link', 'status', 'keyResultIds']);
  const out: { title?: string; link?: string | null; status?: InitiativeStatus; keyResultIds?: string[] } = {};
  if ('title' in value) out.title = checkTitle(problems, 'title', value.title);
  if ('link' in value) out.link = checkLink(problems, value.link) ?? null;
  if ('status' in value) out.status = checkOneOf(problems, 'status', value.status, INITIATIVE_STATUSES);
  if ('keyResultIds' in value) out.keyResultIds = checkIds(problems, 'keyResultIds', value.keyResultIds);
  problems.done('Initiative not saved');
  return out;
}

/** A check-in's value for the key result's kind, with its status, confidence and comment. */
export function validateCheckIn(kr: KeyResult, input: unknown): Omit<CheckInData, 'id' | 'keyResultId'> {
  const problems = new Problems();
  const value = record(problems, input, 'check-in');
  checkKnownKeys(problems, value, ['value', 'status', 'confidence', 'comment']);
  let number = 0;
  if (kr.kind === 'boolean') {
    if (typeof value.value !== 'boolean' && value.value !== 0 && value.value !== 1)
      problems.add('value', 'Say whether it is done (true or false).');
    else number = value.value ? 1 : 0;
  } else if (kr.kind === 'milestones') {
    const steps = kr.milestones?.length ?? 0;
    if (typeof value.value !== 'number' || !Number.isInteger(value.value) || value.value < 0 || value.value > steps) {
      problems.add('value', `Give the number of steps reached, 0 to ${steps}.`);
    } else number = value.value;
  } else {
    number = checkNumber(problems, 'value', value.value, 'The value') ?? 0;
  }
  const status =
    value.status === undefined ? undefined : checkOneOf(problems, 'status', value.status, CHECK_IN_STATUSES);
  let confidence: number | undefined;
  if (value.confidence !== undefined) {
    if (typeof value.confidence !== 'number' || !(value.confidence >= 0 && value.confidence <= 1)) {
      problems.add('confidence', 'Confidence is a number from 0 to 1.');
    } else confidence = value.confidence;
  }
  const comment = checkText(problems, 'comment', value.comment, COMMENT_MAX);
  problems.done('Check-in not saved');
  return {
    value: number,
    ...(status ? { status } : {}),
    ...(confidence === undefined ? {} : { confidence }),
    ...(comment ? { comment } : {}),
  };
}

/**
 * Options of `copyObjectives` from an untyped caller: nothing, or `{ objectiveIds }` with
 * a list of ids. A string is refused: `'ob_1'.includes(id)` would match by substring, and
 * `''` would copy everything.
 */
export function validateCopyOptions(input: unknown): { objectiveIds?: readonly string[] } {
  if (input === undefined) return {};
  const problems = new Problems();
  const value = record(problems, input, 'copy options');
  checkKnownKeys(problems, value, ['objectiveIds']);
  if (value.objectiveIds === undefined) {
    problems.done('Nothing copied');
    return {};
  }
  const ids = value.objectiveIds;
  if (
    !Array.isArray(ids) ||
    ids.length > IDS_MAX ||
    !ids.every((v) => typeof v === 'string' && v.trim() !== '' && v.length <= 200)
  )
    problems.add('objectiveIds', `Must be a list of objective ids (at most ${IDS_MAX}).`);
  problems.done('Nothing copied');
  return { objectiveIds: [...new Set(ids as string[])] };
}
