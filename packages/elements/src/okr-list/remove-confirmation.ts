import { html, type TemplateResult } from 'lit';
import { OkrInitiativeChangeEvent } from '../events/okr-initiative-change-event.js';
import { OkrKeyResultChangeEvent } from '../events/okr-key-result-change-event.js';
import { OkrObjectiveChangeEvent } from '../events/okr-objective-change-event.js';
import type { Removal } from './item-buttons.js';
import type { ListHost } from './list-view.js';

/**
 * Asks before removing an objective, key result or initiative. Cancel has focus, so
 * Enter on an opened confirmation removes nothing; after a removal focus moves to the
 * nearest place that still exists.
 */
export class RemoveConfirmation {
  readonly #host: ListHost;
  #removal: Removal | undefined;

  constructor(host: ListHost) {
    this.#host = host;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('#confirm');
  }

  readonly ask = async (removal: Removal): Promise<void> => {
    this.#removal = removal;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#dialog?.showModal();
  };

  readonly #accept = async (): Promise<void> => {
    const host = this.#host;
    const removal = this.#removal;
    const session = host.session;
    this.#dialog?.close();
    if (!removal || !session) return;
    const objective = removal.item === 'objective' ? session.objectives.get(removal.id) : undefined;
    const keyResult = removal.item === 'keyResult' ? session.keyResults.get(removal.id) : undefined;
    const initiative = removal.item === 'initiative' ? session.initiatives.get(removal.id) : undefined;
    const removed = await host.attempt((store, s) =>
      removal.item === 'objective'
        ? store.removeObjective(s.id, removal.id)
        : removal.item === 'keyResult'
          ? store.removeKeyResult(s.id, removal.id)
          : store.removeInitiative(s.id, removal.id),
    );
    if (!removed) return;
    host.announce(`${removal.title} ✕`);
    if (objective) host.dispatchEvent(new OkrObjectiveChangeEvent(session.id, objective, 'removed'));
    if (keyResult) host.dispatchEvent(new OkrKeyResultChangeEvent(session.id, keyResult, 'removed'));
    if (initiative) host.dispatchEvent(new OkrInitiativeChangeEvent(session.id, initiative, 'removed'));
    await host.updateComplete;
    const fallback = keyResult
      ? `#add-kr-${CSS.escape(keyResult.objectiveId)}`
      : initiative
        ? '#add-initiative, .initiative-edit'
        : '#add-objective, .objective [id^=o-][tabindex]';
    host.renderRoot.querySelector<HTMLElement>(fallback)?.focus();
  };

  render(): TemplateResult {
    const s = this.#host.texts;
    const r = this.#removal;
    const title = !r
      ? ''
      : r.item === 'objective'
        ? s.removeObjectiveTitle(r.title)
        : r.item === 'keyResult'
          ? s.removeKeyResultTitle(r.title)
          : s.removeInitiativeTitle(r.title);
    const body = !r
      ? ''
      : r.item === 'objective'
        ? s.removeObjectiveBody
        : r.item === 'keyResult'
          ? s.removeKeyResultBody
          : s.removeInitiativeBody;
    return html`<dialog
      id="confirm"
      part="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      @close=${() => {
        this.#removal = undefined;
      }}
    >
      <div class="dialog-header"><h2 id="confirm-title">${title}</h2></div>
      <div class="dialog-body"><p id="confirm-body">${body}</p></div>
      <div class="dialog-footer">
        <button type="button" class="button" id="confirm-cancel" autofocus @click=${() => this.#dialog?.close()}>
          ${s.cancel}
        </button>
        <button type="button" class="button danger" id="confirm-accept" @click=${this.#accept}>${s.remove}</button>
      </div>
    </dialog>`;
  }
}
