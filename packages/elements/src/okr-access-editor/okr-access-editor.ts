import type { OkrStore, Session, StoreChange } from '@okrkit/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { defineElement } from '../define.js';
import { DisplayController } from '../display-controller.js';
import { OkrErrorEvent, toOkrError } from '../events/okr-error-event.js';
import { OkrSessionChangeEvent } from '../events/okr-session-change-event.js';
import { personName } from '../format.js';
import { personChip, personStyles } from '../person.js';
import { concerns, StoreController } from '../store-controller.js';
import { type OkrStrings, resolveStrings } from '../strings.js';
import { theme } from '../theme.styles.js';
import {
  type AccessDraft,
  AUDIENCE_KEYS,
  type AudienceKey,
  accessOf,
  choicesOf,
  draftOf,
  sameAccess,
  toggled,
} from './access-draft.js';
import { styles } from './okr-access-editor.styles.js';

/**
 * Who may view a session and who may edit its OKRs: everyone, or chosen teams and
 * people. Saves through `updateSession` (one command, both audiences at once). Renders
 * nothing for people the core would not let change a session's access
 * (`store.can('session.editAccess', session)`), so it can be placed unconditionally.
 *
 * @summary The access editor of a session: view versus edit, everyone, teams or people.
 *
 * @event okr-session-change - A person saved the access; fired after the store saved it. `.session`.
 * @event okr-error - Loading or saving failed. `.detail` is the `OkrError`.
 *
 * @csspart base - The form.
 * @csspart audience - Each audience's fieldset (view, edit).
 * @csspart save-button - The Save button.
 *
 * @cssproperty --okr-color-text - Text colour.
 * @cssproperty --okr-color-text-muted - Hints.
 * @cssproperty --okr-color-border - Fieldset borders.
 * @cssproperty --okr-color-accent - The Save button.
 * @cssproperty --okr-space-s - Small gap.
 * @cssproperty --okr-space-m - Medium gap.
 */
export class OkrAccessEditor extends LitElement {
  static override styles = [theme, personStyles, styles];

  static override properties = {
    session: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    saving: { state: true, attribute: false },
    message: { state: true, attribute: false },
    status: { state: true, attribute: false },
    store: { attribute: false },
    sessionId: { attribute: 'session-id' },
    people: { attribute: false },
    teams: { attribute: false },
    strings: { attribute: false },
    locale: {},
  };

  /** @internal */
  declare session: Session | undefined;
  /** @internal */
  declare draft: AccessDraft | undefined;
  /** @internal */
  declare saving: boolean;
  /** @internal */
  declare message: string | undefined;
  /** @internal */
  declare status: string;

  /** The store; defaults to one from context (`<okr-provider>`), else the page's default store. */
  declare store: OkrStore | undefined;
  /** The session whose access is edited, e.g. `SE-01001`. */
  declare sessionId: string;
  /** Display names of people by id: the people offered. Ids already in the access lists are offered too. */
  declare people: Readonly<Record<string, string>>;
  /** Display names of teams by id (`{ sales: 'Sales' }`): the teams offered. */
  declare teams: Readonly<Record<string, string>>;
  /** Texts to replace, merged over the English defaults (see `OkrStrings`). */
  declare strings: Partial<OkrStrings> | undefined;
  /** BCP 47 locale for texts; wins over every `lang` (see the README's Languages). */
  declare locale: string | undefined;

  constructor() {
    super();
    this.saving = false;
    this.status = '';
    this.sessionId = '';
    this.people = {};
    this.teams = {};
  }

  readonly #display = new DisplayController(this);
  readonly #controller = new StoreController(this, (store, change) => void this.#load(store, change));
  #loads = 0;

