import { createContext } from '@lit/context';
import type { OkrStore } from '@okrkit/core';
import type { OkrStringTable } from './string-registry.js';

/** The store elements share. Provide it with `<okr-provider .store=${store}>` or any `@lit/context` provider. */
export const okrStoreContext = createContext<OkrStore | undefined>(Symbol.for('okrkit.store'));

/** What `<okr-provider>` gives every element inside it besides the store; an element's own property wins. */
export interface OkrDisplay {
  /** BCP 47 locale for texts, dates and numbers. */
  readonly locale?: string | undefined;
  /** Texts merged over the registered ones. */
  readonly strings?: OkrStringTable | undefined;
  /** Display names of people by id. */
  readonly people?: Readonly<Record<string, string>> | undefined;
}

/** The locale, texts and people elements share. Provide it with `<okr-provider>` or any `@lit/context` provider. */
export const okrDisplayContext = createContext<OkrDisplay | undefined>(Symbol.for('okrkit.display'));
