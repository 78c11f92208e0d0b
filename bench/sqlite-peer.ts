// The SQLite peers a competent engineer would write for weekly snapshots (sql.js, SQLite in
// WASM, the same engine a Node or browser host would embed):
//
// - "tuned": integer ids; check-ins in a WITHOUT ROWID table clustered on (key result,
//   effective instant, recorded instant), which is also the covering index of the "latest
//   check-in as of t" lookup; owner history clustered on (item, instant) with an owner
//   index; initiative status history likewise. A snapshot is one query of correlated
//   lookups as of the week's end and its start.
// - "weekly": the same tables plus a weekly state table (each key result's value, status
//   and owner at every week boundary, filled when the data is written), so a snapshot is
//   a join of two weeks' states: SQLite's equivalent of okrkit's week checkpoints.
//
// Both give display-ready rows (objective, its key results, each key result's initiatives)
// with progress, status and the change against the week before; `snapshotRowsKey` reduces
// okrkit's and these rows to one comparable form.
import type { JournalEntry, SnapshotRow } from '@okrkit/core';
import initSqlJs from 'sql.js';

const KIND = { increase: 0, decrease: 1, stay_above: 2, stay_below: 3, boolean: 4, milestones: 5 } as const;
const CHECK_IN_STATUS = ['on_track', 'at_risk', 'off_track'] as const;
const INITIATIVE_STATUS = ['planned', 'active', 'done', 'dropped'] as const;
const DAY = 86_400_000;

/** One row, reduced to what both sides must agree on. */
export function rowKey(row: {
  type: string;
  id: string;
  parentId?: string | undefined;
  ownerId?: string | undefined;
  status: string;
  clamped: number;
  points: number;
}): string {
  return [
    row.type,
    row.id,
    row.parentId ?? '',
    row.ownerId ?? '',
    row.status,
    row.clamped.toFixed(9),
    row.points.toFixed(2),
  ].join('|');
}

/**
 * Whether two row keys agree: the same fields, progress to the ninth decimal, points to within
 * a hundredth (an objective's roll-up summed in another order can round the other way).
 */
export function sameRow(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const x = a.split('|');
  const y = b.split('|');
  return x.slice(0, 6).join('|') === y.slice(0, 6).join('|') && Math.abs(Number(x[6]) - Number(y[6])) <= 0.0100001;
}

export function snapshotRowsKey(rows: readonly SnapshotRow[]): string[] {
  return rows.map((r) =>
    rowKey({
      type: r.type,
      id: r.id,
      parentId: r.parentId,
      ownerId: r.ownerId,
      status: r.status,
      clamped: r.progress.clamped,
      points: r.change.points,
    }),
  );
}

export interface PeerRow {
  readonly type: 'objective' | 'keyResult' | 'initiative';
  readonly id: string;
  readonly parentId?: string | undefined;
  readonly title: string;
  readonly ownerId?: string | undefined;
  readonly status: string;
  readonly clamped: number;
  readonly points: number;
}

const SCHEMA = `
  CREATE TABLE objectives (id INTEGER PRIMARY KEY, ord INTEGER NOT NULL, title TEXT NOT NULL, created INTEGER NOT NULL);
  CREATE TABLE objective_owners (objective INTEGER, at INTEGER, owner INTEGER, PRIMARY KEY (objective, at)) WITHOUT ROWID;
  CREATE TABLE key_results (id INTEGER PRIMARY KEY, objective INTEGER NOT NULL, ord INTEGER NOT NULL, kind INTEGER NOT NULL,
    start REAL, target REAL, threshold REAL, steps INTEGER, weight REAL NOT NULL, title TEXT NOT NULL, created INTEGER NOT NULL);
  CREATE INDEX key_results_tree ON key_results (objective, ord, id, kind, start, target, threshold, steps, weight);
  CREATE TABLE check_ins (kr INTEGER, effective INTEGER, recorded INTEGER, value REAL NOT NULL, status INTEGER,
    PRIMARY KEY (kr, effective, recorded)) WITHOUT ROWID;
  CREATE TABLE kr_owners (kr INTEGER, at INTEGER, owner INTEGER, PRIMARY KEY (kr, at)) WITHOUT ROWID;
  CREATE INDEX kr_owners_by_owner ON kr_owners (owner, kr);
  CREATE TABLE initiatives (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
  CREATE TABLE initiative_links (kr INTEGER, initiative INTEGER, PRIMARY KEY (kr, initiative)) WITHOUT ROWID;
  CREATE TABLE initiative_status (initiative INTEGER, at INTEGER, status INTEGER NOT NULL, PRIMARY KEY (initiative, at)) WITHOUT ROWID;`;

