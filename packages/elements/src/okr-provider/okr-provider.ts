import { ContextProvider } from '@lit/context';
import type { OkrStore } from '@okrkit/core';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { okrStoreContext } from '../context.js';
import { defineElement } from '../define.js';

/**
 * Provides a store to every okrkit element inside it, so that several elements share
 * one store and update together.
 *
 * @summary Gives the elements inside it one shared store.
 * @slot - The elements that use the store.
 *
 * @example
 * ```html
 * <okr-provider id="okr"><okr-sessions></okr-sessions></okr-provider>
 * <script type="module">document.querySelector('#okr').store = createOkrStore({ actor });</script>
 * ```
 */
export class OkrProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([hidden]) {
      display: none !important;
    }
  `;

  static override properties = {
    store: { attribute: false },
  };

  readonly #provider = new ContextProvider(this, { context: okrStoreContext });

  /** The store the elements inside use (unless one of them has its own `.store`). */
  get store(): OkrStore | undefined {
    return this.#provider.value;
  }

  set store(store: OkrStore | undefined) {
    this.#provider.setValue(store);
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

defineElement('okr-provider', OkrProvider);

declare global {
  interface HTMLElementTagNameMap {
    'okr-provider': OkrProvider;
  }
}
