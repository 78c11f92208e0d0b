import type { Action } from './actions.js';
import { ACTOR_ID_MAX } from './actor.js';
import { OkrError } from './errors.js';
import { checkFinishedWeeks } from './finished-weeks.js';
import { ENTRY_TYPES, type EntryType, type JournalEntry, ReplayError, replay, type Session } from './journal.js';
import { isTransition, stateAllows, TRANSITION_RULES, transitionTarget } from './lifecycle.js';
import type { Alignment, KeyResult, SessionDetails } from './model.js';
import {
  checkId,
  validateCheckIn,
  validateInitiative,
  validateInitiativePatch,
  validateKeyResult,
  validateKeyResultPatch,
  validateObjective,
  validateObjectivePatch,
  validateRetarget,
} from './okr-input.js';
import { EXPORT_SCHEMA_VERSION, type SessionExport } from './session-export.js';
import { DATE_MAX, DATE_MIN } from './time.js';
import { isRecord, Problems, shown, validateSessionDetails } from './validate.js';

/**
 * Checking an imported session journal. An import is a replay of recorded entries, so
 * every entry goes through the validators the commands use, against the state folded so
 * far: what no command could have recorded, no import records. The result is a clean
 * journal rebuilt from the validated data (no extra keys), ready to store.
 *
 * Cheap checks come first, so a hostile file costs little: the size before anything is
 * read, the nesting depth by a scan of the raw text before `JSON.parse`.
 */

/**
 * The largest export read: 20 MB of JSON text (20 × 2^20 characters, as the string's
 * length counts them). A session of 220,000 check-ins, far more than any real one,
 * exports to about 30 MB; 20 MB is over ten years of weekly check-ins on 1,000 key results.
 */
export const IMPORT_MAX_CHARS = 20 * 1024 * 1024;
/** The deepest nesting an export needs is 7 (`journal[].data.access.view.people[]`); 12 leaves room. */
export const IMPORT_MAX_DEPTH = 12;

export interface ReadExportOptions {
  /**
   * The instant the import happens: no entry may be recorded after it. Pass the store's
   * clock. Without it, instants are only checked for order and for the supported range.
   */
  readonly now?: Date;
  /** Default `IMPORT_MAX_CHARS`. */
  readonly maxChars?: number;
  /** Default `IMPORT_MAX_DEPTH`. */
  readonly maxDepth?: number;
}

/** Canonical instants only (as `toISOString` writes them), so that instants order as text. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const EXPORT_KEYS = ['format', 'schemaVersion', 'exportedAt', 'session', 'journal'];
const CHECK_IN_KEYS = new Set([
  'id',
  'keyResultId',
  'corrects',
  'value',
  'status',
  'confidence',
  'comment',
  'writtenAt',
]);

function refused(message: string, field: string): OkrError {
  return new OkrError('invalid-input', `Import refused: ${message}`, { fields: { [field]: message } });
}

/**
 * Reads and checks a session export (text, or data already parsed). Returns the export
 * with its journal rebuilt from validated data; throws `invalid-input` whose message
 * names the entry (`entry 17 (checkIn.added): ...`) and whose `fields` name the field
 * (`entry 17.confidence`). Nothing is stored either way.
 */
export function readSessionExport(input: string | unknown, options: ReadExportOptions = {}): SessionExport {
  return checkSessionExport(input, options).read;
}

/**
 * `readSessionExport`, and the fold of the journal it read (under a placeholder identity):
 * the import keeps it as the new session's state, so an import replays its journal once.
 */