const WEEKLY_SCHEMA = `
  CREATE TABLE kr_weeks (week INTEGER, kr INTEGER, value REAL, status INTEGER, owner INTEGER, PRIMARY KEY (week, kr)) WITHOUT ROWID;
  CREATE TABLE objective_weeks (week INTEGER, objective INTEGER, owner INTEGER, PRIMARY KEY (week, objective)) WITHOUT ROWID;
  CREATE TABLE initiative_weeks (week INTEGER, initiative INTEGER, status INTEGER, PRIMARY KEY (week, initiative)) WITHOUT ROWID;`;

const latest = (column: string, before: string) =>
  `(SELECT ${column} FROM check_ins c WHERE c.kr = k.id AND c.recorded < ${before} ORDER BY c.effective DESC, c.recorded DESC LIMIT 1)`;

/** Raw progress of value `v` by kind (okrkit's rule: no check-in is the start). */
const raw = (v: string) => `CASE WHEN ${v} IS NULL THEN 0.0 ELSE CASE kind
  WHEN 0 THEN (${v} - start) / (target - start) WHEN 1 THEN (${v} - start) / (target - start)
  WHEN 2 THEN CASE WHEN ${v} >= threshold THEN 1.0 ELSE 0.0 END
  WHEN 3 THEN CASE WHEN ${v} <= threshold THEN 1.0 ELSE 0.0 END
  WHEN 4 THEN CASE WHEN ${v} <> 0 THEN 1.0 ELSE 0.0 END
  ELSE CASE WHEN steps = 0 THEN 0.0 ELSE ${v} * 1.0 / steps END END END`;
const derived = (clamped: string, expected: string) =>
  `CASE WHEN ${expected} - ${clamped} >= 0.25 - 1e-8 THEN 2 WHEN ${expected} - ${clamped} >= 0.1 - 1e-8 THEN 1 ELSE 0 END`;

/** From per-key-result values (`k`: v, s, pv, ps, owner), progress, status and the objective roll-up. */
const rollup = (k: string) => `
  , p AS (SELECT *, MIN(1.0, MAX(0.0, ${raw('v')})) AS c, MIN(1.0, MAX(0.0, ${raw('pv')})) AS pc FROM ${k})
  , r AS (SELECT *, COALESCE(s, ${derived('c', '$e')}) AS st, COALESCE(ps, ${derived('pc', '$eb')}) AS pst FROM p)
  SELECT id, objective, c, st, pc, pst, owner, had,
    SUM(weight * c) OVER w / SUM(weight) OVER w, MAX(st) OVER w,
    SUM(weight * pc) OVER w / SUM(weight) OVER w, MAX(pst) OVER w
  FROM r WINDOW w AS (PARTITION BY objective) ORDER BY objective, ord`;

const TUNED_KRS = `WITH k AS (
    SELECT k.id, k.objective, k.ord, k.kind, k.start, k.target, k.threshold, k.steps, k.weight,
      ${latest('value', '$to')} AS v, ${latest('status', '$to')} AS s,
      ${latest('value', '$from')} AS pv, ${latest('status', '$from')} AS ps,
      (SELECT owner FROM kr_owners o WHERE o.kr = k.id AND o.at < $to ORDER BY o.at DESC LIMIT 1) AS owner,
      k.created < $from AS had
    FROM key_results k WHERE k.created < $to)${rollup('k')}`;
const TUNED_OBJECTIVES = `SELECT o.id, o.title,
    (SELECT owner FROM objective_owners w WHERE w.objective = o.id AND w.at < $to ORDER BY w.at DESC LIMIT 1)
  FROM objectives o WHERE o.created < $to ORDER BY o.ord`;
