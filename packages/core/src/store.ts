import type { Action, Transition } from './actions.js';
import { OkrError, storageError } from './errors.js';
import { parseSessionExport, sessionToJson } from './export.js';
import {
  applyEntry,
  type EntryDraft,
  headerOf,
  type JournalEntry,
  ReplayError,
  replay,
  type Session,
} from './journal.js';
import { TRANSITION_RULES, transitionTarget } from './lifecycle.js';
import type {
  Actor,
  Alignment,
  CheckIn,
  Initiative,
  KeyResult,
  Objective,
  SessionDetails,
  SessionHeader,
  SessionInput,
  SessionPatch,
} from './model.js';
import {
  type CheckInInput,
  type InitiativeInput,
  type InitiativePatch,
  type KeyResultInput,
  type KeyResultPatch,
  type KeyResultTargetInput,
  type ObjectiveInput,
  type ObjectivePatch,
  validateCheckIn,
  validateInitiative,
  validateInitiativePatch,
  validateKeyResult,
  validateKeyResultPatch,
  validateObjective,
  validateObjectivePatch,
  validateRetarget,
} from './okr-input.js';
import { type Decision, decide, type PermissionTarget } from './policy.js';
import { keyResultsOf, objectivesOf } from './progress.js';
import { type CurrentSessionsOptions, isCurrent, nextSessionInput, within } from './sessions.js';
import {
  type SeriesPoint,
  type SnapshotOptions,
  type SnapshotResult,
  seriesOf,
  sessionWeeks,
  snapshotOf,
} from './snapshot.js';
import type { StorageAdapter, StorageChange } from './storage/adapter.js';
import { memoryStorage } from './storage/memory.js';
import type { PeriodOptions } from './time.js';
import { hostTimeZone } from './time.js';
import { Timeline } from './timeline.js';
import { validateSessionDetails } from './validate.js';
import { groupByMonth, type MonthOfWeeks, parseWeek, type Week, weekAt } from './weeks.js';

export interface OkrStoreOptions {
  /** Where sessions are kept. Default: a new in-memory storage. */
  readonly storage?: StorageAdapter;
  /** Who acts through this store. Can be changed later with `setActor`. */
  readonly actor: Actor;
  /** Where recorded instants come from. Default: the system clock. */
  readonly clock?: () => Date;
  /** The time zone of new sessions when the input names none. Default: the host's. */
  readonly timeZone?: string;
  /** How often a command is retried on fresh state after a `conflict`. Default 3. */
  readonly retries?: number;
  /** Makes ids for new objectives, key results, initiatives and check-ins. Default: random. */
  readonly ids?: (kind: 'objective' | 'keyResult' | 'initiative' | 'checkIn') => string;
}

/** One check-in in a key result's history, and how it relates to corrections. */
export interface CheckInHistoryItem {
  readonly checkIn: CheckIn;
  /** Whether it counts (false once a correction supersedes it). */
  readonly counts: boolean;
  /** The correction that supersedes it. */
  readonly supersededBy?: CheckIn;
  /** For a correction: the check-in it corrects. */
  readonly corrects?: CheckIn;
}

const ID_PREFIX = { objective: 'ob', keyResult: 'kr', initiative: 'in', checkIn: 'ci' } as const;

