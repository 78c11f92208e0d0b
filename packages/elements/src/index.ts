export { okrStoreContext } from './context.js';
export { defaultStore } from './default-store.js';
// ---- <okr-snapshot> ------------------------------------------------------------------
export { OkrCheckInRequestEvent } from './events/okr-check-in-request-event.js';
export { OkrErrorEvent } from './events/okr-error-event.js';
export { EXPORT_FORMATS, type ExportDetail, type ExportFormat, OkrExportEvent } from './events/okr-export-event.js';
export { OkrOwnerFilterChangeEvent } from './events/okr-owner-filter-change-event.js';
export { OkrSessionChangeEvent } from './events/okr-session-change-event.js';
export { OkrSessionCreateEvent } from './events/okr-session-create-event.js';
export { OkrSessionDrawerCloseEvent } from './events/okr-session-drawer-close-event.js';
export { OkrSessionSelectEvent } from './events/okr-session-select-event.js';
export { OkrSessionTransitionEvent } from './events/okr-session-transition-event.js';
export { OkrWeekChangeEvent } from './events/okr-week-change-event.js';
export { OkrProvider } from './okr-provider/okr-provider.js';
export { OkrSessionDrawer } from './okr-session-drawer/okr-session-drawer.js';
export { OkrSessions, SESSION_COLUMNS, type SessionColumn, type SortDirection } from './okr-sessions/okr-sessions.js';
export { exportFilename, OkrSnapshot, ownerFilterOf } from './okr-snapshot/okr-snapshot.js';
export { StoreController, type StoreHost } from './store-controller.js';
export {
  OKR_SNAPSHOT_STRINGS,
  OKR_STRINGS,
  type OkrSnapshotStrings,
  type OkrStrings,
  resolveSnapshotStrings,
  resolveStrings,
} from './strings.js';
