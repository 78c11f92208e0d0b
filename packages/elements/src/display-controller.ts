import { ContextConsumer } from '@lit/context';
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { type OkrDisplay, okrDisplayContext } from './context.js';
import { inheritedLang, watchLang } from './lang-observer.js';
import { type OkrStringTable, onStringsRegistered, stringsVersion } from './string-registry.js';

export interface DisplayHost extends ReactiveControllerHost, HTMLElement {
  /** A locale set on the element wins over every `lang`. */
  locale?: string | undefined;
  /** Texts set on the element win over the provider's and the registered ones. */
  strings?: OkrStringTable | undefined;
  /** People set on the element win over the provider's. */
  people?: Readonly<Record<string, string>> | undefined;
}

/** The elements' texts for a language, merged over their defaults. */
export type ResolveStrings<T> = (overrides: OkrStringTable | undefined, lang: string) => T;

/**
 * What an element shows its texts, dates and numbers in, and whose names: its language is
 * its `locale` property, else its own `lang` attribute, else the `locale` of the
 * `<okr-provider>` around it, else the nearest `lang` above it (through shadow roots), else
 * `<html lang>`; texts then fall back to English and formats to the browser's language. It
 * renders the element again when any of these changes: a `lang` anywhere on the page (one
 * observer shared by all elements), the provider's values, or a `registerStrings`.
 */
export class DisplayController implements ReactiveController {
  readonly #host: DisplayHost;
  readonly #context: ContextConsumer<typeof okrDisplayContext, DisplayHost>;
  #rendered: string | undefined;
  #stop: (() => void)[] = [];
  #cache: { readonly key: readonly unknown[]; readonly strings: unknown } | undefined;

  constructor(host: DisplayHost) {
    this.#host = host;
    this.#context = new ContextConsumer(host, {
      context: okrDisplayContext,
      subscribe: true,
      callback: () => host.requestUpdate(),
    });
    host.addController(this);
  }

  hostConnected(): void {
    if (isServer) return;
    const host = this.#host;
    this.#stop = [
      watchLang(host, () => {
        if (this.#declared() !== this.#rendered) host.requestUpdate();
      }),
      onStringsRegistered(() => host.requestUpdate()),
    ];
  }

  hostDisconnected(): void {
    for (const stop of this.#stop) stop();
    this.#stop = [];
  }

  hostUpdate(): void {
    this.#rendered = this.#declared();
  }

  /** The provider's values, if there is one around the element. */
  get #provided(): OkrDisplay | undefined {
    return this.#context.value;
  }

  /** The language declared for the element, by the order above; `undefined` when none is. */
  #declared(): string | undefined {
    const host = this.#host;
    const own = host.locale || host.getAttribute('lang') || this.#provided?.locale;
    // Server rendering (@lit-labs/ssr) has no document tree to search.
    return own || (isServer ? undefined : inheritedLang(host));
  }

  /** The language of the element's texts (English when none is declared). */
  get lang(): string {
    return this.#declared() ?? 'en';
  }

  /** The locale for dates and numbers (the browser's when no language is declared). */
  get locale(): string {
    return this.#declared() ?? (isServer ? 'en' : navigator.language || 'en');
  }

  /** Display names of people by id: the element's, else the provider's. */
  get people(): Readonly<Record<string, string>> {
    return this.#host.people ?? this.#provided?.people ?? {};
  }

  /**
   * The element's texts: `resolve`'s defaults, the texts registered for its language, the
   * provider's `strings`, then its own `strings`. The same object while none of them changes.
   */
  strings<T>(resolve: ResolveStrings<T>): T {
    const own = this.#host.strings;
    const provided = this.#provided?.strings;
    const key = [resolve, this.lang, stringsVersion(), own, provided];
    const cache = this.#cache;
    if (cache && key.every((part, i) => part === cache.key[i])) return cache.strings as T;
    const strings = resolve(provided || own ? { ...provided, ...own } : undefined, this.lang);
    this.#cache = { key, strings };
    return strings;
  }
}
