import type { CheckIn, CheckInHistoryItem, KeyResult, Session } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant, personName } from '../format.js';
import { formatPercent, formatValue } from '../key-result-format.js';
import { writtenAtNote } from '../written-at.js';
import type { CheckInView } from './check-in-view.js';

/** What the history of `<okr-check-in>` shows. */
export interface CheckInHistoryState {
  readonly session: Session;
  readonly kr: KeyResult;
  /** Newest first, as the store gives it. */
  readonly items: readonly CheckInHistoryItem[];
  /** The actor may correct a check-in (the core's rule, `store.can`). */
  readonly canCorrect: boolean;
  /** The check-in being corrected now, which offers no second "Correct". */
  readonly correctingId: string | undefined;
  readonly startCorrection: (checkIn: CheckIn) => void;
}

/**
 * A key result's check-ins, newest first: value, status, confidence, who and when (and
 * when it was written, for a late one), the comment, and how corrections relate. A
 * check-in a correction replaced is struck through and offers no "Correct".
 */
export function checkInHistory(view: CheckInView, state: CheckInHistoryState): TemplateResult {
  const { s, locale, people } = view;
  const { session, kr, items, canCorrect, correctingId } = state;
  const when = (c: CheckIn) => formatInstant(c.at, locale, session.timeZone);
  return html`<section class="history" aria-labelledby="ci-history-title">
      <h3 id="ci-history-title">${s.history}</h3>
      ${
        items.length === 0
          ? html`<p class="muted">${s.historyEmpty}</p>`
          : html`<ol part="history">
            ${items.map(({ checkIn, counts, supersededBy, corrects }) => {
              const value = formatValue(kr, checkIn.value, s, locale);
              return html`<li
                part=${counts ? 'history-item' : 'history-item history-item-superseded'}
                class=${counts ? 'item' : 'item superseded'}
                data-id=${checkIn.id}
              >
                <div class="item-head">
                  <bdi class="item-value">${counts ? value : html`<s>${value}</s>`}</bdi>
                  ${checkIn.status ? html`<span class="status ${checkIn.status}">${s.statuses[checkIn.status]}</span>` : nothing}
                  ${checkIn.confidence !== undefined ? html`<span class="muted">${s.confidence} ${formatPercent(checkIn.confidence, locale)}</span>` : nothing}
                  <span class="spacer"></span>
                  ${
                    counts && canCorrect && correctingId !== checkIn.id
                      ? html`<button
                        type="button"
                        class="button quiet small"
                        data-correct=${checkIn.id}
                        aria-label=${s.correctCheckInOf(when(checkIn))}
                        @click=${() => state.startCorrection(checkIn)}
                      >
                        ${s.correct}
                      </button>`
                      : nothing
                  }
                </div>
                <div class="item-meta muted">
                  ${personName(people, checkIn.author)} · <time datetime=${checkIn.at}>${when(checkIn)}</time>${writtenAtNote(checkIn, s, locale, session.timeZone)}
                </div>
                ${checkIn.comment ? html`<p class="item-comment" dir="auto">${checkIn.comment}</p>` : nothing}
                ${supersededBy ? html`<p class="mark corrected">${s.correctedBy(personName(people, supersededBy.author), when(supersededBy))}</p>` : nothing}
                ${corrects ? html`<p class="mark correction">${s.correctionOf(when(corrects))}</p>` : nothing}
              </li>`;
            })}
          </ol>`
      }
    </section>`;
}
