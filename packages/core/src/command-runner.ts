import { validateActor } from './actor.js';
import { CommandGroups, type Settled } from './command-groups.js';
import { allow, CommandPlanner, type Job } from './command-planner.js';
import { loadCommands, prefetchCommands } from './command-table.js';
import type { Command } from './command-types.js';
import type { CommandType, CreatingCommand, IdKind, SessionCommand } from './commands.js';
import { OkrError } from './errors.js';
import { type EntryDraft, headerOf, type JournalEntry, replay, type Session, withIdentity } from './journal.js';
import { LinkedReads } from './linked-reads.js';
import type { LiveSessions } from './live-sessions.js';
import type { Actor, SessionHeader } from './model.js';
import { invalid } from './session-rules.js';
import type { AppendCause, GroupedCause } from './storage/adapter.js';
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

/** A session command done: the session after it, and the entries it planned. */
interface Done {
  readonly session: Session;
  readonly drafts: readonly EntryDraft[];
}

/** A group's write failed for a reason of its own: its commands run again, one by one. */
const ONE_BY_ONE = Symbol('one by one');

/**
 * The one path every command takes, for any actor: check the command's form and fill in
 * the ids it creates, validate its arguments, then in the session's queue: load the live
 * state, decide (permission and lifecycle) on every action it needs, plan the entries
 * against that state, fold them (which proves they apply), append with a
 * compare-and-swap on the head, notify. A conflict (someone else wrote first) runs the
 * command again on fresh state. A refused command appends nothing. Over a storage that
 * `groupsCommands`, the commands that queue on a session while its last write is on its
 * way are planned in turn and appended together (`CommandGroups`): one write for many.
 */
export class CommandRunner {
  readonly #sessions: LiveSessions;
  readonly #options: CommandRunnerOptions;

  readonly #groups: CommandGroups<Job, Done>;
  readonly #planner: CommandPlanner;

