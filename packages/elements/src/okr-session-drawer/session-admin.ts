import type { OkrStore, Session } from '@okrkit/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { OkrNextSession } from '../okr-next-session/okr-next-session.js';
import '../okr-access-editor/okr-access-editor.js';
import '../okr-next-session/okr-next-session.js';
import type { OkrStrings } from '../strings.js';

/** What the drawer hands its administration section. */
export interface SessionAdminContext {
  readonly store: OkrStore;
  readonly session: Session;
  readonly people: Readonly<Record<string, string>>;
  readonly teams: Readonly<Record<string, string>>;
  readonly strings: Partial<OkrStrings> | undefined;
  readonly s: OkrStrings;
}

function openNextSession(event: Event): void {
  const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
  root.querySelector<OkrNextSession>('okr-next-session')?.show();
}

/**
 * The drawer's part for administrators: "Create next session" (with its dialog) and the
 * access editor, each only for people the core lets do it. Nothing for anyone else.
 */
export function renderSessionAdmin(c: SessionAdminContext): TemplateResult | typeof nothing {
  const canCreate = c.store.can('session.create');
  const canEditAccess = c.store.can('session.editAccess', c.session);
  if (!canCreate && !canEditAccess) return nothing;
  return html`${
    canCreate
      ? html`<section class="next-session" aria-labelledby="next-title">
          <h3 id="next-title" class="visually-hidden">${c.s.createNextSession}</h3>
          <button id="next-session-button" class="button" type="button" @click=${openNextSession}>
            ${c.s.createNextSession}
          </button>
          <okr-next-session .store=${c.store} .strings=${c.strings} session-id=${c.session.id}></okr-next-session>
        </section>`
      : nothing
  }
  ${
    canEditAccess
      ? html`<okr-access-editor
          .store=${c.store}
          .people=${c.people}
          .teams=${c.teams}
          .strings=${c.strings}
          session-id=${c.session.id}
        ></okr-access-editor>`
      : nothing
  }`;
}
