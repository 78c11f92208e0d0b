import { type Actor, createOkrStore, memoryStorage, type OkrStore, type StorageAdapter } from '@okrkit/core';
import type { LitElement } from 'lit';

/**
 * Helpers for the tests of `<okr-list>`, `<okr-check-in>` and `<okr-tree>`: a store
 * with readable ids, a planned session and a recorder for their events.
 */

export const member: Actor = { id: 'max', role: 'member' };

/** A store per test: memory storage, a clock that ticks a minute per reading, UTC, ids `ob1`, `kr1`, ... */
export function makeOkrStore(
  actor: Actor = { id: 'ada', role: 'admin' },
  storage: StorageAdapter = memoryStorage(),
): OkrStore {
  let now = Date.parse('2027-01-05T09:00:00Z');
  const counts: Record<string, number> = {};
  const prefix = { objective: 'ob', keyResult: 'kr', initiative: 'in', checkIn: 'ci', copy: 'cp' } as const;
  return createOkrStore({
    storage,
    actor,
    clock: () => {
      now += 60_000;
      return new Date(now);
    },
    timeZone: 'UTC',
    ids: (kind) => {
      counts[kind] = (counts[kind] ?? 0) + 1;
      return `${prefix[kind]}${counts[kind]}`;
    },
  });
}

/** A session SE-01001 (Q1 2027) with two objectives and three key results of different kinds. */
export async function plannedSession(store: OkrStore = makeOkrStore()): Promise<OkrStore> {
  await store.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
  const grow = await store.addObjective('SE-01001', { title: 'Grow the community', ownerId: 'ada' });
  const ship = await store.addObjective('SE-01001', { title: 'Ship the new editor' });
  await store.addKeyResult('SE-01001', {
    objectiveId: grow.id,
    title: 'Weekly active users',
    kind: 'increase',
    start: 100,
    target: 500,
    unit: 'users',
    ownerId: 'max',
  });
  await store.addKeyResult('SE-01001', { objectiveId: grow.id, title: 'Publish the handbook', kind: 'boolean' });
  await store.addKeyResult('SE-01001', {
    objectiveId: ship.id,
    title: 'Editor rollout',
    kind: 'milestones',
    milestones: ['Design', 'Beta', 'General availability'],
  });
  return store;
}

export const PEOPLE: Readonly<Record<string, string>> = { ada: 'Ada Lovelace', max: 'Max Planck', kim: 'Kim Lee' };

/** Collects every okr- event these elements fire on `target`. */
export function recordOkrEvents(target: EventTarget): Event[] {
  const seen: Event[] = [];
  for (const name of [
    'okr-objective-add',
    'okr-objective-change',
    'okr-objective-select',
    'okr-key-result-add',
    'okr-key-result-change',
    'okr-owner-change',
    'okr-initiative-add',
    'okr-check-in',
    'okr-check-in-close',
    'okr-error',
  ]) {
    target.addEventListener(name, (e) => seen.push(e));
  }
  return seen;
}

/** An element in the shadow root of `el`, or a failing test. */
export function $(el: LitElement, selector: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

export function $$(el: LitElement, selector: string): HTMLElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];
}

/** Types into a field the way the browser reports it (value, then an input event). */
export function type(el: LitElement, selector: string, value: string): void {
  const input = $(el, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
