#!/usr/bin/env node
// `npm test`: type-check, core and build script tests in Node, the server's tests in Node against a
// real PostgreSQL (and PGlite), browser tests in Chromium, then the demo's end-to-end tests
// (headless Chromium driving the served demo and the one-file bundle on a plain page).
// Prints one closing line, `N passed, N failed, N skipped`, and exits non-zero on any
// failure, on a test file that fails to load, and when no test ran at all.
// `npm test -- core`, `npm test -- server`, `npm test -- browser` or `npm test -- e2e` runs one part.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { findChromium } from './chromium.mjs';
import { startPostgres, stopOnExit } from './postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    const relay = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function testFiles(dir, pattern) {
  const found = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && pattern.test(entry.name)) found.push(relative(root, join(entry.parentPath, entry.name)));
  }
  return found.sort();
}

function finish() {
  const { passed, failed, skipped } = totals;
  if (passed + failed === 0) {
    console.error('No test ran: that counts as a failure.');
    totals.failed = 1;
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

async function typecheck() {
  console.log('\n▶ Type-check (tsc)');
  const { code } = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
  if (code === 0) totals.passed += 1;
  else totals.failed += 1;
}

/** Runs test files with node:test (TypeScript through tsx) and adds up its counts. */
async function nodeTests(files, options = {}) {
  const { code, output } = await run(
    process.execPath,
    ['--conditions=@okrkit/source', '--import', 'tsx', '--test', '--test-reporter=spec', ...files],
    options,
  );
  const count = (name) => Number(output.match(new RegExp(`^ℹ ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += count('skipped') + count('todo');
  if (code !== 0 && failed === 0) totals.failed += 1;
}

async function coreTests() {
  const files = [
    ...testFiles('packages/core/src', /\.test\.ts$/).filter((f) => !f.includes('.browser.')),
    // Elements' tests run in Chromium, except those that prove something about Node (server rendering).
    ...testFiles('packages/elements/src', /\.node\.test\.ts$/),
    ...testFiles('demo', /\.node\.test\.ts$/),
    ...testFiles('scripts', /\.test\.mjs$/),
  ];
  console.log(`\n▶ Core, Node element and build script tests in Node (${files.length} files)`);
  if (files.length === 0) return;
  await nodeTests(files);
}

/**
 * The server's tests, against OKRKIT_TEST_DATABASE_URL or else a throw-away cluster
 * started here and stopped at exit. Without PostgreSQL they still run, and its tests fail
 * saying how to install it: a missing database never passes for a green run.
 */
async function serverTests() {
  const files = testFiles('packages/server/src', /\.test\.ts$/);
  console.log(`\n▶ Server tests in Node, on PostgreSQL and PGlite (${files.length} files)`);
  if (files.length === 0) {
    console.error('No server test file was found in packages/server/src: counted as a failure.');
    totals.failed += 1;
    return;
  }
  let url = process.env.OKRKIT_TEST_DATABASE_URL;
  let cluster;
  if (!url) {
    try {
      cluster = await startPostgres();
      stopOnExit(cluster);
      url = cluster.url;
      console.log(`PostgreSQL for the tests: ${url}`);
    } catch (error) {
      console.error(`Could not start PostgreSQL for the server tests: ${error.message}`);
    }
  }
  const env = { ...process.env };
  if (url) env.OKRKIT_TEST_DATABASE_URL = url;
  await nodeTests(files, { env });
  // Free the machine for the browser tests.
  cluster?.stop();
}

function chromiumOrFailure() {
  const chromium = findChromium();
  if (!chromium) {
    console.error(
      'Chromium was not found, so the browser tests cannot run.\n' +
        'Fix: install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chromium or Chrome binary.',
    );
    totals.failed += 1;
  }
  return chromium;
}

async function browserTests() {
  console.log('\n▶ Browser tests in Chromium (@web/test-runner)');
  const chromium = chromiumOrFailure();
  if (!chromium) return;
  const summary = join(tmpdir(), `okrkit-wtr-${process.pid}.json`);
  const { code } = await run(process.execPath, [join(root, 'node_modules/@web/test-runner/dist/bin.js')], {
    env: { ...process.env, CHROME_PATH: chromium, OKRKIT_TEST_SUMMARY: summary },
  });
  if (!existsSync(summary)) {
    console.error('The browser test run ended without a summary: counted as a failure.');
    totals.failed += 1;
    return;
  }
  const counts = JSON.parse(readFileSync(summary, 'utf8'));
  rmSync(summary, { force: true });
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (code !== 0 && counts.failed === 0) totals.failed += 1;
}

async function e2eTests() {
  const files = [
    ...testFiles('demo/e2e', /\.e2e\.test\.ts$/),
    ...testFiles('packages/elements/src', /\.e2e\.test\.ts$/),
  ];
  console.log(`\n▶ Demo end-to-end tests (${files.length} files)`);
  if (!chromiumOrFailure()) return;
  if (files.length === 0) {
    console.error('No end-to-end test file was found in demo/e2e: counted as a failure.');
    totals.failed += 1;
    return;
  }
  await nodeTests(files);
}

if (!only || only === 'core') {
  await typecheck();
  await coreTests();
}
if (!only || only === 'server') await serverTests();
if (!only || only === 'browser') await browserTests();
if (!only || only === 'e2e') await e2eTests();
finish();
