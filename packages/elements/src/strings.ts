import type {
  Cadence,
  CheckInCadence,
  CheckInStatus,
  InitiativeStatus,
  KeyResultKind,
  SessionState,
  Transition,
} from '@okrkit/core';
import { plural } from './plural.js';
import { type OkrStringTable, registeredStrings } from './string-registry.js';

/**
 * Every text the elements show, in English. Other languages are registered over these
 * (`registerStrings('de', {...})`, see string-registry.ts), and each element has a `strings`
 * property that takes a partial object merged over both (`el.strings = { addSession: 'Neue
 * Session' }`). Entries that are records (`states`, `cadences`, ...) are replaced whole;
 * entries that are functions receive the values they interpolate, counts as numbers, so
 * that a language picks its plural forms with `plural` (`Intl.PluralRules`).
 */
export interface OkrStrings {
  /** Accessible name of the sessions table. */
  readonly sessionsCaption: string;
  readonly columnNumber: string;
  readonly columnName: string;
  readonly columnState: string;
  readonly columnBegin: string;
  readonly columnEnd: string;
  readonly columnCreatedBy: string;
  readonly columnLastEditedBy: string;
  readonly states: Readonly<Record<SessionState, string>>;
  readonly closedBadge: string;
  readonly includeClosed: string;
  readonly addSession: string;
  readonly loading: string;
  readonly emptyTitle: string;
  readonly emptyBody: string;
  readonly emptyBodyReadOnly: string;
  readonly allClosedTitle: string;
  readonly allClosedBody: string;
  readonly loadErrorTitle: string;
  readonly retry: string;
  readonly openSessionHint: string;

  readonly addDialogTitle: string;
  readonly fieldTitle: string;
  readonly fieldTitleHint: string;
  readonly fieldStart: string;
  readonly fieldEnd: string;
  readonly fieldTimeZone: string;
  readonly fieldCadence: string;
  readonly fieldCheckInCadence: string;
  readonly fieldParent: string;
  readonly parentNone: string;
  readonly cadences: Readonly<Record<Cadence, string>>;
  readonly checkInCadences: Readonly<Record<CheckInCadence, string>>;
  readonly errorTitleRequired: string;
  readonly errorStartRequired: string;
  readonly errorEndRequired: string;
  readonly errorTimeZoneRequired: string;
  readonly errorInvalidDate: string;
  readonly errorEndBeforeStart: string;
  readonly formNotSaved: string;
  readonly cancel: string;
  readonly create: string;
  readonly saving: string;

  readonly drawerLabel: (title: string, number: string) => string;
  readonly closeDrawer: string;
  readonly details: string;
  readonly save: string;
  readonly saved: string;
  readonly showMore: string;
  readonly showLess: string;
  readonly createdBy: string;
  readonly changedBy: string;
  readonly createdAt: string;
  readonly changedAt: string;
  readonly timeZone: string;
  readonly datesWarning: string;
  readonly readOnlyNotice: string;
  readonly viewOnlyNotice: string;
  readonly actions: string;
  readonly transitions: Readonly<Record<Transition, string>>;
  readonly transitionTitles: Readonly<Record<Transition, (title: string) => string>>;
  readonly transitionBodies: Readonly<Record<Transition, string>>;
  readonly transitionCancelled: string;
  readonly unsavedTitle: string;
  readonly unsavedBody: string;
  readonly discard: string;
  readonly keepEditing: string;
  readonly sessionLoadError: string;

  // ---- a store on a server (sync status) ----
  /** A change is on its way to the server. */
  readonly syncSaving: string;
  /** Changes made here that the server has not confirmed yet. */
  readonly syncWaiting: (count: number) => string;
  readonly syncOffline: string;
  readonly syncOfflineWaiting: (count: number) => string;
  /** The server refused a change on arrival; it was not saved. `reason` is the server's. */
  readonly syncRefused: (reason: string) => string;
}

