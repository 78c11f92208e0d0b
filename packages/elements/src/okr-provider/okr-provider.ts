import { provide } from '@lit/context';
import type { OkrStore } from '@okrkit/core';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { okrStoreContext } from '../context.js';

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
@customElement('okr-provider')
export class OkrProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The store the elements inside use (unless one of them has its own `.store`). */
  @provide({ context: okrStoreContext })
  @property({ attribute: false })
  accessor store: OkrStore | undefined;

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okr-provider': OkrProvider;
  }
}
