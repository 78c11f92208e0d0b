import type { CheckIn, CheckInStatus, InitiativeStatus, KeyResult } from './model.js';
import { FULL_PROGRESS, NO_PROGRESS, type Progress } from './progress.js';
import type { RowChange, RowType, SnapshotRow, SnapshotSummary, WeekResult } from './snapshot.js';
import { removedRow, unchanged } from './snapshot-rows.js';

/**
 * A finished week's result as storage keeps it (a checkpoint, plain JSON): each row a flat
 * array rather than an object with nested progress and change, which halves what a read
 * from IndexedDB or PostgreSQL has to rebuild, and the week's content hash, so that a
 * fresh store answers a past week without reading the journal or deriving anything.
 *
 * A row is `[type, id, parentId, depth, title, ownerId, raw, clamped, expected, status,
 * stale, latestCheckIn, checkInsThisWeek, points, statusBefore, statusAfter, flags, kind,
 * unit, linkedKeyResults]`, with `null` for what a row does not have; flags: 1 new, 2 removed.
 * Decoding gives rows of the shapes `deriveRows` makes (equal as JSON, and in hash).
 */
export const STORED_WEEK_VERSION = 1;

export interface StoredWeek {
  readonly v: typeof STORED_WEEK_VERSION;
  /** How many entries were recorded before the week ended. */
  readonly count: number;
  readonly hash: string;
  readonly title: string;
  readonly expected: number;
  readonly summary: SnapshotSummary;
  readonly rows: readonly StoredRow[];
}

type StoredRow = readonly unknown[];

/** A finished week's result that came from storage, with its hash. */
export interface KeptWeek extends WeekResult {
  readonly hash: string;
  readonly count: number;
}

const TYPES: readonly RowType[] = ['objective', 'keyResult', 'initiative'];
const NEW = 1;
const REMOVED = 2;

export function encodeWeek(result: WeekResult, count: number, hash: string): StoredWeek {
  const rows = result.rows.map((r): StoredRow => {
    const c = r.change;
    return [
      TYPES.indexOf(r.type),
      r.id,
      r.parentId ?? null,
      r.depth,
      r.title,
      r.ownerId ?? null,
      r.progress.raw,
      r.progress.clamped,
      r.expected,
      r.status,
      r.stale ? 1 : 0,
      r.latestCheckIn ?? null,
      r.checkInsThisWeek,
      c.points,
      c.statusBefore ?? null,
      c.statusAfter,
      (c.isNew ? NEW : 0) | (c.removed ? REMOVED : 0),
      r.kind ?? null,
      r.unit ?? null,
      r.linkedKeyResults ?? null,
    ];
  });
  const { title, expected, summary } = result;
  return { v: STORED_WEEK_VERSION, count, hash, title, expected, summary, rows };
}

/**
 * The result a stored value holds, or undefined for anything else (another version, a
 * value written by something else): a checkpoint is a cache, so what cannot be read is
 * derived again, never an error.
 */
export function decodeWeek(value: unknown): KeptWeek | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stored = value as Partial<StoredWeek>;
  if (stored.v !== STORED_WEEK_VERSION || !Array.isArray(stored.rows)) return undefined;
  const { count, hash, title, expected, summary } = stored;
  if (typeof count !== 'number' || typeof hash !== 'string' || typeof title !== 'string') return undefined;
  if (typeof expected !== 'number' || typeof summary !== 'object' || summary === null) return undefined;
  try {
    const rows = stored.rows.map(decodeRow);
    return { count, hash, title, expected, summary, rows };
  } catch {
    return undefined;
  }
}

function decodeRow(row: StoredRow): SnapshotRow {
  if (!Array.isArray(row) || row.length !== 20) throw new TypeError('Not a stored row.');
  const type = TYPES[row[0] as number];
  if (!type) throw new TypeError('Not a stored row.');
  const id = row[1] as string;
  const parentId = (row[2] ?? undefined) as string | undefined;
  const depth = row[3] as 0 | 1 | 2;
  const title = row[4] as string;
  const ownerId = (row[5] ?? undefined) as string | undefined;
  const progress = progressOf(row[6] as number, row[7] as number);
  const expected = row[8] as number;
  const status = row[9] as CheckInStatus | InitiativeStatus;
  const change = changeOf(row[13] as number, row[14] as string | null, row[15] as string, row[16] as number);
  if (change.removed)
    return removedRow(type, id, parentId, depth as 0 | 1, title, ownerId, { progress, status }, expected);
  // Object literals of one shape per type (as deriveRows makes them): spreading a common
  // part made every row a dictionary, eight times slower to build.
  if (type === 'keyResult')
    return {
      type,
      id,
      parentId: parentId as string,
      depth,
      title,
      ownerId,
      progress,
      expected,
      status,
      stale: row[10] === 1,
      latestCheckIn: (row[11] ?? undefined) as CheckIn | undefined,
      checkInsThisWeek: row[12] as number,
      change,
      kind: row[17] as KeyResult['kind'],
      unit: (row[18] ?? undefined) as string | undefined,
    };
  if (type === 'initiative')
    return {
      type,
      id,
      parentId: parentId as string,
      depth,
      title,
      ownerId,
      progress,
      expected,
      status,
      stale: false,
      checkInsThisWeek: 0,
      change,
      linkedKeyResults: row[19] as number,
    };
  return {
    type,
    id,
    depth,
    title,
    ownerId,
    progress,
    expected,
    status,
    stale: false,
    checkInsThisWeek: row[12] as number,
    change,
  };
}

/** An item that did not move shares one frozen change per status, as derived. */
function changeOf(points: number, before: string | null, after: string, flags: number): RowChange {
  if (flags === 0 && points === 0 && before === after) return unchanged(after);
  const statusBefore = before ?? undefined;
  return { points, statusBefore, statusAfter: after, isNew: (flags & NEW) !== 0, removed: (flags & REMOVED) !== 0 };
}

/** Most progress values are none or all of it: those share one frozen object, as derived. */
function progressOf(raw: number, clamped: number): Progress {
  if (raw === 0 && clamped === 0) return NO_PROGRESS;
  if (raw === 1 && clamped === 1) return FULL_PROGRESS;
  return { raw, clamped };
}
