import type { Action } from './actions.js';
import type { CommandContext, SessionCommand } from './commands.js';
import { OkrError } from './errors.js';
import { type EntryDraft, type JournalEntry, replay, type Session } from './journal.js';
import { LinkedReads } from './linked-reads.js';
import type { LiveSessions } from './live-sessions.js';
import type { Actor } from './model.js';
import { type Decision, decide } from './policy.js';
import type { AppendCause } from './storage/adapter.js';

/** A session command on its way to its session's queue. */
export interface Job {
  readonly row: SessionCommand<unknown, unknown>;
  readonly args: unknown;
  readonly cause: AppendCause;
  readonly made: { readonly idsMadeHere: boolean; readonly writtenAt: string | undefined };
}

/** One command planned: nothing to write, or its entries, the state after them, when it was made and the links version it read. */
export type Planned =
  | { readonly drafts: readonly EntryDraft[]; readonly next?: undefined }
  | {
      readonly drafts: readonly EntryDraft[];
      readonly entries: readonly JournalEntry[];
      readonly next: Session;
      readonly madeAt: string;
      readonly links?: number;
    };

/**
 * How a command is decided and planned on a state, before anything is written: whether
 * the actor may take its actions (on the session, on the owners it touches), what it may
 * look up, and the entries it makes with their seq, instant and actor. The runner calls
 * it once per command, on the state the command before it in the session left.
 */
export class CommandPlanner {
  readonly #sessions: LiveSessions;
  readonly #clock: () => Date;
  readonly #timeZone: string;

  constructor(sessions: LiveSessions, options: { readonly clock: () => Date; readonly timeZone: string }) {
    this.#sessions = sessions;
    this.#clock = options.clock;
    this.#timeZone = options.timeZone;
  }

  /** Whether `actor` may take every action in `actions` on `session`, and if not, the first refusal. */
  decideAll(
    actor: Actor,
    actions: readonly Action[],
    session?: Session,
    owners?: readonly (string | undefined)[],
  ): Decision {
    const target = { ...(session ? { session } : {}), ...(owners ? { owners } : {}) };
    for (const action of actions) {
      const decision = decide(actor, action, target);
      if (!decision.allowed) return decision;
    }
    return { allowed: true, reason: 'Allowed.' };
  }

  /** What a row may look up; its looks at other sessions go through `linked`, which reads the links version first. */
  context(
    actor: Actor,
    session: Session | undefined,
    idsMadeHere: boolean,
    linked: LinkedReads,
    writtenAt: string | undefined,
  ): CommandContext {
    const sessions = this.#sessions;
    return {
      actor,
      now: this.#clock(),
      ...(writtenAt === undefined ? {} : { writtenAt }),
      timeZone: this.#timeZone,
      idsMadeHere,
      headers: () => linked.headers(),
      visible: (id, who) => linked.visible(id, who),
      ids: () => {
        if (!session) throw new OkrError('invalid-input', 'There is no session to look up ids in.');
        return sessions.ids(session);
      },
    };
  }

  /**
   * Decides and plans one command on `session`: its entries and the state after them
   * (undefined when it changes nothing). Throws the command's refusal.
   */
  async plan(job: Job, session: Session): Promise<Planned> {
    const { row, args, cause, made } = job;
    const { actor } = cause;
    const linked = new LinkedReads(this.#sessions);
    const context = this.context(actor, session, made.idsMadeHere, linked, made.writtenAt);
    const actions = row.actions(args);
    // Whether the actor may see the session comes first: owners are looked up only for those who may.
    allow(this.decideAll(actor, ['session.view'], session));
    const owners = row.owners ? await row.owners(session, args, context) : undefined;
    allow(this.decideAll(actor, actions, session, owners));
    if (row.links?.(args)) await linked.version();
    const drafts = await row.plan(session, args, context);
    if (drafts.length === 0) return { drafts };
    const { entries, now } = this.record(session, drafts, actor);
    const next = replay(session, entries, session) as Session;
    const links = await linked.planned;
    return { drafts, entries, next, madeAt: made.writtenAt ?? now, ...(links === undefined ? {} : { links }) };
  }

  /**
   * Gives drafts their seq, instant and actor. Instants never go back in time; `now` is the
   * clock's reading as it was (the person's time, for a command that waits in an outbox).
   */
  record(session: Session, drafts: readonly EntryDraft[], actor: Actor): { entries: JournalEntry[]; now: string } {
    const now = this.#clock().toISOString();
    const at = now < session.changedAt ? session.changedAt : now;
    const entries = drafts.map(
      (draft, i) => ({ ...draft, seq: session.head + 1 + i, at, actor: actor.id }) as JournalEntry,
    );
    return { entries, now };
  }
}

export function allow(decision: Decision): void {
  if (!decision.allowed) throw new OkrError(decision.code ?? 'not-allowed', decision.reason);
}