  constructor(sessions: LiveSessions, options: CommandRunnerOptions) {
    this.#sessions = sessions;
    this.#options = options;
    this.#planner = new CommandPlanner(sessions, options);
    this.#groups = new CommandGroups(
      (id, work) => sessions.serially(id, work),
      (id, jobs) => this.#attempt(id, jobs),
    );
    prefetchCommands();
  }

  async execute(command: unknown, actor: Actor, writtenAt?: unknown, tag?: unknown): Promise<Executed> {
    validateActor(actor);
    if (!isRecord(command)) throw invalid('command', 'A command is an object { type, sessionId, args }.');
    const written = writtenAtOf(writtenAt);
    const { rowOf } = await loadCommands();
    const row = rowOf(command.type);
    if (!row) throw invalid('type', `Unknown command type ${JSON.stringify(command.type)}.`);
    const type = command.type as CommandType;
    const { args, idsMadeHere } = this.#complete(row.creates ? undefined : row.makes, command.args);
    const validated = row.validate(args);
    if (row.creates) {
      const done = { type, args } as Command;
      const cause: AppendCause = { command: done, actor, ...(tag === undefined ? {} : { tag }) };
      const session = await this.#create(row as CreatingCommand<unknown>, validated, cause, written);
      return { command: done, session, value: session };
    }
    const sessionId = command.sessionId;
    if (typeof sessionId !== 'string' || sessionId === '')
      throw invalid('sessionId', 'The command needs the id of its session (e.g. SE-01001).');
    const done = { type, sessionId, args } as Command;
    const sessionRow = row as SessionCommand<unknown, unknown>;
    const cause: AppendCause = { command: done, actor, ...(tag === undefined ? {} : { tag }) };
    const job: Job = { row: sessionRow, args: validated, cause, made: { idsMadeHere, writtenAt: written } };
    // A command that reads other sessions' rules writes with the links version: on its own
    // (one whose plan turns out to read them runs its group one by one).
    const alone = !this.#sessions.storage.groupsCommands || Boolean(sessionRow.links?.(validated));
    const { session, drafts } = await this.#groups.add(sessionId, job, alone);
    return { command: done, session, value: sessionRow.result(session, validated, drafts) };
  }

  /** Fills in the id a command creates when the caller gave none (a replayed command keeps the ids it was first given). */
  #complete(
    makes: { field: string; kind: IdKind } | undefined,
    args: unknown,
  ): { args: unknown; idsMadeHere: boolean } {
    if (!makes || !isRecord(args) || args[makes.field] !== undefined) return { args, idsMadeHere: false };
    return { args: { ...args, [makes.field]: this.#options.makeId(makes.kind) }, idsMadeHere: true };
  }

  /**
   * Runs `jobs` (commands of session `id`, in order) until their write lands or is refused:
   * a lost race plans them again on fresh state; a group whose write fails otherwise runs
   * again one command at a time, so that each gets its own answer (one whose result the
   * server kept already, say, must not take the others down with it).
   */
  async #attempt(id: string, jobs: readonly Job[]): Promise<readonly Settled<Done>[]> {
    const storage = this.#sessions.storage;
    for (let attempt = 0; ; attempt++) {
      // Each attempt asks the storage for the session's lock anew: one that lost a race queues the next one.
      const once = () => this.#once(id, jobs, attempt);
      const done = await (storage.exclusive ? storage.exclusive(id, once) : once());
      if (done === ONE_BY_ONE) {
        const settled: Settled<Done>[] = [];
        for (const job of jobs) {
          try {
            settled.push(...(await this.#attempt(id, [job])));
          } catch (error) {
            settled.push({ ok: false, error });
          }
        }
        return settled;
      }
      if (done) return done;
    }
  }

  /**
   * One load, plan and append of `jobs`: each planned on the state the one before leaves
   * (a refused one changes nothing and is answered with its error), their entries written
   * in one append. Undefined when another writer got there first and a retry is due.
   */
  async #once(
    id: string,
    jobs: readonly Job[],
    attempt: number,
  ): Promise<readonly Settled<Done>[] | typeof ONE_BY_ONE | undefined> {
    const session = await this.#sessions.load(id, attempt > 0);
    let state = session;
    const settled: Settled<Done>[] = [];
    const entries: JournalEntry[] = [];
    const group: GroupedCause[] = [];
    let links: number | undefined;
    for (const job of jobs) {
      try {
        const planned = await this.#planner.plan(job, state);
        settled.push({ ok: true, value: { session: planned.next ?? state, drafts: planned.drafts } });
        if (!planned.next) continue;
        // A plan that read other sessions' rules writes with the links version: alone.
        if (planned.links !== undefined && jobs.length > 1) return ONE_BY_ONE;
        entries.push(...planned.entries);
        state = planned.next;
        group.push({ ...job.cause, madeAt: planned.madeAt, head: state.head });
        links = planned.links;
      } catch (error) {
        settled.push({ ok: false, error });
      }
    }
    if (entries.length === 0) return settled;
    const [first] = group as [GroupedCause];
    const { head: _head, ...alone } = first;
    const cause: AppendCause = group.length === 1 ? alone : { ...alone, group };
    try {
      await this.#sessions.guard(
        () => this.#sessions.storage.append(id, session.head, entries, headerOf(state), links, cause),
        'save the change',
      );
    } catch (error) {
      if (this.#retry(error, attempt)) return undefined;
      if (group.length > 1) return ONE_BY_ONE;
      throw error;
    }
    this.#sessions.accepted(state, entries);
    return settled;
  }

  #create(
    row: CreatingCommand<unknown>,
    args: unknown,
    cause: AppendCause,
    writtenAt: string | undefined,
  ): Promise<Session> {
    const { actor } = cause;
    allow(this.#planner.decideAll(actor, row.actions(args)));
    return this.#sessions.creating(async () => {
      for (let attempt = 0; ; attempt++) {
        // A session created under a parent planned on the links version: one that moved plans again.
        const linked = new LinkedReads(this.#sessions);
        const context = this.#planner.context(actor, undefined, true, linked, writtenAt);
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
