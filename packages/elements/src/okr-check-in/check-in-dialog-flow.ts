import type { ReactiveControllerHost } from 'lit';
import { OkrCheckInCloseEvent } from '../events/okr-check-in-close-event.js';

/** What the flow needs of `<okr-check-in>`. */
export interface CheckInDialogHost extends ReactiveControllerHost, HTMLElement {
  open: boolean;
  /** The "Discard this check-in?" question is open. */
  confirmingDiscard: boolean;
  readonly keyResultId: string;
  readonly dialog: HTMLDialogElement | null;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the flow needs of the form. */
export interface CheckInDialogForm {
  /** Closing now would throw away what the person entered. */
  readonly dirty: () => boolean;
  /** Back to a fresh form: no draft, no correction, no errors. */
  readonly reset: () => void;
}

/** The deepest focused element, through shadow roots: where focus returns on close. */
function deepActiveElement(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * How `<okr-check-in>`'s modal dialog opens and closes: it shows the modal when `open`
 * becomes true and puts focus on the value, asks before Escape or ✕ throws away a
 * half-filled check-in, tells a person's close (which fires `okr-check-in-close`) from the
 * host's (which fires nothing), and gives focus back to where it was. The element renders
 * the dialogs and binds these handlers (arrow functions, so that `this` stays the flow).
 */
export class CheckInDialogFlow {
  readonly #host: CheckInDialogHost;
  readonly #form: CheckInDialogForm;
  #returnFocus: HTMLElement | null = null;
  #closedByUser = false;
  #closedByHost = false;
  /** Focus goes to the value as soon as the form is there (it may load after the dialog opened). */
  #focusValue = false;

  constructor(host: CheckInDialogHost, form: CheckInDialogForm) {
    this.#host = host;
    this.#form = form;
  }

  /** After each update of the host: follows `open` (when it changed) with the dialog. */
  updated(openChanged: boolean): void {
    const host = this.#host;
    const dialog = host.dialog;
    if (this.#focusValue && dialog?.open) this.#focusValueOnce();
    if (!dialog || !openChanged) return;
    if (host.open && !dialog.open) {
      this.#returnFocus = deepActiveElement();
      this.#focusValue = true;
      dialog.showModal();
      this.#focusValueOnce();
    } else if (!host.open && dialog.open) {
      // The host closed it: finish now. The dialog's close event comes a task later,
      // possibly after the host has opened it again; it must not count as Escape.
      this.#closedByHost = true;
      dialog.close();
      this.#finishClose(false);
    }
  }

  /** Puts focus on the value (what a person checking in types first), once the form is there. */
  #focusValueOnce(): void {
    const root = this.#host.renderRoot;
    const value =
      root.querySelector<HTMLElement>('form [name=value]:checked') ??
      root.querySelector<HTMLElement>('form [name=value]');
    if (!value) return;
    this.#focusValue = false;
    value.focus();
  }

  /** ✕: closes, but asks first when it would throw away what the person entered. */
  readonly closeButton = (): void => {
    if (this.#form.dirty()) void this.#askDiscard();
    else this.closeByUser();
  };

  /** Escape: the same question as ✕ (the browser would otherwise close the dialog and lose the draft). */
  readonly dialogCancel = (event: Event): void => {
    if (event.target !== this.#host.dialog) return;
    if (this.#form.dirty()) {
      event.preventDefault();
      void this.#askDiscard();
    }
  };

  async #askDiscard(): Promise<void> {
    const host = this.#host;
    host.confirmingDiscard = true;
    await host.updateComplete;
    const confirm = this.#confirm;
    if (confirm && !confirm.open) confirm.showModal();
    // The safe answer has focus: Enter keeps the draft.
    host.renderRoot.querySelector<HTMLElement>('#ci-keep')?.focus();
  }

  get #confirm(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
  }

  /** "Keep editing": closes the question, which then returns to the form. */
  readonly keepEditing = (): void => {
    this.#confirm?.close();
  };

  /** The question closed (Keep editing, Escape, or Discard): back to the form unless discarded. */
  readonly confirmClosed = async (): Promise<void> => {
    const host = this.#host;
    if (!host.confirmingDiscard) return;
    host.confirmingDiscard = false;
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('form [name=value]')?.focus();
  };

  readonly discard = (): void => {
    this.#host.confirmingDiscard = false;
    this.#confirm?.close();
    this.closeByUser();
  };

  /** The person closed it (Cancel, ✕, saving): finish at once, so `open` and the event do not wait for the dialog's close task. */
  readonly closeByUser = (): void => {
    this.#closedByUser = true;
    this.#finishClose(true);
    this.#host.dialog?.close();
  };

  /** The dialog closed by itself: Escape (a person's act). Closes made by the element or the host are finished already. */
  readonly dialogClosed = (): void => {
    if (this.#closedByUser || this.#closedByHost) {
      this.#closedByUser = false;
      this.#closedByHost = false;
      return;
    }
    this.#finishClose(this.#host.open);
  };

  #finishClose(byUser: boolean): void {
    const host = this.#host;
    host.open = false;
    this.#form.reset();
    if (byUser) host.dispatchEvent(new OkrCheckInCloseEvent(host.keyResultId));
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (target?.isConnected) target.focus();
  }
}
