import { type KeyResult, keyResultsOf, type Objective, objectivesOf } from '@okrkit/core';
import { OkrKeyResultChangeEvent } from '../events/okr-key-result-change-event.js';
import { OkrObjectiveChangeEvent } from '../events/okr-objective-change-event.js';
import type { ListHost } from './list-view.js';

/** Moves `id` one place in `ids` (in place); its new index, or `undefined` at the ends. */
export function moved(ids: string[], id: string, by: -1 | 1): number | undefined {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return undefined;
  ids.splice(from, 1);
  ids.splice(to, 0, id);
  return to;
}

/** Alt+↑ (-1) or Alt+↓ (+1), except on a select, where Alt+↓ opens its list. */
export function reorderKey(event: KeyboardEvent): -1 | 1 | undefined {
  if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return undefined;
  if (event.composedPath()[0] instanceof HTMLSelectElement) return undefined;
  return event.key === 'ArrowUp' ? -1 : 1;
}

/**
 * Reordering objectives within the session and key results within their objective,
 * by the up and down buttons or Alt+↑/↓ anywhere inside the item. Focus stays on the
 * moved item, and the new position is announced.
 */
export class Reorder {
  readonly #host: ListHost;

  constructor(host: ListHost) {
    this.#host = host;
  }

  async moveObjective(objective: Objective, by: -1 | 1): Promise<void> {
    const host = this.#host;
    const session = host.session;
    if (!session) return;
    const ids = objectivesOf(session).map((o) => o.id);
    const to = moved(ids, objective.id, by);
    if (to === undefined) return;
    if (!(await host.attempt((store, s) => store.reorderObjectives(s.id, ids)))) return;
    host.announce(`${objective.title}: ${to + 1} / ${ids.length}`);
    host.dispatchEvent(new OkrObjectiveChangeEvent(session.id, { ...objective, order: to }, 'order'));
    await this.#focusMoved(`up-${objective.id}`, `down-${objective.id}`, by);
  }

  async moveKeyResult(keyResult: KeyResult, by: -1 | 1): Promise<void> {
    const host = this.#host;
    const session = host.session;
    if (!session) return;
    const ids = keyResultsOf(session, keyResult.objectiveId).map((k) => k.id);
    const to = moved(ids, keyResult.id, by);
    if (to === undefined) return;
    const done = await host.attempt((store, s) => store.reorderKeyResults(s.id, keyResult.objectiveId, ids));
    if (!done) return;
    host.announce(`${keyResult.title}: ${to + 1} / ${ids.length}`);
    const saved = host.session?.keyResults.get(keyResult.id) ?? { ...keyResult, order: to };
    host.dispatchEvent(new OkrKeyResultChangeEvent(session.id, saved, 'order'));
    await this.#focusMoved(`kr-up-${keyResult.id}`, `kr-down-${keyResult.id}`, by);
  }

  /** Alt+↑/↓ inside an objective (but not inside one of its key results) moves the objective. */
  onObjectiveKeydown(event: KeyboardEvent, objective: Objective, canReorder: boolean): void {
    const by = reorderKey(event);
    // Handled by a key result inside, or a select's own Alt+↓ (open the list).
    if (!canReorder || by === undefined || event.defaultPrevented) return;
    event.preventDefault();
    void this.moveObjective(objective, by);
  }

  /** Inside a key result, Alt+↑/↓ moves the key result, never its objective. */
  onKeyResultKeydown(event: KeyboardEvent, keyResult: KeyResult, canReorder: boolean, canReorderAny: boolean): void {
    const by = reorderKey(event);
    if (!canReorderAny || by === undefined) return;
    event.preventDefault();
    if (canReorder) void this.moveKeyResult(keyResult, by);
  }

  /** Keeps focus on the moved item: the same button, else the other one at the ends. */
  async #focusMoved(upId: string, downId: string, by: -1 | 1): Promise<void> {
    const root = this.#host.renderRoot;
    await this.#host.updateComplete;
    const up = root.querySelector<HTMLButtonElement>(`#${CSS.escape(upId)}`);
    const down = root.querySelector<HTMLButtonElement>(`#${CSS.escape(downId)}`);
    const same = by < 0 ? up : down;
    (same && !same.disabled ? same : by < 0 ? down : up)?.focus();
  }
}