export function checkSessionExport(
  input: string | unknown,
  options: ReadExportOptions = {},
): { read: SessionExport; folded: Session } {
  const maxChars = options.maxChars ?? IMPORT_MAX_CHARS;
  const maxDepth = options.maxDepth ?? IMPORT_MAX_DEPTH;
  let data: unknown = input;
  if (typeof input === 'string') {
    if (input.length > maxChars) {
      throw refused(
        `the file is too large (${input.length.toLocaleString('en')} characters; at most ${maxChars.toLocaleString('en')}).`,
        'file',
      );
    }
    checkTextDepth(input, maxDepth);
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw refused(`the file is not JSON (${error instanceof Error ? error.message : String(error)}).`, 'file');
    }
  }
  checkPlain(data, maxDepth, { left: maxChars });
  const record = data as Record<string, unknown>;
  if (!isRecord(record) || record.format !== 'okrkit.session')
    throw refused('this is not an okrkit session export.', 'format');
  if (record.schemaVersion !== EXPORT_SCHEMA_VERSION) {
    throw refused(
      `schema version ${shown(record.schemaVersion)} is not supported (expected ${EXPORT_SCHEMA_VERSION}).`,
      'schemaVersion',
    );
  }
  const extra = Object.keys(record).filter((key) => !EXPORT_KEYS.includes(key));
  if (extra.length > 0) throw refused(`unknown field "${extra[0]}".`, extra[0] as string);
  if (!Array.isArray(record.journal) || record.journal.length === 0)
    throw refused('the journal is missing or empty.', 'journal');
  const session = isRecord(record.session) ? record.session : {};
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');
  const { journal, folded } = new JournalCheck(options.now, text(session.id)).run(record.journal);
  const read: SessionExport = {
    format: 'okrkit.session',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: text(record.exportedAt),
    session: { id: text(session.id), title: text(session.title) },
    journal,
  };
  return { read, folded };
}

/**
 * Refuses text nested deeper than `max`, without parsing it: `JSON.parse` of a 10 MB
 * document of brackets takes seconds before any depth check could run on its result.
 */
export function checkTextDepth(text: string, max: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) throw refused(`the file is nested too deeply (more than ${max} levels).`, 'file');
    } else if (c === 125 || c === 93) depth--;
  }
}

/** Plain JSON data only: no prototype keys, no non-finite numbers, bounded depth and size. */
/** (No path is kept for the message: building one string per value cost more than the rest of the check.) */
function checkPlain(value: unknown, maxDepth: number, budget: { left: number }, depth = 0): void {
  if (depth > maxDepth) throw refused(`the export is nested too deeply (more than ${maxDepth} levels).`, 'file');
  if (--budget.left < 0) throw refused('the export is too large.', 'file');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw refused('the export holds a number that is not finite.', 'file');
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkPlain(value[i], maxDepth, budget, depth + 1);
    return;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    throw refused('the export holds something that is not plain JSON data.', 'file');
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw refused(`the export holds a forbidden key "${key}".`, 'file');
    checkPlain((value as Record<string, unknown>)[key], maxDepth, budget, depth + 1);
  }
}

/** The action each entry type records, for the lifecycle check (transitions are checked by their rule). */
const ENTRY_ACTIONS: Readonly<Record<Exclude<EntryType, 'session.created' | 'session.transitioned'>, Action>> = {
  'session.changed': 'session.edit',
  'session.deleted': 'session.delete',
  'objective.added': 'objective.add',
  'objective.changed': 'objective.edit',
  'objective.removed': 'objective.remove',
  'objective.reordered': 'objective.reorder',
  'keyResult.added': 'keyResult.add',
  'keyResult.changed': 'keyResult.edit',
  'keyResult.retargeted': 'keyResult.retarget',
  'keyResult.removed': 'keyResult.remove',
  'keyResult.reordered': 'keyResult.reorder',
  'owner.assigned': 'owner.assign',
  'initiative.added': 'initiative.add',
  'initiative.changed': 'initiative.edit',
  'initiative.removed': 'initiative.remove',
  'checkIn.added': 'checkIn.add',
  'checkIn.corrected': 'checkIn.correct',
};

const IDENTITY = { id: 'import', number: 0 };

type Data = Record<string, unknown>;

