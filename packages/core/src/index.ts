export { ACTION_RULES, ACTIONS, type Action, type ActionRule, TRANSITIONS, type Transition } from './actions.js';
export { ACTOR_ID_MAX, isRole, validateActor } from './actor.js';
export type { Executed } from './command-runner.js';
export { COMMAND_TYPES, type Command, type CommandArgs, type CommandName, type CommandOf } from './command-types.js';
export type { CommandType } from './commands.js';
export { ERROR_CODES, type ErrorCode, type FieldErrors, isOkrError, OkrError, type OkrErrorOptions } from './errors.js';
export {
  csvCell,
  EXPORT_SCHEMA_VERSION,
  type ExportOptions,
  type SessionExport,
  sessionToJson,
  snapshotToCsv,
  snapshotToJson,
} from './export.js';
export { checkFinishedWeeks, type FinishedWeeks, finishedWeeksOf } from './finished-weeks.js';
export {
  IMPORT_MAX_CHARS,
  IMPORT_MAX_DEPTH,
  parseSessionExport,
  type ReadExportOptions,
  readSessionExport,
} from './import.js';
export {
  type CheckInData,
  ENTRY_TYPES,
  type EntryDataMap,
  type EntryType,
  type JournalEntry,
  type Session,
  type SessionChange,
} from './journal.js';
export {
  isAction,
  isSessionState,
  isTransition,
  STATE_LABELS,
  stateAllows,
  TRANSITION_RULES,
  transitionsFrom,
  transitionTarget,
} from './lifecycle.js';
export {
  type Access,
  type Actor,
  type Alignment,
  type Audience,
  type Audit,
  CADENCES,
  type Cadence,
  CHECK_IN_CADENCES,
  CHECK_IN_STATUSES,
  type CheckIn,
  type CheckInCadence,
  type CheckInStatus,
  EVERYONE,
  FIRST_SESSION_NUMBER,
  INITIATIVE_STATUSES,
  type Initiative,
  type InitiativeStatus,
  KEY_RESULT_KINDS,
  type KeyResult,
  type KeyResultKind,
  type KeyResultTarget,
  type Objective,
  OPEN_ACCESS,
  ROLES,
  type Role,
  SESSION_STATES,
  type SessionDetails,
  type SessionHeader,
  type SessionInput,
  type SessionPatch,
  type SessionState,
  sessionIdOf,
} from './model.js';
export type {
  CheckInInput,
  InitiativeInput,
  InitiativePatch,
  KeyResultInput,
  KeyResultPatch,
  KeyResultTargetInput,
  ObjectiveInput,
  ObjectivePatch,
} from './okr-input.js';
export { OWNED_ITEMS, type OwnedItem, type OwnershipTarget, ownersOf } from './ownership.js';
export {
  can,
  type Decision,
  decide,
  describe as describeAction,
  inAudience,
  type PermissionTarget,
} from './policy.js';
export {
  DEFAULT_STATUS_THRESHOLDS,
  derivedStatus,
  expectedProgress,
  isStale,
  keyResultProgress,
  keyResultStatus,
  keyResultsOf,
  objectiveProgress,
  objectivesOf,
  type Progress,
  type StatusThresholds,
  sessionProgress,
} from './progress.js';
export { type CurrentSessionsOptions, isCurrent, nextSessionInput, within } from './sessions.js';
export {
  contentHash,
  filterByOwner,
  type Mover,
  type OwnerFilter,
  type RowChange,
  type RowType,
  type SeriesPoint,
  type Snapshot,
  type SnapshotCheckIn,
  type SnapshotOptions,
  type SnapshotResult,
  type SnapshotRow,
  type SnapshotSummary,
  type SnapshotUnavailable,
  seriesOf,
  sessionWeeks,
  snapshotOf,
  summarize,
  UNAVAILABLE_REASONS,
  type UnavailableReason,
  unavailableReason,
} from './snapshot.js';
export {
  type AppendCause,
  checkFollows,
  type GroupedCause,
  linksConflict,
  type NewSessionHeader,
  type StorageAdapter,
  type StorageChange,
} from './storage/adapter.js';
export { IndexedDbStorage, type IndexedDbStorageOptions, indexedDbStorage } from './storage/indexeddb.js';
export { MemoryStorage, memoryStorage } from './storage/memory.js';
export { requestPersistentStorage } from './storage/persist.js';
export {
  type CanTarget,
  type CheckInHistoryItem,
  createOkrStore,
  type ExecuteOptions,
  type ListSessionsOptions,
  OkrStore,
  type OkrStoreOptions,
} from './store.js';
export { changedSessionId, type StoreChange } from './store-change.js';
export type { MutationResult, Poke, PullRequest, PullResponse, PushRequest } from './sync/protocol.js';
export { type HttpRemoteOptions, httpRemote, RemoteFailure, type SyncRemote } from './sync/remote.js';
export {
  type ConfirmedSession,
  memorySyncCache,
  type PendingMutation,
  type SyncCache,
  type SyncCacheContents,
} from './sync/sync-cache.js';
export { isSyncing, type SyncEvent, type SyncingStorage, type SyncStatus } from './sync/sync-status.js';
export { SyncStorage, type SyncStorageOptions, syncStorage } from './sync/sync-storage.js';
export {
  canonicalTimeZone,
  DATE_MAX,
  DATE_MIN,
  hostTimeZone,
  isoDate,
  nextPeriod,
  type PeriodOptions,
  type PlainDate,
  parseDate,
  SESSION_MAX_YEARS,
  suggestTitle,
} from './time.js';
export { DESCRIPTION_MAX, TITLE_MAX, validateSessionDetails } from './validate.js';
export {
  groupByMonth,
  type MonthOfWeeks,
  mondayOfWeek,
  nextWeek,
  parseWeek,
  previousWeek,
  type Week,
  type WeekRange,
  weekAt,
  weekKeyOf,
  weekRange,
  weeksBetween,
} from './weeks.js';
