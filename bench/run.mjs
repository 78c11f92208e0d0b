#!/usr/bin/env node
// `npm run bench`: every scenario, each measured several times after a warm-up, one table
// (okrkit median, peer median, ratio okrkit/peer, memory), also written to bench/results.md.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { measure } from '../scripts/size.mjs';
import { runInBrowser } from './browser.mjs';

const root = new URL('..', import.meta.url).pathname;
// Scaling: 10x smaller and 5x larger than the enterprise session, so the growth shows
// (linear in entries for a cold fold, in one week's entries for a checkpointed snapshot).
// Each size runs in a fresh Node process.
const rows = [];
for (const factor of ['0.1', '1', ...(process.env.BENCH_LARGE === '0' ? [] : ['5'])]) {
  const core = spawnSync(
    process.execPath,
    ['--expose-gc', '--conditions=@okrkit/source', '--import', 'tsx', 'bench/core.bench.ts', factor],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  if (core.status !== 0) process.exit(core.status ?? 1);
  rows.push(...JSON.parse(core.stdout.trim().split('\n').pop()));
}
// The server over HTTP on a real PostgreSQL (a throw-away cluster unless OKRKIT_TEST_DATABASE_URL names one).
if (process.env.BENCH_SERVER !== '0') {
  const server = spawnSync(
    process.execPath,
    ['--conditions=@okrkit/source', '--import', 'tsx', 'bench/server.bench.ts'],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
  );
  if (server.status !== 0) process.exit(server.status ?? 1);
  rows.push(...JSON.parse(server.stdout.trim().split('\n').pop()));
}
if (process.env.BENCH_BROWSER !== '0') {
  rows.push(...(await runInBrowser('bench/browser/idb.bench.ts')));
  rows.push(...(await runInBrowser('bench/browser/render.bench.ts')));
}

const ms = (n) => (n === undefined ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const lines = [
  '| scenario | size | okrkit ms | peer | peer ms | ratio okrkit/peer | memory MB | goal |',
  '| --- | --- | ---: | --- | ---: | ---: | ---: | --- |',
  ...rows.map((r) =>
    [
      r.scenario,
      r.size,
      ms(r.okrkit),
      r.peerName ?? '–',
      ms(r.peer),
      r.peer ? `${(r.okrkit / r.peer).toFixed(2)}` : '–',
      r.memoryMb === undefined ? '–' : r.memoryMb.toFixed(0),
      r.goal ?? '',
    ]
      .join(' | ')
      .replace(/^/, '| ')
      .replace(/$/, ' |'),
  ),
];
const sizes = await measure();
const sizeLines = [
  '| package | min+gzip KB | budget KB | within |',
  '| --- | ---: | ---: | --- |',
  ...sizes.map(
    (s) =>
      `| ${s.name} | ${(s.gzip / 1024).toFixed(1)} | ${(s.budget / 1024).toFixed(0)} | ${s.gzip <= s.budget ? 'yes' : 'NO'} |`,
  ),
];
const header = `# Benchmarks\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Medians of several runs after a warm-up; peers measured in the same run on the same generated data (seeded).\n`;
const text = `${header}\n${lines.join('\n')}\n\n## Bundle sizes\n\n${sizeLines.join('\n')}\n`;
console.log(text);
writeFileSync(new URL('results.md', import.meta.url), text);
