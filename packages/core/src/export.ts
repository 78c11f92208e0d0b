import { OkrError } from './errors.js';
import { ENTRY_TYPES, type EntryType, type JournalEntry, ReplayError, replay, type Session } from './journal.js';
import { CHECK_IN_STATUSES, INITIATIVE_STATUSES, KEY_RESULT_KINDS, SESSION_STATES } from './model.js';
import type { OwnerFilter, Snapshot, SnapshotRow } from './snapshot.js';
import { validateSessionDetails } from './validate.js';

/**
 * Export for reporting (CSV and JSON of a snapshot) and for moving sessions between
 * stores (JSON of a whole session: header and journal), with a validating import.
 */

export const EXPORT_SCHEMA_VERSION = 1;

export interface ExportOptions {
  /** When the export was made. Default: now. */
  readonly exportedAt?: Date;
  /** Display names of owners and authors by id; ids are used where a name is missing. */
  readonly people?: Readonly<Record<string, string>>;
}

const CSV_COLUMNS = [
  'session',
  'session_title',
  'week',
  'owner_filter',
  'exported_at',
  'type',
  'depth',
  'id',
  'parent_id',
  'title',
  'owner',
  'owner_name',
  'progress_pct',
  'raw_progress_pct',
  'expected_pct',
  'status',
  'stale',
  'change_points',
  'status_before',
  'new_this_week',
  'removed_this_week',
  'latest_value',
  'unit',
  'latest_comment',
  'latest_author',
  'latest_at',
  'check_ins_this_week',
  'linked_key_results',
  'context_only',
] as const;

function ownerFilterLabel(owner: OwnerFilter): string {
  return typeof owner === 'string' ? owner : owner.ownerId;
}

function pct(fraction: number): number {
  return Math.round(fraction * 10000) / 100;
}

/**
 * A CSV cell. Numbers and booleans stay bare; every text cell is quoted (RFC 4180), so
 * that no list separator inside it (a comma, or the `;` and TAB that spreadsheets in
 * many locales split on) can split it into a new cell. Text that a spreadsheet could
 * read as a formula (its first character after any leading whitespace is =, +, -, @,
 * TAB or CR) gets a leading apostrophe.
 */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = /^[\s]*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

/** The rows of a snapshot as CSV, in tree order, one line per row (CRLF, UTF-8). */
export function snapshotToCsv(snapshot: Snapshot, options: ExportOptions = {}): string {
  const exportedAt = (options.exportedAt ?? new Date()).toISOString();
  const name = (id: string | undefined) => (id === undefined ? undefined : (options.people?.[id] ?? id));
  const lead = [
    snapshot.sessionId,
    snapshot.sessionTitle,
    snapshot.week.key,
    ownerFilterLabel(snapshot.owner),
    exportedAt,
  ];
  const line = (row: SnapshotRow) =>
    [
      ...lead,
      row.type,
      row.depth,
      row.id,
      row.parentId,
      row.title,
      row.ownerId,
      name(row.ownerId),
      pct(row.progress.clamped),
      pct(row.progress.raw),
      pct(row.expected),
      row.status,
      row.stale,
      row.change.points,
      row.change.statusBefore,
      row.change.isNew,
      row.change.removed,
      row.latestCheckIn?.value,
      row.unit,
      row.latestCheckIn?.comment,
      name(row.latestCheckIn?.author),
      row.latestCheckIn?.at,
      row.checkInsThisWeek,
      row.linkedKeyResults,
      row.context ?? false,
    ]
      .map(csvCell)
      .join(',');
  return `${[CSV_COLUMNS.join(','), ...snapshot.rows.map(line)].join('\r\n')}\r\n`;
}

/** A snapshot as JSON, with what it is and when it was exported. */
export function snapshotToJson(snapshot: Snapshot, options: ExportOptions = {}): string {
  return JSON.stringify(
    {
      format: 'okrkit.snapshot',
      schemaVersion: EXPORT_SCHEMA_VERSION,
      exportedAt: (options.exportedAt ?? new Date()).toISOString(),
      ...snapshot,
    },
    null,
    2,
  );
}

/** What a session export holds. */
export interface SessionExport {
  readonly format: 'okrkit.session';
  readonly schemaVersion: number;
  readonly exportedAt: string;
  readonly session: { readonly id: string; readonly title: string };
  readonly journal: readonly JournalEntry[];
}