export const OKR_STRINGS: OkrStrings = {
  ...okrListStrings(),
  ...okrSessionAdminStrings(),
  ...okrDetailStrings(),
  sessionsCaption: 'Sessions',
  columnNumber: 'Number',
  columnName: 'Name',
  columnState: 'State',
  columnBegin: 'Begin',
  columnEnd: 'End',
  columnCreatedBy: 'Created by',
  columnLastEditedBy: 'Last edited by',
  states: { open: 'Open', in_progress: 'In progress', archived: 'Closed' },
  closedBadge: 'Closed',
  includeClosed: 'Include closed sessions',
  addSession: 'Add session',
  loading: 'Loading sessions…',
  emptyTitle: 'No sessions yet',
  emptyBody:
    'A session is a planning period, such as a quarter, that holds your objectives and key results. Add the first one to get started.',
  emptyBodyReadOnly: 'Sessions appear here as soon as an administrator adds one.',
  allClosedTitle: 'No open sessions',
  allClosedBody: 'Every session is closed. Turn on “Include closed sessions” to see them.',
  loadErrorTitle: 'Sessions could not be loaded',
  retry: 'Retry',
  openSessionHint: 'Select a row to open the session.',

  addDialogTitle: 'Add session',
  fieldTitle: 'Title',
  fieldTitleHint: 'Suggested from the dates until you type your own.',
  fieldStart: 'Begin',
  fieldEnd: 'End',
  fieldTimeZone: 'Time zone',
  fieldCadence: 'Cadence',
  fieldCheckInCadence: 'Check-ins',
  fieldParent: 'Parent session',
  parentNone: 'None',
  cadences: { month: 'Month', quarter: 'Quarter', half: 'Half year', year: 'Year', custom: 'Custom' },
  checkInCadences: { weekly: 'Weekly', biweekly: 'Every two weeks', monthly: 'Monthly' },
  errorTitleRequired: 'Enter a title.',
  errorStartRequired: 'Enter the begin date.',
  errorEndRequired: 'Enter the end date.',
  errorTimeZoneRequired: 'Enter a time zone, such as Europe/Berlin.',
  errorInvalidDate: 'This is not a valid date. Enter a complete date, such as 31 March 2027.',
  errorEndBeforeStart: 'The end date must be on or after the begin date.',
  formNotSaved: 'The session was not saved. Check the fields marked below.',
  cancel: 'Cancel',
  create: 'Add session',
  saving: 'Saving…',

  drawerLabel: (title, number) => `${title} (${number})`,
  closeDrawer: 'Close',
  details: 'Details',
  save: 'Save',
  saved: 'Saved.',
  showMore: 'Show more',
  showLess: 'Show less',
  createdBy: 'Created by',
  changedBy: 'Changed by',
  createdAt: 'Created',
  changedAt: 'Changed',
  timeZone: 'Time zone',
  datesWarning:
    'Changing the dates affects the objectives of this session: their weeks and check-ins follow the new dates.',
  readOnlyNotice: 'This session is closed: everything stays visible, nothing can be changed until it is reopened.',
  viewOnlyNotice: 'You can view this session but not change it.',
  actions: 'Actions',
  transitions: { start: 'Start', close: 'Close', reopen: 'Reopen', unlock: 'Unlock' },
  transitionTitles: {
    start: (title) => `Start ${title}?`,
    close: (title) => `Close ${title}?`,
    reopen: (title) => `Reopen ${title}?`,
    unlock: (title) => `Unlock ${title}?`,
  },
  transitionBodies: {
    start:
      'Planning ends and tracking begins: people check in on key results. Objectives and key results can no longer be added, removed or retargeted.',
    close:
      'No new objectives can be added, check-ins stop, and the details become read-only. Everything stays visible, and the session can be reopened.',
    reopen: 'The session returns to the state it was closed from, and can be changed again.',
    unlock:
      'The session goes back to planning: objectives and key results can be added, removed and retargeted again. Check-ins made so far are kept.',
  },
  transitionCancelled: 'The change was not made.',
  unsavedTitle: 'Discard unsaved changes?',
  unsavedBody: 'Your changes to the details of this session have not been saved.',
  discard: 'Discard changes',
  keepEditing: 'Keep editing',
  sessionLoadError: 'This session could not be loaded.',

  // ---- a store on a server (sync status) ----
  syncSaving: 'Saving…',
  syncWaiting: (count) => plural('en', count, { one: `${count} change waiting`, other: `${count} changes waiting` }),
  syncOffline: 'Offline',
  syncOfflineWaiting: (count) =>
    plural('en', count, { one: `Offline: ${count} change waiting`, other: `Offline: ${count} changes waiting` }),
  syncRefused: (reason) => `Not saved: ${reason}`,
};

