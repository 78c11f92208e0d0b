export { type OkrDisplay, okrDisplayContext, okrStoreContext } from './context.js';
export { defaultStore } from './default-store.js';
export { DisplayController, type DisplayHost } from './display-controller.js';
export { OkrCheckInCloseEvent } from './events/okr-check-in-close-event.js';
export { OkrCheckInEvent } from './events/okr-check-in-event.js';
export { OkrCheckInRequestEvent } from './events/okr-check-in-request-event.js';
export { DETAIL_KINDS, type DetailItem, type DetailKind, OkrDetailOpenEvent } from './events/okr-detail-open-event.js';
export { OkrErrorEvent } from './events/okr-error-event.js';
export { EXPORT_FORMATS, type ExportDetail, type ExportFormat, OkrExportEvent } from './events/okr-export-event.js';
export { OkrInitiativeAddEvent } from './events/okr-initiative-add-event.js';
export { type InitiativeChange, OkrInitiativeChangeEvent } from './events/okr-initiative-change-event.js';
export { OkrKeyResultAddEvent } from './events/okr-key-result-add-event.js';
export { type KeyResultChange, OkrKeyResultChangeEvent } from './events/okr-key-result-change-event.js';
export { OkrKeyResultSelectEvent } from './events/okr-key-result-select-event.js';
export { OkrObjectiveAddEvent } from './events/okr-objective-add-event.js';
export { type ObjectiveChange, OkrObjectiveChangeEvent } from './events/okr-objective-change-event.js';
export { OkrObjectiveSelectEvent } from './events/okr-objective-select-event.js';
export { OkrOwnerChangeEvent } from './events/okr-owner-change-event.js';
export { OkrOwnerFilterChangeEvent } from './events/okr-owner-filter-change-event.js';
export { OkrSessionChangeEvent } from './events/okr-session-change-event.js';
export { OkrSessionCreateEvent } from './events/okr-session-create-event.js';
export { OkrSessionDrawerCloseEvent } from './events/okr-session-drawer-close-event.js';
export { OkrSessionSelectEvent } from './events/okr-session-select-event.js';
export { OkrSessionTransitionEvent } from './events/okr-session-transition-event.js';
export { OkrWeekChangeEvent } from './events/okr-week-change-event.js';
export { formatTarget, formatValue } from './key-result-format.js';
export { OkrAccessEditor } from './okr-access-editor/okr-access-editor.js';
export { OkrCheckIn } from './okr-check-in/okr-check-in.js';
export { OkrDetail } from './okr-detail/okr-detail.js';
export { OkrList } from './okr-list/okr-list.js';
export { OkrNextSession } from './okr-next-session/okr-next-session.js';
export { OkrProvider } from './okr-provider/okr-provider.js';
export { OkrSessionDrawer } from './okr-session-drawer/okr-session-drawer.js';
export { OkrSessions, SESSION_COLUMNS, type SessionColumn, type SortDirection } from './okr-sessions/okr-sessions.js';
export { exportFilename, OkrSnapshot, ownerFilterOf } from './okr-snapshot/okr-snapshot.js';
export { buildTree, OkrTree, type TreeNode } from './okr-tree/okr-tree.js';
export { type PluralForms, plural } from './plural.js';
export { StoreController, type StoreHost } from './store-controller.js';
export { type OkrStringTable, registerStrings } from './string-registry.js';
export {
  OKR_SNAPSHOT_STRINGS,
  OKR_STRINGS,
  type OkrDetailStrings,
  type OkrListStrings,
  type OkrSessionAdminStrings,
  type OkrSnapshotStrings,
  type OkrStrings,
  resolveSnapshotStrings,
  resolveStrings,
} from './strings.js';