const TUNED_INITIATIVES = `SELECT l.kr, i.id, i.title,
    (SELECT status FROM initiative_status s WHERE s.initiative = i.id AND s.at < $to ORDER BY s.at DESC LIMIT 1),
    (SELECT status FROM initiative_status s WHERE s.initiative = i.id AND s.at < $from ORDER BY s.at DESC LIMIT 1)
  FROM initiative_links l JOIN initiatives i ON i.id = l.initiative ORDER BY l.kr, i.id`;

const WEEKLY_KRS = `WITH k AS (
    SELECT k.id, k.objective, k.ord, k.kind, k.start, k.target, k.threshold, k.steps, k.weight,
      a.value AS v, a.status AS s, b.value AS pv, b.status AS ps, a.owner AS owner, b.kr IS NOT NULL AS had
    FROM kr_weeks a JOIN key_results k ON k.id = a.kr LEFT JOIN kr_weeks b ON b.week = $week - 1 AND b.kr = a.kr
    WHERE a.week = $week)${rollup('k')}`;
const WEEKLY_OBJECTIVES = `SELECT o.id, o.title, w.owner FROM objective_weeks w JOIN objectives o ON o.id = w.objective
  WHERE w.week = $week ORDER BY o.ord`;
const WEEKLY_INITIATIVES = `SELECT l.kr, i.id, i.title, a.status, b.status
  FROM initiative_links l JOIN initiatives i ON i.id = l.initiative
  JOIN initiative_weeks a ON a.week = $week AND a.initiative = i.id
  LEFT JOIN initiative_weeks b ON b.week = $week - 1 AND b.initiative = i.id ORDER BY l.kr, i.id`;

type Sql = Awaited<ReturnType<typeof initSqlJs>>;
let engine: Promise<Sql> | undefined;
/** The WASM engine, loaded once per process (as a host loads its database library once). */
export function sqlite(): Promise<Sql> {
  engine ??= initSqlJs();
  return engine;
}

interface Names {
  readonly objectives: string[];
  readonly keyResults: string[];
  readonly initiatives: string[];
  readonly people: string[];
}

/** A database image (what a file holds) and the names behind its integer ids. */
export interface SqlImage {
  readonly bytes: Uint8Array;
  readonly names: Names;
  readonly weekly: boolean;
  /** Epoch ms of the session's first day and the day after its last, for expected progress. */
  readonly span: { readonly start: number; readonly end: number };
  /** Week boundaries: boundary b is the start of the session's week b (0-based). */
  readonly boundaries: readonly number[];
}

