import type { OkrCheckInCloseEvent } from './events/okr-check-in-close-event.js';
import type { OkrCheckInEvent } from './events/okr-check-in-event.js';
import type { OkrCheckInRequestEvent } from './events/okr-check-in-request-event.js';
import type { OkrDetailOpenEvent } from './events/okr-detail-open-event.js';
import type { OkrErrorEvent } from './events/okr-error-event.js';
import type { OkrExportEvent } from './events/okr-export-event.js';
import type { OkrInitiativeAddEvent } from './events/okr-initiative-add-event.js';
import type { OkrInitiativeChangeEvent } from './events/okr-initiative-change-event.js';
import type { OkrKeyResultAddEvent } from './events/okr-key-result-add-event.js';
import type { OkrKeyResultChangeEvent } from './events/okr-key-result-change-event.js';
import type { OkrKeyResultSelectEvent } from './events/okr-key-result-select-event.js';
import type { OkrObjectiveAddEvent } from './events/okr-objective-add-event.js';
import type { OkrObjectiveChangeEvent } from './events/okr-objective-change-event.js';
import type { OkrObjectiveSelectEvent } from './events/okr-objective-select-event.js';
import type { OkrOwnerChangeEvent } from './events/okr-owner-change-event.js';
import type { OkrOwnerFilterChangeEvent } from './events/okr-owner-filter-change-event.js';
import type { OkrSessionChangeEvent } from './events/okr-session-change-event.js';
import type { OkrSessionCreateEvent } from './events/okr-session-create-event.js';
import type { OkrSessionDrawerCloseEvent } from './events/okr-session-drawer-close-event.js';
import type { OkrSessionSelectEvent } from './events/okr-session-select-event.js';
import type { OkrSessionTransitionEvent } from './events/okr-session-transition-event.js';
import type { OkrWeekChangeEvent } from './events/okr-week-change-event.js';
import type { OkrAccessEditor } from './okr-access-editor/okr-access-editor.js';
import type { OkrCheckIn } from './okr-check-in/okr-check-in.js';
import type { OkrDetail } from './okr-detail/okr-detail.js';
import type { OkrList } from './okr-list/okr-list.js';
import type { OkrNextSession } from './okr-next-session/okr-next-session.js';
import type { OkrProvider } from './okr-provider/okr-provider.js';
import type { OkrSessionDrawer } from './okr-session-drawer/okr-session-drawer.js';
import type { OkrSessions } from './okr-sessions/okr-sessions.js';
import type { OkrSnapshot } from './okr-snapshot/okr-snapshot.js';
import type { OkrTree } from './okr-tree/okr-tree.js';

/**
 * Each element's public API as types, for the framework bindings (React wrappers, JSX and
 * Vue types): the properties a host sets and the events it listens to, as documented in
 * each element's JSDoc header and custom-elements.json. The element classes also carry
 * their internal reactive state as fields; these lists keep it out of frameworks' props.
 */
export interface OkrElements {
  'okr-access-editor': {
    element: OkrAccessEditor;
    props: 'store' | 'sessionId' | 'people' | 'teams' | 'locale' | 'strings';
    events: { 'okr-session-change': OkrSessionChangeEvent; 'okr-error': OkrErrorEvent };
  };
  'okr-check-in': {
    element: OkrCheckIn;
    props: 'store' | 'sessionId' | 'keyResultId' | 'open' | 'people' | 'locale' | 'strings';
    events: { 'okr-check-in': OkrCheckInEvent; 'okr-check-in-close': OkrCheckInCloseEvent; 'okr-error': OkrErrorEvent };
  };
  'okr-detail': {
    element: OkrDetail;
    props: 'store' | 'sessionId' | 'item' | 'week' | 'open' | 'people' | 'locale' | 'strings';
    events: { 'okr-error': OkrErrorEvent };
  };
  'okr-list': {
    element: OkrList;
    props: 'store' | 'sessionId' | 'people' | 'locale' | 'strings';
    events: {
      'okr-detail-open': OkrDetailOpenEvent;
      'okr-objective-add': OkrObjectiveAddEvent;
      'okr-objective-change': OkrObjectiveChangeEvent;
      'okr-key-result-add': OkrKeyResultAddEvent;
      'okr-key-result-change': OkrKeyResultChangeEvent;
      'okr-owner-change': OkrOwnerChangeEvent;
      'okr-initiative-add': OkrInitiativeAddEvent;
      'okr-initiative-change': OkrInitiativeChangeEvent;
      'okr-check-in': OkrCheckInEvent;
      'okr-check-in-close': OkrCheckInCloseEvent;
      'okr-error': OkrErrorEvent;
    };
  };
  'okr-next-session': {
    element: OkrNextSession;
    props: 'store' | 'sessionId' | 'open' | 'locale' | 'strings';
    events: { 'okr-session-create': OkrSessionCreateEvent; 'okr-error': OkrErrorEvent };
  };
  'okr-provider': {
    element: OkrProvider;
    props: 'store' | 'locale' | 'strings' | 'people';
    events: Record<never, Event>;
  };
  'okr-session-drawer': {
    element: OkrSessionDrawer;
    props: 'store' | 'sessionId' | 'open' | 'people' | 'teams' | 'locale' | 'strings';
    events: {
      'okr-session-change': OkrSessionChangeEvent;
      'okr-session-transition': OkrSessionTransitionEvent;
      'okr-session-drawer-close': OkrSessionDrawerCloseEvent;
      'okr-error': OkrErrorEvent;
    };
  };
  'okr-sessions': {
    element: OkrSessions;
    props: 'store' | 'includeArchived' | 'people' | 'teams' | 'locale' | 'strings';
    events: {
      'okr-session-select': OkrSessionSelectEvent;
      'okr-session-create': OkrSessionCreateEvent;
      'okr-session-change': OkrSessionChangeEvent;
      'okr-session-transition': OkrSessionTransitionEvent;
      'okr-error': OkrErrorEvent;
    };
  };
  'okr-snapshot': {
    element: OkrSnapshot;
    props: 'store' | 'sessionId' | 'week' | 'owner' | 'people' | 'locale' | 'strings';
    events: {
      'okr-week-change': OkrWeekChangeEvent;
      'okr-owner-filter-change': OkrOwnerFilterChangeEvent;
      'okr-check-in-request': OkrCheckInRequestEvent;
      'okr-detail-open': OkrDetailOpenEvent;
      'okr-export': OkrExportEvent;
      'okr-error': OkrErrorEvent;
    };
  };
  'okr-tree': {
    element: OkrTree;
    props: 'store' | 'sessionId' | 'people' | 'locale' | 'strings';
    events: {
      'okr-objective-select': OkrObjectiveSelectEvent;
      'okr-key-result-select': OkrKeyResultSelectEvent;
      'okr-detail-open': OkrDetailOpenEvent;
      'okr-error': OkrErrorEvent;
    };
  };
}

export type OkrTagName = keyof OkrElements;

/** The properties a host may set on `<tag>`, all optional. */
export type OkrElementProps<T extends OkrTagName> = Partial<
  Pick<OkrElements[T]['element'], Extract<OkrElements[T]['props'], keyof OkrElements[T]['element']>>
>;

/** `okr-week-change` → `OkrWeekChange`. */
export type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalCase<Tail>}`
  : Capitalize<S>;

/** Listeners named as React wrappers and Vue templates name them: `onOkrWeekChange`. */
export type OkrElementListeners<T extends OkrTagName> = {
  [E in keyof OkrElements[T]['events'] & string as `on${PascalCase<E>}`]?: (event: OkrElements[T]['events'][E]) => void;
};
