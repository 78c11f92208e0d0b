// Pure core work in Node: the fold, weekly snapshots and summaries, against a bare loop
// (the limit) and against SQLite (sql.js) answering the same questions over indexed tables.
import { type JournalEntry, type Session, snapshotOf, weekRange, weeksBetween } from '@okrkit/core';
import { replay, Timeline } from '@okrkit/core/internals';
import initSqlJs from 'sql.js';
import { ENTERPRISE, enterprise, START_MS, scaled } from './generate.js';
import { inTurns, median, type Row } from './measure.js';

const rows: Row[] = [];
const identity = { id: 'SE-01001', number: 1001 };

function limitBaseline(journal: readonly JournalEntry[]): number {
  let sum = 0;
  for (const entry of journal) if (entry.type === 'checkIn.added') sum += entry.data.value;
  return sum;
}

/**
 * Not a peer, a second floor: the least a fold that keeps each key result's history
 * does, finding each check-in's key result by id and keeping a reference to its entry.
 */
function groupingBaseline(journal: readonly JournalEntry[]): number {
  const byKr = new Map<string, JournalEntry[]>();
  for (const entry of journal) {
    if (entry.type === 'keyResult.added') byKr.set(entry.data.id, []);
    else if (entry.type === 'checkIn.added') byKr.get(entry.data.keyResultId)?.push(entry);
  }
  return byKr.size;
}