/** The English defaults, the texts registered for `lang` (default English) and `overrides`, merged in that order. */
export function resolveStrings(overrides: OkrStringTable | undefined, lang = 'en'): OkrStrings {
  return { ...OKR_STRINGS, ...registeredStrings(lang), ...overrides };
}

// ---- <okr-snapshot> ------------------------------------------------------------------
// Kept in their own interface so that each element's texts can be merged independently;
// `<okr-snapshot>`'s `strings` property takes both `OkrStrings` and these.

/** The texts of `<okr-snapshot>`, the weekly review, in English. */
export interface OkrSnapshotStrings {
  readonly snapshotLoading: string;
  readonly snapshotLoadErrorTitle: string;
  readonly noSessionTitle: string;
  readonly noSessionBody: string;
  readonly weekNavigation: string;
  readonly previousWeek: string;
  readonly nextWeek: string;
  readonly month: string;
  readonly weeksOfMonth: string;
  readonly weekButton: (number: number) => string;
  readonly weekLabel: (number: number, range: string) => string;
  readonly currentWeek: string;
  readonly liveBadge: string;
  readonly readOnlyBadge: string;
  readonly readOnlyWeek: (endDay: string) => string;
  readonly ownerFilter: string;
  readonly ownerAll: string;
  readonly ownerUnassigned: string;
  readonly unassigned: string;
  readonly exportCsv: string;
  readonly exportJson: string;
  readonly exportLabel: string;
  readonly unavailable: Readonly<
    Record<'not-yet-created' | 'outside-session' | 'future', (number: number, range: string) => string>
  >;
  readonly unavailableTitle: string;
  /** A session that has not begun yet opens on its first week, with this in place of `unavailable.future`. */
  readonly notStartedYet: (start: string) => string;
  readonly goToNearest: (week: string) => string;
  readonly noNearest: string;
  readonly snapshotEmptyTitle: string;
  readonly snapshotEmptyBody: string;
  readonly filterEmptyTitle: string;
  readonly filterEmptyBody: string;
  readonly summaryLabel: string;
  readonly snapshotStatuses: Readonly<Record<string, string>>;
  readonly staleLabel: string;
  readonly unassignedLabel: string;
  readonly meanProgress: string;
  readonly movedUp: string;
  readonly movedDown: string;
  readonly nothingMoved: string;
  readonly tableLabel: (week: string) => string;
  readonly columnItem: string;
  readonly columnOwner: string;
  readonly columnProgress: string;
  readonly columnStatus: string;
  readonly columnChange: string;
  readonly columnTrend: string;
  readonly columnActions: string;
  readonly rowTypes: Readonly<Record<'objective' | 'keyResult' | 'initiative', string>>;
  readonly newBadge: string;
  readonly removedBadge: string;
  readonly staleBadge: string;
  readonly contextHint: string;
  readonly rawProgress: (raw: string) => string;
  /** `points` as shown ("1.5"); `value`, the number it shows, picks the plural form. */
  readonly pointsUp: (points: string, value: number) => string;
  readonly pointsDown: (points: string, value: number) => string;
  readonly noChange: string;
  readonly showComment: (title: string) => string;
  readonly noComment: string;
  readonly commentBy: (author: string, day: string) => string;
  readonly checkIn: string;
  readonly checkInLabel: (title: string) => string;
  readonly trendLabel: (from: string, to: string) => string;
}

