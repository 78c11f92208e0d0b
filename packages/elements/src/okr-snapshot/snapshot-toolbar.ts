import type { OwnerFilter, Week } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { ExportFormat } from '../events/okr-export-event.js';
import { iconChevronEnd, iconChevronStart } from '../icons.js';
import type { OwnerChoice } from './owner-filter.js';
import type { SnapshotCalendar } from './snapshot-calendar.js';
import { formatMonth, formatWeekRange, weekNumber } from './snapshot-format.js';
import type { SnapshotView } from './snapshot-view.js';

/**
 * The toolbar of `<okr-snapshot>`: the week controls (previous and next week, the month
 * picker, the weeks of the month as a toolbar of one tab stop, and "This week"), the
 * owner filter, the export buttons and the host's `toolbar-end` slot. It renders what the
 * element gives it and calls back; the element moves the week and raises the events.
 */

/** What the toolbar shows. */
export interface ToolbarState {
  readonly calendar: SnapshotCalendar | undefined;
  /** The key of the week shown (`week`, else the session's default week). */
  readonly shown: string | undefined;
  /** The week of the snapshot read, which names the month when the week is outside the session. */
  readonly resultWeek: Week | undefined;
  /** The owner filter, and the owners it offers. */
  readonly owner: OwnerFilter;
  readonly owners: readonly OwnerChoice[];
  /** There is a snapshot to export. */
  readonly exportable: boolean;
}

/** What the toolbar's controls ask of the element. */
export interface ToolbarActions {
  readonly goToWeek: (key: string) => void;
  readonly step: (direction: -1 | 1) => void;
  readonly pickMonth: (event: Event) => void;
  readonly weeksKeydown: (event: KeyboardEvent) => void;
  readonly pickOwner: (event: Event) => void;
  readonly export: (format: ExportFormat) => void;
}

/**
 * Arrow keys move the focus between the weeks of the month (a toolbar: one tab stop),
 * mirrored when `host` is laid out right to left; Home and End go to the first and last.
 */
export function moveAmongWeeks(event: KeyboardEvent, host: Element): void {
  const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button')];
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index < 0) return;
  const rtl = getComputedStyle(host).direction === 'rtl';
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
  let next: number | undefined;
  if (event.key === forward) next = Math.min(buttons.length - 1, index + 1);
  else if (event.key === backward) next = Math.max(0, index - 1);
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = buttons.length - 1;
  if (next === undefined) return;
  event.preventDefault();
  for (const [i, button] of buttons.entries()) button.tabIndex = i === next ? 0 : -1;
  buttons[next]?.focus();
}

/** The previous- or next-week button: an icon, named by its label. */
function stepButton(
  id: string,
  label: string,
  disabled: boolean,
  step: () => void,
  icon: TemplateResult,
): TemplateResult {
  return html`<button
    id=${id}
    class="button icon-button"
    type="button"
    aria-label=${label}
    title=${label}
    ?disabled=${disabled}
    @click=${step}
  >
    ${icon}
  </button>`;
}

export function snapshotToolbar(view: SnapshotView, toolbar: ToolbarState, actions: ToolbarActions): TemplateResult {
  const { s, locale } = view;
  const calendar = toolbar.calendar;
  const shown = toolbar.shown ?? '';
  const weeks = calendar?.weeks ?? [];
  const shownWeek = toolbar.resultWeek;
  const month = calendar?.months.find((m) => m.weeks.some((w) => w.key === shown));
  const first = weeks[0]?.key ?? '';
  const last = weeks[weeks.length - 1]?.key ?? '';
  return html`<div part="toolbar" class="toolbar">
    <div part="week-nav" class="week-nav" role="group" aria-label=${s.weekNavigation}>
      ${stepButton('previous-week', s.previousWeek, !shown || shown <= first, () => actions.step(-1), iconChevronStart())}
      <select id="month" part="month-select" class="month" aria-label=${s.month} @change=${actions.pickMonth}>
        ${month ? nothing : html`<option value="" selected disabled>${shownWeek ? formatMonth(shownWeek.month, locale) : '—'}</option>`}
        ${(calendar?.months ?? []).map(
          (m) => html`<option value=${m.month} ?selected=${m === month}>${formatMonth(m.month, locale)}</option>`,
        )}
      </select>
      ${
        month
          ? html`<div class="weeks" role="toolbar" aria-label=${s.weeksOfMonth} @keydown=${actions.weeksKeydown}>
            ${month.weeks.map((w) => {
              const selected = w.key === shown;
              const isCurrent = w.key === calendar?.current.key;
              const future = calendar ? w.key > calendar.current.key : false;
              return html`<button
                type="button"
                class="week ${isCurrent ? 'current' : ''} ${future ? 'future' : ''}"
                part=${selected ? 'week-button week-button-current' : 'week-button'}
                data-week=${w.key}
                tabindex=${selected ? '0' : '-1'}
                aria-pressed=${selected ? 'true' : 'false'}
                title=${formatWeekRange(w, locale)}
                @click=${() => actions.goToWeek(w.key)}
              >
                ${s.weekButton(weekNumber(w))}<span class="visually-hidden"
                  >, ${formatWeekRange(w, locale)}${isCurrent ? ` (${s.currentWeek})` : ''}</span
                >
              </button>`;
            })}
          </div>`
          : nothing
      }
      ${stepButton('next-week', s.nextWeek, !shown || shown >= last, () => actions.step(1), iconChevronEnd())}
      ${
        calendar && shown !== calendar.current.key && weeks.some((w) => w.key === calendar.current.key)
          ? html`<button id="this-week" type="button" class="button quiet" @click=${() => actions.goToWeek(calendar.current.key)}>
            ${s.currentWeek}
          </button>`
          : nothing
      }
    </div>
    <span class="spacer"></span>
    ${ownerFilter(view, toolbar, actions)}
    <div class="export" role="group" aria-label=${s.exportLabel}>
      <span class="export-label" aria-hidden="true">${s.exportLabel}</span>
      ${(['csv', 'json'] as const).map(
        (format) => html`<button
          id="export-${format}"
          part="export-button"
          class="button"
          type="button"
          ?disabled=${!toolbar.exportable}
          aria-label=${`${s.exportLabel} ${format === 'csv' ? s.exportCsv : s.exportJson}`}
          @click=${() => actions.export(format)}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M8 2v8m0 0 3-3m-3 3L5 7M3 12v2h10v-2" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>
          ${format === 'csv' ? s.exportCsv : s.exportJson}
        </button>`,
      )}
    </div>
    <slot name="toolbar-end"></slot>
  </div>`;
}

/** The owner filter: everyone, each owner of the week by name, or the unassigned items. */
function ownerFilter(view: SnapshotView, toolbar: ToolbarState, actions: ToolbarActions): TemplateResult {
  const s = view.s;
  const filter = toolbar.owner;
  const value = typeof filter === 'string' ? filter : filter.ownerId;
  const named = toolbar.owners;
  return html`<label class="owner-filter">
    <span>${s.ownerFilter}</span>
    <select id="owner" part="owner-select" @change=${actions.pickOwner}>
      <option value="all" ?selected=${value === 'all'}>${s.ownerAll}</option>
      ${named.map((o) => html`<option value=${o.id} ?selected=${value === o.id}>${o.name}</option>`)}
      <option value="unassigned" ?selected=${value === 'unassigned'}>${s.ownerUnassigned}</option>
    </select>
  </label>`;
}
