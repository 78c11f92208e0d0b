import { OkrError } from '@okrkit/core';

/**
 * Something a person asked for failed (storage, permission, conflict, ...). The element
 * also shows the problem; this lets the host log or report it. `detail` is the `OkrError`.
 */
export class OkrErrorEvent extends Event {
  static readonly eventName = 'okr-error';
  /** The error, with its `code` and a message a person can act on. */
  readonly detail: OkrError;

  constructor(error: OkrError) {
    super(OkrErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = error;
  }

  get error(): OkrError {
    return this.detail;
  }
}

/** Anything caught to an `OkrError` (unexpected throws become code `storage`, keeping the cause). */
export function toOkrError(error: unknown): OkrError {
  if (error instanceof OkrError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OkrError('storage', message, { cause: error });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-error': OkrErrorEvent;
  }
}
