import type { KeyResult, OkrStore, Session } from '@okrkit/core';
import type { DetailItem } from '../events/okr-detail-open-event.js';
import type { OwnedItem } from '../events/okr-owner-change-event.js';
import type { OkrStrings } from '../strings.js';
import type { FormValues, ItemForm } from './form-model.js';
import type { Removal } from './item-buttons.js';
import type { ListPermissions } from './list-permissions.js';
import type { Reorder } from './reorder.js';
import type { TitleEditor } from './title-editor.js';

/**
 * What the parts of `<okr-list>` render from: the session as loaded, the texts, the
 * locale, the people and what the actor may do. Built once per render by the element.
 */
export interface ListView {
  readonly session: Session;
  readonly s: OkrStrings;
  readonly locale: string;
  readonly people: Readonly<Record<string, string>>;
  readonly can: ListPermissions;
  /** The store's clock at render time: a key result's status depends on how far into the session we are. */
  readonly now: Date;
}

/**
 * What the element offers its parts: the store, the session, a way to run a change in
 * place, and the element's shadow root and update cycle for focus after a change.
 * An object of its own rather than the element, so that none of it becomes public API.
 */
export interface ListHost {
  readonly session: Session | undefined;
  readonly store: OkrStore;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  /** Fires an event from the element. */
  dispatchEvent(event: Event): boolean;
  /** The texts in use. */
  readonly texts: OkrStrings;
  /** Runs a change in place and reloads; a refusal is shown above the list and reported. */
  attempt(work: (store: OkrStore, session: Session) => Promise<unknown>): Promise<boolean>;
  /** Reads the session again after a change saved by a part. */
  reloadSession(): Promise<void>;
  /** Says something to screen-reader users (a move, a removal). */
  announce(text: string): void;
}

/** What the objectives, key results and initiatives can ask the element to do. */
export interface ListActions {
  readonly titles: TitleEditor;
  readonly reorder: Reorder;
  openForm(
    form: ItemForm,
    opener: string,
    values?: Partial<FormValues>,
    milestones?: readonly string[],
    linked?: readonly string[],
  ): void;
  confirmRemove(removal: Removal): void;
  assign(item: OwnedItem, id: string, ownerId: string | null): void;
  openCheckIn(keyResult: KeyResult): void;
  /** Opens the details of an objective, key result or initiative. */
  openDetail(item: DetailItem): void;
  /** Shows or hides an objective's key results (large sessions open collapsed). */
  toggle(objectiveId: string): void;
}