function randomId(kind: keyof typeof ID_PREFIX): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `${ID_PREFIX[kind]}_${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

export interface StoreChange {
  readonly sessionId: string;
  readonly head: number;
  /** `local` for this store's own commands, `remote` for changes made through other connections. */
  readonly origin: 'local' | 'remote';
}

export interface ListSessionsOptions {
  /** Include archived sessions. Default false. */
  readonly includeArchived?: boolean;
}

/**
 * The one object hosts and elements talk to: commands (each validated, permission- and
 * lifecycle-checked, then appended to the session's journal), queries over the live
 * state, and `subscribe`. Works in Node and in browsers.
 *
 * Every command either appends its entries and resolves with the new state, or rejects
 * with an `OkrError` and appends nothing.
 */
export class OkrStore {
  readonly storage: StorageAdapter;
  #actor: Actor;
  readonly #clock: () => Date;
  readonly #timeZone: string;
  readonly #retries: number;
  readonly #ids: NonNullable<OkrStoreOptions['ids']>;
  readonly #live = new Map<string, Session>();
  readonly #timelines = new Map<string, Timeline>();
  readonly #listeners = new Set<(change: StoreChange) => void>();
  readonly #unwatch: () => void;
  /** Commands under way, and storage changes heard meanwhile (possibly our own echo). */
  #inFlight = 0;
  #heard: StorageChange[] = [];

  constructor(options: OkrStoreOptions) {
    this.storage = options.storage ?? memoryStorage();
    this.#actor = options.actor;
    this.#clock = options.clock ?? (() => new Date());
    this.#timeZone = options.timeZone ?? hostTimeZone();
    this.#retries = options.retries ?? 3;
    this.#ids = options.ids ?? randomId;
    this.#unwatch = this.storage.watch((change) => this.#onStorageChange(change));
  }

  get actor(): Actor {
    return this.#actor;
  }

  /** Acts as someone else from now on (e.g. a persona switcher); subscribers are told. */
  setActor(actor: Actor): void {
    this.#actor = actor;
    this.#notify({ sessionId: '', head: 0, origin: 'local' });
  }

  /** The instant the store's clock reads now. */
  now(): Date {
    return this.#clock();
  }

  // ---- permissions -------------------------------------------------------------------

  /** Whether the current actor may take `action` on `session` (omit for `session.create`). */
  can(action: Action, session?: Session | SessionHeader, owners?: readonly (string | undefined)[]): boolean {
    return this.decide(action, session, owners).allowed;
  }

  decide(action: Action, session?: Session | SessionHeader, owners?: readonly (string | undefined)[]): Decision {
    const target: PermissionTarget = {
      ...(session ? { session } : {}),
      ...(owners ? { owners } : {}),
    };
    return decide(this.#actor, action, target);
  }

  // ---- queries -----------------------------------------------------------------------

  /** Sessions the actor may view, in number order; archived ones only on request; deleted ones never. */
  async listSessions(options: ListSessionsOptions = {}): Promise<SessionHeader[]> {
    const headers = await this.#storage(() => this.storage.listSessions(), 'list sessions');
    return headers.filter(
      (h) =>
        !h.deleted &&
        (options.includeArchived || h.state !== 'archived') &&
        decide(this.#actor, 'session.view', { session: h }).allowed,
    );
  }

  /** Sessions whose window (start minus a margin to end plus a margin) contains `at`: what pickers offer. */
  async currentSessions(options: CurrentSessionsOptions & ListSessionsOptions = {}): Promise<SessionHeader[]> {
    const at = options.at ?? this.#clock();
    const sessions = await this.listSessions(options);
    return sessions.filter((s) => isCurrent(s, at, options.marginMonths ?? 1));
  }

  /** The live session. Rejects `not-found` for unknown or deleted sessions, `not-allowed` when not shared with the actor. */
  async getSession(id: string): Promise<Session> {
    const session = await this.#load(id);
    const decision = decide(this.#actor, 'session.view', { session });
    if (!decision.allowed) throw new OkrError('not-allowed', decision.reason);
    return session;
  }

  /** The whole journal of a session, oldest first. */
  async journal(id: string): Promise<JournalEntry[]> {
    await this.getSession(id);
    return this.#storage(() => this.storage.readJournal(id), 'read the journal');
  }

  // ---- weeks and snapshots ------------------------------------------------------------

  /** The session's weeks (every ISO week overlapping its dates), grouped by month, and the current week. */
  async weeks(id: string): Promise<{ weeks: Week[]; months: MonthOfWeeks[]; current: Week }> {
    const session = await this.getSession(id);
    const { weeks, current } = sessionWeeks(session, this.#clock());
    return { weeks, months: groupByMonth(weeks), current };
  }

  /**
   * The snapshot of a week (default: the current one): every objective, key result and
   * initiative as it was at the week's end, with the change against the week before.
   * A week with none says why (`not-yet-created`, `outside-session`, `future`).
   */
  async snapshot(id: string, week?: string, options: SnapshotOptions = {}): Promise<SnapshotResult> {
    const session = await this.getSession(id);
    const now = this.#clock();
    const key = week ?? weekAt(now, session.timeZone).key;
    if (typeof key !== 'string' || !parseWeek(key))
      throw invalid('week', `Not an ISO week: ${JSON.stringify(week)} (expected e.g. 2027-W05).`);
    return snapshotOf(await this.#timeline(session), session, key, now, options);
  }

  /** An objective's or key result's progress at the end of every week so far. */
  async series(id: string, itemId: string): Promise<SeriesPoint[]> {
    const session = await this.getSession(id);
    return seriesOf(await this.#timeline(session), session, itemId, this.#clock());
  }

  /** The session's timeline, caught up with its live state. Its checkpoints live as long as the store. */
  async #timeline(session: Session): Promise<Timeline> {
    let timeline = this.#timelines.get(session.id);
    if (!timeline) {
      timeline = new Timeline(session);
      this.#timelines.set(session.id, timeline);
    }
    if (timeline.head < session.head) {
      const entries = await this.#storage(
        () => this.storage.readJournal(session.id, timeline.head),
        'read the journal',
      );
      // Another read may have caught up meanwhile: append only what is still missing.
      timeline.append(entries.filter((e) => e.seq > timeline.head && e.seq <= session.head));
    }
    return timeline;
  }

  // ---- export and import ----------------------------------------------------------------

  /** The whole session (header and journal) as JSON, for backup or moving it to another store. */
  async exportSession(id: string): Promise<string> {
    const session = await this.getSession(id);
    const journal = await this.#storage(() => this.storage.readJournal(id), 'read the journal');
    return sessionToJson(
      session,
      journal.filter((e) => e.seq <= session.head),
      { exportedAt: this.#clock() },
    );
  }

  /**
   * Imports a session export as a new session (with the next number). Validates it
   * completely first; a malformed or hostile file rejects with `invalid-input` and
   * stores nothing. The journal keeps its recorded instants and authors.
   */
  importSession(data: string | unknown): Promise<Session> {
    return this.#quietly(async () => {
      const parsed = parseSessionExport(data);
      this.#allow(decide(this.#actor, 'session.create'));
      const draft = replay({ id: '', number: 0 }, parsed.journal) as Session;
      if (draft.parentId !== undefined && !(await this.storage.getSession(draft.parentId))) {
        throw invalid(
          'parentId',
          `The imported session belongs to ${draft.parentId}, which does not exist here. Import that session first.`,
        );
      }
      const { id: _id, number: _number, ...header } = headerOf(draft);
      const stored = await this.#storage(
        () => this.storage.createSession(header, parsed.journal),
        'import the session',
      );
      const session = replay(stored, parsed.journal) as Session;
      this.#live.set(session.id, session);
      this.#notify({ sessionId: session.id, head: session.head, origin: 'local' });
      return session;
    });
  }

  // ---- session commands --------------------------------------------------------------

  /** Creates a session in state `open`, numbered `SE-01001`, `SE-01002`, ... */
  createSession(input: SessionInput): Promise<Session> {
    return this.#quietly(() => this.#createSession(input));
  }

  async #createSession(input: SessionInput): Promise<Session> {
    const details = validateSessionDetails(input, { timeZone: this.#timeZone });
    this.#allow(decide(this.#actor, 'session.create'));
    if (details.parentId !== undefined) await this.#checkParent(details, undefined);
    const at = this.#clock().toISOString();
    const entry: JournalEntry = { seq: 1, at, actor: this.#actor.id, type: 'session.created', data: details };
    const draft = applyEntry(undefined, entry, { id: '', number: 0 });
    const { id: _id, number: _number, ...header } = headerOf(draft);
    const stored = await this.#storage(() => this.storage.createSession(header, [entry]), 'create the session');
    const session = applyEntry(undefined, entry, stored);
    this.#live.set(session.id, session);
    this.#notify({ sessionId: session.id, head: session.head, origin: 'local' });
    return session;
  }

  /** Creates the session that follows `id` by its cadence (the quarter after Q4 2026 is Q1 2027). */
  async createNextSession(id: string, options: PeriodOptions & { readonly title?: string } = {}): Promise<Session> {
    const session = await this.getSession(id);
    const parent = session.parentId === undefined ? undefined : await this.storage.getSession(session.parentId);
    const input = nextSessionInput(session, { ...options, ...(parent ? { parent } : {}) });
    return this.createSession(options.title === undefined ? input : { ...input, title: options.title });
  }

  /** Changes a session's details (title, dates, time zone, cadences, parent, access). */
  async updateSession(id: string, patch: SessionPatch): Promise<Session> {
    return this.#command(id, patch.access === undefined ? 'session.edit' : 'session.editAccess', async (session) => {
      const details = validateSessionDetails(patch, { timeZone: this.#timeZone }, session);
      if (patch.access !== undefined) this.#allow(this.decide('session.edit', session));
      if (details.parentId !== undefined || details.start !== session.start || details.end !== session.end) {
        await this.#checkParent(details, session.id);
      }
      const change = diff(session, details);
      if (Object.keys(change).length === 0) return [];
      return [{ type: 'session.changed', data: change }];
    });
  }

  /** Moves a session through its lifecycle: start, close, reopen or unlock. */
  async transition(id: string, transition: Transition): Promise<Session> {
    const rule = TRANSITION_RULES[transition];
    if (!rule)
      throw new OkrError('invalid-input', `Unknown transition ${JSON.stringify(transition)}.`, {
        fields: { transition: 'Unknown transition.' },
      });
    return this.#command(id, rule.action, (session) => [
      {
        type: 'session.transitioned',
        data: { transition, from: session.state, to: transitionTarget(transition, session.closedFrom) },
      },
    ]);
  }

  startSession(id: string): Promise<Session> {
    return this.transition(id, 'start');
  }

  closeSession(id: string): Promise<Session> {
    return this.transition(id, 'close');
  }

  reopenSession(id: string): Promise<Session> {
    return this.transition(id, 'reopen');
  }

  unlockSession(id: string): Promise<Session> {
    return this.transition(id, 'unlock');
  }

  /** Removes an open session from every list. Its number is never reused; its journal is kept. */
  async deleteSession(id: string): Promise<void> {
    await this.#command(id, 'session.delete', async (session) => {
      const children = (await this.storage.listSessions()).filter((s) => s.parentId === session.id && !s.deleted);
      if (children.length > 0) {
        throw new OkrError(
          'conflict',
          `Session ${id} has child sessions (${children.map((c) => c.id).join(', ')}); delete or move them first.`,
        );
      }
      return [{ type: 'session.deleted', data: {} }];
    });
  }

  // ---- objectives, key results, initiatives, check-ins ---------------------------------

  /** Adds an objective at the end of the session's list. */
  async addObjective(sessionId: string, input: ObjectiveInput): Promise<Objective> {
    const objective = validateObjective(input);
    const id = this.#ids('objective');
    const session = await this.#command(sessionId, 'objective.add', async (s) => {
      if (objective.alignedTo) await this.#checkAlignment(s, id, objective.alignedTo);
      return [{ type: 'objective.added', data: { id, ...objective, order: s.objectives.size } }];
    });
    return found(session.objectives, id);
  }

  /** Changes an objective's title, description or alignment. */
  async updateObjective(sessionId: string, id: string, patch: ObjectivePatch): Promise<Objective> {
    const change = validateObjectivePatch(patch);
    const session = await this.#command(sessionId, 'objective.edit', async (s) => {
      existing(s.objectives, id, 'objective');
      if (change.alignedTo) await this.#checkAlignment(s, id, change.alignedTo);
      return [{ type: 'objective.changed', data: { id, ...change } }];
    });
    return found(session.objectives, id);
  }

  /** Removes an objective and its key results (their history stays in the journal). */
  async removeObjective(sessionId: string, id: string): Promise<void> {
    await this.#command(sessionId, 'objective.remove', (s) => {
      existing(s.objectives, id, 'objective');
      return [{ type: 'objective.removed', data: { id } }];
    });
  }

  /** Puts the session's objectives in the order of `ids` (all of them, each once). */
  async reorderObjectives(sessionId: string, ids: readonly string[]): Promise<void> {
    await this.#command(sessionId, 'objective.reorder', (s) => {
      const same =
        Array.isArray(ids) &&
        ids.length === s.objectives.size &&
        new Set(ids).size === ids.length &&
        ids.every((id) => s.objectives.has(id));
      if (!same) throw invalid('ids', 'List every objective of the session exactly once.');
      return [{ type: 'objective.reordered', data: { ids: [...ids] } }];
    });
  }

  /** Adds a key result under an objective. */
  async addKeyResult(sessionId: string, input: KeyResultInput): Promise<KeyResult> {
    const kr = validateKeyResult(input);
    const id = this.#ids('keyResult');
    const session = await this.#command(sessionId, 'keyResult.add', (s) => {
      if (!s.objectives.has(kr.objectiveId))
        throw invalid('objectiveId', `There is no objective ${kr.objectiveId} in this session.`);
      const order = [...s.keyResults.values()].filter((k) => k.objectiveId === kr.objectiveId).length;
      return [{ type: 'keyResult.added', data: { id, ...kr, order } }];
    });
    return found(session.keyResults, id);
  }

  /** Changes a key result's title, unit or weight (targets change through `retargetKeyResult`). */
  async updateKeyResult(sessionId: string, id: string, patch: KeyResultPatch): Promise<KeyResult> {
    const change = validateKeyResultPatch(patch);
    const session = await this.#command(sessionId, 'keyResult.edit', (s) => {
      existing(s.keyResults, id, 'key result');
      return [{ type: 'keyResult.changed', data: { id, ...change } }];
    });
    return found(session.keyResults, id);
  }

  /** Changes a key result's numbers (start and target, threshold, or milestones). Only while planning. */
  async retargetKeyResult(sessionId: string, id: string, target: KeyResultTargetInput): Promise<KeyResult> {
    const session = await this.#command(sessionId, 'keyResult.retarget', (s) => {
      const kr = existing(s.keyResults, id, 'key result');
      const { kind: _kind, weight, ...numbers } = validateRetarget(kr, target);
      const retargeted = { type: 'keyResult.retargeted', data: { id, kind: kr.kind, ...numbers } } as const;
      // A new weight rides in the same append, so the target and its weight change together.
      if (weight === undefined || weight === kr.weight) return [retargeted];
      return [retargeted, { type: 'keyResult.changed', data: { id, weight } } as const];
    });
    return found(session.keyResults, id);
  }

  async removeKeyResult(sessionId: string, id: string): Promise<void> {
    await this.#command(sessionId, 'keyResult.remove', (s) => {
      existing(s.keyResults, id, 'key result');
      return [{ type: 'keyResult.removed', data: { id } }];
    });
  }

  /** Puts an objective's key results in the order of `ids` (all of them, each once). */
  async reorderKeyResults(sessionId: string, objectiveId: string, ids: readonly string[]): Promise<void> {
    await this.#command(sessionId, 'keyResult.reorder', (s) => {
      existing(s.objectives, objectiveId, 'objective');
      const current = keyResultsOf(s, objectiveId);
      const same =
        Array.isArray(ids) &&
        ids.length === current.length &&
        new Set(ids).size === ids.length &&
        ids.every((id) => s.keyResults.get(id)?.objectiveId === objectiveId);
      if (!same) throw invalid('ids', 'List every key result of the objective exactly once.');
      return [{ type: 'keyResult.reordered', data: { objectiveId, ids: [...ids] } }];
    });
  }

  /** Hands an objective, key result or initiative to another owner (`null`: unassigned). The history keeps who owned it before. */
  async assignOwner(
    sessionId: string,
    item: 'objective' | 'keyResult' | 'initiative',
    id: string,
    ownerId: string | null,
  ): Promise<void> {
    if (!['objective', 'keyResult', 'initiative'].includes(item))
      throw invalid('item', 'Must be objective, keyResult or initiative.');
    if (ownerId !== null && (typeof ownerId !== 'string' || ownerId.trim() === ''))
      throw invalid('ownerId', 'Must be an id, or null to unassign.');
    await this.#command(sessionId, 'owner.assign', (s) => {
      const map = item === 'objective' ? s.objectives : item === 'keyResult' ? s.keyResults : s.initiatives;
      const current = existing(map as ReadonlyMap<string, { ownerId?: string }>, id, item);
      if ((current.ownerId ?? null) === ownerId) return [];
      return [{ type: 'owner.assigned', data: { item, id, ownerId } }];
    });
  }

  /** Adds an initiative linked to one or more key results. */
  async addInitiative(sessionId: string, input: InitiativeInput): Promise<Initiative> {
    const initiative = validateInitiative(input);
    const id = this.#ids('initiative');
    const session = await this.#command(sessionId, 'initiative.add', (s) => {
      checkLinked(s, initiative.keyResultIds);
      return [{ type: 'initiative.added', data: { id, ...initiative, keyResultIds: [...initiative.keyResultIds] } }];
    });
    return found(session.initiatives, id);
  }

  async updateInitiative(sessionId: string, id: string, patch: InitiativePatch): Promise<Initiative> {
    const change = validateInitiativePatch(patch);
    const session = await this.#command(sessionId, 'initiative.edit', (s) => {
      existing(s.initiatives, id, 'initiative');
      if (change.keyResultIds) checkLinked(s, change.keyResultIds);
      return [{ type: 'initiative.changed', data: { id, ...change } }];
    });
    return found(session.initiatives, id);
  }

  async removeInitiative(sessionId: string, id: string): Promise<void> {
    await this.#command(sessionId, 'initiative.remove', (s) => {
      existing(s.initiatives, id, 'initiative');
      return [{ type: 'initiative.removed', data: { id } }];
    });
  }

  /** Records a check-in on a key result: its new value, a status, a confidence and a comment. */
  async checkIn(sessionId: string, keyResultId: string, input: CheckInInput): Promise<CheckIn> {
    const id = this.#ids('checkIn');
    const session = await this.#command(
      sessionId,
      'checkIn.add',
      (s) => {
        const kr = existing(s.keyResults, keyResultId, 'key result');
        return [{ type: 'checkIn.added', data: { id, keyResultId, ...validateCheckIn(kr, input) } }];
      },
      (s) => ownersOf(s, keyResultId),
    );
    return foundCheckIn(session, keyResultId, id);
  }

  /**
   * Corrects a check-in: the correction supersedes it and takes its place in the
   * history; both stay in the history, which says which one counts.
   */
  async correctCheckIn(sessionId: string, checkInId: string, input: CheckInInput): Promise<CheckIn> {
    const id = this.#ids('checkIn');
    const session = await this.#command(
      sessionId,
      'checkIn.correct',
      (s) => {
        const original = findCheckIn(s, checkInId);
        if (!original) throw new OkrError('not-found', `There is no check-in ${String(checkInId)} in this session.`);
        if (original.supersededBy !== undefined) {
          throw new OkrError('conflict', 'This check-in was already corrected; correct the correction instead.');
        }
        const kr = existing(s.keyResults, original.keyResultId, 'key result');
        return [
          {
            type: 'checkIn.corrected',
            data: { id, keyResultId: kr.id, corrects: checkInId, ...validateCheckIn(kr, input) },
          },
        ];
      },
      (s) => ownersOf(s, findCheckIn(s, checkInId)?.keyResultId ?? ''),
    );
    return foundCheckIn(session, findCheckIn(session, checkInId)?.keyResultId ?? '', id);
  }

  /** A key result's check-ins, newest first (by when they count), corrections shown beside what they correct. */
  async checkInHistory(sessionId: string, keyResultId: string): Promise<CheckInHistoryItem[]> {
    const session = await this.getSession(sessionId);
    const all = existing(session.keyResults, keyResultId, 'key result').checkIns;
    const byId = new Map(all.map((c) => [c.id, c]));
    return [...all]
      .sort((a, b) =>
        a.effectiveAt === b.effectiveAt ? (a.at < b.at ? 1 : -1) : a.effectiveAt < b.effectiveAt ? 1 : -1,
      )
      .map((checkIn) => {
        const supersededBy = checkIn.supersededBy === undefined ? undefined : byId.get(checkIn.supersededBy);
        const corrects = checkIn.corrects === undefined ? undefined : byId.get(checkIn.corrects);
        return {
          checkIn,
          counts: supersededBy === undefined,
          ...(supersededBy ? { supersededBy } : {}),
          ...(corrects ? { corrects } : {}),
        };
      });
  }

  /**
   * Copies objectives and their key results (not check-ins: progress restarts) from one
   * session into another, e.g. to plan the next quarter. Returns the new objectives.
   */
  async copyObjectives(
    fromId: string,
    toId: string,
    options: { readonly objectiveIds?: readonly string[] } = {},
  ): Promise<Objective[]> {
    const source = await this.getSession(fromId);
    const chosen = objectivesOf(source).filter((o) => !options.objectiveIds || options.objectiveIds.includes(o.id));
    const copies = chosen.map((o) => ({
      objective: o,
      id: this.#ids('objective'),
      keyResults: keyResultsOf(source, o.id).map((kr) => ({ kr, id: this.#ids('keyResult') })),
    }));
    const session = await this.#command(toId, 'objective.add', (s) =>
      copies.flatMap(({ objective, id, keyResults }, i): EntryDraft[] => {
        const { id: _id, order: _order, alignedTo, ...rest } = objective;
        const keep =
          alignedTo && (alignedTo.sessionId === s.parentId || alignedTo.sessionId === s.id) ? { alignedTo } : {};
        return [
          { type: 'objective.added', data: { ...rest, ...keep, id, order: s.objectives.size + i } },
          ...keyResults.map(({ kr, id: krId }): EntryDraft => {
            const { latest: _l, checkIns: _c, id: _k, ...data } = kr;
            return { type: 'keyResult.added', data: { ...data, id: krId, objectiveId: id } };
          }),
        ];
      }),
    );
    return copies.map((c) => found(session.objectives, c.id));
  }

  // ---- subscriptions -----------------------------------------------------------------

  /** Calls `listener` after every change to any session, made here or elsewhere. Returns an unsubscribe. */
  subscribe(listener: (change: StoreChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops watching storage and closes it. */
  async close(): Promise<void> {
    this.#unwatch();
    this.#listeners.clear();
    await this.storage.close();
  }

  // ---- the command path --------------------------------------------------------------

  /**
   * The one path every command on an existing session takes: load the live state,
   * check permission and lifecycle, let `plan` validate against that state and propose
   * entries, fold them (which proves they apply), then append with a compare-and-swap on
   * the head. On `conflict`, the whole command runs again on fresh state.
   */
  #command(
    id: string,
    action: Action,
    plan: (session: Session) => readonly EntryDraft[] | Promise<readonly EntryDraft[]>,
    owners?: (session: Session) => readonly (string | undefined)[],
  ): Promise<Session> {
    return this.#quietly(() => this.#attempt(id, action, plan, owners));
  }

  async #attempt(
    id: string,
    action: Action,
    plan: (session: Session) => readonly EntryDraft[] | Promise<readonly EntryDraft[]>,
    owners?: (session: Session) => readonly (string | undefined)[],
  ): Promise<Session> {
    for (let attempt = 0; ; attempt++) {
      const session = await this.#load(id, attempt > 0);
      this.#allow(decide(this.#actor, action, { session, ...(owners ? { owners: owners(session) } : {}) }));
      const drafts = await plan(session);
      if (drafts.length === 0) return session;
      const entries = this.#record(session, drafts);
      const next = replay(session, entries, session) as Session;
      try {
        await this.#storage(() => this.storage.append(id, session.head, entries, headerOf(next)), 'save the change');
      } catch (error) {
        if (error instanceof OkrError && error.code === 'conflict' && attempt < this.#retries) continue;
        throw error;
      }
      this.#live.set(id, next);
      this.#notify({ sessionId: id, head: next.head, origin: 'local' });
      return next;
    }
  }

  /** Gives drafts their seq, instant and actor. Instants never go back in time. */
  #record(session: Session, drafts: readonly EntryDraft[]): JournalEntry[] {
    const now = this.#clock().toISOString();
    const at = now < session.changedAt ? session.changedAt : now;
    return drafts.map(
      (draft, i) => ({ ...draft, seq: session.head + 1 + i, at, actor: this.#actor.id }) as JournalEntry,
    );
  }

  #allow(decision: Decision): void {
    if (!decision.allowed) throw new OkrError(decision.code ?? 'not-allowed', decision.reason);
  }

  /** The live session, caught up with storage (always when `fresh`). */
  async #load(id: string, fresh = false): Promise<Session> {
    if (typeof id !== 'string' || id === '') {
      throw new OkrError('invalid-input', 'A session id is required.', { fields: { id: 'A session id is required.' } });
    }
    let session = this.#live.get(id);
    if (!session || fresh) {
      const entries = await this.#storage(() => this.storage.readJournal(id, session?.head ?? 0), 'read the session');
      const header =
        session ??
        (entries.length > 0 ? await this.#storage(() => this.storage.getSession(id), 'read the session') : undefined);
      if (header) {
        try {
          session = replay(header, entries, session);
        } catch (error) {
          if (error instanceof ReplayError)
            throw new OkrError('storage', `The stored journal of ${id} does not replay: ${error.message}`, {
              cause: error,
            });
          throw error;
        }
      }
      if (session) this.#live.set(id, session);
    }
    if (!session || session.deleted) throw new OkrError('not-found', `There is no session ${id}.`);
    return session;
  }

  /** An objective aligns to one in the same session or in the parent session, never to itself or its descendants. */
  async #checkAlignment(session: Session, id: string, to: Alignment): Promise<void> {
    if (to.sessionId === session.id) {
      for (
        let o = session.objectives.get(to.objectiveId);
        o;
        o = o.alignedTo?.sessionId === session.id ? session.objectives.get(o.alignedTo.objectiveId) : undefined
      ) {
        if (o.id === id)
          throw invalid('alignedTo', 'An objective cannot align to itself or to an objective aligned to it.');
      }
      if (!session.objectives.has(to.objectiveId))
        throw invalid('alignedTo', `There is no objective ${to.objectiveId} in this session.`);
      return;
    }
    if (to.sessionId !== session.parentId)
      throw invalid('alignedTo', 'Align to an objective of this session or of its parent session.');
    const parent = await this.#load(to.sessionId);
    if (!parent.objectives.has(to.objectiveId))
      throw invalid('alignedTo', `There is no objective ${to.objectiveId} in ${parent.title}.`);
  }

  /** A parent must exist, contain the child's dates, and not be the child or one of its descendants. */
  async #checkParent(details: SessionDetails, childId: string | undefined): Promise<void> {
    const headers = await this.#storage(() => this.storage.listSessions(), 'list sessions');
    const byId = new Map(headers.filter((h) => !h.deleted).map((h) => [h.id, h]));
    if (details.parentId !== undefined) {
      const parent = byId.get(details.parentId);
      if (!parent) {
        throw new OkrError('invalid-input', `Session not saved: there is no parent session ${details.parentId}.`, {
          fields: { parentId: `There is no session ${details.parentId}.` },
        });
      }
      for (let p: SessionHeader | undefined = parent; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
        if (p.id === childId) {
          throw new OkrError('invalid-input', 'Session not saved: a session cannot be inside itself.', {
            fields: { parentId: `${details.parentId} is this session or lies inside it.` },
          });
        }
      }
      if (!within(parent, details.start, details.end)) {
        throw new OkrError(
          'invalid-input',
          `Session not saved: its dates must lie within ${parent.title} (${parent.start} – ${parent.end}).`,
          {
            fields: { parentId: `${parent.title} runs ${parent.start} – ${parent.end}; the dates must lie within it.` },
          },
        );
      }
    }
    if (childId !== undefined) {
      const outside = headers.filter((h) => !h.deleted && h.parentId === childId && !within(details, h.start, h.end));
      if (outside.length > 0) {
        throw new OkrError(
          'invalid-input',
          `Session not saved: child sessions would fall outside its dates (${outside.map((c) => c.title).join(', ')}).`,
          {
            fields: {
              start: 'Child sessions would fall outside these dates.',
              end: 'Child sessions would fall outside these dates.',
            },
          },
        );
      }
    }
  }

  async #storage<T>(work: () => Promise<T>, doing: string): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw storageError(error, doing);
    }
  }

  /**
   * Runs a command while holding back storage notices: storage echoes our own writes,
   * and until the command has updated the cache we cannot tell an echo from a remote change.
   */
  async #quietly<T>(work: () => Promise<T>): Promise<T> {
    this.#inFlight++;
    try {
      return await work();
    } finally {
      if (--this.#inFlight === 0) {
        const heard = this.#heard;
        this.#heard = [];
        for (const change of heard) this.#onStorageChange(change);
      }
    }
  }

  #onStorageChange(change: StorageChange): void {
    if (this.#inFlight > 0) {
      this.#heard.push(change);
      return;
    }
    const known = this.#live.get(change.sessionId);
    if (known && known.head >= change.head) return;
    // Someone else wrote: drop the cached state; the next read catches up.
    this.#live.delete(change.sessionId);
    this.#notify({ ...change, origin: 'remote' });
  }

  #notify(change: StoreChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        // A failing listener must not break the command that already succeeded.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

function invalid(field: string, message: string): OkrError {
  return new OkrError('invalid-input', message, { fields: { [field]: message } });
}

function existing<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const item = typeof id === 'string' ? map.get(id) : undefined;
  if (item === undefined) throw new OkrError('not-found', `There is no ${what} ${String(id)} in this session.`);
  return item;
}

function found<T>(map: ReadonlyMap<string, T>, id: string): T {
  const item = map.get(id);
  if (item === undefined) throw new OkrError('storage', `${id} was saved but cannot be read back.`);
  return item;
}

/** A check-in by id, wherever it is (commands only: it scans every key result). */
function findCheckIn(session: Session, id: string): CheckIn | undefined {
  if (typeof id !== 'string') return undefined;
  for (const kr of session.keyResults.values()) {
    const match = kr.checkIns.find((c) => c.id === id);
    if (match) return match;
  }
  return undefined;
}

function foundCheckIn(session: Session, keyResultId: string, id: string): CheckIn {
  const item = session.keyResults.get(keyResultId)?.checkIns.find((c) => c.id === id);
  if (!item) throw new OkrError('storage', `${id} was saved but cannot be read back.`);
  return item;
}

function checkLinked(session: Session, ids: readonly string[]): void {
  const unknown = ids.filter((id) => !session.keyResults.has(id));
  if (unknown.length > 0)
    throw invalid('keyResultIds', `There is no key result ${unknown.join(', ')} in this session.`);
}

/** Who may check in on a key result besides admins: its owner and its objective's owner. */
function ownersOf(session: Session, keyResultId: string): (string | undefined)[] {
  const kr = session.keyResults.get(keyResultId);
  return [kr?.ownerId, kr ? session.objectives.get(kr.objectiveId)?.ownerId : undefined];
}

function diff(session: Session, details: SessionDetails): Record<string, unknown> {
  const change: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(details), 'description', 'parentId']) as Set<keyof SessionDetails>;
  for (const key of keys) {
    const before = session[key];
    const after = details[key];
    if (JSON.stringify(before) !== JSON.stringify(after)) change[key] = after === undefined ? null : after;
  }
  return change;
}

export function createOkrStore(options: OkrStoreOptions): OkrStore {
  return new OkrStore(options);
}
