// Type tests, run by `tsc` in `npm test`'s type-check: what React 19 and Vue users write is
// accepted, and a wrong prop or a listener for the wrong event class is refused (each
// `@ts-expect-error` fails the type-check if the line below it compiles).
import type { OkrStore } from '@okrkit/core';
import { OkrList, OkrSessions, OkrSnapshot } from '@okrkit/elements/react';
import type { OkrVueComponent } from '@okrkit/elements/vue';
import type { GlobalComponents } from 'vue';
import type { OkrSessionSelectEvent } from '../events/okr-session-select-event.js';
import type { OkrWeekChangeEvent } from '../events/okr-week-change-event.js';

declare const store: OkrStore;
declare function show(week: string, previous: string | undefined): void;

export const wrappers = (
  <>
    <OkrSnapshot
      store={store}
      sessionId="SE-01001"
      week="2027-W05"
      people={{ ada: 'Ada Lovelace' }}
      onOkrWeekChange={(event) => show(event.week, event.previous)}
      onOkrExport={(event) => event.preventDefault()}
    />
    <OkrSessions
      includeArchived
      onOkrSessionSelect={(event: OkrSessionSelectEvent) => show(event.session.id, undefined)}
    />
    <OkrList sessionId="SE-01001" onOkrCheckIn={(event) => show(event.checkIn.id, undefined)} />
    {/* @ts-expect-error sessionId is a string */}
    <OkrSnapshot sessionId={1001} />
    {/* @ts-expect-error a week-change listener gets an OkrWeekChangeEvent, not an OkrSessionSelectEvent */}
    <OkrSnapshot onOkrWeekChange={(event: OkrSessionSelectEvent) => show(event.session.id, undefined)} />
    {/* @ts-expect-error <okr-snapshot> fires no okr-session-select */}
    <OkrSnapshot onOkrSessionSelect={() => undefined} />
    {/* @ts-expect-error includeArchived is a boolean */}
    <OkrSessions includeArchived="yes" />
  </>
);

// React 19 JSX with the tags themselves (no TS2339): props set as properties, `on` + the event's name.
export const tags = (
  <>
    <okr-snapshot
      sessionId="SE-01001"
      week="2027-W05"
      store={store}
      onokr-week-change={(event: OkrWeekChangeEvent) => show(event.week, event.previous)}
    />
    <okr-provider store={store}>
      <okr-tree sessionId="SE-01001" onokr-objective-select={(event) => show(event.objective.id, undefined)} />
    </okr-provider>
    {/* @ts-expect-error week is a string */}
    <okr-snapshot week={5} />
    {/* @ts-expect-error an objective-select listener gets an OkrObjectiveSelectEvent */}
    <okr-tree onokr-objective-select={(event: OkrWeekChangeEvent) => show(event.week, undefined)} />
  </>
);

// Vue: the tags in GlobalComponents, with props and `@okr-...` listeners (onOkr...) typed.
type SnapshotProps = InstanceType<GlobalComponents['okr-snapshot']>['$props'];
export const vueProps: SnapshotProps = {
  sessionId: 'SE-01001',
  week: '2027-W05',
  onOkrWeekChange: (event) => show(event.week, event.previous),
};
export const vueSessions: InstanceType<OkrVueComponent<'okr-sessions'>>['$props'] = {
  includeArchived: true,
  onOkrSessionSelect: (event) => show(event.session.id, undefined),
};
// @ts-expect-error sessionId is a string
export const vueWrongProp: SnapshotProps = { sessionId: 1001 };
export const vueWrongListener: SnapshotProps = {
  // @ts-expect-error a week-change listener gets an OkrWeekChangeEvent
  onOkrWeekChange: (event: OkrSessionSelectEvent) => show(event.session.id, undefined),
};
