import type { Transition } from '@okrkit/core';
import { html, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { iconChevronDown } from '../icons.js';
import type { OkrStrings } from '../strings.js';

/**
 * The drawer's lifecycle menu ("Actions": start, close, reopen, unlock), after the WAI-ARIA
 * menu button pattern: the button opens it (ArrowDown on its first item, ArrowUp on its
 * last); the arrows, Home and End move between items; Escape closes it and puts focus back
 * on the button; Tab, or focus leaving it, closes it.
 */
export class TransitionMenu implements ReactiveController {
  readonly #host: LitElement;
  readonly #choose: (transition: Transition) => void;
  #open = false;

  /** `choose` is called with the transition picked (the menu is closed by then). */
  constructor(host: LitElement, choose: (transition: Transition) => void) {
    this.#host = host;
    this.#choose = choose;
    host.addController(this);
  }

  hostConnected(): void {}

  get open(): boolean {
    return this.#open;
  }

  set open(open: boolean) {
    if (open === this.#open) return;
    this.#open = open;
    this.#host.requestUpdate();
  }

  /** Closes the menu; with `focusButton`, focus goes back to its button. */
  close(focusButton: boolean): void {
    this.open = false;
    if (focusButton) this.#button()?.focus();
  }

  render(s: OkrStrings, transitions: readonly Transition[]): TemplateResult {
    return html`<div class="menu-wrap" @focusout=${this.#onFocusOut}>
      <button
        id="actions-button"
        part="actions-button"
        class="button"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.#open ? 'true' : 'false'}
        aria-controls="actions-menu"
        @click=${this.#onButtonClick}
        @keydown=${this.#onButtonKeydown}
      >
        ${s.actions} ${iconChevronDown()}
      </button>
      <ul
        id="actions-menu"
        part="menu"
        role="menu"
        aria-labelledby="actions-button"
        ?hidden=${!this.#open}
        @keydown=${this.#onMenuKeydown}
      >
        ${transitions.map(
          (t) => html`<li role="none">
            <button
              role="menuitem"
              type="button"
              tabindex="-1"
              data-transition=${t}
              class=${t === 'close' ? 'danger' : ''}
              @click=${() => {
                this.open = false;
                this.#choose(t);
              }}
            >
              ${s.transitions[t]}
            </button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  async #show(focus: 'first' | 'last'): Promise<void> {
    this.open = true;
    await this.#host.updateComplete;
    const items = this.#items();
    items[focus === 'first' ? 0 : items.length - 1]?.focus();
  }

  #button(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('#actions-button');
  }

  #items(): HTMLElement[] {
    return [...this.#host.renderRoot.querySelectorAll<HTMLElement>('#actions-menu [role=menuitem]')];
  }

  readonly #onButtonClick = (): void => {
    if (this.#open) this.close(true);
    else void this.#show('first');
  };

  readonly #onButtonKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.#show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  readonly #onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.#items();
    const index = items.indexOf(event.target as HTMLElement);
    const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(items.length - 1);
        break;
      case 'Escape':
        event.stopPropagation();
        this.close(true);
        break;
      case 'Tab':
        this.open = false;
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  readonly #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    const wrap = event.currentTarget as HTMLElement;
    if (this.#open && (!next || !wrap.contains(next))) this.open = false;
  };
}