/**
 * What the validators read of the state so far. Kept by hand rather than by folding
 * after every entry: a fold copies the session's collections, so folding a journal one
 * entry at a time is quadratic (77,000 entries of 1,430 objectives took 10 s). The
 * session's own header is folded (its entries are few); the journal as a whole is
 * folded once at the end, which proves that it replays.
 */
interface View {
  readonly header: Session;
  readonly objectives: ReadonlyMap<string, { readonly alignedTo?: Alignment | undefined }>;
  readonly keyResults: ReadonlyMap<string, KeyResult>;
  readonly initiatives: ReadonlyMap<string, true>;
}

/**
 * One pass over an imported journal: each entry is checked against the state so far and
 * rebuilt from what its validator returned.
 */
class JournalCheck {
  readonly #now: string | undefined;
  #header: Session | undefined;
  readonly #objectives = new Map<string, { readonly alignedTo?: Alignment | undefined }>();
  readonly #keyResults = new Map<string, KeyResult>();
  readonly #initiatives = new Map<string, true>();
  /** Every id the session has used, of any kind, removed ones included: ids are never reused. */
  readonly #ids = new Set<string>();
  /** Check-ins by id: their key result, and whether a correction already supersedes them. */
  readonly #checkIns = new Map<string, { keyResultId: string; corrected: boolean }>();
  #previousAt = '';
  #entry = 0;
  #type = '';

  /** The id the session had where it was exported: alignments within the session name it. */
  readonly #selfId: string;

  constructor(now: Date | undefined, selfId: string) {
    this.#now = now?.toISOString();
    this.#selfId = selfId;
  }

  /** The clean journal, and its fold (which proves that it replays). */
  run(raw: readonly unknown[]): { journal: JournalEntry[]; folded: Session } {
    const clean: JournalEntry[] = [];
    for (let i = 0; i < raw.length; i++) {
      const entry = this.#check(raw[i], i + 1);
      clean.push(entry);
      this.#apply(entry);
    }
    let folded: Session | undefined;
    try {
      folded = replay(IDENTITY, clean);
    } catch (error) {
      if (!(error instanceof ReplayError)) throw error;
      this.#entry = Number(/Entry (\d+)/.exec(error.message)?.[1] ?? clean.length);
      this.#type = clean[this.#entry - 1]?.type ?? '';
      throw this.#bad('entry', `does not replay: ${error.message}`);
    }
    // The first entry was checked to create the session, so the fold has one.
    return { journal: clean, folded: folded as Session };
  }

