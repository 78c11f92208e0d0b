import type { JournalEntry, Session } from './journal.js';
import { EXPORT_SCHEMA_VERSION, type SessionExport } from './session-export.js';
import type { OwnerFilter, Snapshot, SnapshotRow } from './snapshot.js';

export { EXPORT_SCHEMA_VERSION, type SessionExport } from './session-export.js';

/**
 * Export for reporting (CSV and JSON of a snapshot) and for moving sessions between
 * stores (JSON of a whole session: header and journal), with a validating import.
 */

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
