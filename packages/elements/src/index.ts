export { okrStoreContext } from './context.js';
export { defaultStore } from './default-store.js';
export { OkrSessions } from './okr-sessions/okr-sessions.js';
export { StoreController, type StoreHost } from './store-controller.js';
