import type { Cadence, CheckInCadence, SessionState, Transition } from '@okrkit/core';

/**
 * Every text the elements show, in English. Each element has a `strings` property that
 * takes a partial object merged over these (`el.strings = { addSession: 'Neue Session' }`).
 * Entries that are records (`states`, `cadences`, ...) are replaced whole; entries that
 * are functions receive the values they interpolate.
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
}

export const OKR_STRINGS: OkrStrings = {
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
};

/** The defaults with `overrides` merged over them. */
export function resolveStrings(overrides: Partial<OkrStrings> | undefined): OkrStrings {
  return overrides ? { ...OKR_STRINGS, ...overrides } : OKR_STRINGS;
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
  readonly pointsUp: (points: string) => string;
  readonly pointsDown: (points: string) => string;
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
  pointsUp: (points) => `up ${points} points`,
  pointsDown: (points) => `down ${points} points`,
  noChange: 'No change',
  showComment: (title) => `Latest check-in comment on ${title}`,
  noComment: 'The latest check-in has no comment.',
  commentBy: (author, day) => `${author}, ${day}`,
  checkIn: 'Check in',
  checkInLabel: (title) => `Check in on ${title}`,
  trendLabel: (from, to) => `Trend: ${from} to ${to}`,
};

/** `<okr-snapshot>`'s texts: the shared and the snapshot defaults with `overrides` merged over them. */
export function resolveSnapshotStrings(
  overrides: Partial<OkrStrings & OkrSnapshotStrings> | undefined,
): OkrStrings & OkrSnapshotStrings {
  return { ...OKR_STRINGS, ...OKR_SNAPSHOT_STRINGS, ...overrides };
}
