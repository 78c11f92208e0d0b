/**
 * React components for the okrkit elements, made with @lit/react: properties are set as
 * properties (objects such as `store` and `people` pass as they are), and each `okr-*`
 * event is an `onOkr...` prop typed with its event class. Importing this module registers
 * the elements. React stays the host's own (a peer dependency).
 *
 * @example
 * ```tsx
 * import { OkrSessions } from '@okrkit/elements/react';
 * <OkrSessions store={store} onOkrSessionSelect={(event) => open(event.session.id)} />
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { OkrElements, OkrTagName, PascalCase } from '../element-types.js';
import { OkrAccessEditor as OkrAccessEditorElement } from '../okr-access-editor/okr-access-editor.js';
import { OkrCheckIn as OkrCheckInElement } from '../okr-check-in/okr-check-in.js';
import { OkrDetail as OkrDetailElement } from '../okr-detail/okr-detail.js';
import { OkrList as OkrListElement } from '../okr-list/okr-list.js';
import { OkrNextSession as OkrNextSessionElement } from '../okr-next-session/okr-next-session.js';
import { OkrProvider as OkrProviderElement } from '../okr-provider/okr-provider.js';
import { OkrSessionDrawer as OkrSessionDrawerElement } from '../okr-session-drawer/okr-session-drawer.js';
import { OkrSessions as OkrSessionsElement } from '../okr-sessions/okr-sessions.js';
import { OkrSnapshot as OkrSnapshotElement } from '../okr-snapshot/okr-snapshot.js';
import { OkrTree as OkrTreeElement } from '../okr-tree/okr-tree.js';

export type { OkrElementListeners, OkrElementProps, OkrElements, OkrTagName } from '../element-types.js';
export type { OkrIntrinsicElements } from './jsx.js';

type ReactEvents<T extends OkrTagName> = {
  [E in keyof OkrElements[T]['events'] & string as `on${PascalCase<E>}`]: EventName<
    Extract<OkrElements[T]['events'][E], Event>
  >;
};

/** `{ onOkrWeekChange: 'okr-week-change', ... }` for the events of `tag`, typed for @lit/react. */
function eventsOf<T extends OkrTagName>(names: readonly (keyof OkrElements[T]['events'] & string)[]): ReactEvents<T> {
  const pascal = (name: string) =>
    name.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());
  // Built at run time from the names; its type is the mapped one above, checked by the type tests.
  return Object.fromEntries(names.map((name) => [`on${pascal(name)}`, name])) as unknown as ReactEvents<T>;
}

export const OkrAccessEditor = createComponent({
  react: React,
  tagName: 'okr-access-editor',
  elementClass: OkrAccessEditorElement,
  events: eventsOf<'okr-access-editor'>(['okr-session-change', 'okr-error']),
  displayName: 'OkrAccessEditor',
});

export const OkrNextSession = createComponent({
  react: React,
  tagName: 'okr-next-session',
  elementClass: OkrNextSessionElement,
  events: eventsOf<'okr-next-session'>(['okr-session-create', 'okr-error']),
  displayName: 'OkrNextSession',
});

export const OkrCheckIn = createComponent({
  react: React,
  tagName: 'okr-check-in',
  elementClass: OkrCheckInElement,
  events: eventsOf<'okr-check-in'>(['okr-check-in', 'okr-check-in-close', 'okr-error']),
  displayName: 'OkrCheckIn',
});

export const OkrDetail = createComponent({
  react: React,
  tagName: 'okr-detail',
  elementClass: OkrDetailElement,
  events: eventsOf<'okr-detail'>(['okr-error']),
  displayName: 'OkrDetail',
});

export const OkrList = createComponent({
  react: React,
  tagName: 'okr-list',
  elementClass: OkrListElement,
  events: eventsOf<'okr-list'>([
    'okr-detail-open',
    'okr-objective-add',
    'okr-objective-change',
    'okr-key-result-add',
    'okr-key-result-change',
    'okr-owner-change',
    'okr-initiative-add',
    'okr-initiative-change',
    'okr-check-in',
    'okr-check-in-close',
    'okr-error',
  ]),
  displayName: 'OkrList',
});

export const OkrProvider = createComponent({
  react: React,
  tagName: 'okr-provider',
  elementClass: OkrProviderElement,
  displayName: 'OkrProvider',
});

export const OkrSessionDrawer = createComponent({
  react: React,
  tagName: 'okr-session-drawer',
  elementClass: OkrSessionDrawerElement,
  events: eventsOf<'okr-session-drawer'>([
    'okr-session-change',
    'okr-session-transition',
    'okr-session-drawer-close',
    'okr-error',
  ]),
  displayName: 'OkrSessionDrawer',
});

export const OkrSessions = createComponent({
  react: React,
  tagName: 'okr-sessions',
  elementClass: OkrSessionsElement,
  events: eventsOf<'okr-sessions'>([
    'okr-session-select',
    'okr-session-create',
    'okr-session-change',
    'okr-session-transition',
    'okr-error',
  ]),
  displayName: 'OkrSessions',
});

export const OkrSnapshot = createComponent({
  react: React,
  tagName: 'okr-snapshot',
  elementClass: OkrSnapshotElement,
  events: eventsOf<'okr-snapshot'>([
    'okr-week-change',
    'okr-owner-filter-change',
    'okr-check-in-request',
    'okr-detail-open',
    'okr-export',
    'okr-error',
  ]),
  displayName: 'OkrSnapshot',
});

export const OkrTree = createComponent({
  react: React,
  tagName: 'okr-tree',
  elementClass: OkrTreeElement,
  events: eventsOf<'okr-tree'>(['okr-objective-select', 'okr-key-result-select', 'okr-detail-open', 'okr-error']),
  displayName: 'OkrTree',
});
