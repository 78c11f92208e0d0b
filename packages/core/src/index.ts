export { ACTIONS, type Action, TRANSITIONS, type Transition } from './actions.js';
export { ERROR_CODES, type ErrorCode, type FieldErrors, isOkrError, OkrError, type OkrErrorOptions } from './errors.js';
export {
  applyEntry,
  ENTRY_TYPES,
  type EntryDataMap,
  type EntryDraft,
  type EntryType,
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
  type Audience,
  type Audit,
  CADENCES,
  type Cadence,
  CHECK_IN_CADENCES,
  type CheckInCadence,
  EVERYONE,
  FIRST_SESSION_NUMBER,
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
export {
  can,
  type Decision,
  decide,
  describe as describeAction,
  inAudience,
  type PermissionTarget,
  ROLE_ALLOWS,
} from './policy.js';
export { type CurrentSessionsOptions, isCurrent, nextSessionInput, within } from './sessions.js';
export type { NewSessionHeader, StorageAdapter, StorageChange } from './storage/adapter.js';
export { IndexedDbStorage, type IndexedDbStorageOptions, indexedDbStorage } from './storage/indexeddb.js';
export { MemoryStorage, memoryStorage } from './storage/memory.js';
export { requestPersistentStorage } from './storage/persist.js';
export {
  createOkrStore,
  headerOf,
  type ListSessionsOptions,
  OkrStore,
  type OkrStoreOptions,
  type StoreChange,
} from './store.js';
export { canonicalTimeZone, hostTimeZone, nextPeriod, type PeriodOptions, parseDate, suggestTitle } from './time.js';
export { DESCRIPTION_MAX, TITLE_MAX, validateSessionDetails } from './validate.js';