export const OKR_SNAPSHOT_STRINGS: OkrSnapshotStrings = {
  snapshotLoading: 'Loading the weekly snapshot…',
  snapshotLoadErrorTitle: 'The snapshot could not be loaded',
  noSessionTitle: 'No session chosen',
  noSessionBody: 'Choose a session to review its weeks.',
  weekNavigation: 'Week',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  month: 'Month',
  weeksOfMonth: 'Weeks of the month',
  weekButton: (number) => `W${String(number).padStart(2, '0')}`,
  weekLabel: (number, range) => `Week ${number}, ${range}`,
  currentWeek: 'This week',
  liveBadge: 'Live',
  readOnlyBadge: 'Read-only',
  readOnlyWeek: (endDay) => `Read-only: the week ended on ${endDay}. Past weeks never change.`,
  ownerFilter: 'Owner',
  ownerAll: 'All owners',
  ownerUnassigned: 'Unassigned',
  unassigned: 'Unassigned',
  exportCsv: 'CSV',
  exportJson: 'JSON',
  exportLabel: 'Export',
  unavailable: {
    'not-yet-created': (number, range) => `This session did not exist yet in week ${number} (${range}).`,
    'outside-session': (number, range) =>
      `This week is outside the session: week ${number} (${range}) is not between its start and end dates.`,
    future: (number, range) => `This week has not happened yet: week ${number} (${range}) is still ahead.`,
  },
  unavailableTitle: 'No snapshot for this week',
  notStartedYet: (start) =>
    `This session starts on ${start}. The snapshot of each week appears as the week begins; until then, plan in the list.`,
  goToNearest: (week) => `Go to ${week}`,
  noNearest: 'No week of this session has a snapshot yet.',
  snapshotEmptyTitle: 'Nothing to review yet',
  snapshotEmptyBody: 'This week has no objectives. They appear here as soon as someone adds one.',
  filterEmptyTitle: 'Nothing for this owner',
  filterEmptyBody: 'No objective, key result or initiative of this week matches the owner filter.',
  summaryLabel: 'Summary of the week',
  snapshotStatuses: {
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    planned: 'Planned',
    active: 'Active',
    done: 'Done',
    dropped: 'Dropped',
  },
  staleLabel: 'Stale',
  unassignedLabel: 'Unassigned',
  meanProgress: 'Mean progress',
  movedUp: 'Moved up most',
  movedDown: 'Moved down most',
  nothingMoved: 'Nothing moved this week.',
  tableLabel: (week) => `Objectives, key results and initiatives in week ${week}`,
  columnItem: 'Objective / key result',
  columnOwner: 'Owner',
  columnProgress: 'Progress',
  columnStatus: 'Status',
  columnChange: 'Change',
  columnTrend: 'Trend',
  columnActions: 'Actions',
  rowTypes: { objective: 'Objective', keyResult: 'Key result', initiative: 'Initiative' },
  newBadge: 'New',
  removedBadge: 'Removed',
  staleBadge: 'Stale',
  contextHint: '(shown for context)',
  rawProgress: (raw) => `actual ${raw}`,
  pointsUp: (points, value) => plural('en', value, { one: `up ${points} point`, other: `up ${points} points` }, 1),
  pointsDown: (points, value) =>
    plural('en', value, { one: `down ${points} point`, other: `down ${points} points` }, 1),
  noChange: 'No change',
  showComment: (title) => `Latest check-in comment on ${title}`,
  noComment: 'The latest check-in has no comment.',
  commentBy: (author, day) => `${author}, ${day}`,
  checkIn: 'Check in',
  checkInLabel: (title) => `Check in on ${title}`,
  trendLabel: (from, to) => `Trend: ${from} to ${to}`,
};

/** `<okr-snapshot>`'s texts: the shared and the snapshot defaults, the texts registered for `lang`, then `overrides`. */
export function resolveSnapshotStrings(
  overrides: OkrStringTable | undefined,
  lang = 'en',
): OkrStrings & OkrSnapshotStrings {
  return { ...OKR_STRINGS, ...OKR_SNAPSHOT_STRINGS, ...registeredStrings(lang), ...overrides };
}

