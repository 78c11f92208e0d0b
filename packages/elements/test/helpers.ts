import { type Actor, createOkrStore, memoryStorage, type OkrStore } from '@okrkit/core';
import { aTimeout } from '@open-wc/testing';
import type { LitElement } from 'lit';

export const admin: Actor = { id: 'ada', role: 'admin' };
export const viewer: Actor = { id: 'v', role: 'viewer' };

/** A store per test: memory storage, a clock that ticks a minute per reading, UTC. */
export function makeStore(actor: Actor = admin, storage = memoryStorage()): OkrStore {
  let now = Date.parse('2027-01-05T09:00:00Z');
  return createOkrStore({
    storage,
    actor,
    clock: () => {
      now += 60_000;
      return new Date(now);
    },
    timeZone: 'UTC',
  });
}

/** Lets pending store reads resolve and the element render. */
export async function settle(el: LitElement): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await aTimeout(0);
    await el.updateComplete;
  }
}

/** The deepest focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Collects every okr- event fired on `target`. */
export function recordEvents(target: EventTarget): Event[] {
  const seen: Event[] = [];
  for (const name of [
    'okr-session-select',
    'okr-session-create',
    'okr-session-change',
    'okr-session-transition',
    'okr-session-drawer-close',
    'okr-error',
  ]) {
    target.addEventListener(name, (e) => seen.push(e));
  }
  return seen;
}
