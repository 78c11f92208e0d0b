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