// ---- <okr-list>, <okr-check-in>, <okr-tree> ------------------------------------------
// Kept in a block of its own (merged into `OkrStrings` and `OKR_STRINGS` above) so that
// other elements can add their texts elsewhere without touching these lines.

/** The texts of `<okr-list>`, `<okr-check-in>` and `<okr-tree>`. */
export interface OkrListStrings {
  readonly objectivesCaption: string;
  readonly loadingObjectives: string;
  readonly objectivesEmptyTitle: string;
  readonly objectivesEmptyBody: string;
  readonly objectivesEmptyBodyReadOnly: string;
  readonly objectivesLoadError: string;
  readonly noSession: string;
  readonly addObjective: string;
  readonly addKeyResult: string;
  readonly addInitiative: string;
  readonly keyResultsEmpty: string;
  readonly initiatives: string;
  readonly initiativesEmpty: string;
  readonly initiativeStatuses: Readonly<Record<InitiativeStatus, string>>;
  readonly linkedTo: string;
  readonly openLink: string;
  readonly owner: string;
  readonly ownerOf: (title: string) => string;
  readonly unassigned: string;
  readonly progressOf: (title: string) => string;
  readonly latest: string;
  readonly noCheckIn: string;
  readonly target: string;
  readonly statuses: Readonly<Record<CheckInStatus, string>>;
  readonly kinds: Readonly<Record<KeyResultKind, string>>;
  readonly done: string;
  readonly notDone: string;
  readonly stepsReached: (reached: number, total: number) => string;
  readonly edit: string;
  readonly editTitleOf: (title: string) => string;
  readonly moveUp: (title: string) => string;
  readonly moveDown: (title: string) => string;
  readonly remove: string;
  readonly removeItem: (title: string) => string;
  readonly removeObjectiveTitle: (title: string) => string;
  readonly removeObjectiveBody: string;
  readonly removeKeyResultTitle: (title: string) => string;
  readonly removeKeyResultBody: string;
  readonly removeInitiativeTitle: (title: string) => string;
  readonly removeInitiativeBody: string;
  readonly editTarget: string;
  readonly weightOf: (weight: string) => string;
  readonly fieldWeightHint: string;
  readonly editDescription: string;
  readonly editDescriptionOf: (title: string) => string;
  readonly addDescription: string;
  readonly editInitiative: string;
  readonly editInitiativeOf: (title: string) => string;
  readonly fieldLinkHint: string;
  readonly saveChanges: string;
  readonly checkInAction: string;
  readonly checkInOn: (title: string) => string;
  readonly planningNotice: string;
  readonly trackingNotice: string;
  readonly archivedNotice: string;
  readonly readOnlyOkrs: string;
  readonly fieldDescription: string;
  readonly fieldKind: string;
  readonly fieldStartValue: string;
  readonly fieldTargetValue: string;
  readonly fieldThreshold: string;
  readonly fieldMilestones: string;
  readonly fieldMilestonesHint: string;
  readonly addStep: string;
  readonly stepName: (n: number) => string;
  readonly removeStep: (n: number) => string;
  readonly fieldUnit: string;
  readonly fieldUnitHint: string;
  readonly fieldWeight: string;
  readonly fieldOwner: string;
  readonly fieldLink: string;
  readonly fieldKeyResults: string;
  readonly fieldStatus: string;
  readonly booleanKindHint: string;
  readonly notSaved: string;
  readonly errorNumber: string;
  /** The button that shows or hides an objective's key results in a large session. */
  readonly keyResultCount: (count: number) => string;