/** Writes the journal into SQLite (and with `weekly`, the weekly state table) and returns the file's bytes. */
export async function buildImage(journal: readonly JournalEntry[], weekly: boolean): Promise<SqlImage> {
  const SQL = await sqlite();
  const db = new SQL.Database();
  db.run(SCHEMA);
  if (weekly) db.run(WEEKLY_SCHEMA);
  const ids = new Map<string, number>();
  const names: Names = { objectives: [], keyResults: [], initiatives: [], people: [] };
  const idOf = (list: string[], key: string, prefix: string) => {
    const k = `${prefix}:${key}`;
    let n = ids.get(k);
    if (n === undefined) {
      n = list.length;
      list.push(key);
      ids.set(k, n);
    }
    return n;
  };
  const person = (p: string | null | undefined) => (p ? idOf(names.people, p, 'p') : null);
  const insert = {
    objective: db.prepare('INSERT INTO objectives VALUES (?, ?, ?, ?)'),
    objectiveOwner: db.prepare('INSERT OR REPLACE INTO objective_owners VALUES (?, ?, ?)'),
    keyResult: db.prepare('INSERT INTO key_results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    checkIn: db.prepare('INSERT INTO check_ins VALUES (?, ?, ?, ?, ?)'),
    krOwner: db.prepare('INSERT OR REPLACE INTO kr_owners VALUES (?, ?, ?)'),
    initiative: db.prepare('INSERT INTO initiatives VALUES (?, ?)'),
    link: db.prepare('INSERT INTO initiative_links VALUES (?, ?)'),
    initiativeStatus: db.prepare('INSERT OR REPLACE INTO initiative_status VALUES (?, ?, ?)'),
  };
  const effectiveOf = new Map<string, number>();
  let span = { start: 0, end: 0 };
  db.run('BEGIN');
  for (const e of journal) {
    const at = Date.parse(e.at);
    switch (e.type) {
      case 'session.created':
        span = { start: Date.parse(`${e.data.start}T00:00:00Z`), end: Date.parse(`${e.data.end}T00:00:00Z`) + DAY };
        break;
      case 'objective.added': {
        const id = idOf(names.objectives, e.data.id, 'o');
        insert.objective.run([id, e.data.order, e.data.title, at]);
        insert.objectiveOwner.run([id, at, person(e.data.ownerId)]);
        break;
      }
      case 'keyResult.added': {
        const id = idOf(names.keyResults, e.data.id, 'k');
        const d = e.data;
        insert.keyResult.run([
          id,
          idOf(names.objectives, d.objectiveId, 'o'),
          d.order,
          KIND[d.kind],
          d.start ?? null,
          d.target ?? null,
          d.threshold ?? null,
          d.milestones?.length ?? null,
          d.weight,
          d.title,
          at,
        ]);
        insert.krOwner.run([id, at, person(d.ownerId)]);
        break;
      }
      case 'initiative.added': {
        const id = idOf(names.initiatives, e.data.id, 'i');
        insert.initiative.run([id, e.data.title]);
        for (const kr of e.data.keyResultIds) insert.link.run([idOf(names.keyResults, kr, 'k'), id]);
        insert.initiativeStatus.run([id, at, INITIATIVE_STATUS.indexOf(e.data.status)]);
        break;
      }
      case 'initiative.changed':
        if (e.data.status)
          insert.initiativeStatus.run([
            idOf(names.initiatives, e.data.id, 'i'),
            at,
            INITIATIVE_STATUS.indexOf(e.data.status),
          ]);
        break;
      case 'owner.assigned':
        if (e.data.item === 'keyResult')
          insert.krOwner.run([idOf(names.keyResults, e.data.id, 'k'), at, person(e.data.ownerId)]);
        else if (e.data.item === 'objective')
          insert.objectiveOwner.run([idOf(names.objectives, e.data.id, 'o'), at, person(e.data.ownerId)]);
        break;
      case 'checkIn.added':
      case 'checkIn.corrected': {
        // A correction takes the place of what it corrects: it sorts at the corrected check-in's instant.
        const effective = e.type === 'checkIn.corrected' ? (effectiveOf.get(e.data.corrects) ?? at) : at;
        effectiveOf.set(e.data.id, effective);
        const status = e.data.status === undefined ? null : CHECK_IN_STATUS.indexOf(e.data.status);
        insert.checkIn.run([idOf(names.keyResults, e.data.keyResultId, 'k'), effective, at, e.data.value, status]);
        break;
      }
      default:
        // The workload has no other changes (removals, retargets, renames); a peer for them would need more tables.
        if (e.type !== 'session.transitioned' && e.type !== 'session.changed')
          throw new Error(`The SQLite peer does not model ${e.type}.`);
    }
  }
  db.run('COMMIT');
  const boundaries: number[] = [];
  for (let b = span.start; b <= span.end + 6 * DAY; b += 7 * DAY) boundaries.push(b);
  if (weekly) {
    // The weekly state table, filled at write time: the state at each boundary (a week's start).
    db.run('BEGIN');
    const fill = [
      db.prepare(`INSERT INTO kr_weeks SELECT $week, k.id, ${latest('value', '$at')}, ${latest('status', '$at')},
        (SELECT owner FROM kr_owners o WHERE o.kr = k.id AND o.at < $at ORDER BY o.at DESC LIMIT 1)
        FROM key_results k WHERE k.created < $at`),
      db.prepare(`INSERT INTO objective_weeks SELECT $week, o.id,
        (SELECT owner FROM objective_owners w WHERE w.objective = o.id AND w.at < $at ORDER BY w.at DESC LIMIT 1)
        FROM objectives o WHERE o.created < $at`),
      db.prepare(`INSERT INTO initiative_weeks SELECT $week, i.id,
        (SELECT status FROM initiative_status s WHERE s.initiative = i.id AND s.at < $at ORDER BY s.at DESC LIMIT 1)
        FROM initiatives i`),
    ];
    boundaries.forEach((at, week) => {
      for (const statement of fill) {
        statement.bind({ $week: week, $at: at });
        while (statement.step());
        statement.reset();
      }
    });
    db.run('COMMIT');
  }
  db.run('ANALYZE');
  const bytes = db.export();
  db.close();
  return { bytes, names, weekly, span, boundaries };
}

/** An open connection with its statements prepared: `snapshot(week)` answers week `week` (0-based). */
export interface SqlPeer {
  snapshot(week: number): PeerRow[];
  close(): void;
}

/** Opens the image (a fresh connection, nothing prepared or cached yet). */
export async function openPeer(image: SqlImage): Promise<SqlPeer> {
  const SQL = await sqlite();
  const db = new SQL.Database(image.bytes);
  const [krSql, objectiveSql, initiativeSql] = image.weekly
    ? [WEEKLY_KRS, WEEKLY_OBJECTIVES, WEEKLY_INITIATIVES]
    : [TUNED_KRS, TUNED_OBJECTIVES, TUNED_INITIATIVES];
  const krs = db.prepare(krSql);
  const objectives = db.prepare(objectiveSql);
  const initiatives = db.prepare(initiativeSql);
  const { names, span, boundaries } = image;
  const expected = (at: number) => Math.min(1, Math.max(0, (at - span.start) / (span.end - span.start)));
  const points = (now: number, before: number) => Math.round((now - before) * 100 * 100) / 100;
  const owner = (n: unknown) => (n === null ? undefined : names.people[n as number]);
  return {
    snapshot(week) {
      const from = boundaries[week] as number;
      const to = boundaries[week + 1] as number;
      const params = image.weekly
        ? { $week: week + 1, $e: expected(to), $eb: expected(from) }
        : { $from: from, $to: to, $e: expected(to), $eb: expected(from) };
      // Initiatives by key result, then objectives, then the tree in one pass over the key results.
      const byKr = new Map<number, PeerRow[]>();
      initiatives.bind(image.weekly ? { $week: week + 1 } : { $from: from, $to: to });
      while (initiatives.step()) {
        const [kr, id, title, status, before] = initiatives.get() as [number, number, string, number, number | null];
        const now = status === 2 ? 1 : 0;
        const row: PeerRow = {
          type: 'initiative',
          id: names.initiatives[id] as string,
          parentId: names.keyResults[kr],
          title,
          status: INITIATIVE_STATUS[status] as string,
          clamped: now,
          points: before === null ? now * 100 : points(now, before === 2 ? 1 : 0),
        };
        const list = byKr.get(kr);
        if (list) list.push(row);
        else byKr.set(kr, [row]);
      }
      initiatives.reset();
      const objectiveRows = new Map<number, { title: string; ownerId: string | undefined }>();
      objectives.bind(image.weekly ? { $week: week + 1 } : { $to: to });
      while (objectives.step()) {
        const [id, title, ownerId] = objectives.get() as [number, string, number | null];
        objectiveRows.set(id, { title, ownerId: owner(ownerId) });
      }
      objectives.reset();
      const rows: PeerRow[] = [];
      let current = -1;
      krs.bind(params);
      while (krs.step()) {
        const [id, objective, c, st, pc, pst, ownerId, had, oc, ost, opc, opst] = krs.get() as number[];
        if (objective !== current) {
          current = objective as number;
          const o = objectiveRows.get(current);
          rows.push({
            type: 'objective',
            id: names.objectives[current] as string,
            title: o?.title ?? '',
            ownerId: o?.ownerId,
            status: CHECK_IN_STATUS[ost as number] as string,
            clamped: oc as number,
            points: points(oc as number, opc as number),
          });
          void opst;
        }
        rows.push({
          type: 'keyResult',
          id: names.keyResults[id as number] as string,
          parentId: names.objectives[objective as number],
          title: '',
          ownerId: owner(ownerId ?? null),
          status: CHECK_IN_STATUS[st as number] as string,
          clamped: c as number,
          points: had ? points(c as number, pc as number) : Math.round((c as number) * 100 * 100) / 100,
        });
        void pst;
        for (const row of byKr.get(id as number) ?? []) rows.push(row);
      }
      krs.reset();
      return rows;
    },
    close: () => db.close(),
  };
}
