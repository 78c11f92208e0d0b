import type { InitiativeStatus, KeyResultInput, KeyResultPatch, OkrStore, Session } from '@okrkit/core';
import { OkrInitiativeAddEvent } from '../events/okr-initiative-add-event.js';
import { type InitiativeChange, OkrInitiativeChangeEvent } from '../events/okr-initiative-change-event.js';
import { OkrKeyResultAddEvent } from '../events/okr-key-result-add-event.js';
import { OkrKeyResultChangeEvent } from '../events/okr-key-result-change-event.js';
import { OkrObjectiveAddEvent } from '../events/okr-objective-add-event.js';
import { OkrObjectiveChangeEvent } from '../events/okr-objective-change-event.js';
import { type FormDraft, hasUnit, type ItemForm, type NumberField, targetFields } from './form-model.js';
import type { ListPermissions } from './list-permissions.js';

/** The typed numbers of `fields`, or `undefined` once the form shows which ones are not numbers. */
export type ReadNumbers = (fields: readonly NumberField[]) => Promise<Partial<Record<NumberField, number>> | undefined>;

/** What a save did: the events to fire once the dialog closed, and where focus goes then. */
export interface Saved {
  readonly events: readonly Event[];
  /** A selector for the item just added, to focus in place of the button that opened the form. */
  readonly focus?: string;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/**
 * Saves what the form says, as one command (none when nothing changed). Resolves
 * `undefined` when the form already shows errors of its own (a number it could not read);
 * rejects with the core's `OkrError` when the core refuses, having changed nothing.
 */
export async function saveForm(
  store: OkrStore,
  session: Session,
  can: ListPermissions,
  form: ItemForm,
  draft: FormDraft,
  readNumbers: ReadNumbers,
): Promise<Saved | undefined> {
  const v = draft.values;
  const owner = v.ownerId ? { ownerId: v.ownerId } : {};
  switch (form.kind) {
    case 'objective': {
      const description = v.description.trim();
      const objective = await store.addObjective(session.id, {
        title: v.title,
        ...(description ? { description } : {}),
        ...owner,
      });
      return {
        events: [new OkrObjectiveAddEvent(session.id, objective)],
        focus: `#o-${CSS.escape(objective.id)}-title`,
      };
    }
    case 'keyResult': {
      const numbers = await readNumbers(targetFields(v.kind));
      if (!numbers) return undefined;
      const unit = v.unit.trim();
      const input: KeyResultInput = {
        objectiveId: form.objectiveId,
        title: v.title,
        kind: v.kind,
        ...numbers,
        ...(v.kind === 'milestones' ? { milestones: [...draft.milestones] } : {}),
        ...(unit && hasUnit(v.kind) ? { unit } : {}),
        ...owner,
      };
      const keyResult = await store.addKeyResult(session.id, input);
      return {
        events: [new OkrKeyResultAddEvent(session.id, keyResult)],
        focus: `#k-${CSS.escape(keyResult.id)}-title`,
      };
    }
    case 'initiative': {
      const link = v.link.trim();
      const initiative = await store.addInitiative(session.id, {
        title: v.title,
        keyResultIds: [...draft.linked],
        ...(link ? { link } : {}),
        ...owner,
      });
      return {
        events: [new OkrInitiativeAddEvent(session.id, initiative)],
        focus: `#i-${CSS.escape(initiative.id)}-title`,
      };
    }
    case 'description': {
      const before = session.objectives.get(form.objectiveId);
      const description = v.description.trim();
      if (!before || description === (before.description ?? '')) return { events: [] };
      const objective = await store.updateObjective(session.id, before.id, {
        description: description === '' ? null : description,
      });
      return { events: [new OkrObjectiveChangeEvent(session.id, objective, 'description')] };
    }
    case 'target':
      return saveTarget(store, session, can, form.keyResultId, draft, readNumbers);
    case 'editInitiative':
      return saveInitiative(store, session, form.initiativeId, draft);
  }
}

/**
 * Retargets a key result (while planning) and changes its weight in one command, so a
 * new target never lands without the weight decided with it. A changed unit is its own
 * command (the retarget carries no unit). One event per change, target first.
 */
async function saveTarget(
  store: OkrStore,
  session: Session,
  can: ListPermissions,
  id: string,
  draft: FormDraft,
  readNumbers: ReadNumbers,
): Promise<Saved | undefined> {
  const before = session.keyResults.get(id);
  if (!before) return { events: [] };
  const { retargetKeyResult: canRetarget, editKeyResult: canEdit } = can;
  const fields = canRetarget ? targetFields(before.kind) : [];
  const numbers = await readNumbers([...fields, ...(canEdit ? (['weight'] as const) : [])]);
  if (!numbers) return undefined;
  const { weight, ...target } = numbers;
  const steps = before.kind === 'milestones' ? [...draft.milestones] : undefined;
  const retarget =
    canRetarget &&
    (fields.some((field) => before[field] !== target[field]) ||
      (steps !== undefined && JSON.stringify(steps) !== JSON.stringify(before.milestones ?? [])));
  const unit = draft.values.unit.trim();
  const unitChanged = canEdit && hasUnit(before.kind) && unit !== (before.unit ?? '');
  // An emptied weight is sent as NaN so that the core says what a weight must be.
  const weightChanged = canEdit && weight !== before.weight;
  const newWeight = weightChanged ? { weight: weight ?? Number.NaN } : {};
  const changes: ('target' | 'unit' | 'weight')[] = [];
  let keyResult = before;
  // The target first: its rules (a target above the start, named steps) are the ones people trip over.
  if (retarget) {
    keyResult = await store.retargetKeyResult(session.id, id, {
      ...target,
      ...(steps ? { milestones: steps } : {}),
      ...newWeight,
    });
    changes.push('target');
  }
  const patch: KeyResultPatch = {
    ...(unitChanged ? { unit: unit === '' ? null : unit } : {}),
    ...(weightChanged && !retarget ? newWeight : {}),
  };
  if (Object.keys(patch).length > 0) keyResult = await store.updateKeyResult(session.id, id, patch);
  if (unitChanged) changes.push('unit');
  if (weightChanged) changes.push('weight');
  return { events: changes.map((change) => new OkrKeyResultChangeEvent(session.id, keyResult, change)) };
}

/** Changes an initiative's title, status, link and linked key results in one command; one event per change. */
async function saveInitiative(store: OkrStore, session: Session, id: string, draft: FormDraft): Promise<Saved> {
  const before = session.initiatives.get(id);
  if (!before) return { events: [] };
  const v = draft.values;
  const link = v.link.trim();
  const patch: { title?: string; link?: string | null; status?: InitiativeStatus; keyResultIds?: string[] } = {};
  const changes: InitiativeChange[] = [];
  if (v.title.trim() !== before.title) {
    patch.title = v.title;
    changes.push('title');
  }
  if (v.status !== before.status) {
    patch.status = v.status;
    changes.push('status');
  }
  if (link !== (before.link ?? '')) {
    patch.link = link === '' ? null : link;
    changes.push('link');
  }
  if (!sameIds(draft.linked, before.keyResultIds)) {
    patch.keyResultIds = [...draft.linked];
    changes.push('links');
  }
  if (changes.length === 0) return { events: [] };
  const initiative = await store.updateInitiative(session.id, id, patch);
  return { events: changes.map((change) => new OkrInitiativeChangeEvent(session.id, initiative, change)) };
}
