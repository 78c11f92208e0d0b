import {
  type CheckIn,
  type CheckInHistoryItem,
  type Initiative,
  type KeyResult,
  keyResultProgress,
  keyResultsOf,
  objectiveProgress,
  type SeriesPoint,
  type Session,
} from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { DetailItem } from '../events/okr-detail-open-event.js';
import { formatInstant, personName } from '../format.js';
import { formatPercent, formatTarget, formatValue } from '../key-result-format.js';
import { sparklineSvg } from '../okr-snapshot/sparkline-svg.js';
import { personChip } from '../person.js';
import type { OkrSnapshotStrings, OkrStrings } from '../strings.js';
import { writtenAtNote } from '../written-at.js';

/** What the sections of a detail view read: the live session, what was loaded for the item, texts. */
export interface DetailContext {
  readonly session: Session;
  readonly series: readonly SeriesPoint[] | undefined;
  /** The key result's history (for a key result or a check-in). */
  readonly history: readonly CheckInHistoryItem[] | undefined;
  readonly week: string | undefined;
  readonly people: Readonly<Record<string, string>>;
  readonly locale: string;
  readonly s: OkrStrings & Pick<OkrSnapshotStrings, 'trendLabel'>;
  /** Shows another item of the session in the same view (a key result of an objective, ...). */
  readonly go: (item: DetailItem) => void;
}

export const SPARK_WIDTH = 240;
export const SPARK_HEIGHT = 48;

/** The title of an item, or undefined when it is not in the session (removed, or a wrong id). */
export function titleOf(session: Session, item: DetailItem): string | undefined {
  switch (item.kind) {
    case 'objective':
      return session.objectives.get(item.id)?.title;
    case 'keyResult':
      return session.keyResults.get(item.id)?.title;
    case 'initiative':
      return session.initiatives.get(item.id)?.title;
    case 'checkIn': {
      const kr = keyResultOfCheckIn(session, item.id);
      return kr?.title;
    }
  }
}

export function keyResultOfCheckIn(session: Session, checkInId: string): KeyResult | undefined {
  for (const kr of session.keyResults.values()) if (kr.checkIns.some((c) => c.id === checkInId)) return kr;
  return undefined;
}

/** The body of the detail view of `item`. */
export function renderDetail(c: DetailContext, item: DetailItem): TemplateResult | typeof nothing {
  switch (item.kind) {
    case 'objective':
      return renderObjective(c, item.id);
    case 'keyResult':
      return renderKeyResult(c, item.id);
    case 'initiative':
      return renderInitiative(c, item.id);
    case 'checkIn':
      return renderCheckIn(c, item.id);
  }
}

function owner(c: DetailContext, ownerId: string | undefined): TemplateResult {
  return html`<div>
    <dt>${c.s.detailOwner}</dt>
    <dd class="owner">${ownerId === undefined ? html`<span class="muted">${c.s.unassigned}</span>` : personChip(c.people, ownerId)}</dd>
  </div>`;
}

function link(c: DetailContext, item: DetailItem, title: string): TemplateResult {
  return html`<button type="button" class="link" @click=${() => c.go(item)}><bdi>${title}</bdi></button>`;
}

function trend(c: DetailContext, status: string | undefined): TemplateResult | typeof nothing {
  if (!c.series) return nothing;
  const svg = sparklineSvg(c.series, {
    width: SPARK_WIDTH,
    height: SPARK_HEIGHT,
    highlight: c.week,
    status,
    label: (first, last) => c.s.trendLabel(formatPercent(first, c.locale), formatPercent(last, c.locale)),
  });
  if (svg === nothing) return nothing;
  return html`<section class="trend" aria-labelledby="trend-title">
    <h3 id="trend-title">${c.s.detailTrend}</h3>
    ${svg}
  </section>`;
}

function initiativesOf(session: Session, keyResultIds: readonly string[]): Initiative[] {
  return [...session.initiatives.values()].filter((i) => i.keyResultIds.some((id) => keyResultIds.includes(id)));
}

function renderInitiatives(c: DetailContext, initiatives: readonly Initiative[]): TemplateResult {
  return html`<section aria-labelledby="initiatives-title">
    <h3 id="initiatives-title">${c.s.detailInitiatives}</h3>
    ${
      initiatives.length === 0
        ? html`<p class="muted">${c.s.noInitiatives}</p>`
        : html`<ul class="items">
            ${initiatives.map(
              (i) => html`<li>
                ${link(c, { kind: 'initiative', id: i.id }, i.title)}
                <span class="badge">${c.s.initiativeStatuses[i.status]}</span>
                ${i.ownerId ? personChip(c.people, i.ownerId) : nothing}
              </li>`,
            )}
          </ul>`
    }
  </section>`;
}

