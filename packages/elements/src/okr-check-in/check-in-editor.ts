import type { CheckIn, KeyResult, OkrStore, Session } from '@okrkit/core';
import type { ReactiveControllerHost } from 'lit';
import { OkrCheckInEvent } from '../events/okr-check-in-event.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { splitFieldErrors } from '../field-errors.js';
import type { OkrStrings } from '../strings.js';
import {
  type CheckInDraft,
  checkInInput,
  DRAFT_FIELDS,
  type DraftField,
  type FieldErrors,
  initialDraft,
  isDirty,
  NO_FIELD_ERRORS,
  parsedValue,
  withoutError,
} from './check-in-draft.js';

/** The state of `<okr-check-in>`'s form, which the editor changes and the element renders. */
export interface CheckInEditorHost extends ReactiveControllerHost, HTMLElement {
  readonly session: Session | undefined;
  draft: CheckInDraft | undefined;
  correcting: CheckIn | undefined;
  fieldErrors: FieldErrors;
  message: string | undefined;
  statusText: string;
  saving: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the editor needs from the element besides its state. */
export interface CheckInEditorDeps {
  readonly store: () => OkrStore;
  readonly strings: () => OkrStrings;
  readonly keyResult: () => KeyResult | undefined;
  /** Back to a fresh form (no draft, no correction, no messages). */
  readonly reset: () => void;
  /** Closes the dialog as the person's act (after a check-in is saved). */
  readonly close: () => void;
}

/**
 * What a person's edits in `<okr-check-in>`'s form do: typing keeps the draft as typed,
 * "Correct" starts a correction of an earlier check-in, and saving turns the draft into a
 * check-in (or a correction) through the store, with the messages and the focus a person
 * needs when it cannot. The draft's rules are check-in-draft.ts's; the state is the
 * element's reactive state, so that it renders as before. Handlers are arrow functions,
 * so that `this` stays the editor when the templates bind them.
 */
export class CheckInEditor {
  readonly #host: CheckInEditorHost;
  readonly #deps: CheckInEditorDeps;

  constructor(host: CheckInEditorHost, deps: CheckInEditorDeps) {
    this.#host = host;
    this.#deps = deps;
  }

  /** The form's values: as typed, else the previous check-in's (or the correction target's). */
  values(kr: KeyResult): CheckInDraft {
    return this.#host.draft ?? initialDraft(kr, this.#host.correcting);
  }

  /** What the person typed differs from what the form started with: closing would lose it. */
  get dirty(): boolean {
    const kr = this.#deps.keyResult();
    const { draft, correcting } = this.#host;
    return kr !== undefined && draft !== undefined && isDirty(kr, draft, correcting);
  }

  readonly input = (event: Event): void => {
    const host = this.#host;
    const kr = this.#deps.keyResult();
    const input = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (!kr || !input.name) return;
    const field = input.name as DraftField;
    const value =
      input instanceof HTMLInputElement && input.type === 'checkbox' ? (input.checked ? '1' : '0') : input.value;
    host.draft = { ...this.values(kr), [field]: value };
    host.statusText = '';
    host.fieldErrors = withoutError(host.fieldErrors, field);
  };

  readonly startCorrection = async (checkIn: CheckIn): Promise<void> => {
    const host = this.#host;
    this.#deps.reset();
    host.correcting = checkIn;
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('#ci-form-title')?.focus();
  };

  readonly cancelCorrection = async (): Promise<void> => {
    const host = this.#host;
    this.#deps.reset();
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('#ci-value, [name=value]')?.focus();
  };

  readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const host = this.#host;
    const kr = this.#deps.keyResult();
    const session = host.session;
    if (!kr || !session || host.saving) return;
    const s = this.#deps.strings();
    const draft = this.values(kr);
    const value = parsedValue(kr, draft);
    const valueInput = host.renderRoot.querySelector<HTMLInputElement>('#ci-value');
    if (value === undefined || valueInput?.validity.badInput) {
      await this.#showErrors({ value: s.errorNumber }, s.notSaved);
      return;
    }
    const input = checkInInput(kr, draft, value);
    const correcting = host.correcting;
    host.saving = true;
    try {
      const store = this.#deps.store();
      const saved = correcting
        ? await store.correctCheckIn(session.id, correcting.id, input)
        : await store.checkIn(session.id, kr.id, input);
      host.dispatchEvent(new OkrCheckInEvent(session.id, saved));
      if (correcting) {
        // The store's notice of the correction has already brought the session and history up to date.
        this.#deps.reset();
        host.statusText = s.saved;
      } else {
        this.#deps.close();
      }
    } catch (error) {
      const okrError = toOkrError(error);
      const split = splitFieldErrors(okrError, DRAFT_FIELDS);
      if (split) {
        const { fields, other } = split;
        await this.#showErrors(fields, [s.notSaved, ...other].join(' '));
      } else {
        await this.#showErrors(NO_FIELD_ERRORS, okrError.message);
        host.dispatchEvent(new OkrErrorEvent(okrError));
      }
    } finally {
      host.saving = false;
    }
  };

  /** Shows the messages, then puts focus on the first field to fix (else on the message). */
  async #showErrors(errors: FieldErrors, message: string): Promise<void> {
    const host = this.#host;
    host.fieldErrors = errors;
    host.message = message;
    await host.updateComplete;
    const first = DRAFT_FIELDS.find((f) => errors[f]);
    const target = first
      ? host.renderRoot.querySelector<HTMLElement>(`form [name=${first}]`)
      : host.renderRoot.querySelector<HTMLElement>('#ci-message');
    target?.focus();
  }
}
