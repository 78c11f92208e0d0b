import type { InitiativeStatus, KeyResultKind } from '@okrkit/core';

/** Which form the dialog shows: one that adds an item, or one that edits an existing one. */
export type ItemForm =
  | { readonly kind: 'objective' }
  | { readonly kind: 'keyResult'; readonly objectiveId: string }
  | { readonly kind: 'initiative' }
  | { readonly kind: 'description'; readonly objectiveId: string }
  | { readonly kind: 'target'; readonly keyResultId: string }
  | { readonly kind: 'editInitiative'; readonly initiativeId: string };

/** The fields of the forms, as typed. Names match the core's `OkrError.fields` keys. */
export interface FormValues {
  readonly title: string;
  readonly description: string;
  readonly ownerId: string;
  readonly kind: KeyResultKind;
  readonly start: string;
  readonly target: string;
  readonly threshold: string;
  readonly unit: string;
  readonly weight: string;
  readonly link: string;
  readonly status: InitiativeStatus;
}

/** Every field a form can show an error beside, in the order they appear (the first error gets focus). */
export const FORM_FIELDS = [
  'title',
  'description',
  'kind',
  'start',
  'target',
  'threshold',
  'milestones',
  'unit',
  'weight',
  'status',
  'keyResultIds',
  'link',
  'ownerId',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type FormErrors = Partial<Record<FormField, string>>;

export const NUMBER_FIELDS = ['start', 'target', 'threshold', 'weight'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** What a form holds while it is open: typed values, named steps and linked key results. */
export interface FormDraft {
  readonly values: FormValues;
  readonly milestones: readonly string[];
  readonly linked: readonly string[];
}

/** The numbers that make a key result's target (the weight is not one). */
export type TargetField = Exclude<NumberField, 'weight'>;

/** The numbers a key result of `kind` is measured by. */
export function targetFields(kind: KeyResultKind): readonly TargetField[] {
  if (kind === 'increase' || kind === 'decrease') return ['start', 'target'];
  if (kind === 'stay_above' || kind === 'stay_below') return ['threshold'];
  return [];
}

/** Whether a key result of `kind` has a unit (done/not done and steps have none). */
export function hasUnit(kind: KeyResultKind): boolean {
  return kind !== 'boolean' && kind !== 'milestones';
}

export function emptyValues(): FormValues {
  return {
    title: '',
    description: '',
    ownerId: '',
    kind: 'increase',
    start: '',
    target: '',
    threshold: '',
    unit: '',
    weight: '1',
    link: '',
    status: 'planned',
  };
}

/** Whether the form is one that adds an item (its save button says what it adds). */
export function addsItem(form: ItemForm): boolean {
  return form.kind === 'objective' || form.kind === 'keyResult' || form.kind === 'initiative';
}
