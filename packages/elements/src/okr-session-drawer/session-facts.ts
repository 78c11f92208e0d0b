import type { Session } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDay, formatInstant } from '../format.js';
import { iconChevronEnd } from '../icons.js';
import { personChip } from '../person.js';
import type { OkrStrings } from '../strings.js';

/** What the drawer's facts about a session are shown with. */
export interface FactsContext {
  readonly session: Session;
  readonly s: OkrStrings;
  readonly locale: string;
  readonly people: Readonly<Record<string, string>>;
  /** The parent session's title, once read (its number is shown until then). */
  readonly parentTitle: string | undefined;
}

/** The session's details for someone who may not edit them (or an archived session). */
export function readOnlyFacts(c: FactsContext): TemplateResult {
  const { session, s, locale } = c;
  return html`<dl class="facts">
    <div><dt>${s.fieldTitle}</dt><dd>${session.title}</dd></div>
    <div><dt>${s.fieldStart}</dt><dd>${formatDay(session.start, locale)}</dd></div>
    <div><dt>${s.fieldEnd}</dt><dd>${formatDay(session.end, locale)}</dd></div>
    <div><dt>${s.timeZone}</dt><dd>${session.timeZone}</dd></div>
    <div><dt>${s.fieldCadence}</dt><dd>${s.cadences[session.cadence]}</dd></div>
    <div><dt>${s.fieldCheckInCadence}</dt><dd>${s.checkInCadences[session.checkInCadence]}</dd></div>
    ${parentFact(c)}
  </dl>`;
}

/** The parent session by its title (and number), as people know it. */
export function parentFact(c: FactsContext): TemplateResult | typeof nothing {
  const { session, parentTitle } = c;
  if (!session.parentId) return nothing;
  return html`<div>
    <dt>${c.s.fieldParent}</dt>
    <dd>
      <bdi>${parentTitle ?? session.parentId}</bdi>${parentTitle ? html` <span class="number">(${session.parentId})</span>` : nothing}
    </dd>
  </div>`;
}

/** Who created and last changed the session, and when, behind "Show more". */
export function moreFacts(c: FactsContext, open: boolean, toggle: () => void): TemplateResult {
  const { session, s, locale, people } = c;
  return html`<button
      id="more-button"
      class="button quiet disclosure"
      type="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="more"
      @click=${toggle}
    >
      <span class="chevron">${iconChevronEnd()}</span> ${open ? s.showLess : s.showMore}
    </button>
    <dl id="more" class="facts" ?hidden=${!open}>
      <div><dt>${s.createdBy}</dt><dd>${personChip(people, session.createdBy)}</dd></div>
      <div><dt>${s.createdAt}</dt><dd>${formatInstant(session.createdAt, locale, session.timeZone)}</dd></div>
      <div><dt>${s.changedBy}</dt><dd>${personChip(people, session.changedBy)}</dd></div>
      <div><dt>${s.changedAt}</dt><dd>${formatInstant(session.changedAt, locale, session.timeZone)}</dd></div>
    </dl>`;
}