  // ---- lifecycle ---------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') && changed.get('sessionId') !== undefined) {
      this.session = undefined;
      this.draft = undefined;
      void this.#load(this.#controller.store);
    }
  }

  async #load(store: OkrStore, change?: StoreChange): Promise<void> {
    if (!this.sessionId || (change && !concerns(change, this.sessionId))) return;
    const load = ++this.#loads;
    try {
      const session = await store.getSession(this.sessionId);
      if (load !== this.#loads) return;
      // A change made elsewhere replaces what is shown, unless the person is choosing.
      if (!this.#dirty) this.draft = undefined;
      this.session = session;
    } catch (error) {
      if (load !== this.#loads) return;
      this.session = undefined;
      this.dispatchEvent(new OkrErrorEvent(toOkrError(error)));
    }
  }

  get #dirty(): boolean {
    return (
      this.session !== undefined && this.draft !== undefined && !sameAccess(accessOf(this.draft), this.session.access)
    );
  }

  // ---- handlers ----------------------------------------------------------------------

  #current(): AccessDraft {
    return this.draft ?? draftOf(this.session?.access ?? { view: { everyone: true }, edit: { everyone: true } });
  }

  #setEveryone(key: AudienceKey, everyone: boolean): void {
    const draft = this.#current();
    this.draft = { ...draft, [key]: { ...draft[key], everyone } };
    this.status = '';
  }

  #toggle(key: AudienceKey, list: 'people' | 'teams', id: string, on: boolean): void {
    const draft = this.#current();
    this.draft = { ...draft, [key]: { ...draft[key], [list]: toggled(draft[key][list], id, on) } };
    this.status = '';
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const session = this.session;
    if (!session || !this.draft || this.saving) return;
    this.saving = true;
    this.message = undefined;
    try {
      const saved = await this.#controller.store.updateSession(session.id, { access: accessOf(this.draft) });
      this.session = saved;
      this.draft = undefined;
      this.status = this.#s.accessSaved;
      this.dispatchEvent(new OkrSessionChangeEvent(saved));
    } catch (error) {
      const okrError = toOkrError(error);
      this.message = okrError.message;
      this.dispatchEvent(new OkrErrorEvent(okrError));
    } finally {
      this.saving = false;
    }
  }

  // ---- render ------------------------------------------------------------------------

  get #s(): OkrStrings {
    return this.#display.strings(resolveStrings);
  }

  override render(): TemplateResult | typeof nothing {
    const session = this.session;
    if (!session || !this.#controller.store.can('session.editAccess', session)) return nothing;
    const s = this.#s;
    const draft = this.#current();
    return html`<form part="base" class="access" novalidate aria-labelledby="access-title" @submit=${this.#save}>
      <h3 id="access-title">${s.accessTitle}</h3>
      <p class="hint" id="access-hint">${s.accessHint}</p>
      ${AUDIENCE_KEYS.map((key) => this.#renderAudience(key, draft))}
      ${this.message ? html`<p class="alert" role="alert">${this.message}</p>` : nothing}
      <div class="form-actions">
        <button id="save-access" part="save-button" class="button primary" type="submit" ?disabled=${!this.#dirty || this.saving}>
          ${this.saving ? s.saving : s.saveAccess}
        </button>
        <p class="status" role="status">${this.status}</p>
      </div>
    </form>`;
  }

  #renderAudience(key: AudienceKey, draft: AccessDraft): TemplateResult {
    const s = this.#s;
    const audience = draft[key];
    const name = `audience-${key}`;
    const nobody = !audience.everyone && audience.people.length === 0 && audience.teams.length === 0;
    return html`<fieldset part="audience" class="audience" id="${name}">
      <legend>${key === 'view' ? s.whoMayView : s.whoMayEdit}</legend>
      <label class="choice"
        ><input type="radio" name=${name} value="everyone" .checked=${audience.everyone} @change=${() => this.#setEveryone(key, true)} />
        ${s.audienceEveryone}</label
      >
      <label class="choice"
        ><input type="radio" name=${name} value="chosen" .checked=${!audience.everyone} @change=${() => this.#setEveryone(key, false)} />
        ${s.audienceChosen}</label
      >
      ${
        audience.everyone
          ? nothing
          : html`<div class="lists">
              ${this.#renderList(key, 'teams', s.audienceTeams, choicesOf(this.teams, audience.teams), audience.teams)}
              ${this.#renderList(key, 'people', s.audiencePeople, choicesOf(this.people, audience.people), audience.people)}
              ${nobody ? html`<p class="hint">${s.audienceNobodyHint}</p>` : nothing}
            </div>`
      }
    </fieldset>`;
  }

  #renderList(
    key: AudienceKey,
    list: 'people' | 'teams',
    label: string,
    ids: readonly string[],
    chosen: readonly string[],
  ): TemplateResult | typeof nothing {
    if (ids.length === 0) return nothing;
    return html`<fieldset class="list" data-list=${list}>
      <legend>${label}</legend>
      <ul>
        ${ids.map(
          (id) => html`<li>
            <label class="choice"
              ><input
                type="checkbox"
                value=${id}
                .checked=${chosen.includes(id)}
                @change=${(e: Event) => this.#toggle(key, list, id, (e.target as HTMLInputElement).checked)}
              />
              ${list === 'people' ? personChip(this.people, id) : html`<bdi>${personName(this.teams, id)}</bdi>`}</label
            >
          </li>`,
        )}
      </ul>
    </fieldset>`;
  }
}

defineElement('okr-access-editor', OkrAccessEditor);

declare global {
  interface HTMLElementTagNameMap {
    'okr-access-editor': OkrAccessEditor;
  }
}
