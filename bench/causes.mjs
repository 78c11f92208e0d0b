// Why a goal is missed, where it is: what the time (or the memory) is made of, measured by
// profiling the scenario, and the way to the goal. bench/run.mjs prints the cause of each
// goal this run missed under the goals table. Keyed by the start of a scenario's name; a
// cause here states what was measured when it was written (the date says when) and must be
// rewritten when the code it describes changes.

/** @type {readonly { readonly scenario: string; readonly cause: string }[]} */
export const CAUSES = [
  {
    scenario: '`getSession` on a fresh store',
    cause:
      'A fresh store does four things the bare loop does not. It checks every entry as it takes it in ' +
      '(instants in order; a check-in names a key result that exists then; a correction corrects a ' +
      'check-in not corrected yet) while it indexes each key result’s check-ins (`CheckInIndex.add`, ' +
      'about 35 % of the first load at 1x: a `Map.get` by string id and a push per check-in); it folds ' +
      'the structural entries (`applyInPlace` and `foldStructure`, about 45 %); it makes one record per ' +
      'key result; and it copies the journal for its timeline. The bare loop keeps one number per key ' +
      'result. At 0.1x the fixed part of a first load (its header read, its calendar of weeks) weighs ' +
      'against a 1 ms loop. Way to the goal: interned integer ids for key results in the index and the ' +
      'fold (profiled 2026-12-03, 1x).',
  },
  {
    scenario: 'First snapshot of a past week',
    cause:
      'Kept in storage (stored once the week is final), a past week is a header read, a checkpoint read ' +
      'and the rows rebuilt from flat arrays: 1x 27 ms (0.06 of tuned SQLite), met; at 5x, 70,000 rows ' +
      'rebuilt take 34-80 ms (goal 25): the allocation of a row object each. Nothing stored (a week ' +
      'nobody viewed since the session was imported, or from before this release): a fold to the ' +
      'week’s start and on to its end, then every row derived; no single hot spot (structure fold, ' +
      'key result records, check-in index, rows). An import does not store its finished weeks (26 ' +
      'derivations at once); they are stored on first view (measured 2026-12-03, 1x and 5x).',
  },
  {
    scenario: 'Snapshot of a past week, warm store',
    cause:
      'The week is read from storage again (the store remembers six weeks) and its 14,000 rows rebuilt ' +
      '(1x); the SQLite peer’s weekly state table hands back fewer columns per row, read in C. ' +
      'Remembering the rows of more weeks would make it a lookup, at the memory’s expense.',
  },
  {
    scenario: 'Whole memory of one live session',
    cause:
      'Most of it is the journal as the memory adapter holds it, one frozen JSON object per entry ' +
      '(about 260 bytes each: 59 MB of 120 at 1x), and the folded state kept for each week viewed ' +
      '(42 MB for every week at 1x). SQLite stores integers in pages. Way to the goal: check-ins (nine ' +
      'entries in ten) stored compactly (interned ids, epoch instants, numbers in typed arrays), and ' +
      'week states kept as the few key results the week changed rather than as whole states. Since ' +
      'finished weeks are kept in storage, the memory adapter holds every week viewed as rows too (about ' +
      '6 MB a week at 1x: 283 MB in all, 2026-12-03); IndexedDB and PostgreSQL keep them on disk.',
  },
  {
    scenario: '<okr-snapshot> first view of a past week, fresh store over IndexedDB',
    cause:
      'With the finished week kept it took 403 ms (from 815 with nothing stored, same run, load above ' +
      '2 with a helper building beside it): no journal is read, but IndexedDB hands back the stored ' +
      'week as 10,000 row arrays through a structured clone, then the rows are rebuilt and the first ' +
      'screen rendered; not profiled yet. Nothing stored: the journal read (about 145 ms) and the cold ' +
      'fold and derivation of the core bench come first (measured 2026-12-03).',
  },
  {
    scenario: "Cold load of the demo's snapshot page",
    cause:
      'On a quiet machine it is met (255-363 ms, 2026-12-03); under load it is not. A trace of it: ' +
      'about 20 ms for the page, 20 ms for the script, 75-95 ms running the script and the first render, ' +
      'about 10 ms reading the local copy from IndexedDB (whose answers queue behind the main thread), ' +
      'then the fold, weeks and snapshot (10 ms), the render of the rows (35 ms) and layout (16-21 ms). ' +
      'Each part grows with the load average on two cores shared with the bench itself.',
  },
  {
    scenario: 'What a page downloads for all elements',
    cause:
      '@okrkit/core is the larger part (see the shares in the note): every element pulls in the whole ' +
      'core through the store (the command table with every validator and planner, import and export, ' +
      'the sync client), though a page that shows a snapshot runs a fraction of it. Way to the goal: ' +
      'entry points per element that import only what they use, and import, export and sync loaded ' +
      'when first used.',
  },
  {
    scenario: 'Server: push latency p99, 8 clients',
    cause:
      'Eight clients on one session queue behind its writes. Group commit writes the commands that ' +
      'queued during one write in the next (one statement for all of them), so a queue of seven costs ' +
      'one write, not seven; what is left is the CPU of the one process that runs the server and the ' +
      'load generator, shared with PostgreSQL on two cores: the p99 follows the load average.',
  },
];

/** The cause of a missed goal, by the start of its scenario's name. */
export function causeOf(scenario) {
  return CAUSES.find((c) => scenario.startsWith(c.scenario))?.cause;
}