/** The comments of check-ins that count, newest first. */
function renderComments(c: DetailContext, keyResults: readonly KeyResult[]): TemplateResult {
  const comments = keyResults
    .flatMap((kr) => kr.checkIns.filter((ci) => ci.comment && ci.supersededBy === undefined).map((ci) => ({ kr, ci })))
    .sort((a, b) => (a.ci.effectiveAt < b.ci.effectiveAt ? 1 : -1));
  return html`<section aria-labelledby="comments-title">
    <h3 id="comments-title">${c.s.detailComments}</h3>
    ${
      comments.length === 0
        ? html`<p class="muted">${c.s.noComments}</p>`
        : html`<ul class="comments">
            ${comments.map(
              ({ kr, ci }) => html`<li>
                <p class="comment-text">“<bdi>${ci.comment}</bdi>”</p>
                <p class="meta">
                  ${personChip(c.people, ci.author)} · ${formatInstant(ci.effectiveAt, c.locale, c.session.timeZone)}
                  ${keyResults.length > 1 ? html` · <bdi>${kr.title}</bdi>` : nothing}
                </p>
              </li>`,
            )}
          </ul>`
    }
  </section>`;
}

function renderObjective(c: DetailContext, id: string): TemplateResult | typeof nothing {
  const objective = c.session.objectives.get(id);
  if (!objective) return nothing;
  const krs = keyResultsOf(c.session, id);
  const progress = objectiveProgress(krs);
  return html`${objective.description ? html`<p class="description"><bdi>${objective.description}</bdi></p>` : nothing}
    <dl class="facts">
      ${owner(c, objective.ownerId)}
      <div><dt>${c.s.detailProgress}</dt><dd>${formatPercent(progress.clamped, c.locale)}</dd></div>
    </dl>
    ${trend(c, undefined)}
    <section aria-labelledby="krs-title">
      <h3 id="krs-title">${c.s.detailKeyResults}</h3>
      <ul class="items">
        ${krs.map(
          (kr) => html`<li>
            ${link(c, { kind: 'keyResult', id: kr.id }, kr.title)}
            <span class="pct">${formatPercent(keyResultProgress(kr).clamped, c.locale)}</span>
            ${kr.ownerId ? personChip(c.people, kr.ownerId) : nothing}
          </li>`,
        )}
      </ul>
    </section>
    ${renderInitiatives(
      c,
      initiativesOf(
        c.session,
        krs.map((k) => k.id),
      ),
    )}
    ${renderComments(c, krs)}`;
}

function renderKeyResult(c: DetailContext, id: string): TemplateResult | typeof nothing {
  const kr = c.session.keyResults.get(id);
  if (!kr) return nothing;
  const objective = c.session.objectives.get(kr.objectiveId);
  return html`<dl class="facts">
      ${owner(c, kr.ownerId)}
      <div>
        <dt>${c.s.detailProgress}</dt>
        <dd>
          ${formatPercent(keyResultProgress(kr).clamped, c.locale)} ·
          <bdi>${formatValue(kr, kr.latest?.value, c.s, c.locale)}</bdi> / <bdi>${formatTarget(kr, c.s, c.locale)}</bdi>
        </dd>
      </div>
      ${objective ? html`<div><dt>${c.s.detailOf.objective}</dt><dd>${link(c, { kind: 'objective', id: objective.id }, objective.title)}</dd></div>` : nothing}
    </dl>
    ${trend(c, kr.latest?.status)} ${renderHistory(c, kr)} ${renderInitiatives(c, initiativesOf(c.session, [kr.id]))}
    ${renderComments(c, [kr])}`;
}

