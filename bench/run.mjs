#!/usr/bin/env node
// `npm run bench`: every scenario against its peer in the same run, written to bench/results.md:
// first the goals (each met or missed), then cold first-visit figures, then warm ones, memory,
// the browser, and last, labelled, figures that rest on a cache.
//
// BENCH_SIZES (default "0.1,1,5") picks the sizes of the core bench (one Node process per size
// and mode); BENCH_BROWSER=0 skips the browser; BENCH_SERVER=1 adds the server bench (it needs
// PostgreSQL). The sync benches run the server on PGlite (nothing to install); BENCH_SYNC=0
// skips them.
//
// Each run is also saved, figures and machine, to bench/.data/last-run.json (not in git);
// BENCH_FROM=<that file> writes results.md again from a saved run, measuring nothing (after
// bench/causes.mjs has changed, for example).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { measure, sizeOf } from '../scripts/size.mjs';
import { runDemoColdLoad, runInBrowser, runSync, runTabs } from './browser.mjs';
import { CAUSES, causeOf } from './causes.mjs';

const root = new URL('..', import.meta.url).pathname;
const load = () => loadavg().map((n) => n.toFixed(2));
const loadAtStart = load();
const uptime = () => spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
const uptimeAtStart = uptime();

function node(args) {
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

const saved = process.env.BENCH_FROM ? JSON.parse(readFileSync(process.env.BENCH_FROM, 'utf8')) : undefined;
const run = saved ?? (await measureAll());
const { rows, bundles } = run;
if (!saved) {
  mkdirSync(new URL('.data/', import.meta.url), { recursive: true });
  writeFileSync(new URL('.data/last-run.json', import.meta.url), JSON.stringify(run));
}

/** Every scenario of this run, the bundle sizes and the machine they were measured on. */
async function measureAll() {
  const rows = [];
  const sizes = (process.env.BENCH_SIZES ?? '0.1,1,5').split(',');
  for (const factor of sizes) {
    const flags = ['--expose-gc', '--max-old-space-size=6144', '--conditions=@okrkit/source', '--import', 'tsx'];
    rows.push(...node([...flags, 'bench/core.bench.ts', factor]));
    rows.push(...node([...flags, 'bench/core.bench.ts', factor, 'memory']));
  }
  if (process.env.BENCH_SERVER === '1') {
    rows.push(...node(['--conditions=@okrkit/source', '--import', 'tsx', 'bench/server.bench.ts']));
  }
  if (process.env.BENCH_SYNC !== '0') {
    rows.push(...node(['--conditions=@okrkit/source', '--import', 'tsx', 'bench/sync.bench.ts']));
  }
  if (process.env.BENCH_BROWSER !== '0') {
    rows.push(...(await runInBrowser('bench/browser/render.bench.ts')));
    rows.push(...(await runTabs()));
    rows.push(...(await runDemoColdLoad()));
    if (process.env.BENCH_SYNC !== '0') rows.push(...(await runSync()));
    rows.push(...(await runInBrowser('bench/browser/idb.bench.ts')));
  }
  /** min+gzip bytes of all elements bundled without `external`, templates minified as shipped. */
  async function elementsWithout(external) {
    return (await sizeOf("export * from '@okrkit/elements';", external)).gzip;
  }
  const bundles = await measure();
  const whole = await elementsWithout([]);
  const shares = [];
  for (const [name, external] of [
    ['temporal-polyfill', ['temporal-polyfill']],
    [
      'lit and @lit/context',
      [
        'lit',
        'lit/*',
        '@lit/*',
        'lit-html',
        'lit-html/*',
        'lit-element',
        'lit-element/*',
        '@lit/reactive-element',
        '@lit/reactive-element/*',
      ],
    ],
    ['idb', ['idb']],
    ['@okrkit/core', ['@okrkit/core', 'idb', 'temporal-polyfill']],
  ]) {
    shares.push(`${name} ${((whole - (await elementsWithout(external))) / 1024).toFixed(1)} KB`);
  }
  const all = bundles.find((b) => b.name === '@okrkit/elements (all)');
  if (all) {
    const kb = all.gzip / 1024;
    const lazy = (all.lazyGzip / 1024).toFixed(1);
    rows.push({
      group: 'size',
      scenario:
        'What a page downloads for all elements with every dependency (lit, @lit/context, core, idb, temporal-polyfill), before its first view',
      size: 'min+gzip',
      okrkit: kb,
      unit: 'KB',
      goal: '<= 60 KB',
      met: kb <= 60,
      note: `\`export * from '@okrkit/elements'\` bundled as Vite does for production (Rollup, esbuild's minifier), templates minified as shipped (scripts/size.mjs); ${lazy} KB more on the first command (the command table); of the first view (each left out in turn): ${shares.join(', ')}`,
    });
  }
  const cpu = cpus();
  return {
    rows,
    bundles,
    measuredAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
    machine: `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}${cpuDetails()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    cores: cpu.length,
    loadAtStart,
    loadAtEnd: load(),
    uptimeAtStart,
    uptimeAtEnd: uptime(),
  };
}

const num = (n) => (n === undefined ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const figure = (r, n) => (n === undefined ? '–' : `${num(n)}${r.unit ? ` ${r.unit}` : ' ms'}`);
const ratio = (r) => (r.peer && r.unit !== 'MB' ? (r.okrkit / r.peer).toFixed(2) : '–');
const cell = (text) => String(text ?? '').replaceAll('|', '\\|');
const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;

const goals = rows.filter((r) => r.met !== undefined);
const goalTable = [
  '| goal | measured | peer | okrkit/peer | goal | met? | notes |',
  '| --- | ---: | --- | ---: | --- | --- | --- |',
  ...goals.map((r) =>
    line([
      `${r.scenario} · ${r.size}`,
      figure(r, r.okrkit),
      r.peerName ? `${r.peerName}: ${figure(r, r.peer)}` : '–',
      ratio(r),
      r.goal,
      r.met ? 'met' : '**missed**',
      r.note ?? '',
    ]),
  ),
];
// Each goal missed in this run, once, with what it is made of (bench/causes.mjs).
const missed = goals.filter((r) => !r.met).map((r) => r.scenario);
const causeLines = [
  ...CAUSES.filter((c) => missed.some((s) => s.startsWith(c.scenario))).map(
    (c) => `- **${c.scenario}** (${missed.filter((s) => s.startsWith(c.scenario)).length} missed): ${c.cause}`,
  ),
  ...missed.filter((s) => !causeOf(s)).map((s) => `- **${s}**: no cause written yet.`),
];
const table = (group) => {
  const list = rows.filter((r) => r.group === group);
  return [
    '| scenario | size | okrkit | peer | peer figure | okrkit/peer | goal | notes |',
    '| --- | --- | ---: | --- | ---: | ---: | --- | --- |',
    ...list.map((r) =>
      line([
        r.scenario,
        r.size,
        figure(r, r.okrkit),
        r.peerName ?? '–',
        figure(r, r.peer),
        ratio(r),
        r.goal ? `${r.goal}${r.met === undefined ? '' : r.met ? ' (met)' : ' (missed)'}` : '',
        r.note ?? '',
      ]),
    ),
  ].join('\n');
};
const sizeLines = [
  '| entry | min+gzip KB | budget KB | within budget | goal KB |',
  '| --- | ---: | ---: | --- | ---: |',
  ...bundles.map((s) =>
    line([
      s.name,
      (s.gzip / 1024).toFixed(1),
      (s.budget / 1024).toFixed(0),
      s.gzip <= s.budget ? 'yes' : 'NO',
      s.goal ? (s.goal / 1024).toFixed(0) : '',
    ]),
  ),
];

/**
 * What names the CPU when its model string does not (a virtual machine's "AMD EPYC"): its
 * family, model and stepping from /proc/cpuinfo, the generation they stand for when known,
 * and the hypervisor.
 */
function cpuDetails() {
  let info = '';
  try {
    info = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return '';
  }
  const field = (name) => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim();
  const vendor = field('vendor_id');
  const family = field('cpu family');
  const model = field('model');
  const stepping = field('stepping');
  if (!family || !model) return '';
  const generations = {
    'AuthenticAMD 23 1': 'Zen (Naples)',
    'AuthenticAMD 23 49': 'Zen 2 (Rome)',
    'AuthenticAMD 25 1': 'Zen 3 (Milan)',
    'AuthenticAMD 25 17': 'Zen 4 (Genoa)',
  };
  const generation = generations[`${vendor} ${family} ${model}`];
  const virtual = / hypervisor( |$)/m.test(field('flags') ?? '') ? ', virtual machine' : '';
  const mhz = Number(field('cpu MHz'));
  const clock = mhz > 0 ? ` at ${(mhz / 1000).toFixed(2)} GHz` : '';
  return ` (family ${family}, model ${model}, stepping ${stepping ?? '?'}${generation ? `: ${generation}` : ''}${virtual})${clock}`;
}
const text = `# Benchmarks

Measured ${run.measuredAt} UTC on ${run.machine}.
Load average (1, 5, 15 min) at the start ${run.loadAtStart.join(', ')}, at the end ${run.loadAtEnd.join(', ')}
(\`uptime\` at the start: \`${run.uptimeAtStart}\`; at the end: \`${run.uptimeAtEnd}\`).

**Noise.** This machine has ${run.cores} cores shared with other engineers' builds, tests and
benchmarks; a load average above ${run.cores} means the run competed for the CPU, and every
figure here is then slower than on a quiet machine, by up to the load over the core count. okrkit
and its peers are measured in turns in the same process, so ratios suffer less than absolute
times; absolute goals (ms, MB) should be confirmed on a quiet machine before they are called met.

**How.** Everything goes through the public API as a host calls it. The workload is the generated
enterprise session (bench/generate.ts; 1x = 2,000 objectives, 8,000 key results of all six kinds,
26 weeks of check-ins, with corrections, owner changes and initiative changes), imported with
\`importSession\`. *Cold* means a fresh \`OkrStore\` over a storage that holds the imported session:
nothing folded, no week checkpoints, no remembered week (the process's code is compiled: the
"JIT cold" row is the very first call of a new process). The SQLite peers (sql.js) are the ones a
competent engineer would write (bench/sqlite-peer.ts): *tuned* is integer ids, check-ins clustered
on (key result, effective instant, recorded instant) as a covering WITHOUT ROWID table, owner
history clustered on (item, instant) with an owner index; *weekly* adds a weekly state table filled
when the data is written. A cold SQLite figure opens a new connection on the database image and
prepares its statements; a warm one uses an open connection. okrkit and both SQLite peers are
checked to give the same snapshot rows (type, id, parent, owner, status, progress, points) before
anything is timed. Dexie is measured storing the same pages as okrkit (32 entries, full groups of 16 as one record) and one record per
entry. Medians; memory is heap plus array buffers after full collections.

## Goals

${goalTable.join('\n')}

${causeLines.length > 0 ? `### Why the missed goals are missed\n\n${causeLines.join('\n')}\n` : ''}
## Cold: first visit, nothing cached

${table('cold')}

## Warm: the store has worked on the session before

${table('warm')}

## Memory

${table('memory')}

## Browser

${table('browser')}

## Server

${
  rows.some((r) => r.group === 'server')
    ? table('server')
    : 'Not measured in this run: `BENCH_SERVER=1 npm run bench` adds it (it needs PostgreSQL; it starts a throw-away cluster).'
}

## Other

${table('other')}

## CACHED: figures that rest on a cache a first-time user does not have

Kept to show what the caches are worth, never as a headline.

${table('cached')}

## Bundle sizes (min+gzip, every dependency included)

${sizeLines.join('\n')}
`;
console.log(text);
writeFileSync(new URL('results.md', import.meta.url), text);