export function sessionToJson(session: Session, journal: readonly JournalEntry[], options: ExportOptions = {}): string {
  const data: SessionExport = {
    format: 'okrkit.session',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: (options.exportedAt ?? new Date()).toISOString(),
    session: { id: session.id, title: session.title },
    journal,
  };
  return JSON.stringify(data);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Canonical instants only (as `toISOString` writes them), so that instants order as text. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function bad(message: string, field = 'journal'): OkrError {
  return new OkrError('invalid-input', `Import refused: ${message}`, { fields: { [field]: message } });
}

/** Rejects anything but plain JSON data: no prototype-polluting keys, no non-finite numbers. */
function checkPlain(value: unknown, path: string, depth = 0): void {
  if (depth > 12) throw bad(`${path} is nested too deeply.`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw bad(`${path} is not a finite number.`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkPlain(item, `${path}[${i}]`, depth + 1);
    });
    return;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    throw bad(`${path} is not plain data.`);
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw bad(`${path} has a forbidden key "${key}".`);
    checkPlain((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
  }
}

type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'nullable';
/** Required (and, with ?, optional) fields of each entry type's data, beyond what the fold checks. */
const DATA_FIELDS: Readonly<Record<EntryType, Readonly<Record<string, FieldType>>>> = {
  'session.created': {},
  'session.changed': {},
  'session.transitioned': { transition: 'string', from: 'string', to: 'string' },
  'session.deleted': {},
  'objective.added': { id: 'string', title: 'string', order: 'number' },
  'objective.changed': { id: 'string' },
  'objective.removed': { id: 'string' },
  'objective.reordered': { ids: 'array' },
  'keyResult.added': {
    id: 'string',
    objectiveId: 'string',
    title: 'string',
    kind: 'string',
    weight: 'number',
    order: 'number',
  },
  'keyResult.changed': { id: 'string' },
  'keyResult.retargeted': { id: 'string', kind: 'string' },
  'keyResult.removed': { id: 'string' },
  'keyResult.reordered': { objectiveId: 'string', ids: 'array' },
  'owner.assigned': { item: 'string', id: 'string', ownerId: 'nullable' },
  'initiative.added': { id: 'string', title: 'string', status: 'string', keyResultIds: 'array' },
  'initiative.changed': { id: 'string' },
  'initiative.removed': { id: 'string' },
  'checkIn.added': { id: 'string', keyResultId: 'string', value: 'number' },
  'checkIn.corrected': { id: 'string', keyResultId: 'string', value: 'number', corrects: 'string' },
};

function checkEntryData(entry: JournalEntry, where: string): void {
  const data = entry.data as unknown as Record<string, unknown>;
  for (const [field, type] of Object.entries(DATA_FIELDS[entry.type])) {
    const value = data[field];
    const ok =
      type === 'nullable'
        ? value === null || typeof value === 'string'
        : type === 'array'
          ? Array.isArray(value)
          : typeof value === type;
    if (!ok) throw bad(`${where} (${entry.type}) needs ${field} as ${type}.`);
  }
  const oneOf = (field: string, allowed: readonly string[]) => {
    if (data[field] !== undefined && !allowed.includes(data[field] as string))
      throw bad(`${where} has an unknown ${field} ${JSON.stringify(data[field])}.`);
  };
  if (entry.type === 'session.created') {
    try {
      validateSessionDetails(data, { timeZone: 'UTC' });
    } catch (error) {
      throw bad(`${where} does not create a valid session: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if ('title' in data && (typeof data.title !== 'string' || data.title.trim() === ''))
    throw bad(`${where} has an invalid title.`);
  oneOf('kind', KEY_RESULT_KINDS);
  oneOf('status', entry.type.startsWith('initiative.') ? INITIATIVE_STATUSES : CHECK_IN_STATUSES);
  oneOf('from', SESSION_STATES);
  oneOf('to', SESSION_STATES);
  oneOf('item', ['objective', 'keyResult', 'initiative']);
}

/**
 * Parses and validates a session export completely: format and version, plain data
 * only, every entry well-formed and of a known type, and a journal that replays.
 * Rejects with `OkrError('invalid-input')` naming what is wrong.
 */
export function parseSessionExport(input: string | unknown): SessionExport {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw bad(`the file is not JSON (${error instanceof Error ? error.message : String(error)}).`, 'file');
    }
  }
  checkPlain(data, 'export');
  const record = data as Record<string, unknown>;
  if (record.format !== 'okrkit.session') throw bad('this is not an okrkit session export.', 'format');
  if (record.schemaVersion !== EXPORT_SCHEMA_VERSION) {
    throw bad(
      `schema version ${String(record.schemaVersion)} is not supported (expected ${EXPORT_SCHEMA_VERSION}).`,
      'schemaVersion',
    );
  }
  if (!Array.isArray(record.journal) || record.journal.length === 0) throw bad('the journal is missing or empty.');
  const journal = record.journal as unknown[];
  let previousAt = '';
  journal.forEach((raw, i) => {
    const where = `entry ${i + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad(`${where} is not an object.`);
    const e = raw as Record<string, unknown>;
    const keys = Object.keys(e).sort().join(',');
    if (keys !== 'actor,at,data,seq,type') throw bad(`${where} must have exactly seq, at, actor, type and data.`);
    if (e.seq !== i + 1) throw bad(`${where} has seq ${String(e.seq)}; entries must count up from 1.`);
    if (typeof e.at !== 'string' || !INSTANT.test(e.at) || Number.isNaN(Date.parse(e.at)))
      throw bad(`${where} has an invalid instant.`);
    if (e.at < previousAt) throw bad(`${where} is recorded before the entry it follows.`);
    previousAt = e.at;
    if (typeof e.actor !== 'string' || e.actor === '') throw bad(`${where} has no actor.`);
    if (!(ENTRY_TYPES as readonly unknown[]).includes(e.type))
      throw bad(`${where} has an unknown type ${JSON.stringify(e.type)}.`);
    if (typeof e.data !== 'object' || e.data === null || Array.isArray(e.data))
      throw bad(`${where} has no data object.`);
    checkEntryData(raw as JournalEntry, where);
  });
  try {
    replay({ id: 'import', number: 0 }, journal as JournalEntry[]);
  } catch (error) {
    if (error instanceof ReplayError) throw bad(`the journal does not replay: ${error.message}`);
    throw error;
  }
  const session = record.session as Record<string, unknown> | undefined;
  return {
    format: 'okrkit.session',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: typeof record.exportedAt === 'string' ? record.exportedAt : '',
    session: { id: String(session?.id ?? ''), title: String(session?.title ?? '') },
    journal: journal as JournalEntry[],
  };
}