async function sqlPeer(journal: readonly JournalEntry[]) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE objectives (id TEXT PRIMARY KEY, owner TEXT);
    CREATE TABLE key_results (id TEXT PRIMARY KEY, objective_id TEXT, start REAL, target REAL, weight REAL, owner TEXT);
    CREATE TABLE check_ins (kr_id TEXT, at INTEGER, value REAL, status TEXT);
    CREATE INDEX check_ins_kr_at ON check_ins (kr_id, at);
    CREATE INDEX key_results_objective ON key_results (objective_id);`);
  db.run('BEGIN');
  const o = db.prepare('INSERT INTO objectives VALUES (?, ?)');
  const k = db.prepare('INSERT INTO key_results VALUES (?, ?, ?, ?, ?, ?)');
  const c = db.prepare('INSERT INTO check_ins VALUES (?, ?, ?, ?)');
  for (const e of journal) {
    if (e.type === 'objective.added') o.run([e.data.id, e.data.ownerId ?? null]);
    if (e.type === 'keyResult.added')
      k.run([
        e.data.id,
        e.data.objectiveId,
        e.data.start ?? 0,
        e.data.target ?? 1,
        e.data.weight,
        e.data.ownerId ?? null,
      ]);
    if (e.type === 'checkIn.added') c.run([e.data.keyResultId, Date.parse(e.at), e.data.value, e.data.status ?? null]);
  }
  db.run('COMMIT');
  // Latest check-in per key result as of the week's end and as of the week before, progress per key result and per objective.
  const snapshot = db.prepare(`
    WITH kr AS (
      SELECT k.id, k.objective_id, k.weight, k.start, k.target, k.owner,
        (SELECT value FROM check_ins WHERE kr_id = k.id AND at < $end ORDER BY at DESC LIMIT 1) AS v,
        (SELECT value FROM check_ins WHERE kr_id = k.id AND at < $from ORDER BY at DESC LIMIT 1) AS pv,
        (SELECT status FROM check_ins WHERE kr_id = k.id AND at < $end ORDER BY at DESC LIMIT 1) AS status
      FROM key_results k WHERE ($owner IS NULL OR k.owner = $owner)
    ), p AS (
      SELECT id, objective_id, weight, status,
        MIN(1.0, MAX(0.0, (COALESCE(v, start) - start) / (target - start))) AS progress,
        MIN(1.0, MAX(0.0, (COALESCE(pv, start) - start) / (target - start))) AS before
      FROM kr
    )
    SELECT id, objective_id, progress, (progress - before) * 100 AS points, status,
      SUM(weight * progress) OVER (PARTITION BY objective_id) / SUM(weight) OVER (PARTITION BY objective_id) AS objective_progress
    FROM p`);
  const query = (from: number, end: number, owner: string | null = null) => {
    snapshot.bind({ $from: from, $end: end, $owner: owner });
    const out: unknown[] = [];
    while (snapshot.step()) out.push(snapshot.get());
    snapshot.reset();
    return out;
  };
  return { query, close: () => db.close() };
}

async function run(label: string, factor: number, withPeers: boolean) {
  const { journal, ownerOf } = enterprise(factor === 1 ? ENTERPRISE : scaled(factor));
  const size = `${journal.length.toLocaleString('en')} entries`;
  const baseline = await median(() => limitBaseline(journal));
  const grouping = await median(() => groupingBaseline(journal));
  let live: Session | undefined;
  const fold = await median(() => {
    live = replay(identity, journal);
  });
  // Memory of one live state: the heap with it minus the heap without it, both after a full GC.
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  live = undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  live = replay(identity, journal);
  gc();
  const memoryMb = (process.memoryUsage().heapUsed - before) / 1e6;
  if (!live) throw new Error('no state');
  rows.push({
    scenario: `Live state from a cold journal (${label})`,
    size,
    okrkit: fold,
    peer: baseline,
    peerName: 'bare loop (limit)',
    memoryMb,
    goal: 'within 3x of the limit',
  });
  rows.push({
    scenario: `Live state from a cold journal, against grouping check-ins (${label})`,
    size,
    okrkit: fold,
    peer: grouping,
    peerName: 'loop grouping check-ins by key result (floor)',
  });
  const weeks = weeksBetween(live.start, live.end);
  const week = weeks[12] ?? weeks[0];
  if (!week) throw new Error('no week');
  const now = new Date(START_MS + 40 * 7 * 86_400_000);
  const timeline = new Timeline(identity, journal);
  const sql = withPeers ? await sqlPeer(journal) : undefined;
  /** The SQL answer for week `w`, if this size has the peer. */
  const sqlFor = (w: typeof week, owner?: string) => {
    if (!sql) return undefined;
    const range = weekRange(w, live?.timeZone ?? 'UTC');
    return () => sql.query(range.from, range.to, owner ?? null);
  };
  const cold = await median(
    () => {
      timeline.dropCheckpoints();
      snapshotOf(timeline, live as Session, week.key, now);
    },
    3,
    1,
  );
  // Checkpoints kept, derived weeks forgotten: the cost of deriving a week's rows.
  const derive = (w: typeof week) => () => {
    timeline.dropMemo();
    snapshotOf(timeline, live as Session, w.key, now);
  };
  const warm = await inTurns(derive(week), sqlFor(week));
  // "Any past week": every week on its own, the slowest reported (the first has no week
  // before it to compare with, the last the most history behind it). A second of runs per
  // week, so that a week is not called slow for the garbage collection that fell in it.
  let slowest = { week, ms: 0 };
  for (const w of weeks) {
    const ms = await median(derive(w));
    if (ms > slowest.ms) slowest = { week: w, ms };
  }
  const slowestWeek = await inTurns(derive(slowest.week), sqlFor(slowest.week));
  const again = await median(() => snapshotOf(timeline, live as Session, week.key, now));
  const owner = ownerOf.find((o) => o) ?? 'p1';
  const filtered = await inTurns(
    () => {
      timeline.dropMemo();
      snapshotOf(timeline, live as Session, week.key, now, { owner: { ownerId: owner } });
    },
    sqlFor(week, owner),
  );
  const all = await inTurns(
    () => {
      timeline.dropMemo();
      for (const w of weeks) snapshotOf(timeline, live as Session, w.key, now);
    },
    sql
      ? () => {
          for (const w of weeks) sqlFor(w)?.();
        }
      : undefined,
  );
  const add = (scenario: string, okrkit: number, peerMs: number | undefined, goal?: string) =>
    rows.push({
      scenario: `${scenario} (${label})`,
      size,
      okrkit,
      ...(peerMs === undefined ? {} : { peer: peerMs, peerName: 'SQLite (sql.js)' }),
      ...(goal ? { goal } : {}),
    });
  add('Snapshot of a past week, checkpoints warm', warm.okrkit, warm.peer, '5x faster than SQLite; under 20 ms');
  add(`Snapshot of the slowest past week (${slowest.week.key})`, slowestWeek.okrkit, slowestWeek.peer, 'under 20 ms');
  add('Snapshot of a past week, no checkpoints', cold, warm.peer);
  add('Snapshot of a past week, viewed again', again, warm.peer);
  add('Snapshot of a past week, one owner', filtered.okrkit, filtered.peer, '5x faster than SQLite');
  add(`All ${weeks.length} weeks' summaries`, all.okrkit, all.peer);
  sql?.close();
}

// One size per process (bench/run.mjs starts one for each): a size measured after
// another ran in the same heap came out up to twice as slow, from the garbage and
// the compiled code the earlier size left behind.
const factor = Number(process.argv[2] ?? 1);
await run(`${factor}x`, factor, factor === 1);
process.stdout.write(`${JSON.stringify(rows)}\n`);
