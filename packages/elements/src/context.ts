import { createContext } from '@lit/context';
import type { OkrStore } from '@okrkit/core';

/** The store elements share. Provide it with `<okr-provider .store=${store}>` or any `@lit/context` provider. */
export const okrStoreContext = createContext<OkrStore | undefined>(Symbol.for('okrkit.store'));
