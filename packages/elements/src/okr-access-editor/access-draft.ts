import type { Access, Audience } from '@okrkit/core';

/** One of a session's two audiences: who may view it, who may edit its OKRs. */
export type AudienceKey = keyof Access;
export const AUDIENCE_KEYS: readonly AudienceKey[] = ['view', 'edit'];

/** An audience as the editor holds it while a person chooses: the lists are kept when "Everyone" is picked. */
export interface AudienceDraft {
  readonly everyone: boolean;
  readonly people: readonly string[];
  readonly teams: readonly string[];
}
export type AccessDraft = Readonly<Record<AudienceKey, AudienceDraft>>;

export function draftOf(access: Access): AccessDraft {
  const one = (a: Audience): AudienceDraft =>
    a.everyone ? { everyone: true, people: [], teams: [] } : { everyone: false, people: a.people, teams: a.teams };
  return { view: one(access.view), edit: one(access.edit) };
}

/** The `access` value `updateSession` takes: exactly one of the two audience shapes. */
export function accessOf(draft: AccessDraft): Access {
  const one = (a: AudienceDraft): Audience =>
    a.everyone ? { everyone: true } : { everyone: false, people: [...a.people], teams: [...a.teams] };
  return { view: one(draft.view), edit: one(draft.edit) };
}

export function sameAccess(a: Access, b: Access): boolean {
  return JSON.stringify(accessOf(draftOf(a))) === JSON.stringify(accessOf(draftOf(b)));
}

/** `list` with `id` added (`on`) or removed. */
export function toggled(list: readonly string[], id: string, on: boolean): readonly string[] {
  return on ? (list.includes(id) ? list : [...list, id]) : list.filter((x) => x !== id);
}

/** The ids to offer: the known ones (in their order), then any the audience names that are not known. */
export function choicesOf(known: Readonly<Record<string, string>>, chosen: readonly string[]): readonly string[] {
  const ids = Object.keys(known);
  return [...ids, ...chosen.filter((id) => !ids.includes(id))];
}
