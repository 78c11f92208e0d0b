import {
  INITIATIVE_STATUSES,
  type Initiative,
  type InitiativeStatus,
  isOkrError,
  KEY_RESULT_KINDS,
  type KeyResult,
  type KeyResultInput,
  type KeyResultKind,
  keyResultProgress,
  keyResultStatus,
  keyResultsOf,
  type Objective,
  type OkrError,
  type OkrStore,
  objectiveProgress,
  objectivesOf,
  type Session,
  type StoreChange,
} from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { defineElement } from '../define.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { OkrInitiativeAddEvent } from '../events/okr-initiative-add-event.js';
import { type InitiativeChange, OkrInitiativeChangeEvent } from '../events/okr-initiative-change-event.js';
import { OkrKeyResultAddEvent } from '../events/okr-key-result-add-event.js';
import { OkrKeyResultChangeEvent } from '../events/okr-key-result-change-event.js';
import { OkrObjectiveAddEvent } from '../events/okr-objective-add-event.js';
import { OkrObjectiveChangeEvent } from '../events/okr-objective-change-event.js';
import { OkrOwnerChangeEvent, type OwnedItem } from '../events/okr-owner-change-event.js';
import { splitFieldErrors } from '../field-errors.js';
import { localeOf, personName } from '../format.js';
import { formatNumber, formatPercent, formatTarget, formatValue, percentOf } from '../key-result-format.js';
import type { OkrCheckIn } from '../okr-check-in/okr-check-in.js';
import '../okr-check-in/okr-check-in.js';
import { items } from '../okr-items.styles.js';
import { states } from '../states.styles.js';
import { concerns, StoreController } from '../store-controller.js';
import { type OkrStrings, resolveStrings } from '../strings.js';
import { theme } from '../theme.styles.js';
import { styles } from './okr-list.styles.js';

/** Which form the dialog shows: one that adds an item, or one that edits an existing one. */
type ItemForm =
  | { readonly kind: 'objective' }
  | { readonly kind: 'keyResult'; readonly objectiveId: string }
  | { readonly kind: 'initiative' }
  | { readonly kind: 'description'; readonly objectiveId: string }
  | { readonly kind: 'target'; readonly keyResultId: string }
  | { readonly kind: 'editInitiative'; readonly initiativeId: string };

/** The fields of the forms, as typed. Names match the core's `OkrError.fields` keys. */
interface FormValues {
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
const FORM_FIELDS = [
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
type FormField = (typeof FORM_FIELDS)[number];

/** A title being edited in place. */
interface TitleEdit {
  readonly item: 'objective' | 'keyResult';
  readonly id: string;
  readonly value: string;
  readonly error?: string;
}

/** What the remove confirmation asks about. */
interface Removal {
  readonly item: 'objective' | 'keyResult' | 'initiative';
  readonly id: string;
  readonly title: string;
}

const NUMBER_FIELDS = ['start', 'target', 'threshold', 'weight'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** The numbers a key result of `kind` is measured by. */
function targetFields(kind: KeyResultKind): readonly NumberField[] {
  if (kind === 'increase' || kind === 'decrease') return ['start', 'target'];
  if (kind === 'stay_above' || kind === 'stay_below') return ['threshold'];
  return [];
}

/** Whether a key result of `kind` has a unit (done/not done and steps have none). */
function hasUnit(kind: KeyResultKind): boolean {
  return kind !== 'boolean' && kind !== 'milestones';
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** Moves `id` one place in `ids` (in place); its new index, or `undefined` at the ends. */
function moved(ids: string[], id: string, by: -1 | 1): number | undefined {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return undefined;
  ids.splice(from, 1);
  ids.splice(to, 0, id);
  return to;
}

/** Alt+↑ (-1) or Alt+↓ (+1), except on a select, where Alt+↓ opens its list. */
function reorderKey(event: KeyboardEvent): -1 | 1 | undefined {
  if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return undefined;
  if (event.composedPath()[0] instanceof HTMLSelectElement) return undefined;
  return event.key === 'ArrowUp' ? -1 : 1;
}

function emptyValues(): FormValues {
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

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/**
 * A session's objectives with their key results and initiatives, to scan and to edit as
 * far as the session's lifecycle and the actor's role allow: while planning (open) add,
 * rename, describe, reorder, retarget and remove objectives and key results; while open
 * and in progress add, edit and remove initiatives, hand over ownership and check in;
 * once closed, read only. Every control
 * is offered only when `store.can(...)` says the action would be accepted.
 *
 * @summary A session's objectives, key results and initiatives, editable as the lifecycle allows.
 *
 * @event okr-objective-add - A person added an objective. `OkrObjectiveAddEvent`, `.objective`.
 * @event okr-objective-change - A person renamed, described, moved or removed an objective. `.objective`, `.change` (`title`, `description`, `order`, `removed`).
 * @event okr-key-result-add - A person added a key result. `.keyResult`.
 * @event okr-key-result-change - A person renamed, moved, retargeted or removed a key result. `.keyResult`, `.change` (`title`, `order`, `target`, `unit`, `weight`, `removed`).
 * @event okr-owner-change - A person handed an item to another owner. `.item`, `.itemId`, `.ownerId` (`null`: unassigned).
 * @event okr-initiative-add - A person added an initiative. `.initiative`.
 * @event okr-initiative-change - A person changed or removed an initiative, one event per change. `.initiative`, `.change` (`status`, `title`, `link`, `links`, `removed`).
 * @event okr-check-in - Bubbles from the check-in dialog: a person saved a check-in. `.checkIn`.
 * @event okr-check-in-close - Bubbles from the check-in dialog: a person closed it.
 * @event okr-error - Loading or saving failed. `.detail` is the `OkrError`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart toolbar - The bar with the lifecycle notice and the Add objective button.
 * @csspart add-objective - The "Add objective" button.
 * @csspart objective - Each objective's card.
 * @csspart objective-header - The title row of an objective.
 * @csspart key-result - Each key result's row.
 * @csspart progress - Each progress bar.
 * @csspart status - Each status badge.
 * @csspart owner - Each owner (name or select).
 * @csspart check-in-button - Each "Check in" button.
 * @csspart edit-target - Each "Edit target" button of a key result.
 * @csspart initiatives - The initiatives section.
 * @csspart initiative - Each initiative.
 * @csspart empty - The empty state.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart dialog - The add and edit dialog.
 * @csspart confirm - The remove confirmation.
 *
 * @cssproperty --okr-font - Font shorthand.
 * @cssproperty --okr-color-text - Text colour.
 * @cssproperty --okr-color-text-muted - Secondary text.
 * @cssproperty --okr-color-surface - Background of cards and dialogs.
 * @cssproperty --okr-color-surface-alt - Background of key result rows and buttons.
 * @cssproperty --okr-color-border - Lines and borders.
 * @cssproperty --okr-color-accent - Primary buttons and progress.
 * @cssproperty --okr-color-on-accent - Text on the accent colour.
 * @cssproperty --okr-color-danger - Errors and remove.
 * @cssproperty --okr-color-focus - Focus ring.
 * @cssproperty --okr-color-progress - Progress bar fill.
 * @cssproperty --okr-color-progress-track - Progress bar track.
 * @cssproperty --okr-color-on-track - Fill of on-track key results.
 * @cssproperty --okr-color-at-risk - Fill of at-risk key results.
 * @cssproperty --okr-color-off-track - Fill of off-track key results.
 * @cssproperty --okr-space-s - Small gap.
 * @cssproperty --okr-space-m - Medium gap.
 * @cssproperty --okr-space-l - Large gap.
 * @cssproperty --okr-radius - Corner radius.
 */
export class OkrList extends LitElement {
  static override styles = [theme, states, items, styles];

  static override properties = {
    session: { state: true, attribute: false },
    status: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    form: { state: true, attribute: false },
    values: { state: true, attribute: false },
    milestones: { state: true, attribute: false },
    linked: { state: true, attribute: false },
    formErrors: { state: true, attribute: false },
    formMessage: { state: true, attribute: false },
    saving: { state: true, attribute: false },
    editing: { state: true, attribute: false },
    removal: { state: true, attribute: false },
    checkInFor: { state: true, attribute: false },
    statusText: { state: true, attribute: false },
    actionError: { state: true, attribute: false },
    store: { attribute: false },
    sessionId: { attribute: 'session-id' },
    people: { attribute: false },
    locale: {},
    strings: { attribute: false },
  };

  declare session: Session | undefined;
  declare status: 'loading' | 'ready' | 'error';
  declare loadError: OkrError | undefined;
  declare form: ItemForm | undefined;
  declare values: FormValues;
  declare milestones: readonly string[];
  declare linked: readonly string[];
  declare formErrors: Partial<Record<FormField, string>>;
  declare formMessage: string | undefined;
  declare saving: boolean;
  declare editing: TitleEdit | undefined;
  declare removal: Removal | undefined;
  declare checkInFor: string;
  declare statusText: string;
  declare actionError: string | undefined;

  /** The store; defaults to one from context (`<okr-provider>`), else the page's default store. */
  declare store: OkrStore | undefined;

  /** The session to show, e.g. `SE-01001`. */
  declare sessionId: string;

  /** Display names of people by id (`{ ada: 'Ada Lovelace' }`): the owner choices. An unknown id is shown as is. */
  declare people: Readonly<Record<string, string>>;

  /** BCP 47 locale for numbers and dates; default the nearest `lang` attribute, else the browser's. */
  declare locale: string | undefined;

  /** Texts to replace, merged over the English defaults (see `OkrStrings`). */
  declare strings: Partial<OkrStrings> | undefined;

  get formDialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('#form-dialog') ?? null;
  }
  get confirmDialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('#confirm') ?? null;
  }
  get checkInDialog(): OkrCheckIn | null {
    return this.renderRoot?.querySelector<OkrCheckIn>('okr-check-in') ?? null;
  }

  constructor() {
    super();
    this.status = 'loading';
    this.values = emptyValues();
    this.milestones = [''];
    this.linked = [];
    this.formErrors = {};
    this.saving = false;
    this.checkInFor = '';
    this.statusText = '';
    this.sessionId = '';
    this.people = {};
  }

  readonly #controller = new StoreController(this, (store, change) => void this.#load(store, change));
  #loads = 0;
  /** Where focus goes once the add dialog closes (the new item, else the button that opened it). */
  #focusAfterForm: string | undefined;

  // ---- lifecycle ---------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') && changed.get('sessionId') !== undefined) {
      this.session = undefined;
      this.status = 'loading';
      this.editing = undefined;
      void this.#load(this.#controller.store);
    }
  }

  /** Reads the session again (after a storage error, for example). */
  async reload(): Promise<void> {
    await this.#load(this.#controller.store);
  }

  async #load(store: OkrStore, change?: StoreChange): Promise<void> {
    if (!this.sessionId) return;
    if (change && !concerns(change, this.sessionId)) return;
    const load = ++this.#loads;
    try {
      const session = await store.getSession(this.sessionId);
      if (load !== this.#loads) return;
      this.session = session;
      this.status = 'ready';
      this.loadError = undefined;
    } catch (error) {
      if (load !== this.#loads) return;
      this.loadError = toOkrError(error);
      this.status = 'error';
      this.dispatchEvent(new OkrErrorEvent(this.loadError));
    }
  }

  // ---- handlers: add forms -------------------------------------------------------------

  async #openForm(
    form: ItemForm,
    opener: string,
    values: Partial<FormValues> = {},
    milestones: readonly string[] = [''],
    linked: readonly string[] = [],
  ): Promise<void> {
    this.form = form;
    this.values = { ...emptyValues(), ...values };
    this.milestones = milestones.length > 0 ? milestones : [''];
    this.linked = linked;
    this.formErrors = {};
    this.formMessage = undefined;
    this.#focusAfterForm = opener;
    await this.updateComplete;
    this.formDialog?.showModal();
  }

  #closeForm(): void {
    this.formDialog?.close();
  }

