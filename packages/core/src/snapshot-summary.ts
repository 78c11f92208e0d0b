import type { CheckInStatus } from './model.js';
import type { Mover, OwnerFilter, SnapshotRow, SnapshotSummary } from './snapshot.js';

/**
 * Keeps the rows owned by `owner` (or without an owner, for `unassigned`) and, as
 * context, the ancestors that show where they belong.
 */
export function filterByOwner(rows: readonly SnapshotRow[], owner: OwnerFilter): SnapshotRow[] {
  if (owner === 'all') return [...rows];
  const matches = (row: SnapshotRow) =>
    owner === 'unassigned' ? row.ownerId === undefined : row.ownerId === owner.ownerId;
  const keep = new Set<SnapshotRow>();
  const context = new Set<SnapshotRow>();
  // Rows are in tree order: the nearest row above at a smaller depth is the parent.
  const path: SnapshotRow[] = [];
  for (const row of rows) {
    path.length = row.depth;
    if (matches(row)) {
      keep.add(row);
      for (const ancestor of path) if (!keep.has(ancestor)) context.add(ancestor);
    }
    path[row.depth] = row;
  }
  return rows
    .filter((r) => keep.has(r) || context.has(r))
    .map((r) => (context.has(r) && !keep.has(r) ? { ...r, context: true } : r));
}

/** Counts and movers of the rows shown (context rows do not count). */
export function summarize(rows: readonly SnapshotRow[]): SnapshotSummary {
  const byStatus: Record<CheckInStatus, number> = { on_track: 0, at_risk: 0, off_track: 0 };
  let stale = 0;
  let unassigned = 0;
  let counted = 0;
  let progress = 0;
  // Objectives shown only for context: their own key results count in the mean instead.
  const contextObjectives = new Set<string>();
  // The three biggest moves each way, in one pass (ties: earlier rows first up, later rows first down).
  const movedUp: Mover[] = [];
  const movedDown: Mover[] = [];
  for (const row of rows) {
    if (row.context && row.type === 'objective') contextObjectives.add(row.id);
    if (row.context || row.change.removed) continue;
    if (row.ownerId === undefined) unassigned++;
    const top =
      row.type === 'objective' ||
      (row.type === 'keyResult' && row.parentId !== undefined && contextObjectives.has(row.parentId));
    if (top) {
      counted++;
      progress += row.progress.clamped;
    }
    if (row.type !== 'keyResult') continue;
    byStatus[row.status as CheckInStatus]++;
    if (row.stale) stale++;
    const points = row.change.points;
    if (points > 0 && (movedUp.length < 3 || points > (movedUp[2] as Mover).points)) {
      let i = movedUp.length;
      while (i > 0 && (movedUp[i - 1] as Mover).points < points) i--;
      movedUp.splice(i, 0, { id: row.id, title: row.title, points });
      movedUp.length = Math.min(movedUp.length, 3);
    } else if (points < 0 && (movedDown.length < 3 || points <= (movedDown[2] as Mover).points)) {
      let i = 0;
      while (i < movedDown.length && (movedDown[i] as Mover).points < points) i++;
      movedDown.splice(i, 0, { id: row.id, title: row.title, points });
      movedDown.length = Math.min(movedDown.length, 3);
    }
  }
  return {
    byStatus,
    stale,
    unassigned,
    progress: counted === 0 ? 0 : progress / counted,
    movedUp,
    movedDown,
  };
}
