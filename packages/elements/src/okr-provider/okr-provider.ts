import { ContextProvider } from '@lit/context';
import type { OkrStore } from '@okrkit/core';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { okrDisplayContext, okrStoreContext } from '../context.js';
import { defineElement } from '../define.js';
import type { OkrStringTable } from '../string-registry.js';

/**
 * Provides a store to every okrkit element inside it, so that several elements share
 * one store and update together, and with it a locale, texts and people's names. An
 * element's own `.store`, `locale`, `strings` or `people` wins over the provider's.
 *
 * @summary Gives the elements inside it one shared store, locale, texts and people.
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
    locale: {},
    strings: { attribute: false },
    people: { attribute: false },
  };

  /** BCP 47 locale for the texts, dates and numbers of the elements inside; wins over `lang` above them. */
  declare locale: string | undefined;

  /** Texts merged over the registered ones for every element inside (see `OkrStrings`). */
  declare strings: OkrStringTable | undefined;

  /** Display names of people by id, for every element inside that has none of its own. */
  declare people: Readonly<Record<string, string>> | undefined;

  readonly #provider = new ContextProvider(this, { context: okrStoreContext });
  readonly #display = new ContextProvider(this, { context: okrDisplayContext });

  protected override willUpdate(): void {
    const { locale, strings, people } = this;
    const shown = this.#display.value;
    if (shown?.locale !== locale || shown?.strings !== strings || shown?.people !== people) {
      this.#display.setValue({ locale, strings, people });
    }
  }

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
