import type { LiveSessions } from './live-sessions.js';
import type { Actor, SessionHeader } from './model.js';
import type { RelatedSessions } from './session-rules.js';

/**
 * What one attempt of a command read beyond its own session, and the storage's links
 * version it read it at. The version is read once, before the first look at another
 * session (and before planning a command that could break another session's rules), so
 * that whatever the plan saw is at least as new as that version; the write then hands it
 * to storage, which compares-and-swaps it with the session head. A command that looks at
 * no other session reads no version, and its write neither checks nor raises it.
 */
export class LinkedReads implements RelatedSessions {
  readonly #sessions: LiveSessions;
  #version: Promise<number> | undefined;

  constructor(sessions: LiveSessions) {
    this.#sessions = sessions;
  }

  /** The links version this attempt plans on, read from storage on first use. */
  version(): Promise<number> {
    this.#version ??= this.#sessions.guard(() => this.#sessions.storage.linksVersion(), 'read the links version');
    return this.#version;
  }

  /** The version to hand to the write: undefined when nothing linked was read. */
  get planned(): Promise<number> | undefined {
    return this.#version;
  }

  async headers(): Promise<readonly SessionHeader[]> {
    await this.version();
    return this.#sessions.headers();
  }

  /** Another session, caught up with storage: a cached fold could be older than the version read. */
  async visible(id: string, actor: Actor): Promise<import('./journal.js').Session | undefined> {
    await this.version();
    return this.#sessions.visible(id, actor, true);
  }
}
