import type { OkrStore, SessionHeader } from '@okrkit/core';
import { html, LitElement, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { StoreController } from '../store-controller.js';
import { styles } from './okr-sessions.styles.js';

/**
 * The sessions of a store as a table.
 *
 * @csspart base - The wrapper around the table.
 * @cssproperty --okr-font - Font shorthand.
 * @cssproperty --okr-color-text - Text colour.
 */
@customElement('okr-sessions')
export class OkrSessions extends LitElement {
  static override styles = styles;

  @state() accessor sessions: readonly SessionHeader[] = [];

  /** The store to show; defaults to one from context, else the page's default store. */
  @property({ attribute: false }) accessor store: OkrStore | undefined;

  readonly #store = new StoreController(this, (store) => void this.#load(store));

  async #load(store: OkrStore): Promise<void> {
    this.sessions = await store.listSessions();
  }

  override render(): TemplateResult {
    void this.#store;
    return html`<div part="base">
      <table>
        <thead>
          <tr><th scope="col">Number</th><th scope="col">Name</th><th scope="col">State</th></tr>
        </thead>
        <tbody>
          ${this.sessions.map((s) => html`<tr><td>${s.id}</td><td>${s.title}</td><td>${s.state}</td></tr>`)}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okr-sessions': OkrSessions;
  }
}