  /** Keeps the view up to date with an accepted entry. */
  #apply(entry: JournalEntry): void {
    switch (entry.type) {
      case 'session.created':
      case 'session.changed':
      case 'session.transitioned':
        // The header alone, numbered on its own: the fold checks seq and instants.
        this.#header = replay(IDENTITY, [{ ...entry, seq: (this.#header?.head ?? 0) + 1 }], this.#header);
        break;
      case 'objective.added':
        this.#objectives.set(entry.data.id, { alignedTo: entry.data.alignedTo });
        break;
      case 'objective.changed':
        if (entry.data.alignedTo !== undefined)
          this.#objectives.set(entry.data.id, { alignedTo: entry.data.alignedTo ?? undefined });
        break;
      case 'objective.removed':
        this.#objectives.delete(entry.data.id);
        for (const kr of [...this.#keyResults.values()])
          if (kr.objectiveId === entry.data.id) this.#keyResults.delete(kr.id);
        break;
      case 'keyResult.added':
        this.#keyResults.set(entry.data.id, { ...entry.data, checkIns: [] });
        break;
      case 'keyResult.retargeted': {
        const { id, ...target } = entry.data;
        const kr = this.#keyResults.get(id) as KeyResult;
        const { start: _s, target: _t, threshold: _h, milestones: _m, ...rest } = kr;
        this.#keyResults.set(id, { ...rest, ...target });
        break;
      }
      case 'keyResult.removed':
        this.#keyResults.delete(entry.data.id);
        break;
      case 'initiative.added':
        this.#initiatives.set(entry.data.id, true);
        break;
      case 'initiative.removed':
        this.#initiatives.delete(entry.data.id);
        break;
      default:
        // Titles, owners, orders, initiative details and check-ins change nothing a validator reads.
        break;
    }
  }

  #check(raw: unknown, n: number): JournalEntry {
    this.#entry = n;
    this.#type = '';
    if (!isRecord(raw)) throw this.#bad('entry', 'is not an object.');
    if (
      Object.keys(raw).length !== 5 ||
      !('seq' in raw && 'at' in raw && 'actor' in raw && 'type' in raw && 'data' in raw)
    )
      throw this.#bad('entry', 'must have exactly seq, at, actor, type and data.');
    if (typeof raw.type === 'string' && (ENTRY_TYPES as readonly string[]).includes(raw.type)) this.#type = raw.type;
    else throw this.#bad('type', `has an unknown type ${shown(raw.type)}.`);
    if (raw.seq !== n) throw this.#bad('seq', `has seq ${shown(raw.seq)}; entries count up from 1.`);
    const at = raw.at;
    if (typeof at !== 'string' || !INSTANT.test(at) || Number.isNaN(Date.parse(at)))
      throw this.#bad('at', 'has an invalid instant (expected e.g. 2027-01-04T08:00:00.000Z).');
    if (at.slice(0, 10) < DATE_MIN || at.slice(0, 10) > DATE_MAX)
      throw this.#bad('at', `is recorded outside ${DATE_MIN} – ${DATE_MAX}.`);
    if (at < this.#previousAt) throw this.#bad('at', 'is recorded before the entry it follows.');
    if (this.#now !== undefined && at > this.#now) throw this.#bad('at', `is recorded in the future (${at}).`);
    this.#previousAt = at;
    const actor = raw.actor;
    if (typeof actor !== 'string' || actor.trim() === '' || actor.length > ACTOR_ID_MAX)
      throw this.#bad('actor', 'has no valid actor id.');
    if (!isRecord(raw.data)) throw this.#bad('data', 'has no data object.');
    const type = raw.type as EntryType;
    const data = this.#validated(type, raw.data, at);
    return { seq: n, at, actor, type, data } as JournalEntry;
  }

  /** The entry's data rebuilt by the validators, against the state folded so far. */
  #validated(type: EntryType, data: Data, at: string): JournalEntry['data'] {
    if (type === 'session.created') {
      if (this.#entry !== 1) throw this.#bad('type', 'creates the session a second time.');
      for (const key of ['title', 'start', 'end', 'timeZone', 'cadence', 'checkInCadence', 'access']) {
        if (!(key in data)) throw this.#bad(key, `needs ${key}.`);
      }
      return this.#guard(() => validateSessionDetails(data, { timeZone: 'UTC' }));
    }
    if (this.#entry === 1) throw this.#bad('type', 'must create the session first.');
    const header = this.#header as Session;
    const state: View = {
      header,
      objectives: this.#objectives,
      keyResults: this.#keyResults,
      initiatives: this.#initiatives,
    };
    if (type === 'session.transitioned') return this.#transition(header, data);
    const action = ENTRY_ACTIONS[type];
    if (!stateAllows(header.state, action))
      throw this.#bad('type', `cannot happen while the session is ${header.state.replace('_', ' ')}.`);
    switch (type) {
      case 'session.changed':
        return this.#sessionChange(header, data, at);
      case 'session.deleted':
        // A deleted session cannot be exported; a journal that deletes one was made by hand.
        throw this.#bad('type', 'deletes the session; a deleted session cannot be imported.');
      case 'objective.added': {
        const { id, order, ...input } = data;
        const objective = this.#guard(() => validateObjective(input));
        const newId = this.#newId(id);
        if (objective.alignedTo) this.#checkAlignment(state, newId, objective.alignedTo);
        return { id: newId, ...objective, order: this.#order(order) };
      }
      case 'objective.changed': {
        const { id, ...input } = data;
        const existing = this.#existing(state.objectives, id, 'objective');
        const change = this.#guard(() => validateObjectivePatch(input));
        if (Object.keys(change).length === 0) throw this.#bad('data', 'changes nothing.');
        if (change.alignedTo) this.#checkAlignment(state, existing, change.alignedTo);
        return { id: existing, ...change };
      }
      case 'objective.removed':
      case 'keyResult.removed':
      case 'initiative.removed': {
        this.#onlyKeys(data, ['id']);
        const map =
          type === 'objective.removed'
            ? state.objectives
            : type === 'keyResult.removed'
              ? state.keyResults
              : state.initiatives;
        return { id: this.#existing(map, data.id, type.split('.')[0] as string) };
      }
      case 'objective.reordered': {
        this.#onlyKeys(data, ['ids']);
        return { ids: this.#permutation(data.ids, [...state.objectives.keys()]) };
      }
      case 'keyResult.added': {
        const { id, order, ...input } = data;
        const kr = this.#guard(() => validateKeyResult(input));
        this.#existing(state.objectives, kr.objectiveId, 'objective', 'objectiveId');
        return { id: this.#newId(id), ...kr, order: this.#order(order) } as JournalEntry['data'];
      }
      case 'keyResult.changed': {
        const { id, ...input } = data;
        const existing = this.#existing(state.keyResults, id, 'key result');
        const change = this.#guard(() => validateKeyResultPatch(input));
        if (Object.keys(change).length === 0) throw this.#bad('data', 'changes nothing.');
        return { id: existing, ...change };
      }
      case 'keyResult.retargeted': {
        const { id, kind, ...numbers } = data;
        const kr = state.keyResults.get(this.#existing(state.keyResults, id, 'key result'));
        if (!kr || kind !== kr.kind) throw this.#bad('kind', `must be the key result's kind (${kr?.kind}).`);
        return { id: kr.id, ...this.#guard(() => validateRetarget(kr, numbers)) };
      }
      case 'keyResult.reordered': {
        this.#onlyKeys(data, ['objectiveId', 'ids']);
        const objectiveId = this.#existing(state.objectives, data.objectiveId, 'objective', 'objectiveId');
        const current = [...state.keyResults.values()].filter((k) => k.objectiveId === objectiveId).map((k) => k.id);
        return { objectiveId, ids: this.#permutation(data.ids, current) };
      }
      case 'owner.assigned': {
        this.#onlyKeys(data, ['item', 'id', 'ownerId']);
        const item = data.item;
        if (item !== 'objective' && item !== 'keyResult' && item !== 'initiative')
          throw this.#bad('item', 'must be objective, keyResult or initiative.');
        const map =
          item === 'objective' ? state.objectives : item === 'keyResult' ? state.keyResults : state.initiatives;
        const id = this.#existing(map, data.id, item);
        const ownerId = data.ownerId === null ? null : this.#guard(() => requiredId('ownerId', data.ownerId));
        return { item, id, ownerId };
      }
      case 'initiative.added': {
        const { id, ...input } = data;
        const initiative = this.#guard(() => validateInitiative(input));
        this.#linked(state, initiative.keyResultIds);
        return { id: this.#newId(id), ...initiative, keyResultIds: [...initiative.keyResultIds] };
      }
      case 'initiative.changed': {
        const { id, ...input } = data;
        const existing = this.#existing(state.initiatives, id, 'initiative');
        const change = this.#guard(() => validateInitiativePatch(input));
        if (Object.keys(change).length === 0) throw this.#bad('data', 'changes nothing.');
        if (change.keyResultIds) this.#linked(state, change.keyResultIds);
        return { id: existing, ...change };
      }
      case 'checkIn.added':
      case 'checkIn.corrected': {
        // Nearly every entry is a check-in: no rest spread, the known keys checked in one loop.
        for (const key in data) if (!CHECK_IN_KEYS.has(key)) throw this.#bad(key, `Unknown field "${key}".`);
        const { id, keyResultId, corrects } = data;
        const input = { value: data.value, status: data.status, confidence: data.confidence, comment: data.comment };
        const kr = state.keyResults.get(this.#existing(state.keyResults, keyResultId, 'key result', 'keyResultId'));
        if (!kr) throw this.#bad('keyResultId', 'names no key result.');
        if (type === 'checkIn.corrected') {
          const original = typeof corrects === 'string' ? this.#checkIns.get(corrects) : undefined;
          if (!original || original.keyResultId !== kr.id)
            throw this.#bad('corrects', `names no check-in of key result ${kr.id}.`);
          if (original.corrected) throw this.#bad('corrects', 'names a check-in that was already corrected.');
          original.corrected = true;
        } else if (corrects !== undefined) throw this.#bad('corrects', 'Unknown field "corrects".');
        const checkIn = this.#guard(() => validateCheckIn(kr, input));
        const { writtenAt } = data;
        if (writtenAt !== undefined) {
          if (typeof writtenAt !== 'string' || !INSTANT.test(writtenAt) || Number.isNaN(Date.parse(writtenAt)))
            throw this.#bad('writtenAt', 'has an invalid instant (expected e.g. 2027-01-04T08:00:00.000Z).');
          if (writtenAt > at) throw this.#bad('writtenAt', 'is after the instant the check-in was recorded.');
          (checkIn as { writtenAt?: string }).writtenAt = writtenAt;
        }
        const newId = this.#newId(id);
        this.#checkIns.set(newId, { keyResultId: kr.id, corrected: false });
        return type === 'checkIn.corrected'
          ? { id: newId, keyResultId: kr.id, corrects: corrects as string, ...checkIn }
          : { id: newId, keyResultId: kr.id, ...checkIn };
      }
    }
  }

  #transition(state: Session, data: Data): JournalEntry['data'] {
    this.#onlyKeys(data, ['transition', 'from', 'to']);
    const { transition, from, to } = data;
    if (!isTransition(transition)) throw this.#bad('transition', `is not a transition (${shown(transition)}).`);
    const rule = TRANSITION_RULES[transition];
    if (from !== state.state || !rule.from.includes(state.state) || !stateAllows(state.state, rule.action))
      throw this.#bad('from', `cannot ${transition} a session that is ${state.state.replace('_', ' ')}.`);
    if (to !== transitionTarget(transition, state.closedFrom))
      throw this.#bad(
        'to',
        `${transition} leads to ${transitionTarget(transition, state.closedFrom)}, not ${shown(to)}.`,
      );
    return { transition, from: state.state, to: transitionTarget(transition, state.closedFrom) };
  }

  /** Only session details may change, validated as the edit command validates them; finished weeks stay as they were. */
  #sessionChange(state: Session, data: Data, at: string): JournalEntry['data'] {
    if (Object.keys(data).length === 0) throw this.#bad('data', 'changes nothing.');
    const next: SessionDetails = this.#guard(() => validateSessionDetails(data, { timeZone: state.timeZone }, state));
    this.#guard(() => checkFinishedWeeks(state, next, new Date(at)));
    const change: Record<string, unknown> = {};
    for (const key of Object.keys(data) as (keyof SessionDetails)[]) change[key] = next[key] ?? null;
    return change;
  }

  /**
   * As the commands align: to an objective of this session (named by the id it was
   * exported under), never in a cycle; or to one of the parent session, which only the
   * store that receives the import can see.
   */
  #checkAlignment(state: View, id: string, to: { sessionId: string; objectiveId: string }): void {
    if (to.sessionId !== this.#selfId || this.#selfId === '') {
      if (state.header.parentId === undefined || to.sessionId !== state.header.parentId)
        throw this.#bad('alignedTo', 'aligns to an objective outside this session and its parent.');
      return;
    }
    if (!state.objectives.has(to.objectiveId))
      throw this.#bad('alignedTo', `aligns to ${shown(to.objectiveId)}, which is no objective of this session.`);
    let at: string | undefined = to.objectiveId;
    for (let steps = 0; at !== undefined && steps <= state.objectives.size; steps++) {
      if (at === id) throw this.#bad('alignedTo', 'aligns an objective to itself or to one aligned to it.');
      const next: Alignment | undefined = state.objectives.get(at)?.alignedTo;
      at = next?.sessionId === this.#selfId ? next.objectiveId : undefined;
    }
  }

  #linked(state: View, ids: readonly string[]): void {
    const unknown = ids.filter((id) => !state.keyResults.has(id));
    if (unknown.length > 0) throw this.#bad('keyResultIds', `links ${unknown.join(', ')}, which does not exist.`);
  }

  /** A new id, never used before in this session (under any kind). */
  #newId(value: unknown): string {
    const id =
      typeof value === 'string' && value.trim() !== '' && value.length <= 200
        ? value
        : this.#guard(() => requiredId('id', value));
    if (this.#ids.has(id)) throw this.#bad('id', `reuses the id ${shown(id)}; ids are unique within a session.`);
    this.#ids.add(id);
    return id;
  }

  #existing(map: ReadonlyMap<string, unknown>, value: unknown, what: string, field = 'id'): string {
    if (typeof value !== 'string' || !map.has(value)) throw this.#bad(field, `names no ${what} ${shown(value)}.`);
    return value;
  }

  #order(value: unknown): number {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 100_000)
      throw this.#bad('order', 'must be a position (a whole number from 0).');
    return value as number;
  }

  #permutation(value: unknown, current: readonly string[]): string[] {
    const ids = Array.isArray(value) ? value : [];
    const same =
      ids.length === current.length && new Set(ids).size === ids.length && ids.every((id) => current.includes(id));
    if (!same) throw this.#bad('ids', 'must list every item exactly once.');
    return [...(ids as string[])];
  }

  #onlyKeys(data: Data, keys: readonly string[]): void {
    const extra = Object.keys(data).find((key) => !keys.includes(key));
    if (extra !== undefined) throw this.#bad(extra, `Unknown field "${extra}".`);
  }

  /** Runs a validator; its `invalid-input` is reported against this entry. */
  #guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof OkrError)) throw error;
      const where = `entry ${this.#entry}`;
      const fields: Record<string, string> = {};
      for (const [field, message] of Object.entries(error.fields)) fields[`${where}.${field}`] = message;
      if (Object.keys(fields).length === 0) fields[where] = error.message;
      throw new OkrError('invalid-input', `Import refused: ${where} (${this.#type}): ${error.message}`, {
        fields,
        cause: error,
      });
    }
  }

  #bad(field: string, message: string): OkrError {
    const where = `entry ${this.#entry}`;
    const text = `${where}${this.#type ? ` (${this.#type})` : ''} ${message}`;
    return new OkrError('invalid-input', `Import refused: ${text}`, { fields: { [`${where}.${field}`]: text } });
  }
}

function requiredId(field: string, value: unknown): string {
  const problems = new Problems();
  const id = checkId(problems, field, value);
  problems.done('Not an id');
  return id as string;
}

/**
 * Parses and validates a session export completely, through `readSessionExport`: size
 * and depth first, then every entry with the commands' validators against the state
 * folded so far. Returns the export with its journal rebuilt from the validated data.
 * Kept for callers that have no clock: pass `now` to `readSessionExport` to also refuse
 * entries recorded in the future.
 */
export function parseSessionExport(input: string | unknown, options: ReadExportOptions = {}): SessionExport {
  return readSessionExport(input, options);
}
