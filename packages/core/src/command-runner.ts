import type { Action } from './actions.js';
import { validateActor } from './actor.js';
import type { Command } from './command-types.js';
import {
  type CommandContext,
  type CommandType,
  type CreatingCommand,
  type IdKind,
  rowOf,
  type SessionCommand,
} from './commands.js';
import { OkrError } from './errors.js';
import { type EntryDraft, headerOf, type JournalEntry, replay, type Session, withIdentity } from './journal.js';
import { LinkedReads } from './linked-reads.js';
import type { LiveSessions } from './live-sessions.js';
import type { Actor, SessionHeader } from './model.js';
import { type Decision, decide } from './policy.js';
import { invalid } from './session-rules.js';
import type { AppendCause } from './storage/adapter.js';
import { isRecord, shown } from './validate.js';

export interface CommandRunnerOptions {
  readonly clock: () => Date;
  readonly timeZone: string;
  readonly retries: number;
  readonly makeId: (kind: IdKind) => string;
}

/** What a command did: the command as run (with the ids the store filled in), the session after it, and its result. */
export interface Executed<R = unknown> {
  readonly command: Command;
  readonly session: Session | undefined;
  readonly value: R;
}

/**
 * The one path every command takes, for any actor: check the command's form and fill in
 * the ids it creates, validate its arguments, then in the session's queue: load the live
 * state, decide (permission and lifecycle) on every action it needs, plan the entries
 * against that state, fold them (which proves they apply), append with a
 * compare-and-swap on the head, notify. A conflict (someone else wrote first) runs the
 * command again on fresh state. A refused command appends nothing.
 */
export class CommandRunner {
  readonly #sessions: LiveSessions;
  readonly #options: CommandRunnerOptions;

  constructor(sessions: LiveSessions, options: CommandRunnerOptions) {
    this.#sessions = sessions;
    this.#options = options;
  }