  readonly checkInTitle: (title: string) => string;
  readonly correctTitle: (when: string) => string;
  readonly newValue: string;
  readonly previousValue: string;
  readonly progressPreview: string;
  readonly progressNow: string;
  readonly progressAfter: string;
  readonly markDone: string;
  readonly stepsLegend: string;
  readonly status: string;
  readonly noStatus: string;
  readonly confidence: string;
  readonly comment: string;
  readonly saveCheckIn: string;
  readonly saveCorrection: string;
  readonly history: string;
  readonly historyEmpty: string;
  readonly correct: string;
  readonly correctCheckInOf: (when: string) => string;
  readonly correctedBy: (author: string, when: string) => string;
  readonly correctionOf: (when: string) => string;
  /** Beside a check-in that reached the store late (written offline): the author's own time. */
  readonly writtenAt: (when: string) => string;
  /** The tooltip of `writtenAt`. */
  readonly writtenAtHint: string;
  readonly checkInLoadError: string;
  readonly loadingCheckIns: string;
  readonly checkInNotAllowed: string;
  readonly close: string;
  readonly discardCheckInTitle: string;
  readonly discardCheckInBody: string;
  readonly discardCheckIn: string;

  readonly treeLabel: string;
  readonly loadingTree: string;
  readonly treeEmptyTitle: string;
  readonly treeEmptyBody: string;
  readonly treeLoadError: string;
  readonly thisSession: string;
  readonly parentSession: string;
  readonly childSession: string;
  readonly keyResultLabel: string;
}

export interface OkrStrings extends OkrListStrings {}

