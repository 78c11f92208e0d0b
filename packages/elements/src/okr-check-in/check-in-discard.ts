import { html, nothing, type TemplateResult } from 'lit';
import type { CheckInDialogFlow } from './check-in-dialog-flow.js';
import type { CheckInView } from './check-in-view.js';

/**
 * Asks before a half-filled check-in is thrown away; "Keep editing" is the default answer.
 * The dialog is always there (`CheckInDialogFlow` opens it as a modal); its content only
 * while the question is asked.
 */
export function discardQuestion(
  view: CheckInView,
  asking: boolean,
  flow: Pick<CheckInDialogFlow, 'keepEditing' | 'discard' | 'confirmClosed'>,
): TemplateResult {
  const { s } = view;
  return html`<dialog
      class="confirm"
      role="alertdialog"
      aria-labelledby="ci-confirm-title"
      aria-describedby="ci-confirm-body"
      @close=${flow.confirmClosed}
    >
      ${
        asking
          ? html`<div class="dialog-header"><h2 id="ci-confirm-title">${s.discardCheckInTitle}</h2></div>
            <div class="dialog-body"><p id="ci-confirm-body">${s.discardCheckInBody}</p></div>
            <div class="dialog-footer">
              <button type="button" class="button" id="ci-keep" autofocus @click=${flow.keepEditing}>
                ${s.keepEditing}
              </button>
              <button type="button" class="button danger" id="ci-discard" @click=${flow.discard}>${s.discardCheckIn}</button>
            </div>`
          : nothing
      }
    </dialog>`;
}
