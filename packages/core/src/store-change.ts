import type { Session } from './journal.js';
import type { SessionHeader } from './model.js';

/**
 * What a store tells its subscribers, carrying what changed so that nobody has to ask again:
 * - `session`: a session the store holds changed; `session` is its new live state.
 *   `origin` is `local` for commands through this store, `remote` for changes made
 *   elsewhere (another tab, process or server instance).
 * - `header`: a session the store holds no state for changed elsewhere (or was created).
 * - `removed`: a session was deleted.
 * - `actor`: the store acts for someone else now (what they may see and do changed).
 */
export type StoreChange =
  | { readonly type: 'session'; readonly session: Session; readonly origin: 'local' | 'remote' }
  | { readonly type: 'header'; readonly header: SessionHeader }
  | { readonly type: 'removed'; readonly sessionId: string }
  | { readonly type: 'actor' };

/** The session a notice is about, or undefined for `actor` notices (which concern every session). */
export function changedSessionId(change: StoreChange): string | undefined {
  switch (change.type) {
    case 'session':
      return change.session.id;
    case 'header':
      return change.header.id;
    case 'removed':
      return change.sessionId;
    default:
      return undefined;
  }
}
