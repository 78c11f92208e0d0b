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
      'Met at 1x and 5x; at 0.1x (23,000 entries, a 1.6 ms loop) the first load is mostly what does not ' +
      'shrink with the journal, and what a full collection before each run costs it. A fresh store checks ' +
      'every entry as it takes it in (instants in order; a check-in names a key result that exists then; a ' +
      'correction corrects one not corrected yet) while it indexes each key result’s check-ins, folds the ' +
      'structural entries, makes a record per key result and copies the journal for its timeline: ' +
      'allocation the bare loop does not do, collected inside the timed call. Measured alone at 0.1x on a ' +
      'quiet machine: median 6.7 ms, fastest 3.6 ms (2.3x). Found and fixed on 2026-12-03: the fold was ' +
      'handed a closure made per timeline, which V8 inlined and held weakly, so every collection after a ' +
      'store was gone threw the fold’s optimized code away (1x 130 -> 99 ms median after a full ' +
      'collection). Way to the goal at 0.1x: fewer allocations per first load (the journal copy, a list ' +
      'per key result), interned integer ids.',
  },
  {
    scenario: 'First snapshot of a past week',
    cause:
      'Kept in storage (stored once the week is final), a past week is a header read, a checkpoint read ' +
      'and the rows rebuilt from flat arrays: met at 0.1x and 1x (0.03 and 0.06 of tuned SQLite); at 5x ' +
      'the 70,000 rows rebuilt, one object each, take about 40 ms (goal 25). Tried on 2026-12-03: rows ' +
      'stored by column (one array per field) read back from IndexedDB in 11.5 ms instead of 19 for ' +
      '10,000 rows, but the memory adapter keeps what it stores frozen, and V8 turns a frozen array of ' +
      'doubles into one of boxed numbers: the rebuild went from 27 to 65 ms at 1x; not kept. Way to the ' +
      'goal: rows made as they are shown (the summary and the first screen first). Nothing stored (a ' +
      'week nobody viewed since the session was imported): a fold to the week’s start and on to its end, ' +
      'then every row derived; no single hot spot. An import does not store its finished weeks (26 ' +
      'derivations at once); they are stored on first view.',
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
      'The journal as the memory adapter holds it, one frozen JSON object per entry (about 230 bytes each: ' +
      '52 MB at 1x, since 2026-12-04 with the strings entries repeat stored once, 59 MB before), the ' +
      'folded state kept for each week viewed (with every week viewed and no week ' +
      'stored: 75 MB), and the finished weeks the memory adapter keeps as rows (about 4.6 MB a week at 1x, ' +
      '120 MB for 26 weeks). Node 20 runs without pointer compression: every array slot is 8 bytes, so ' +
      '14,000 rows of 20 fields are 2.2 MB before their strings, whatever the layout (by column saved ' +
      'no slots; sharing the state’s strings instead of a JSON copy saved 0.7 MB a week; measured ' +
      "2026-12-03; each kept week as one JSON text took 283 to 228 MB but a kept week's first view from " +
      '15 to 70 ms, not kept, 2026-12-04). IndexedDB and PostgreSQL keep the finished weeks on disk. SQLite stores integers in ' +
      'pages. Way to the goal: check-ins (nine entries in ten) and kept weeks stored compactly (interned ' +
      'ids, epoch instants, numbers in typed arrays), and week states kept as the few key results the ' +
      'week changed rather than as whole states.',
  },
  {
    scenario: '<okr-snapshot> first view of a past week, fresh store over IndexedDB',
    cause:
      'Profiled with the finished week kept (2026-12-03, quiet machine, 100-145 ms): opening the database ' +
      'and reading the header 2-12 ms; reading the kept week 18-20 ms (a structured clone of 10,000 row ' +
      'arrays, 2.4 MB); rebuilding the rows 5-10 ms; then the element’s first render: 20 ms of script ' +
      '(the templates of the 17 rows in view, the toolbar, an owner filter of 302 options), 22-25 ms of ' +
      'style and layout for its 870 elements (0.6 ms a row; the select’s options 4 ms), 7 ms of paint, ' +
      'and the next frame. Under load each part stretches. Nothing stored: the journal read (about 145 ' +
      'ms) and the cold fold and derivation of the core bench come first. Way to the goal: a lighter row ' +
      '(fewer elements and rules per cell), the owner filter’s options made when it is opened.',
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
      'Measured 2026-12-04 as Vite bundles for production (Rollup, esbuild minifying). The command ' +
      "table (every validator and planner, and the import's checks: 9.4 KB) is loaded by the first " +
      'command since that day, which took the first view from 103.2 to 93.7 KB. Of what is left, the ' +
      "elements' own code is about 52 KB (ten elements with their styles and English texts), the core " +
      "about 24 KB (store, fold, snapshots, IndexedDB adapter), lit 7.9, temporal-polyfill's functions " +
      "7.9 and idb 1.2. Way to the goal: the elements' editing parts (forms, dialogs, the check-in " +
      "editor) loaded when first opened; 60 KB for every element would also need the elements' styles " +
      'and texts to shrink by a third.',
  },
  {
    scenario: 'Server: check-ins per second over HTTP, 1 client',
    cause:
      'One client waits for each answer, so every push pays the HTTP round trip, the session lock and ' +
      'one transaction, all on two cores shared with PostgreSQL and the load generator: met (0.54) in ' +
      'a 2026-12-03 13:59 run, missed in both 2026-12-03 evening runs (0.39, load above 3) and in the ' +
      '2026-12-04 03:47 run (0.49, load 2.8). Not profiled again.',
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
