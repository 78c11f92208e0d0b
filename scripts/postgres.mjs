#!/usr/bin/env node
// A throw-away PostgreSQL cluster for the server tests: a temp folder, 127.0.0.1, a free
// port, trust authentication, gone when it stops.
//
//   node scripts/postgres.mjs [command ...]
//
// starts a cluster, runs `command` (default: wait until Ctrl-C) with
// OKRKIT_TEST_DATABASE_URL set to it, then stops the cluster, also on failure and on
// SIGINT/SIGTERM, and exits with the command's code. `npm test` imports `startPostgres`.
//
// As root, initdb and pg_ctl run as the `postgres` OS user (initdb refuses root), which
// Debian's `postgresql` package creates. The binaries are found in OKRKIT_POSTGRES_BIN,
// /usr/lib/postgresql/<newest>/bin or on PATH.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const INSTALL_HINT =
  'Install PostgreSQL (Debian/Ubuntu: `sudo apt-get install -y postgresql`), set OKRKIT_POSTGRES_BIN to the folder of its initdb and pg_ctl, ' +
  'or set OKRKIT_TEST_DATABASE_URL to a database the tests may write to.';

/** The folder holding initdb and pg_ctl, or undefined. */
export function findPostgresBin() {
  // Set, it is the only place looked at: a wrong setting fails instead of quietly using another PostgreSQL.
  if (process.env.OKRKIT_POSTGRES_BIN) {
    const dir = process.env.OKRKIT_POSTGRES_BIN;
    return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')) ? dir : undefined;
  }
  const candidates = [];
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  const onPath = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (onPath.status === 0) candidates.push(onPath.stdout.trim());
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const quote = (arg) => `'${String(arg).replaceAll("'", "'\\''")}'`;

/**
 * Starts a cluster. Resolves to `{ url, dir, stop }` (`stop` is synchronous, so that it
 * also runs in an `exit` handler), or rejects with what went wrong.
 */
export async function startPostgres() {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`PostgreSQL was not found. ${INSTALL_HINT}`);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'okrkit-pg-'));
  // As root the cluster belongs to the `postgres` user; otherwise to us.
  const as = (command, args) => {
    const line = [join(bin, command), ...args].map(quote).join(' ');
    const result = asRoot
      ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', line], { encoding: 'utf8' })
      : spawnSync('/bin/sh', ['-c', line], { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`${command} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
    }
  };
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        as('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      } catch (error) {
        console.error(String(error));
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot) {
      const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (uid.status !== 0) throw new Error(`There is no \`postgres\` OS user to run the cluster as. ${INSTALL_HINT}`);
      chownSync(dir, Number(uid.stdout), Number(gid.stdout));
    }
    const port = await freePort();
    as('initdb', [
      '-D',
      join(dir, 'data'),
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-instructions',
      '--no-sync',
    ]);
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
    try {
      as('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-o', settings, '-w', 'start']);
    } catch (error) {
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
      throw new Error(`${error.message}\n${log}`);
    }
    started = true;
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** Stops `cluster` when this process exits or is interrupted. */
export function stopOnExit(cluster) {
  process.once('exit', cluster.stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      cluster.stop();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await startPostgres().catch((error) => {
    console.error(String(error.message ?? error));
    process.exit(1);
  });
  stopOnExit(cluster);
  console.log(`PostgreSQL is up: OKRKIT_TEST_DATABASE_URL=${cluster.url}`);
  const [command, ...args] = process.argv.slice(2);
  if (command) {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, OKRKIT_TEST_DATABASE_URL: cluster.url },
    });
    child.on('close', (code) => process.exit(code ?? 1));
  } else {
    // Nothing else keeps this process alive: hold the cluster until Ctrl-C.
    setInterval(() => undefined, 1 << 30);
  }
}
