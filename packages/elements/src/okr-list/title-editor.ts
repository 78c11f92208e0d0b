import { isOkrError } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { OkrKeyResultChangeEvent } from '../events/okr-key-result-change-event.js';
import { OkrObjectiveChangeEvent } from '../events/okr-objective-change-event.js';
import { editButton } from './item-buttons.js';
import type { ListHost } from './list-view.js';

/** A title being edited in place. */
interface TitleEdit {
  readonly item: 'objective' | 'keyResult';
  readonly id: string;
  readonly value: string;
  readonly error?: string;
}

/**
 * Renaming an objective or a key result in place: Edit turns the title into a field,
 * Enter saves, Escape cancels, and focus returns to the Edit button either way.
 * One title at a time; an error stays beside the field until it is fixed.
 */
export class TitleEditor {
  readonly #host: ListHost;
  #editing: TitleEdit | undefined;

  constructor(host: ListHost) {
    this.#host = host;
  }

  /** Stops editing without saving (another session was chosen). */
  reset(): void {
    this.#editing = undefined;
  }

  /** A title, or its editor while being edited; with an Edit button when `canEdit`. */
  render(
    item: 'objective' | 'keyResult',
    id: string,
    title: string,
    titleId: string,
    tag: 'h3' | 'span',
    canEdit: boolean,
  ): TemplateResult {
    const s = this.#host.texts;
    const editing = this.#editing;
    if (editing && editing.item === item && editing.id === id) {
      return html`<form class="edit-title" novalidate @submit=${this.#save}>
        <input
          id="edit-title"
          name="title"
          autocomplete="off"
          aria-label=${s.fieldTitle}
          .value=${live(editing.value)}
          aria-invalid=${editing.error ? 'true' : nothing}
          aria-describedby=${editing.error ? 'edit-title-error' : nothing}
          @input=${(e: Event) => {
            this.#editing = { item, id, value: (e.target as HTMLInputElement).value };
            this.#host.requestUpdate();
          }}
          @keydown=${this.#onKeydown}
        />
        <button class="button primary small" type="submit">${s.save}</button>
        <button class="button small" type="button" @click=${() => void this.#end()}>${s.cancel}</button>
        ${editing.error ? html`<p class="error" id="edit-title-error">${editing.error}</p>` : nothing}
      </form>`;
    }
    const text =
      tag === 'h3'
        ? html`<h3 class="title" id=${titleId} tabindex="-1">${title}</h3>`
        : html`<span class="title" id=${titleId} tabindex="-1">${title}</span>`;
    return html`<div class="title-row">
      ${text}
      ${canEdit ? editButton(`edit-${item}-${id}`, 'edit', s.editTitleOf(title), () => void this.#start(item, id, title)) : nothing}
    </div>`;
  }

  async #start(item: 'objective' | 'keyResult', id: string, title: string): Promise<void> {
    this.#editing = { item, id, value: title };
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const input = this.#host.renderRoot.querySelector<HTMLInputElement>('#edit-title');
    input?.focus();
    input?.select();
  }

  async #end(): Promise<void> {
    const editing = this.#editing;
    this.#editing = undefined;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (editing)
      this.#host.renderRoot.querySelector<HTMLElement>(`#edit-${editing.item}-${CSS.escape(editing.id)}`)?.focus();
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void this.#end();
  };

  readonly #save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const editing = this.#editing;
    const host = this.#host;
    const session = host.session;
    if (!editing || !session) return;
    const store = host.store;
    try {
      const done =
        editing.item === 'objective'
          ? new OkrObjectiveChangeEvent(
              session.id,
              await store.updateObjective(session.id, editing.id, { title: editing.value }),
              'title',
            )
          : new OkrKeyResultChangeEvent(
              session.id,
              await store.updateKeyResult(session.id, editing.id, { title: editing.value }),
              'title',
            );
      await host.reloadSession();
      await this.#end();
      host.dispatchEvent(done);
    } catch (error) {
      const okrError = toOkrError(error);
      this.#editing = { ...editing, error: okrError.fields.title ?? okrError.message };
      host.requestUpdate();
      if (!isOkrError(okrError, 'invalid-input')) host.dispatchEvent(new OkrErrorEvent(okrError));
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>('#edit-title')?.focus();
    }
  };
}
