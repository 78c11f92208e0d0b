import type { CheckIn, CheckInInput, CheckInStatus, KeyResult } from '@okrkit/core';

/**
 * The check-in form of `<okr-check-in>` as data: what it starts with, what the person typed
 * (kept as typed, valid or not), whether closing would lose it, and the check-in it
 * stands for. Pure, so that the element keeps only the state and the DOM.
 */

/** The form as the person set it (kept as typed, valid or not). */
export interface CheckInDraft {
  /** Number as typed; `1`/`0` for boolean; steps reached for milestones. */
  readonly value: string;
  readonly status: CheckInStatus | '';
  /** 0..100 as typed. */
  readonly confidence: string;
  readonly comment: string;
}
export const DRAFT_FIELDS = ['value', 'status', 'confidence', 'comment'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** A message next to each field the person has to fix. */
export type FieldErrors = Partial<Record<DraftField, string>>;

/**
 * No messages. One object rather than a new `{}` each time: a reactive property set to
 * an equal but new object counts as changed, so resetting a form with nothing to reset
 * would render it again.
 */
export const NO_FIELD_ERRORS: FieldErrors = Object.freeze({});

/** What the form starts with: the previous check-in's values (or the correction target's). */
export function initialDraft(kr: KeyResult, correcting: CheckIn | undefined): CheckInDraft {
  const from = correcting ?? kr.latest;
  const value =
    from?.value ??
    (kr.kind === 'boolean' || kr.kind === 'milestones'
      ? 0
      : kr.kind === 'increase' || kr.kind === 'decrease'
        ? kr.start
        : undefined);
  return {
    value: value === undefined ? '' : String(value),
    status: from?.status ?? '',
    confidence: String(Math.round((from?.confidence ?? 0.5) * 100)),
    comment: correcting?.comment ?? '',
  };
}

/** What the person typed differs from what the form started with: closing would lose it. */
export function isDirty(kr: KeyResult, draft: CheckInDraft, correcting: CheckIn | undefined): boolean {
  const initial = initialDraft(kr, correcting);
  return DRAFT_FIELDS.some((field) => draft[field] !== initial[field]);
}

/** The number the form's value stands for, or undefined while it is not one. */
export function parsedValue(kr: KeyResult, draft: CheckInDraft): number | undefined {
  if (draft.value.trim() === '') return undefined;
  const n = Number(draft.value);
  if (!Number.isFinite(n)) return undefined;
  return kr.kind === 'boolean' ? (n ? 1 : 0) : n;
}

/** The check-in the draft stands for, given the number its value parsed to; empty fields are left out. */
export function checkInInput(kr: KeyResult, draft: CheckInDraft, value: number): CheckInInput {
  const confidence = Number(draft.confidence);
  const comment = draft.comment.trim();
  return {
    value: kr.kind === 'boolean' ? value === 1 : value,
    ...(draft.status ? { status: draft.status } : {}),
    ...(draft.confidence.trim() !== '' && Number.isFinite(confidence) ? { confidence: confidence / 100 } : {}),
    ...(comment ? { comment } : {}),
  };
}

/** The errors left once the person changed `field` (its own message goes; unchanged when it had none). */
export function withoutError(errors: FieldErrors, field: DraftField): FieldErrors {
  if (!errors[field]) return errors;
  const { [field]: _fixed, ...rest } = errors;
  return rest;
}