/** Hoisted, so that `OKR_STRINGS` above can spread it. */
function okrListStrings(): OkrListStrings {
  return {
    objectivesCaption: 'Objectives',
    loadingObjectives: 'Loading objectives…',
    objectivesEmptyTitle: 'No objectives yet',
    objectivesEmptyBody:
      'An objective says what you want to achieve this period; key results say how you will know. Add the first one.',
    objectivesEmptyBodyReadOnly: 'Objectives appear here as soon as someone adds one.',
    objectivesLoadError: 'The objectives could not be loaded',
    noSession: 'Choose a session to see its objectives.',
    addObjective: 'Add objective',
    addKeyResult: 'Add key result',
    addInitiative: 'Add initiative',
    keyResultsEmpty: 'No key results yet.',
    initiatives: 'Initiatives',
    initiativesEmpty: 'No initiatives yet.',
    initiativeStatuses: { planned: 'Planned', active: 'Active', done: 'Done', dropped: 'Dropped' },
    linkedTo: 'For',
    openLink: 'Open link',
    owner: 'Owner',
    ownerOf: (title) => `Owner of ${title}`,
    unassigned: 'Unassigned',
    progressOf: (title) => `Progress of ${title}`,
    latest: 'Latest',
    noCheckIn: 'No check-in yet',
    target: 'Target',
    statuses: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' },
    kinds: {
      increase: 'Increase to a target',
      decrease: 'Decrease to a target',
      stay_above: 'Stay above a threshold',
      stay_below: 'Stay below a threshold',
      boolean: 'Done or not done',
      milestones: 'Milestones',
    },
    done: 'Done',
    notDone: 'Not done',
    stepsReached: (reached, total) =>
      plural('en', total, { one: `${reached} of ${total} step`, other: `${reached} of ${total} steps` }),
    edit: 'Edit',
    editTitleOf: (title) => `Edit the title of ${title}`,
    moveUp: (title) => `Move ${title} up`,
    moveDown: (title) => `Move ${title} down`,
    remove: 'Remove',
    removeItem: (title) => `Remove ${title}`,
    removeObjectiveTitle: (title) => `Remove ${title}?`,
    removeObjectiveBody: 'The objective and its key results leave this session. Their history stays in the journal.',
    removeKeyResultTitle: (title) => `Remove ${title}?`,
    removeKeyResultBody: 'The key result and its check-ins leave this session. Their history stays in the journal.',
    removeInitiativeTitle: (title) => `Remove ${title}?`,
    removeInitiativeBody: 'The initiative leaves this session. Its history stays in the journal.',
    editTarget: 'Edit target',
    weightOf: (weight) => `Weight ${weight}`,
    fieldWeightHint: 'How much it counts in the objective’s progress; 1 is the default.',
    editDescription: 'Edit description',
    editDescriptionOf: (title) => `Edit the description of ${title}`,
    addDescription: 'Add description',
    editInitiative: 'Edit initiative',
    editInitiativeOf: (title) => `Edit ${title}`,
    fieldLinkHint: 'Optional: a web address starting with https://.',
    saveChanges: 'Save changes',
    checkInAction: 'Check in',
    checkInOn: (title) => `Check in on ${title}`,
    planningNotice: 'Planning: add, rename, reorder, retarget and remove objectives and key results.',
    trackingNotice: 'Objectives and key results are fixed: check in, update initiatives and hand over ownership.',
    archivedNotice: 'This session is closed: everything stays visible, nothing can be changed.',
    readOnlyOkrs: 'You can view these objectives but not change them.',
    fieldDescription: 'Description',
    fieldKind: 'Measured as',
    fieldStartValue: 'Start value',
    fieldTargetValue: 'Target value',
    fieldThreshold: 'Threshold',
    fieldMilestones: 'Steps',
    fieldMilestonesHint: 'Name each step in the order it will be reached.',
    addStep: 'Add step',
    stepName: (n) => `Step ${n}`,
    removeStep: (n) => `Remove step ${n}`,
    fieldUnit: 'Unit',
    fieldUnitHint: 'Optional, such as %, users or €.',
    fieldWeight: 'Weight',
    fieldOwner: 'Owner',
    fieldLink: 'Link',
    fieldKeyResults: 'Key results it moves',
    fieldStatus: 'Status',
    booleanKindHint: 'Checked in as done or not done: nothing else to set.',
    notSaved: 'Not saved. Check the fields marked below.',
    errorNumber: 'Enter a number, such as 42 or 3.5.',
    keyResultCount: (count) => plural('en', count, { one: `${count} key result`, other: `${count} key results` }),

    checkInTitle: (title) => `Check in: ${title}`,
    correctTitle: (when) => `Correct the check-in of ${when}`,
    newValue: 'New value',
    previousValue: 'Previous value',
    progressPreview: 'Progress',
    progressNow: 'Now',
    progressAfter: 'After this check-in',
    markDone: 'Done',
    stepsLegend: 'Steps reached',
    status: 'Status',
    noStatus: 'Not set',
    confidence: 'Confidence',
    comment: 'Comment',
    saveCheckIn: 'Save check-in',
    saveCorrection: 'Save correction',
    history: 'History',
    historyEmpty: 'No check-ins yet.',
    correct: 'Correct',
    correctCheckInOf: (when) => `Correct the check-in of ${when}`,
    correctedBy: (author, when) => `Corrected by ${author} on ${when}`,
    correctionOf: (when) => `Correction of the check-in of ${when}`,
    writtenAt: (when) => `written ${when}`,
    writtenAtHint: 'When the author wrote it (offline). It counts in the week it was recorded.',
    checkInLoadError: 'This key result could not be loaded.',
    loadingCheckIns: 'Loading check-ins…',
    checkInNotAllowed: 'You can read this history but not check in on this key result.',
    close: 'Close',
    discardCheckInTitle: 'Discard this check-in?',
    discardCheckInBody: 'What you entered has not been saved.',
    discardCheckIn: 'Discard',

    treeLabel: 'Alignment of objectives',
    loadingTree: 'Loading the alignment…',
    treeEmptyTitle: 'Nothing to align yet',
    treeEmptyBody: 'Objectives of this session, its parent and its child sessions appear here with how they align.',
    treeLoadError: 'The alignment could not be loaded',
    thisSession: 'This session',
    parentSession: 'Parent session',
    childSession: 'Child session',
    keyResultLabel: 'Key result',
  };
}

// ---- Creating the next session, the access editor, the detail view -------------------
// Kept at the end, in interfaces of their own, so that they merge with other additions.