  async #onFormClose(): Promise<void> {
    this.form = undefined;
    await this.updateComplete;
    const target = this.#focusAfterForm;
    this.#focusAfterForm = undefined;
    if (target) this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  #onFormInput(event: Event): void {
    const input = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = input.name;
    if (name.startsWith('step-')) {
      const index = Number(name.slice(5));
      this.milestones = this.milestones.map((step, i) => (i === index ? input.value : step));
      this.#clearError('milestones');
    } else if (name === 'keyResultIds' && input instanceof HTMLInputElement) {
      this.linked = input.checked ? [...this.linked, input.value] : this.linked.filter((id) => id !== input.value);
      this.#clearError('keyResultIds');
    } else if (name in this.values) {
      this.values = { ...this.values, [name]: input.value };
      this.#clearError(name as FormField);
    }
  }

  #clearError(field: FormField): void {
    if (!this.formErrors[field]) return;
    const { [field]: _fixed, ...rest } = this.formErrors;
    this.formErrors = rest;
  }

  async #addStep(): Promise<void> {
    this.milestones = [...this.milestones, ''];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[name=step-${this.milestones.length - 1}]`)?.focus();
  }

  async #removeStep(index: number): Promise<void> {
    this.milestones = this.milestones.filter((_, i) => i !== index);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[name=step-${Math.max(0, index - 1)}]`)?.focus();
  }

  /** A typed number, `undefined` when empty, `NaN` when the browser could not read it. */
  #number(field: NumberField): number | undefined {
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#f-${field}`);
    if (input?.validity.badInput) return Number.NaN;
    const text = this.values[field].trim();
    return text === '' ? undefined : Number(text);
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const session = this.session;
    const form = this.form;
    if (!session || !form || this.saving) return;
    const s = this.#s;
    const store = this.#controller.store;
    this.saving = true;
    try {
      const saved = await this.#save(store, session, form);
      if (!saved) return;
      if (saved.length > 0) await this.#load(store);
      this.#closeForm();
      for (const done of saved) this.dispatchEvent(done);
    } catch (error) {
      const okrError = toOkrError(error);
      const split = splitFieldErrors(okrError, FORM_FIELDS);
      if (split) {
        const { fields, other } = split;
        await this.#showFormErrors(fields, [s.notSaved, ...other].join(' '));
      } else {
        await this.#showFormErrors({}, okrError.message);
        this.dispatchEvent(new OkrErrorEvent(okrError));
      }
    } finally {
      this.saving = false;
    }
  }

  /**
   * Saves what the form says. Resolves with the events to fire once the dialog closed
   * (none when nothing changed), or `undefined` when the form shows errors of its own.
   */
  async #save(store: OkrStore, session: Session, form: ItemForm): Promise<Event[] | undefined> {
    const v = this.values;
    const owner = v.ownerId ? { ownerId: v.ownerId } : {};
    switch (form.kind) {
      case 'objective': {
        const description = v.description.trim();
        const objective = await store.addObjective(session.id, {
          title: v.title,
          ...(description ? { description } : {}),
          ...owner,
        });
        this.#focusAfterForm = `#o-${CSS.escape(objective.id)}-title`;
        return [new OkrObjectiveAddEvent(session.id, objective)];
      }
      case 'keyResult': {
        const numbers = await this.#numbers(targetFields(v.kind));
        if (!numbers) return undefined;
        const unit = v.unit.trim();
        const input: KeyResultInput = {
          objectiveId: form.objectiveId,
          title: v.title,
          kind: v.kind,
          ...numbers,
          ...(v.kind === 'milestones' ? { milestones: [...this.milestones] } : {}),
          ...(unit && hasUnit(v.kind) ? { unit } : {}),
          ...owner,
        };
        const keyResult = await store.addKeyResult(session.id, input);
        this.#focusAfterForm = `#k-${CSS.escape(keyResult.id)}-title`;
        return [new OkrKeyResultAddEvent(session.id, keyResult)];
      }
      case 'initiative': {
        const link = v.link.trim();
        const initiative = await store.addInitiative(session.id, {
          title: v.title,
          keyResultIds: [...this.linked],
          ...(link ? { link } : {}),
          ...owner,
        });
        this.#focusAfterForm = `#i-${CSS.escape(initiative.id)}-title`;
        return [new OkrInitiativeAddEvent(session.id, initiative)];
      }
      case 'description': {
        const before = session.objectives.get(form.objectiveId);
        const description = v.description.trim();
        if (!before || description === (before.description ?? '')) return [];
        const objective = await store.updateObjective(session.id, before.id, {
          description: description === '' ? null : description,
        });
        return [new OkrObjectiveChangeEvent(session.id, objective, 'description')];
      }
      case 'target':
        return this.#saveTarget(store, session, form.keyResultId);
      case 'editInitiative':
        return this.#saveInitiative(store, session, form.initiativeId);
    }
  }

  /** Retargets a key result (while planning) and changes its unit and weight; one event per change. */
  async #saveTarget(store: OkrStore, session: Session, id: string): Promise<Event[] | undefined> {
    const before = session.keyResults.get(id);
    if (!before) return [];
    const canRetarget = store.can('keyResult.retarget', session);
    const canEdit = store.can('keyResult.edit', session);
    const v = this.values;
    const numbers = await this.#numbers([
      ...(canRetarget ? targetFields(before.kind) : []),
      ...(canEdit ? (['weight'] as const) : []),
    ]);
    if (!numbers) return undefined;
    const { weight, ...target } = numbers;
    const steps = before.kind === 'milestones' ? [...this.milestones] : undefined;
    const retarget =
      canRetarget &&
      (targetFields(before.kind).some((field) => field !== 'weight' && before[field] !== target[field]) ||
        (steps !== undefined && JSON.stringify(steps) !== JSON.stringify(before.milestones ?? [])));
    const patch: { unit?: string | null; weight?: number } = {};
    const unit = v.unit.trim();
    if (canEdit && hasUnit(before.kind) && unit !== (before.unit ?? '')) patch.unit = unit === '' ? null : unit;
    if (canEdit && weight !== before.weight) patch.weight = weight ?? Number.NaN;
    const events: Event[] = [];
    // The target first: its rules (a target above the start, named steps) are the ones people trip over.
    if (retarget) {
      const keyResult = await store.retargetKeyResult(session.id, id, {
        ...target,
        ...(steps ? { milestones: steps } : {}),
      });
      events.push(new OkrKeyResultChangeEvent(session.id, keyResult, 'target'));
    }
    if (Object.keys(patch).length > 0) {
      const keyResult = await store.updateKeyResult(session.id, id, patch);
      if ('unit' in patch) events.push(new OkrKeyResultChangeEvent(session.id, keyResult, 'unit'));
      if ('weight' in patch) events.push(new OkrKeyResultChangeEvent(session.id, keyResult, 'weight'));
    }
    return events;
  }

  /** Changes an initiative's title, status, link and linked key results; one event per change. */
  async #saveInitiative(store: OkrStore, session: Session, id: string): Promise<Event[] | undefined> {
    const before = session.initiatives.get(id);
    if (!before) return [];
    const v = this.values;
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
    if (!sameIds(this.linked, before.keyResultIds)) {
      patch.keyResultIds = [...this.linked];
      changes.push('links');
    }
    if (changes.length === 0) return [];
    const initiative = await store.updateInitiative(session.id, id, patch);
    return changes.map((change) => new OkrInitiativeChangeEvent(session.id, initiative, change));
  }

  /** The typed numbers of `fields`, or `undefined` once the form shows which ones are not numbers. */
  async #numbers(fields: readonly NumberField[]): Promise<Partial<Record<NumberField, number>> | undefined> {
    const numbers: Partial<Record<NumberField, number>> = {};
    const bad: Partial<Record<FormField, string>> = {};
    for (const field of fields) {
      const n = this.#number(field);
      if (Number.isNaN(n)) bad[field] = this.#s.errorNumber;
      else if (n !== undefined) numbers[field] = n;
    }
    if (Object.keys(bad).length === 0) return numbers;
    await this.#showFormErrors(bad, this.#s.notSaved);
    return undefined;
  }

  async #showFormErrors(errors: Partial<Record<FormField, string>>, message: string): Promise<void> {
    this.formErrors = errors;
    this.formMessage = message;
    await this.updateComplete;
    const first = FORM_FIELDS.find((f) => errors[f]);
    const target = first
      ? this.renderRoot.querySelector<HTMLElement>(`#form-dialog [data-field=${first}] :is(input, select, textarea)`)
      : this.renderRoot.querySelector<HTMLElement>('#form-message');
    target?.focus();
  }

  // ---- handlers: in-place changes ------------------------------------------------------

  /** Runs a change in place; a refusal is shown above the list and reported. */
  async #attempt(work: (store: OkrStore, session: Session) => Promise<void>): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    const store = this.#controller.store;
    try {
      await work(store, session);
      this.actionError = undefined;
      await this.#load(store);
      return true;
    } catch (error) {
      const okrError = toOkrError(error);
      this.actionError = okrError.message;
      this.dispatchEvent(new OkrErrorEvent(okrError));
      return false;
    }
  }

  async #startEdit(item: 'objective' | 'keyResult', id: string, title: string): Promise<void> {
    this.editing = { item, id, value: title };
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#edit-title');
    input?.focus();
    input?.select();
  }

  async #endEdit(): Promise<void> {
    const editing = this.editing;
    this.editing = undefined;
    await this.updateComplete;
    if (editing) this.renderRoot.querySelector<HTMLElement>(`#edit-${editing.item}-${CSS.escape(editing.id)}`)?.focus();
  }

  #onEditKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      void this.#endEdit();
    }
  }

  async #saveEdit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editing = this.editing;
    const session = this.session;
    if (!editing || !session) return;
    const store = this.#controller.store;
    try {
      if (editing.item === 'objective') {
        const objective = await store.updateObjective(session.id, editing.id, { title: editing.value });
        await this.#load(store);
        await this.#endEdit();
        this.dispatchEvent(new OkrObjectiveChangeEvent(session.id, objective, 'title'));
      } else {
        const keyResult = await store.updateKeyResult(session.id, editing.id, { title: editing.value });
        await this.#load(store);
        await this.#endEdit();
        this.dispatchEvent(new OkrKeyResultChangeEvent(session.id, keyResult, 'title'));
      }
    } catch (error) {
      const okrError = toOkrError(error);
      this.editing = { ...editing, error: okrError.fields.title ?? okrError.message };
      if (!isOkrError(okrError, 'invalid-input')) this.dispatchEvent(new OkrErrorEvent(okrError));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#edit-title')?.focus();
    }
  }

  async #move(objective: Objective, by: -1 | 1): Promise<void> {
    const session = this.session;
    if (!session) return;
    const ids = objectivesOf(session).map((o) => o.id);
    const to = moved(ids, objective.id, by);
    if (to === undefined) return;
    const done = await this.#attempt((store, s) => store.reorderObjectives(s.id, ids));
    if (!done) return;
    this.statusText = `${objective.title}: ${to + 1} / ${ids.length}`;
    this.dispatchEvent(new OkrObjectiveChangeEvent(session.id, { ...objective, order: to }, 'order'));
    await this.#focusMoved(`up-${objective.id}`, `down-${objective.id}`, by);
  }

  async #moveKeyResult(keyResult: KeyResult, by: -1 | 1): Promise<void> {
    const session = this.session;
    if (!session) return;
    const ids = keyResultsOf(session, keyResult.objectiveId).map((k) => k.id);
    const to = moved(ids, keyResult.id, by);
    if (to === undefined) return;
    const done = await this.#attempt((store, s) => store.reorderKeyResults(s.id, keyResult.objectiveId, ids));
    if (!done) return;
    this.statusText = `${keyResult.title}: ${to + 1} / ${ids.length}`;
    const saved = this.session?.keyResults.get(keyResult.id) ?? { ...keyResult, order: to };
    this.dispatchEvent(new OkrKeyResultChangeEvent(session.id, saved, 'order'));
    await this.#focusMoved(`kr-up-${keyResult.id}`, `kr-down-${keyResult.id}`, by);
  }

  /** Keeps focus on the moved item: the same button, else the other one at the ends. */
  async #focusMoved(upId: string, downId: string, by: -1 | 1): Promise<void> {
    await this.updateComplete;
    const up = this.renderRoot.querySelector<HTMLButtonElement>(`#${CSS.escape(upId)}`);
    const down = this.renderRoot.querySelector<HTMLButtonElement>(`#${CSS.escape(downId)}`);
    const same = by < 0 ? up : down;
    (same && !same.disabled ? same : by < 0 ? down : up)?.focus();
  }

  #onObjectiveKeydown(event: KeyboardEvent, objective: Objective, canReorder: boolean): void {
    const by = reorderKey(event);
    // Handled by a key result inside, or a select's own Alt+↓ (open the list).
    if (!canReorder || by === undefined || event.defaultPrevented) return;
    event.preventDefault();
    void this.#move(objective, by);
  }

  #onKeyResultKeydown(event: KeyboardEvent, keyResult: KeyResult, canReorder: boolean, canReorderAny: boolean): void {
    const by = reorderKey(event);
    // Inside a key result, Alt+↑/↓ moves the key result, never its objective.
    if (!canReorderAny || by === undefined) return;
    event.preventDefault();
    if (canReorder) void this.#moveKeyResult(keyResult, by);
  }

  async #confirmRemove(removal: Removal): Promise<void> {
    this.removal = removal;
    await this.updateComplete;
    this.confirmDialog?.showModal();
  }

  async #acceptRemove(): Promise<void> {
    const removal = this.removal;
    const session = this.session;
    this.confirmDialog?.close();
    if (!removal || !session) return;
    const objective = removal.item === 'objective' ? session.objectives.get(removal.id) : undefined;
    const keyResult = removal.item === 'keyResult' ? session.keyResults.get(removal.id) : undefined;
    const initiative = removal.item === 'initiative' ? session.initiatives.get(removal.id) : undefined;
    const removed = await this.#attempt((store, s) =>
      removal.item === 'objective'
        ? store.removeObjective(s.id, removal.id)
        : removal.item === 'keyResult'
          ? store.removeKeyResult(s.id, removal.id)
          : store.removeInitiative(s.id, removal.id),
    );
    if (!removed) return;
    this.statusText = `${removal.title} ✕`;
    if (objective) this.dispatchEvent(new OkrObjectiveChangeEvent(session.id, objective, 'removed'));
    if (keyResult) this.dispatchEvent(new OkrKeyResultChangeEvent(session.id, keyResult, 'removed'));
    if (initiative) this.dispatchEvent(new OkrInitiativeChangeEvent(session.id, initiative, 'removed'));
    await this.updateComplete;
    const fallback = keyResult
      ? `#add-kr-${CSS.escape(keyResult.objectiveId)}`
      : initiative
        ? '#add-initiative, .initiative-edit'
        : '#add-objective, .objective [id^=o-][tabindex]';
    this.renderRoot.querySelector<HTMLElement>(fallback)?.focus();
  }

  // ---- handlers: edit forms ------------------------------------------------------------

  #editDescription(objective: Objective): void {
    void this.#openForm({ kind: 'description', objectiveId: objective.id }, `#desc-${CSS.escape(objective.id)}`, {
      description: objective.description ?? '',
    });
  }

  #editTarget(kr: KeyResult): void {
    const text = (n: number | undefined) => (n === undefined ? '' : String(n));
    void this.#openForm(
      { kind: 'target', keyResultId: kr.id },
      `#target-${CSS.escape(kr.id)}`,
      {
        kind: kr.kind,
        start: text(kr.start),
        target: text(kr.target),
        threshold: text(kr.threshold),
        unit: kr.unit ?? '',
        weight: String(kr.weight),
      },
      kr.milestones ?? [''],
    );
  }

  #editInitiative(initiative: Initiative): void {
    void this.#openForm(
      { kind: 'editInitiative', initiativeId: initiative.id },
      `#edit-initiative-${CSS.escape(initiative.id)}`,
      { title: initiative.title, link: initiative.link ?? '', status: initiative.status },
      [''],
      initiative.keyResultIds,
    );
  }

  #onConfirmClose(): void {
    this.removal = undefined;
  }

  async #assign(item: OwnedItem, id: string, event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    const ownerId = value === '' ? null : value;
    const assigned = await this.#attempt((store, s) => store.assignOwner(s.id, item, id, ownerId));
    if (assigned && this.session) this.dispatchEvent(new OkrOwnerChangeEvent(this.session.id, item, id, ownerId));
  }

  async #openCheckIn(keyResult: KeyResult): Promise<void> {
    this.checkInFor = keyResult.id;
    await this.updateComplete;
    this.checkInDialog?.show();
  }

  // ---- render ------------------------------------------------------------------------

  get #s(): OkrStrings {
    return resolveStrings(this.strings);
  }

  get #locale(): string {
    return localeOf(this, this.locale);
  }

  override render(): TemplateResult {
    const s = this.#s;
    if (!this.sessionId) {
      return html`<div part="base"><div part="empty" class="state"><p>${s.noSession}</p></div></div>`;
    }
    if (this.status === 'loading') {
      return html`<div part="base">
        <div part="loading" class="state loading-state" role="status">
          <span class="spinner" aria-hidden="true"></span><span>${s.loadingObjectives}</span>
        </div>
      </div>`;
    }
    const session = this.session;
    if (this.status === 'error' || !session) {
      return html`<div part="base">
        <div part="error" class="state error-state" role="alert">
          <p class="state-title">${s.objectivesLoadError}</p>
          <p>${this.loadError?.message}</p>
          <button id="retry" class="button" type="button" @click=${() => void this.reload()}>${s.retry}</button>
        </div>
      </div>`;
    }
    const store = this.#controller.store;
    const canAddObjective = store.can('objective.add', session);
    const canAddInitiative = store.can('initiative.add', session) && session.keyResults.size > 0;
    const objectives = objectivesOf(session);
    return html`<div part="base">
      <div part="toolbar" class="toolbar">
        ${this.#renderNotice(session)}
        <span class="spacer"></span>
        ${canAddObjective && objectives.length > 0 ? this.#renderAddObjective() : nothing}
      </div>
      ${this.actionError ? html`<p class="alert" role="alert">${this.actionError}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.statusText}</p>
      ${objectives.length === 0 ? this.#renderEmpty(canAddObjective) : this.#renderObjectives(session, objectives)}
      ${
        objectives.length > 0 && (session.initiatives.size > 0 || canAddInitiative)
          ? this.#renderInitiatives(session, canAddInitiative)
          : nothing
      }
      ${this.#renderFormDialog(session)} ${this.#renderConfirm()}
      <okr-check-in
        .store=${store}
        .people=${this.people}
        .locale=${this.locale}
        .strings=${this.strings}
        session-id=${session.id}
        key-result-id=${this.checkInFor}
      ></okr-check-in>
    </div>`;
  }

  #renderNotice(session: Session): TemplateResult {
    const s = this.#s;
    const store = this.#controller.store;
    if (session.state === 'archived') return html`<p class="notice">${s.archivedNotice}</p>`;
    const editsAnything = ['objective.add', 'objective.edit', 'owner.assign', 'initiative.add'].some((a) =>
      store.can(a as 'objective.add', session),
    );
    if (!editsAnything) return html`<p class="notice">${s.readOnlyOkrs}</p>`;
    return html`<p class="lifecycle">
      <span class="badge state-${session.state}">${s.states[session.state]}</span>
      <span class="muted">${session.state === 'open' ? s.planningNotice : s.trackingNotice}</span>
    </p>`;
  }

  #renderEmpty(canAdd: boolean): TemplateResult {
    const s = this.#s;
    return html`<div part="empty" class="state">
      <svg class="empty-art" aria-hidden="true" viewBox="0 0 48 48" width="48" height="48">
        <circle cx="24" cy="24" r="18" fill="none" stroke="currentColor" stroke-width="2.5" />
        <circle cx="24" cy="24" r="10" fill="none" stroke="currentColor" stroke-width="2.5" />
        <circle cx="24" cy="24" r="3" fill="currentColor" />
      </svg>
      <p class="state-title">${s.objectivesEmptyTitle}</p>
      <p>${canAdd ? s.objectivesEmptyBody : s.objectivesEmptyBodyReadOnly}</p>
      ${canAdd ? this.#renderAddObjective() : nothing}
    </div>`;
  }

  /** The "+ Add objective" button: in the toolbar, or in the empty state when there is none yet. */
  #renderAddObjective(): TemplateResult {
    return html`<button
      id="add-objective"
      part="add-objective"
      class="button primary"
      type="button"
      @click=${() => void this.#openForm({ kind: 'objective' }, '#add-objective')}
    >
      <span aria-hidden="true">+</span> ${this.#s.addObjective}
    </button>`;
  }

  #renderObjectives(session: Session, objectives: readonly Objective[]): TemplateResult {
    const s = this.#s;
    return html`<ol class="objectives" aria-label=${s.objectivesCaption}>
      ${repeat(
        objectives,
        (o) => o.id,
        (o, index) => this.#renderObjective(session, o, index, objectives.length),
      )}
    </ol>`;
  }

  #renderObjective(session: Session, objective: Objective, index: number, count: number): TemplateResult {
    const s = this.#s;
    const store = this.#controller.store;
    const keyResults = keyResultsOf(session, objective.id);
    const progress = objectiveProgress(keyResults).clamped;
    const canEdit = store.can('objective.edit', session);
    const canRemove = store.can('objective.remove', session);
    const canReorder = store.can('objective.reorder', session) && count > 1;
    const canAddKr = store.can('keyResult.add', session);
    const titleId = `o-${objective.id}-title`;
    return html`<li class="objective" part="objective" id="o-${objective.id}">
      <article aria-labelledby=${titleId} @keydown=${(e: KeyboardEvent) => this.#onObjectiveKeydown(e, objective, canReorder)}>
        <header class="objective-header" part="objective-header">
          <div class="objective-title">
            ${this.#renderTitle('objective', objective.id, objective.title, titleId, 'h3', canEdit)}
            ${this.#renderDescription(objective, canEdit)}
          </div>
          ${this.#renderOwner('objective', objective.id, objective.title, objective.ownerId, session)}
          <div class="objective-progress">${this.#bar(s.progressOf(objective.title), progress)}</div>
          <div class="actions">
            ${canReorder ? this.#renderMoveButtons('', objective.title, index, count, (by) => this.#move(objective, by), objective.id) : nothing}
            ${canRemove ? this.#renderRemoveButton({ item: 'objective', id: objective.id, title: objective.title }) : nothing}
          </div>
        </header>
        ${
          keyResults.length === 0
            ? html`<p class="kr-empty muted">${s.keyResultsEmpty}</p>`
            : html`<ul
              class="key-results ${store.can('keyResult.reorder', session) ? 'reorderable' : ''}"
              aria-label=${`${s.objectivesCaption}: ${objective.title}`}>
              ${repeat(
                keyResults,
                (kr) => kr.id,
                (kr, i) => this.#renderKeyResult(session, objective, kr, i, keyResults.length),
              )}
            </ul>`
        }
        ${
          canAddKr
            ? html`<button
              id="add-kr-${objective.id}"
              class="button quiet add-kr"
              type="button"
              @click=${() =>
                void this.#openForm(
                  { kind: 'keyResult', objectiveId: objective.id },
                  `#add-kr-${CSS.escape(objective.id)}`,
                )}
            >
              <span aria-hidden="true">+</span> ${s.addKeyResult}
            </button>`
            : nothing
        }
      </article>
    </li>`;
  }

  /** The description under an objective's title, with Edit (or Add) when allowed. */
  #renderDescription(objective: Objective, canEdit: boolean): TemplateResult | typeof nothing {
    const s = this.#s;
    if (objective.description) {
      return html`<p class="description muted">
        <span>${objective.description}</span>
        ${
          canEdit
            ? editButton(`desc-${objective.id}`, 'edit edit-description', s.editDescriptionOf(objective.title), () =>
                this.#editDescription(objective),
              )
            : nothing
        }
      </p>`;
    }
    if (!canEdit) return nothing;
    return html`<button
      id="desc-${objective.id}"
      class="button quiet small add-description"
      type="button"
      @click=${() => this.#editDescription(objective)}
    >
      <span aria-hidden="true">+</span> ${s.addDescription}<span class="visually-hidden">: ${objective.title}</span>
    </button>`;
  }

  #renderKeyResult(
    session: Session,
    objective: Objective,
    kr: KeyResult,
    index: number,
    count: number,
  ): TemplateResult {
    const s = this.#s;
    const store = this.#controller.store;
    const locale = this.#locale;
    const progress = keyResultProgress(kr).clamped;
    const showStatus = kr.latest !== undefined || session.state !== 'open';
    const status = showStatus ? keyResultStatus(kr, session, store.now()) : undefined;
    const canEdit = store.can('keyResult.edit', session);
    const canRemove = store.can('keyResult.remove', session);
    const canEditTarget = store.can('keyResult.retarget', session) || canEdit;
    const canReorderAny = store.can('keyResult.reorder', session);
    const canReorder = canReorderAny && count > 1;
    const canCheckIn = store.can('checkIn.add', session, [kr.ownerId, objective.ownerId]);
    const titleId = `k-${kr.id}-title`;
    return html`<li
      class="key-result"
      part="key-result"
      id="k-${kr.id}"
      @keydown=${(e: KeyboardEvent) => this.#onKeyResultKeydown(e, kr, canReorder, canReorderAny)}
    >
      <div class="kr-title">
        ${this.#renderTitle('keyResult', kr.id, kr.title, titleId, 'span', canEdit)}
        <span class="muted kr-target">
          <span>${s.target}: ${formatTarget(kr, s, locale)}</span>
          ${kr.weight === 1 ? nothing : html`<span class="kr-weight">${s.weightOf(formatNumber(kr.weight, locale))}</span>`}
          ${
            canEditTarget
              ? html`<button
                id="target-${kr.id}"
                class="button quiet small edit-target"
                part="edit-target"
                type="button"
                @click=${() => this.#editTarget(kr)}
              >
                ${s.editTarget}<span class="visually-hidden">: ${kr.title}</span>
              </button>`
              : nothing
          }
        </span>
      </div>
      <div class="kr-progress">${this.#bar(s.progressOf(kr.title), progress, status)}</div>
      <div class="kr-latest">
        <span class="visually-hidden">${s.latest}:</span>
        <span class=${kr.latest ? 'value' : 'value muted'}>${formatValue(kr, kr.latest?.value, s, locale)}</span>
      </div>
      <div class="kr-status">
        ${status ? html`<span class="status ${status}" part="status">${s.statuses[status]}</span>` : nothing}
      </div>
      ${this.#renderOwner('keyResult', kr.id, kr.title, kr.ownerId, session)}
      <div class="actions">
        ${
          canCheckIn
            ? html`<button
              class="button check-in"
              part="check-in-button"
              type="button"
              data-check-in=${kr.id}
              aria-label=${s.checkInOn(kr.title)}
              @click=${() => void this.#openCheckIn(kr)}
            >
              ${s.checkInAction}
            </button>`
            : nothing
        }
        ${canReorder ? this.#renderMoveButtons('kr-', kr.title, index, count, (by) => this.#moveKeyResult(kr, by), kr.id) : nothing}
        ${canRemove ? this.#renderRemoveButton({ item: 'keyResult', id: kr.id, title: kr.title }) : nothing}
      </div>
    </li>`;
  }

  /** A title, or its in-place editor while being edited; with an Edit button when allowed. */
  /** Move up / move down buttons for an objective (`idPrefix` '') or a key result ('kr-'). */
  #renderMoveButtons(
    idPrefix: string,
    title: string,
    index: number,
    count: number,
    move: (by: -1 | 1) => Promise<void>,
    id: string,
  ): TemplateResult {
    const s = this.#s;
    return html`<button
        id="${idPrefix}up-${id}"
        class="button quiet icon"
        type="button"
        aria-label=${s.moveUp(title)}
        aria-keyshortcuts="Alt+ArrowUp"
        ?disabled=${index === 0}
        @click=${() => void move(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        id="${idPrefix}down-${id}"
        class="button quiet icon"
        type="button"
        aria-label=${s.moveDown(title)}
        aria-keyshortcuts="Alt+ArrowDown"
        ?disabled=${index === count - 1}
        @click=${() => void move(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>`;
  }

  /** The remove button of an objective, key result or initiative; removal asks for confirmation first. */
  #renderRemoveButton(removal: Removal): TemplateResult {
    const initiative = removal.item === 'initiative';
    return html`<button
      class="button quiet icon remove"
      type="button"
      data-remove=${initiative ? nothing : removal.id}
      data-remove-initiative=${initiative ? removal.id : nothing}
      aria-label=${this.#s.removeItem(removal.title)}
      @click=${() => void this.#confirmRemove(removal)}
    >
      <span aria-hidden="true">🗑</span>
    </button>`;
  }

  #renderTitle(
    item: 'objective' | 'keyResult',
    id: string,
    title: string,
    titleId: string,
    tag: 'h3' | 'span',
    canEdit: boolean,
  ): TemplateResult {
    const s = this.#s;
    const editing = this.editing;
    if (editing && editing.item === item && editing.id === id) {
      return html`<form class="edit-title" novalidate @submit=${this.#saveEdit}>
        <input
          id="edit-title"
          name="title"
          autocomplete="off"
          aria-label=${s.fieldTitle}
          .value=${live(editing.value)}
          aria-invalid=${editing.error ? 'true' : nothing}
          aria-describedby=${editing.error ? 'edit-title-error' : nothing}
          @input=${(e: Event) => {
            this.editing = { item, id, value: (e.target as HTMLInputElement).value };
          }}
          @keydown=${this.#onEditKeydown}
        />
        <button class="button primary small" type="submit">${s.save}</button>
        <button class="button small" type="button" @click=${() => void this.#endEdit()}>${s.cancel}</button>
        ${editing.error ? html`<p class="error" id="edit-title-error">${editing.error}</p>` : nothing}
      </form>`;
    }
    const text =
      tag === 'h3'
        ? html`<h3 class="title" id=${titleId} tabindex="-1">${title}</h3>`
        : html`<span class="title" id=${titleId} tabindex="-1">${title}</span>`;
    return html`<div class="title-row">
      ${text}
      ${
        canEdit
          ? editButton(`edit-${item}-${id}`, 'edit', s.editTitleOf(title), () => void this.#startEdit(item, id, title))
          : nothing
      }
    </div>`;
  }

  #renderOwner(
    item: OwnedItem,
    id: string,
    title: string,
    ownerId: string | undefined,
    session: Session,
  ): TemplateResult {
    const s = this.#s;
    const name = ownerId ? personName(this.people, ownerId) : s.unassigned;
    if (this.#controller.store.can('owner.assign', session)) {
      const choices = Object.entries(this.people);
      if (ownerId && !(ownerId in this.people)) choices.push([ownerId, ownerId]);
      return html`<div class="owner" part="owner">
        <span class="avatar ${ownerId ? '' : 'none'}" aria-hidden="true">${ownerId ? initials(name) : '?'}</span>
        <select
          class="owner-select"
          data-owner=${id}
          aria-label=${s.ownerOf(title)}
          @change=${(e: Event) => void this.#assign(item, id, e)}
        >
          <option value="" ?selected=${!ownerId}>${s.unassigned}</option>
          ${choices.map(([pid, pname]) => html`<option value=${pid} ?selected=${pid === ownerId}>${pname}</option>`)}
        </select>
      </div>`;
    }
    return html`<div class="owner" part="owner">
      <span class="avatar ${ownerId ? '' : 'none'}" aria-hidden="true">${ownerId ? initials(name) : '?'}</span>
      <span class=${ownerId ? 'owner-name' : 'owner-name muted'}><span class="visually-hidden">${s.owner}:</span> ${name}</span>
    </div>`;
  }

  #bar(label: string, fraction: number, status?: string): TemplateResult {
    const pct = percentOf(fraction);
    const text = formatPercent(fraction, this.#locale);
    return html`<span
        class="meter ${status ?? ''}"
        part="progress"
        role="progressbar"
        aria-label=${label}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${pct}
        aria-valuetext=${text}
        style=${styleMap({ '--_value': `${pct}%` })}
        ><span class="fill"></span></span
      ><span class="percent" aria-hidden="true">${text}</span>`;
  }

  #renderInitiatives(session: Session, canAdd: boolean): TemplateResult {
    const s = this.#s;
    const list = [...session.initiatives.values()];
    return html`<section class="initiatives" part="initiatives" aria-labelledby="initiatives-title">
      <div class="section-header">
        <h3 id="initiatives-title">${s.initiatives}</h3>
        <span class="spacer"></span>
        ${
          canAdd
            ? html`<button
              id="add-initiative"
              class="button"
              type="button"
              @click=${() => void this.#openForm({ kind: 'initiative' }, '#add-initiative')}
            >
              <span aria-hidden="true">+</span> ${s.addInitiative}
            </button>`
            : nothing
        }
      </div>
      ${
        list.length === 0
          ? html`<p class="muted">${s.initiativesEmpty}</p>`
          : html`<ul class="initiative-list">
            ${repeat(
              list,
              (i) => i.id,
              (i) => this.#renderInitiative(session, i),
            )}
          </ul>`
      }
    </section>`;
  }

  #renderInitiative(session: Session, initiative: Initiative): TemplateResult {
    const s = this.#s;
    const store = this.#controller.store;
    const canEdit = store.can('initiative.edit', session);
    const canRemove = store.can('initiative.remove', session);
    const linked = initiative.keyResultIds
      .map((id) => session.keyResults.get(id)?.title)
      .filter((t): t is string => t !== undefined);
    return html`<li class="initiative" part="initiative" id="i-${initiative.id}">
      <div class="initiative-main">
        <span class="title" id="i-${initiative.id}-title" tabindex="-1">${initiative.title}</span>
        <span class="muted linked">${s.linkedTo}: ${linked.join(', ')}</span>
      </div>
      <span class="badge initiative-${initiative.status}">${s.initiativeStatuses[initiative.status]}</span>
      <span class="initiative-link">
        ${
          initiative.link
            ? html`<a class="link" href=${initiative.link} target="_blank" rel="noopener noreferrer"
              >${s.openLink}<span class="visually-hidden">: ${initiative.title}</span></a
            >`
            : nothing
        }
      </span>
      ${this.#renderOwner('initiative', initiative.id, initiative.title, initiative.ownerId, session)}
      ${
        canEdit || canRemove
          ? html`<div class="actions">
            ${
              canEdit
                ? editButton(
                    `edit-initiative-${initiative.id}`,
                    'initiative-edit',
                    s.editInitiativeOf(initiative.title),
                    () => this.#editInitiative(initiative),
                  )
                : nothing
            }
            ${
              canRemove
                ? this.#renderRemoveButton({ item: 'initiative', id: initiative.id, title: initiative.title })
                : nothing
            }
          </div>`
          : nothing
      }
    </li>`;
  }

  // ---- render: dialogs -------------------------------------------------------------------

  #renderFormDialog(session: Session): TemplateResult {
    const s = this.#s;
    const form = this.form;
    const kind = form?.kind ?? 'objective';
    const title = {
      objective: s.addObjective,
      keyResult: s.addKeyResult,
      initiative: s.addInitiative,
      description: s.editDescription,
      target: s.editTarget,
      editInitiative: s.editInitiative,
    }[kind];
    const adds = kind === 'objective' || kind === 'keyResult' || kind === 'initiative';
    const context =
      form?.kind === 'keyResult' || form?.kind === 'description'
        ? session.objectives.get(form.objectiveId)?.title
        : form?.kind === 'target'
          ? session.keyResults.get(form.keyResultId)?.title
          : undefined;
    return html`<dialog id="form-dialog" part="dialog" aria-labelledby="form-title" @close=${this.#onFormClose}>
      <form
        novalidate
        @submit=${this.#submit}
        @input=${this.#onFormInput}
        @change=${this.#onFormInput}
      >
        <div class="dialog-header">
          <h2 id="form-title">${title}</h2>
        </div>
        <div class="dialog-body">
          ${context ? html`<p class="muted context">${context}</p>` : nothing}
          ${this.formMessage ? html`<p id="form-message" class="alert" role="alert" tabindex="-1">${this.formMessage}</p>` : nothing}
          ${form ? this.#renderFormFields(session, form) : nothing}
        </div>
        <div class="dialog-footer">
          <button type="button" class="button" id="form-cancel" @click=${this.#closeForm}>${s.cancel}</button>
          <button type="submit" class="button primary" id="form-save" ?disabled=${this.saving}>
            ${this.saving ? s.saving : adds ? title : s.saveChanges}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  #renderFormFields(session: Session, form: ItemForm): TemplateResult {
    const s = this.#s;
    const v = this.values;
    const store = this.#controller.store;
    const title = this.#field(
      'title',
      s.fieldTitle,
      (a) =>
        html`<input id="f-title" name="title" autocomplete="off" .value=${live(v.title)} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} />`,
    );
    const owner = this.#field(
      'ownerId',
      s.fieldOwner,
      (a) => html`<select id="f-ownerId" name="ownerId" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>
        <option value="" ?selected=${v.ownerId === ''}>${s.unassigned}</option>
        ${Object.entries(this.people).map(([id, name]) => html`<option value=${id} ?selected=${v.ownerId === id}>${name}</option>`)}
      </select>`,
    );
    const description = this.#field(
      'description',
      s.fieldDescription,
      (a) =>
        html`<textarea id="f-description" name="description" rows="3" .value=${live(v.description)} aria-invalid=${a.invalid} aria-describedby=${a.describedBy}></textarea>`,
    );
    const link = this.#field(
      'link',
      s.fieldLink,
      (a) =>
        html`<input id="f-link" name="link" type="url" autocomplete="off" placeholder="https://" .value=${live(v.link)} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} />`,
      s.fieldLinkHint,
    );
    const unit = this.#field(
      'unit',
      s.fieldUnit,
      (a) =>
        html`<input id="f-unit" name="unit" autocomplete="off" .value=${live(v.unit)} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} />`,
      s.fieldUnitHint,
    );
    switch (form.kind) {
      case 'objective':
        return html`${title} ${description} ${owner}`;
      case 'description':
        return description;
      case 'initiative':
        return html`${title} ${this.#renderLinks(session)} ${link} ${owner}`;
      case 'editInitiative':
        return html`${title}
          ${this.#field(
            'status',
            s.fieldStatus,
            (a) => html`<select id="f-status" name="status" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>
              ${INITIATIVE_STATUSES.map((st) => html`<option value=${st} ?selected=${v.status === st}>${s.initiativeStatuses[st]}</option>`)}
            </select>`,
          )}
          ${this.#renderLinks(session)} ${link}`;
      case 'target': {
        const kr = session.keyResults.get(form.keyResultId);
        if (!kr) return html``;
        const canRetarget = store.can('keyResult.retarget', session);
        const canEdit = store.can('keyResult.edit', session);
        return html`<p class="kind-read"><span class="muted">${s.fieldKind}:</span> ${s.kinds[kr.kind]}</p>
          ${canRetarget ? this.#renderTargetFields(kr.kind) : nothing} ${canEdit && hasUnit(kr.kind) ? unit : nothing}
          ${
            canEdit
              ? this.#field(
                  'weight',
                  s.fieldWeight,
                  (a) =>
                    html`<input id="f-weight" name="weight" type="number" step="any" min="0" inputmode="decimal" autocomplete="off" .value=${live(v.weight)} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} />`,
                  s.fieldWeightHint,
                )
              : nothing
          }`;
      }
      case 'keyResult':
        return html`${title}
          ${this.#field(
            'kind',
            s.fieldKind,
            (a) => html`<select id="f-kind" name="kind" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}>
              ${KEY_RESULT_KINDS.map((k) => html`<option value=${k} ?selected=${v.kind === k}>${s.kinds[k]}</option>`)}
            </select>`,
          )}
          ${this.#renderTargetFields(v.kind)} ${hasUnit(v.kind) ? unit : nothing} ${owner}`;
    }
  }

  /** What a key result of `kind` is measured by: start and target, a threshold, nothing, or named steps. */
  #renderTargetFields(kind: KeyResultKind): TemplateResult {
    const s = this.#s;
    const v = this.values;
    const number = (name: NumberField, label: string) =>
      this.#field(
        name,
        label,
        (a) =>
          html`<input id="f-${name}" name=${name} type="number" step="any" inputmode="decimal" autocomplete="off" .value=${live(v[name])} aria-invalid=${a.invalid} aria-describedby=${a.describedBy} />`,
      );
    switch (kind) {
      case 'increase':
      case 'decrease':
        return html`<div class="row-2">${number('start', s.fieldStartValue)} ${number('target', s.fieldTargetValue)}</div>`;
      case 'stay_above':
      case 'stay_below':
        return number('threshold', s.fieldThreshold);
      case 'boolean':
        return html`<p class="hint kind-hint">${s.booleanKindHint}</p>`;
      case 'milestones':
        return this.#renderSteps();
    }
  }

  /** The checkboxes of the key results an initiative moves. */
  #renderLinks(session: Session): TemplateResult {
    const s = this.#s;
    const error = this.formErrors.keyResultIds;
    const keyResults = objectivesOf(session).flatMap((o) => keyResultsOf(session, o.id));
    return html`<fieldset class="field checks" data-field="keyResultIds" aria-describedby=${error ? 'f-keyResultIds-error' : nothing}>
      <legend>${s.fieldKeyResults}</legend>
      ${keyResults.map(
        (kr) => html`<label class="check">
          <input type="checkbox" name="keyResultIds" value=${kr.id} .checked=${live(this.linked.includes(kr.id))} aria-invalid=${error ? 'true' : nothing} />
          <span>${kr.title}</span>
        </label>`,
      )}
      ${error ? html`<p class="error" id="f-keyResultIds-error">${error}</p>` : nothing}
    </fieldset>`;
  }

  #renderSteps(): TemplateResult {
    const s = this.#s;
    const error = this.formErrors.milestones;
    const describedBy = ['f-milestones-hint', error ? 'f-milestones-error' : ''].filter(Boolean).join(' ');
    return html`<fieldset class="field steps" data-field="milestones" aria-describedby=${describedBy}>
      <legend>${s.fieldMilestones}</legend>
      <p class="hint" id="f-milestones-hint">${s.fieldMilestonesHint}</p>
      <ol>
        ${this.milestones.map(
          (step, i) => html`<li>
            <input
              name="step-${i}"
              autocomplete="off"
              aria-label=${s.stepName(i + 1)}
              .value=${live(step)}
              aria-invalid=${error && step.trim() === '' ? 'true' : nothing}
            />
            ${
              this.milestones.length > 1
                ? html`<button type="button" class="button quiet icon" aria-label=${s.removeStep(i + 1)} @click=${() => void this.#removeStep(i)}>
                  <span aria-hidden="true">✕</span>
                </button>`
                : nothing
            }
          </li>`,
        )}
      </ol>
      <button type="button" class="button quiet add-step" id="add-step" @click=${() => void this.#addStep()}>
        <span aria-hidden="true">+</span> ${s.addStep}
      </button>
      ${error ? html`<p class="error" id="f-milestones-error">${error}</p>` : nothing}
    </fieldset>`;
  }

  /** A labelled field with its hint and its error beside it. */
  #field(
    name: FormField,
    label: string,
    control: (a: { invalid: 'true' | typeof nothing; describedBy: string | typeof nothing }) => TemplateResult,
    hint?: string,
  ): TemplateResult {
    const error = this.formErrors[name];
    const ids = [hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean);
    return html`<div class="field" data-field=${name}>
      <label for="f-${name}">${label}</label>
      ${control({ invalid: error ? 'true' : nothing, describedBy: ids.length > 0 ? ids.join(' ') : nothing })}
      ${hint ? html`<p class="hint" id="f-${name}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="error" id="f-${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  #renderConfirm(): TemplateResult {
    const s = this.#s;
    const r = this.removal;
    const title = !r ? '' : r.item === 'objective' ? s.removeObjectiveTitle(r.title) : s.removeKeyResultTitle(r.title);
    const body = !r ? '' : r.item === 'objective' ? s.removeObjectiveBody : s.removeKeyResultBody;
    return html`<dialog
      id="confirm"
      part="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      @close=${this.#onConfirmClose}
    >
      <div class="dialog-header"><h2 id="confirm-title">${title}</h2></div>
      <div class="dialog-body"><p id="confirm-body">${body}</p></div>
      <div class="dialog-footer">
        <button type="button" class="button" id="confirm-cancel" autofocus @click=${() => this.confirmDialog?.close()}>
          ${s.cancel}
        </button>
        <button type="button" class="button danger" id="confirm-accept" @click=${this.#acceptRemove}>${s.remove}</button>
      </div>
    </dialog>`;
  }
}

defineElement('okr-list', OkrList);

declare global {
  interface HTMLElementTagNameMap {
    'okr-list': OkrList;
  }
}

/** A ✎ button: `label` names what it edits, for people who cannot see the icon. */
function editButton(id: string, className: string, label: string, onClick: () => void): TemplateResult {
  return html`<button id=${id} class="button quiet icon ${className}" type="button" aria-label=${label} @click=${onClick}>
    <span aria-hidden="true">✎</span>
  </button>`;
}
