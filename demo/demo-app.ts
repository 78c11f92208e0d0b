import { indexedDbStorage, type OkrStore, type SessionHeader } from '@okrkit/core';
import type { OkrCheckInRequestEvent, OkrSessionSelectEvent } from '@okrkit/elements';
import { html, LitElement, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { demoAppStyles } from './demo-app.styles.js';
import { importLargeOrganisation } from './large-org.js';
import { PEOPLE, PERSONAS, TEAM_NAMES } from './people.js';
import { seedSampleData } from './sample-data.js';
import { addressInMode, type StorageMode } from './storage-mode.js';

type View = 'list' | 'tree' | 'snapshot';

/** The languages the header offers: the elements follow `<html lang>`, which the control sets. */
export const LANGUAGES = [
  { lang: 'en', label: 'English', openSnapshot: 'Open the weekly snapshot' },
  { lang: 'de', label: 'Deutsch', openSnapshot: 'Wochenstand öffnen' },
] as const;

interface Route {
  readonly page: 'sessions' | 'session';
  readonly sessionId?: string;
  readonly view: View;
  readonly week?: string;
}

function parseRoute(hash: string): Route {
  const [, page, sessionId, view, week] = hash.split('/');
  if (page === 'session' && sessionId) {
    const v = view === 'list' || view === 'tree' || view === 'snapshot' ? view : 'snapshot';
    return { page: 'session', sessionId, view: v, ...(week ? { week } : {}) };
  }
  return { page: 'sessions', view: 'snapshot' };
}

const EMBED: Record<'sessions' | View, { title: string; about: string; code: string }> = {
  sessions: {
    title: 'Sessions',
    about:
      'Every planning period of the company. Sort by any column, show closed sessions with the switch, add a session, and open one (click or Enter) to edit its details or move it through its lifecycle.',
    code: '<okr-sessions></okr-sessions>',
  },
  list: {
    title: 'List',
    about:
      'The live session to scan and edit: objectives, key results and initiatives, as the lifecycle and your role allow. Check in from here.',
    code: '<okr-list session-id="{session}"></okr-list>',
  },
  tree: {
    title: 'Tree',
    about:
      'The cascade as a map: objectives aligned to the company objectives of the parent session, each with its key results. Arrow keys, Home/End and type-ahead move through it.',
    code: '<okr-tree session-id="{session}"></okr-tree>',
  },
  snapshot: {
    title: 'Weekly snapshot',
    about:
      'How the session looked at the end of a week: progress, status and week-over-week change. Past weeks are read-only; filter by owner; export what you see as CSV or JSON.',
    code: '<okr-snapshot session-id="{session}"{week}></okr-snapshot>',
  },
};

/** The demo site: the elements composed as an app would compose them. */
@customElement('demo-app')
export class DemoApp extends LitElement {
  static override styles = demoAppStyles;

  @state() accessor route: Route = parseRoute(location.hash);
  @state() accessor sessions: readonly SessionHeader[] = [];
  /** Whether `sessions` has been read once: until then the route's session is shown on trust. */
  @state() accessor listed = false;
  /**
   * The sessions the picker offers: from a month before each one starts to a month after
   * it ends (the brief's sessions page). The management table, <okr-sessions>, lists all.
   */
  @state() accessor pickable: readonly SessionHeader[] = [];
  @state() accessor busy = '';
  /** The session last opened in the drawer: the "Session" link leads to it (state, so the link follows at once). */
  @state() accessor lastSelected: string | undefined = undefined;

  @property({ attribute: false }) accessor store!: OkrStore;
  @property() accessor persona = 'admin';
  /** Where the data is: on the demo's server (shared, live) or in this browser only. */
  @property() accessor mode: StorageMode = 'local';
  /** The page's language (`<html lang>`): every okrkit element on the page follows it. */
  @state() accessor language = document.documentElement.lang || 'en';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
    this.store.subscribe(() => void this.#loadSessions());
    void this.#loadSessions();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
  }

  readonly #onHash = () => {
    this.route = parseRoute(location.hash);
  };

  async #loadSessions(): Promise<void> {
    this.sessions = await this.store.listSessions({ includeArchived: true });
    this.listed = true;
    this.pickable = await this.store.currentSessions({ includeArchived: true });
  }

  #go(route: { readonly [K in keyof Route]?: Route[K] | undefined }): void {
    const next = { ...this.route, ...route };
    location.hash =
      next.page === 'session' && next.sessionId
        ? `#/session/${next.sessionId}/${next.view}${next.week && next.view === 'snapshot' ? `/${next.week}` : ''}`
        : '#/sessions';
  }

  #onPersona(event: Event): void {
    const key = (event.target as HTMLSelectElement).value;
    const persona = PERSONAS.find((p) => p.key === key);
    if (!persona) return;
    localStorage.setItem('okrkit-demo-persona', key);
    // On the server a persona is a person signed in with a token of their own (and a local
    // copy of their own): a new sign-in, so the page starts again as them.
    if (this.mode === 'server') {
      location.reload();
      return;
    }
    this.persona = key;
    this.store.setActor(persona.actor);
  }

  #onLanguage(event: Event): void {
    const lang = (event.target as HTMLSelectElement).value;
    localStorage.setItem('okrkit-demo-lang', lang);
    document.documentElement.lang = lang;
    this.language = lang;
  }

  async #reset(): Promise<void> {
    if (!confirm('Replace everything stored in this demo with fresh sample data?')) return;
    this.busy = 'Resetting…';
    await this.store.close();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('okrkit-demo');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => resolve();
    });
    const storage = indexedDbStorage({ name: 'okrkit-demo' });
    await seedSampleData(storage);
    await storage.close();
    location.hash = '#/sessions';
    location.reload();
  }

  async #large(): Promise<void> {
    this.busy = 'Generating 750 objectives, 3,000 key results and their weekly check-ins…';
    await new Promise((resolve) => setTimeout(resolve, 30));
    const t0 = performance.now();
    const session = await importLargeOrganisation(this.store);
    this.busy = `Imported in ${Math.round(performance.now() - t0)} ms`;
    this.#go({ page: 'session', sessionId: session.id, view: 'snapshot' });
    setTimeout(() => (this.busy = ''), 4000);
  }

  #onSelect(event: OkrSessionSelectEvent): void {
    // The drawer opens in <okr-sessions>; the app remembers the choice for the session page.
    this.lastSelected = event.session.id;
  }

  #onCheckInRequest(event: OkrCheckInRequestEvent): void {
    const dialog = this.renderRoot.querySelector('okr-check-in') as
      | (HTMLElement & { keyResultId?: string; sessionId?: string; open?: boolean })
      | null;
    if (!dialog) return;
    event.preventDefault();
    dialog.sessionId = event.sessionId;
    dialog.keyResultId = event.keyResultId;
    dialog.open = true;
  }

  #renderBar(): TemplateResult {
    const page = this.route.page;
    const current =
      this.route.sessionId ?? this.lastSelected ?? this.sessions.find((s) => s.state === 'in_progress')?.id;
    return html`<header class="bar">
      <h1>okrkit</h1>
      <nav aria-label="Pages">
        <a href="#/sessions" aria-current=${page === 'sessions' ? 'page' : 'false'}>Sessions</a>
        ${current ? html`<a href="#/session/${current}/snapshot" aria-current=${page === 'session' ? 'page' : 'false'}>Session</a>` : ''}
      </nav>
      <span class="spacer"></span>
      ${this.busy ? html`<span class="busy" role="status">${this.busy}</span>` : ''}
      <label
        >Language
        <select @change=${this.#onLanguage} aria-label="Language">
          ${LANGUAGES.map((l) => html`<option value=${l.lang} lang=${l.lang} ?selected=${l.lang === this.language}>${l.label}</option>`)}
        </select>
      </label>
      <label
        >Acting as
        <select @change=${this.#onPersona} aria-label="Persona">
          ${PERSONAS.map((p) => html`<option value=${p.key} ?selected=${p.key === this.persona}>${p.label}</option>`)}
        </select>
      </label>
      ${
        this.mode === 'local'
          ? html`<button @click=${this.#large} ?disabled=${!!this.busy}>Load a large organisation</button>
              <button @click=${this.#reset} ?disabled=${!!this.busy}>Reset sample data</button>`
          : ''
      }
      ${this.#renderMode()}
    </header>`;
  }

  /** Which storage is in use, quietly, with the way to the other. */
  #renderMode(): TemplateResult {
    const other = this.mode === 'server' ? 'local' : 'server';
    const href = addressInMode(new URL(location.href), other);
    return this.mode === 'server'
      ? html`<span class="mode">On the demo server, shared live · <a href=${href}>this browser only</a></span>`
      : html`<span class="mode">In this browser only · <a href=${href}>on the demo server</a></span>`;
  }

  #renderIntro(key: 'sessions' | View): TemplateResult {
    const embed = EMBED[key];
    return html`<div class="intro">
      <h2>${embed.title}</h2>
      <code>${embed.code.replace('{session}', this.route.sessionId ?? '').replace('{week}', this.route.week ? ` week="${this.route.week}"` : '')}</code>
      <p>${embed.about}</p>
    </div>`;
  }

  /** The picker's sessions, and the one shown even when it is outside the window (reached by a link). */
  #pickerSessions(shown: SessionHeader | undefined): readonly SessionHeader[] {
    if (!shown || this.pickable.some((s) => s.id === shown.id)) return this.pickable;
    return [...this.pickable, shown].sort((a, b) => a.number - b.number);
  }

  #renderSession(): TemplateResult {
    const { sessionId, view, week } = this.route;
    const session = this.sessions.find((s) => s.id === sessionId);
    // The view starts loading the route's session with the list, not after it: on a cold load
    // it then waits for storage in its loading state (and makes its formats meanwhile).
    const shownId = session?.id ?? (this.listed ? undefined : sessionId);
    const tab = (v: View, label: string) =>
      html`<a href="#/session/${sessionId}/${v}" aria-current=${view === v ? 'page' : 'false'}>${label}</a>`;
    return html`${this.#renderIntro(view)}
      <nav class="tabs" aria-label="Views">
        ${tab('snapshot', 'Snapshot')} ${tab('list', 'List')} ${tab('tree', 'Tree')}
        <label
          >Session
          <select
            aria-label="Session"
            @change=${(e: Event) => this.#go({ sessionId: (e.target as HTMLSelectElement).value, week: undefined })}
          >
            ${this.#pickerSessions(session).map(
              (s) => html`<option value=${s.id} ?selected=${s.id === sessionId}>${s.id} · ${s.title}</option>`,
            )}
          </select>
        </label>
      </nav>
      <div class="card">
        ${
          shownId === undefined
            ? html`<p>Choose a session.</p>`
            : view === 'snapshot'
              ? html`<okr-snapshot
                session-id=${shownId}
                .week=${week}
                .people=${PEOPLE}
                @okr-week-change=${(e: { week: string }) => this.#go({ week: e.week })}
                @okr-check-in-request=${this.#onCheckInRequest}
              ></okr-snapshot>`
              : view === 'list'
                ? html`<okr-list session-id=${shownId} .people=${PEOPLE}></okr-list>`
                : html`<okr-tree session-id=${shownId} .people=${PEOPLE}></okr-tree>`
        }
      </div>
      <okr-check-in .people=${PEOPLE}></okr-check-in>`;
  }

  override render(): TemplateResult {
    const persona = PERSONAS.find((p) => p.key === this.persona);
    return html`<okr-provider .store=${this.store}>
      ${this.#renderBar()}
      <main>
        <p class="persona">
          You are <strong>${persona?.actor.name ?? ''}</strong> (${persona?.actor.role ?? ''}): ${persona?.description ?? ''}
        </p>
        ${
          this.route.page === 'sessions'
            ? html`${this.#renderIntro('sessions')}
              <div class="card">
                <okr-sessions .people=${PEOPLE} .teams=${TEAM_NAMES} @okr-session-select=${this.#onSelect}>
                  ${
                    this.lastSelected
                      ? html`<a slot="drawer-footer" class="drawer-link" href="#/session/${this.lastSelected}/snapshot"
                          >${LANGUAGES.find((l) => l.lang === this.language)?.openSnapshot ?? LANGUAGES[0].openSnapshot}</a
                        >`
                      : ''
                  }
                </okr-sessions>
              </div>`
            : this.#renderSession()
        }
      </main>
    </okr-provider>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-app': DemoApp;
  }
}