/** The texts of `<okr-next-session>` and `<okr-access-editor>`, in English. */
export interface OkrSessionAdminStrings {
  readonly createNextSession: string;
  readonly nextSessionTitle: (title: string) => string;
  readonly nextSessionHint: string;
  readonly preparingNextSession: string;
  readonly copyObjectivesLegend: string;
  readonly copyObjectivesHint: string;
  readonly noObjectivesToCopy: string;
  readonly createSession: string;
  readonly creating: string;
  readonly nextSessionCreated: (title: string) => string;
  readonly accessTitle: string;
  readonly accessHint: string;
  readonly whoMayView: string;
  readonly whoMayEdit: string;
  readonly audienceEveryone: string;
  readonly audienceChosen: string;
  readonly audienceTeams: string;
  readonly audiencePeople: string;
  readonly audienceNobodyHint: string;
  readonly saveAccess: string;
  readonly accessSaved: string;
}

export interface OkrStrings extends OkrSessionAdminStrings {}

function okrSessionAdminStrings(): OkrSessionAdminStrings {
  return {
    createNextSession: 'Create next session',
    nextSessionTitle: (title) => `Create the session after ${title}`,
    nextSessionHint: 'Dates follow the cadence of this session; change them if the next period differs.',
    preparingNextSession: 'Preparing the next session…',
    copyObjectivesLegend: 'Copy objectives',
    copyObjectivesHint: 'The chosen objectives are copied with their key results; progress starts again.',
    noObjectivesToCopy: 'This session has no objectives to copy.',
    createSession: 'Create session',
    creating: 'Creating…',
    nextSessionCreated: (title) => `${title} created.`,
    accessTitle: 'Access',
    accessHint: 'Administrators may always view and edit. Editing also needs view access.',
    whoMayView: 'Who may view',
    whoMayEdit: 'Who may edit OKRs',
    audienceEveryone: 'Everyone',
    audienceChosen: 'Only these teams and people',
    audienceTeams: 'Teams',
    audiencePeople: 'People',
    audienceNobodyHint: 'Nobody chosen yet: only administrators.',
    saveAccess: 'Save access',
    accessSaved: 'Access saved.',
  };
}

/** The texts of `<okr-detail>`, in English. */
export interface OkrDetailStrings {
  readonly detailOf: Readonly<Record<'objective' | 'keyResult' | 'initiative' | 'checkIn', string>>;
  readonly closeDetail: string;
  readonly detailLoadError: string;
  readonly loadingDetail: string;
  readonly detailOwner: string;
  readonly detailProgress: string;
  readonly detailTrend: string;
  readonly detailKeyResults: string;
  readonly detailInitiatives: string;
  readonly noInitiatives: string;
  readonly detailComments: string;
  readonly noComments: string;
  readonly detailHistory: string;
  readonly detailReadOnly: string;
  readonly correctionBadge: string;
  readonly supersededBadge: string;
  readonly openDetail: (title: string) => string;
  readonly checkedInBy: string;
  readonly detailWhen: string;
}

export interface OkrStrings extends OkrDetailStrings {}

function okrDetailStrings(): OkrDetailStrings {
  return {
    detailOf: { objective: 'Objective', keyResult: 'Key result', initiative: 'Initiative', checkIn: 'Check-in' },
    closeDetail: 'Close details',
    detailLoadError: 'These details could not be loaded.',
    loadingDetail: 'Loading…',
    detailOwner: 'Owner',
    detailProgress: 'Progress',
    detailTrend: 'Progress week by week',
    detailKeyResults: 'Key results',
    detailInitiatives: 'Initiatives',
    noInitiatives: 'No initiatives.',
    detailComments: 'Comments',
    noComments: 'No comments yet.',
    detailHistory: 'History',
    detailReadOnly: 'Past check-ins are kept as they were: a correction is added beside them, never over them.',
    correctionBadge: 'Correction',
    supersededBadge: 'Corrected',
    openDetail: (title) => `Details of ${title}`,
    checkedInBy: 'Checked in by',
    detailWhen: 'When',
  };
}
