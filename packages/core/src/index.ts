export { ACTIONS, type Action, TRANSITIONS, type Transition } from './actions.js';
export { ERROR_CODES, type ErrorCode, type FieldErrors, isOkrError, OkrError, type OkrErrorOptions } from './errors.js';
export {
  applyEntry,
  type CheckInData,
  ENTRY_TYPES,
  type EntryDataMap,
  type EntryDraft,
  type EntryType,
  headerOf,
  type Identity,
  type JournalEntry,
  ReplayError,
  replay,
  type Session,
  type SessionChange,
} from './journal.js';
export {
  STATE_ALLOWS,
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
export {
  can,
  type Decision,
  decide,
  describe as describeAction,
  inAudience,
  type PermissionTarget,
  ROLE_ALLOWS,
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
export type { NewSessionHeader, StorageAdapter, StorageChange } from './storage/adapter.js';
export { MemoryStorage, memoryStorage } from './storage/memory.js';
export {
  type CheckInHistoryItem,
  createOkrStore,
  type ListSessionsOptions,
  OkrStore,
  type OkrStoreOptions,
  type StoreChange,
} from './store.js';
export { canonicalTimeZone, hostTimeZone, nextPeriod, type PeriodOptions, parseDate, suggestTitle } from './time.js';
export { DESCRIPTION_MAX, TITLE_MAX, validateSessionDetails } from './validate.js';
