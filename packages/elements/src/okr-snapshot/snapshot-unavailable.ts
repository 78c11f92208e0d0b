import type { SessionHeader, SnapshotResult } from '@okrkit/core';
import { html, type TemplateResult } from 'lit';
import { formatDay } from '../format.js';
import { notStarted, type SnapshotCalendar } from './snapshot-calendar.js';
import { formatWeekRange, weekNumber, weekText } from './snapshot-format.js';
import type { SnapshotView } from './snapshot-view.js';

/**
 * What `<okr-snapshot>` shows for a week without a snapshot (before the session began,
 * after it ended, still ahead): why, in words, and a way to the nearest week that has one.
 * A session that has not started yet says when it starts instead of "in the future".
 */
export function unavailableWeek(
  view: SnapshotView,
  result: Extract<SnapshotResult, { available: false }>,
  calendar: SnapshotCalendar | undefined,
  session: SessionHeader | undefined,
  goToWeek: (key: string) => void,
): TemplateResult {
  const { s, locale } = view;
  const nearest = result.nearest;
  const nearestWeek = nearest ? calendar?.weeks.find((w) => w.key === nearest) : undefined;
  return html`<div part="unavailable" class="state unavailable">
    <svg class="empty-art" aria-hidden="true" viewBox="0 0 48 48" width="48" height="48">
      <rect x="6" y="10" width="36" height="32" rx="4" fill="none" stroke="currentColor" stroke-width="2.5" />
      <path d="M6 19h36M16 6v8M32 6v8M19 27l10 10M29 27 19 37" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </svg>
    <p class="state-title">${s.unavailableTitle}</p>
    <p class="state-body">
      ${
        result.reason === 'future' && session && notStarted(calendar)
          ? s.notStartedYet(formatDay(session.start, locale))
          : s.unavailable[result.reason](weekNumber(result.week), formatWeekRange(result.week, locale))
      }
    </p>
    ${
      nearest
        ? html`<button id="nearest" class="button primary" type="button" @click=${() => goToWeek(nearest)}>
          ${s.goToNearest(nearestWeek ? weekText(s, nearestWeek, locale) : nearest)}
        </button>`
        : html`<p class="state-body">${s.noNearest}</p>`
    }
  </div>`;
}
