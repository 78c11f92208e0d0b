import type { Session, Transition } from '@okrkit/core';
import { html, type TemplateResult } from 'lit';
import type { OkrStrings } from '../strings.js';

/** What the drawer's confirmation step asks about. */
export type Confirmation =
  | { readonly kind: 'transition'; readonly transition: Transition }
  | { readonly kind: 'discard' };

/** What the confirmation dialog is shown with, and what its buttons do. */
export interface ConfirmContext {
  readonly s: OkrStrings;
  readonly session: Session | undefined;
  readonly confirmation: Confirmation | undefined;
  readonly onClose: () => void;
  readonly onReject: () => void;
  readonly onAccept: () => void;
}

/**
 * The confirmation of a lifecycle step (what it will do) or of discarding unsaved edits:
 * an alert dialog whose safe choice has the focus when the step is destructive.
 */
export function confirmDialog(c: ConfirmContext): TemplateResult {
  const { s, session, confirmation } = c;
  const title =
    !confirmation || !session
      ? ''
      : confirmation.kind === 'discard'
        ? s.unsavedTitle
        : s.transitionTitles[confirmation.transition](session.title);
  const body = !confirmation
    ? ''
    : confirmation.kind === 'discard'
      ? s.unsavedBody
      : s.transitionBodies[confirmation.transition];
  const accept = !confirmation
    ? ''
    : confirmation.kind === 'discard'
      ? s.discard
      : s.transitions[confirmation.transition];
  const reject = confirmation?.kind === 'discard' ? s.keepEditing : s.cancel;
  const danger =
    confirmation?.kind === 'discard' || (confirmation?.kind === 'transition' && confirmation.transition === 'close');
  return html`<dialog
    class="confirm"
    part="confirm"
    role="alertdialog"
    aria-labelledby="confirm-title"
    aria-describedby="confirm-body"
    @close=${c.onClose}
  >
    <div class="dialog-header"><h2 id="confirm-title">${title}</h2></div>
    <div class="dialog-body"><p id="confirm-body">${body}</p></div>
    <div class="dialog-footer">
      <button type="button" class="button" id="confirm-cancel" ?autofocus=${danger} @click=${c.onReject}>
        ${reject}
      </button>
      <button type="button" class="button ${danger ? 'danger' : 'primary'}" id="confirm-accept" ?autofocus=${!danger} @click=${c.onAccept}>
        ${accept}
      </button>
    </div>
  </dialog>`;
}