  async execute(command: unknown, actor: Actor, writtenAt?: unknown): Promise<Executed> {
    validateActor(actor);
    if (!isRecord(command)) throw invalid('command', 'A command is an object { type, sessionId, args }.');
    const written = writtenAtOf(writtenAt);
    const row = rowOf(command.type);
    if (!row) throw invalid('type', `Unknown command type ${JSON.stringify(command.type)}.`);
    const type = command.type as CommandType;
    const { args, idsMadeHere } = this.#complete(row.creates ? undefined : row.makes, command.args);
    const validated = row.validate(args);
    if (row.creates) {
      const done = { type, args } as Command;
      const session = await this.#create(row as CreatingCommand<unknown>, validated, { command: done, actor }, written);
      return { command: done, session, value: session };
    }
    const sessionId = command.sessionId;
    if (typeof sessionId !== 'string' || sessionId === '')
      throw invalid('sessionId', 'The command needs the id of its session (e.g. SE-01001).');
    const done = { type, sessionId, args } as Command;
    const sessionRow = row as SessionCommand<unknown, unknown>;
    return this.#sessions.serially(sessionId, async () => {
      const cause = { command: done, actor };
      const { session, drafts } = await this.#attempt(sessionRow, sessionId, validated, cause, idsMadeHere, written);
      return { command: done, session, value: sessionRow.result(session, validated, drafts) };
    });
  }

  /** Whether `actor` may take every action in `actions` on `session`, and if not, the first refusal. */
  #decideAll(
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

  /** Fills in the id a command creates when the caller gave none (a replayed command keeps the ids it was first given). */
  #complete(
    makes: { field: string; kind: IdKind } | undefined,
    args: unknown,
  ): { args: unknown; idsMadeHere: boolean } {
    if (!makes || !isRecord(args) || args[makes.field] !== undefined) return { args, idsMadeHere: false };
    return { args: { ...args, [makes.field]: this.#options.makeId(makes.kind) }, idsMadeHere: true };
  }

  /** What a row may look up; its looks at other sessions go through `linked`, which reads the links version first. */
  #context(
    actor: Actor,
    session: Session | undefined,
    idsMadeHere: boolean,
    linked: LinkedReads,
    writtenAt: string | undefined,
  ): CommandContext {
    const sessions = this.#sessions;
    return {
      actor,
      now: this.#options.clock(),
      ...(writtenAt === undefined ? {} : { writtenAt }),
      timeZone: this.#options.timeZone,
      idsMadeHere,
      headers: () => linked.headers(),
      visible: (id, who) => linked.visible(id, who),
      ids: () => {
        if (!session) throw new OkrError('invalid-input', 'There is no session to look up ids in.');
        return sessions.ids(session);
      },
    };
  }

  async #attempt(
    row: SessionCommand<unknown, unknown>,
    id: string,
    args: unknown,
    cause: AppendCause,
    idsMadeHere: boolean,
    writtenAt: string | undefined,
  ): Promise<{ session: Session; drafts: readonly EntryDraft[] }> {
    const storage = this.#sessions.storage;
    for (let attempt = 0; ; attempt++) {
      // Each attempt asks the storage for the session's lock anew: one that lost a race queues the next one.
      const once = () => this.#once(row, id, args, cause, { idsMadeHere, writtenAt }, attempt);
      const done = await (storage.exclusive ? storage.exclusive(id, once) : once());
      if (done) return done;
    }
  }

  /** One load, plan and append; undefined when another writer got there first and a retry is due. */
  async #once(
    row: SessionCommand<unknown, unknown>,
    id: string,
    args: unknown,
    cause: AppendCause,
    made: { readonly idsMadeHere: boolean; readonly writtenAt: string | undefined },
    attempt: number,
  ): Promise<{ session: Session; drafts: readonly EntryDraft[] } | undefined> {
    const { actor } = cause;
    const session = await this.#sessions.load(id, attempt > 0);
    const linked = new LinkedReads(this.#sessions);
    const context = this.#context(actor, session, made.idsMadeHere, linked, made.writtenAt);
    const actions = row.actions(args);
    // Whether the actor may see the session comes first: owners are looked up only for those who may.
    allow(this.#decideAll(actor, ['session.view'], session));
    const owners = row.owners ? await row.owners(session, args, context) : undefined;
    allow(this.#decideAll(actor, actions, session, owners));
    if (row.links?.(args)) await linked.version();
    const drafts = await row.plan(session, args, context);
    if (drafts.length === 0) return { session, drafts };
    const { entries, now } = this.#record(session, drafts, actor);
    const next = replay(session, entries, session) as Session;
    const links = await linked.planned;
    const because = { ...cause, madeAt: made.writtenAt ?? now };
    try {
      await this.#sessions.guard(
        () => this.#sessions.storage.append(id, session.head, entries, headerOf(next), links, because),
        'save the change',
      );
    } catch (error) {
      if (this.#retry(error, attempt)) return undefined;
      throw error;
    }
    this.#sessions.accepted(next, entries);
    return { session: next, drafts };
  }

  #create(
    row: CreatingCommand<unknown>,
    args: unknown,
    cause: AppendCause,
    writtenAt: string | undefined,
  ): Promise<Session> {
    const { actor } = cause;
    allow(this.#decideAll(actor, row.actions(args)));
    return this.#sessions.creating(async () => {
      for (let attempt = 0; ; attempt++) {
        // A session created under a parent planned on the links version: one that moved plans again.
        const linked = new LinkedReads(this.#sessions);
        const context = this.#context(actor, undefined, true, linked, writtenAt);
        const { entries, folded } = await row.plan(args, context);
        const because = { ...cause, madeAt: writtenAt ?? context.now.toISOString() };
        // One fold of the new journal (the import's check made one already): storage gives it its identity.
        const draft = folded ?? (replay({ id: '', number: 0 }, entries) as Session);
        const { id: _id, number: _number, ...header } = headerOf(draft);
        const links = await linked.planned;
        let stored: SessionHeader;
        try {
          stored = await this.#sessions.guard(
            () => this.#sessions.storage.createSession(header, entries, links, because),
            'create the session',
          );
        } catch (error) {
          if (this.#retry(error, attempt)) continue;
          throw error;
        }
        const session = withIdentity(draft, stored);
        this.#sessions.accepted(session, entries);
        return session;
      }
    });
  }

  /** Whether a failed write lost a race (to the session's head or the links version) and has an attempt left. */
  #retry(error: unknown, attempt: number): boolean {
    return error instanceof OkrError && error.code === 'conflict' && attempt < this.#options.retries;
  }

  /**
   * Gives drafts their seq, instant and actor. Instants never go back in time; `now` is the
   * clock's reading as it was (the person's time, for a command that waits in an outbox).
   */
  #record(session: Session, drafts: readonly EntryDraft[], actor: Actor): { entries: JournalEntry[]; now: string } {
    const now = this.#options.clock().toISOString();
    const at = now < session.changedAt ? session.changedAt : now;
    const entries = drafts.map(
      (draft, i) => ({ ...draft, seq: session.head + 1 + i, at, actor: actor.id }) as JournalEntry,
    );
    return { entries, now };
  }
}

/** `execute`'s `writtenAt`: a Date or an ISO instant, as a canonical ISO instant. */
function writtenAtOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms) || (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}T/.test(value)))
    throw invalid(
      'writtenAt',
      `writtenAt is the time the person made the command, an ISO instant; not ${shown(value)}.`,
    );
  return new Date(ms).toISOString();
}

function allow(decision: Decision): void {
  if (!decision.allowed) throw new OkrError(decision.code ?? 'not-allowed', decision.reason);
}