function renderHistory(c: DetailContext, kr: KeyResult): TemplateResult {
  const history = c.history ?? [];
  const when = (ci: CheckIn) => formatInstant(ci.effectiveAt, c.locale, c.session.timeZone);
  return html`<section aria-labelledby="history-title">
    <h3 id="history-title">${c.s.detailHistory}</h3>
    <p class="hint">${c.s.detailReadOnly}</p>
    ${
      history.length === 0
        ? html`<p class="muted">${c.s.historyEmpty}</p>`
        : html`<ol class="history">
            ${history.map(
              (h) => html`<li class=${h.counts ? 'counts' : 'superseded'}>
                <div class="line">
                  ${link(c, { kind: 'checkIn', id: h.checkIn.id }, formatValue(kr, h.checkIn.value, c.s, c.locale))}
                  ${h.checkIn.status ? html`<span class="badge status-${h.checkIn.status}">${c.s.statuses[h.checkIn.status]}</span>` : nothing}
                  ${h.corrects ? html`<span class="badge correction">${c.s.correctionBadge}</span>` : nothing}
                  ${h.supersededBy ? html`<span class="badge superseded">${c.s.supersededBadge}</span>` : nothing}
                </div>
                <p class="meta">
                  ${personChip(c.people, h.checkIn.author)} · ${when(h.checkIn)}${writtenAtNote(h.checkIn, c.s, c.locale, c.session.timeZone)}
                </p>
                ${
                  h.supersededBy
                    ? html`<p class="meta">${c.s.correctedBy(personName(c.people, h.supersededBy.author), formatInstant(h.supersededBy.at, c.locale, c.session.timeZone))}</p>`
                    : nothing
                }
                ${h.corrects ? html`<p class="meta">${c.s.correctionOf(when(h.corrects))}</p>` : nothing}
              </li>`,
            )}
          </ol>`
    }
  </section>`;
}

function renderInitiative(c: DetailContext, id: string): TemplateResult | typeof nothing {
  const initiative = c.session.initiatives.get(id);
  if (!initiative) return nothing;
  const krs = initiative.keyResultIds.flatMap((k) => c.session.keyResults.get(k) ?? []);
  return html`<dl class="facts">
      ${owner(c, initiative.ownerId)}
      <div><dt>${c.s.fieldStatus}</dt><dd><span class="badge">${c.s.initiativeStatuses[initiative.status]}</span></dd></div>
      ${
        initiative.link
          ? html`<div><dt>${c.s.fieldLink}</dt><dd><a href=${initiative.link} target="_blank" rel="noopener noreferrer"><bdi>${initiative.link}</bdi></a></dd></div>`
          : nothing
      }
    </dl>
    <section aria-labelledby="krs-title">
      <h3 id="krs-title">${c.s.fieldKeyResults}</h3>
      <ul class="items">
        ${krs.map((kr) => html`<li>${link(c, { kind: 'keyResult', id: kr.id }, kr.title)}</li>`)}
      </ul>
    </section>`;
}

function renderCheckIn(c: DetailContext, id: string): TemplateResult | typeof nothing {
  const kr = keyResultOfCheckIn(c.session, id);
  const h = c.history?.find((x) => x.checkIn.id === id);
  if (!kr || !h) return nothing;
  const ci = h.checkIn;
  const at = (instant: string) => formatInstant(instant, c.locale, c.session.timeZone);
  return html`<dl class="facts">
      <div><dt>${c.s.detailOf.keyResult}</dt><dd>${link(c, { kind: 'keyResult', id: kr.id }, kr.title)}</dd></div>
      <div><dt>${c.s.newValue}</dt><dd><bdi>${formatValue(kr, ci.value, c.s, c.locale)}</bdi></dd></div>
      ${ci.status ? html`<div><dt>${c.s.status}</dt><dd><span class="badge status-${ci.status}">${c.s.statuses[ci.status]}</span></dd></div>` : nothing}
      ${ci.confidence !== undefined ? html`<div><dt>${c.s.confidence}</dt><dd>${formatPercent(ci.confidence, c.locale)}</dd></div>` : nothing}
      <div><dt>${c.s.checkedInBy}</dt><dd>${personChip(c.people, ci.author)}</dd></div>
      <div><dt>${c.s.detailWhen}</dt><dd>${at(ci.effectiveAt)}${writtenAtNote(ci, c.s, c.locale, c.session.timeZone)}</dd></div>
    </dl>
    ${ci.comment ? html`<p class="comment-text">“<bdi>${ci.comment}</bdi>”</p>` : nothing}
    ${h.corrects ? html`<p class="notice">${c.s.correctionOf(at(h.corrects.effectiveAt))}</p>` : nothing}
    ${h.supersededBy ? html`<p class="notice">${c.s.correctedBy(personName(c.people, h.supersededBy.author), at(h.supersededBy.at))}</p>` : nothing}`;
}
