// `npm start` (demo/serve.mjs) as a visitor and a neighbour on the network see it: started
// as a process on a free port (as `npm start` runs it, with its okrkit server on PGlite in a
// throw-away data folder), asked over HTTP, stopped by its PID.
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const SERVE = new URL('./serve.mjs', import.meta.url).pathname;

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Started {
  child: ChildProcess;
  output: () => string;
}

const DATA = mkdtempSync(join(tmpdir(), 'okrkit-demo-test-'));

/** Starts demo/serve.mjs as `npm start` does, with PORT=port, and waits for its first line (or its exit). */
async function start(port: number): Promise<Started & { firstLine: string }> {
  const child = spawn(process.execPath, ['--conditions=@okrkit/source', '--import', 'tsx', SERVE], {
    env: { ...process.env, PORT: String(port), OKRKIT_DEMO_DATA: DATA },
    stdio: 'pipe',
  });
  let output = '';
  const firstLine = await new Promise<string>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('\n')) resolve(output.split('\n')[0] ?? '');
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', () => resolve(output));
  });
  return { child, firstLine, output: () => output };
}

function stop(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = once(child, 'exit');
  process.kill(child.pid, 'SIGTERM');
  return exited;
}

/** The relative and absolute module paths a served JavaScript file imports. */
function importsOf(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    if (match[1]?.startsWith('/') || match[1]?.startsWith('.')) found.add(match[1]);
  }
  for (const match of code.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) if (match[1]) found.add(match[1]);
  return [...found];
}

describe('npm start (demo/serve.mjs)', () => {
  let port = 0;
  let server: Awaited<ReturnType<typeof start>> | undefined;
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;

  before(async () => {
    port = await freePort();
    server = await start(port);
  });

  after(async () => {
    if (server) await stop(server.child);
    rmSync(DATA, { recursive: true, force: true });
  });

  it('prints the loopback URL of the demo, on the PORT it was given', () => {
    assert.equal(server?.firstLine.trim(), `okrkit demo: http://127.0.0.1:${port}/demo/  (Ctrl+C to stop)`);
  });

  it('listens on 127.0.0.1 only', () => {
    const listening = execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' })
      .trim()
      .split('\n');
    assert.equal(listening.length, 1, listening.join('\n'));
    assert.match(listening[0] ?? '', new RegExp(`\\s127\\.0\\.0\\.1:${port}\\s`));
  });

  it('serves the demo page and its script as one bundle, with a source map of the sources', async () => {
    const page = await fetch(url('/demo/'));
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<script type="module" src="\.\/main\.ts"><\/script>/);
    for (const entry of ['/demo/main.ts', '/demo/gallery/gallery.ts']) {
      const script = await fetch(url(entry));
      assert.equal(script.status, 200, entry);
      assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
      const code = await script.text();
      // One file: the packages, lit and temporal-polyfill are in it, nothing is left to fetch.
      assert.deepEqual(importsOf(code), [], `${entry} imports nothing more`);
      assert.match(code, /okr-snapshot/);
      assert.match(code, /\/\/# sourceMappingURL=(main|gallery)\.ts\.map\n$/);
      assert.ok(code.length < 1_000_000, `${entry} is minified (${code.length} characters)`);

      // Unchanged, it is not sent again.
      const etag = script.headers.get('etag') ?? '';
      assert.notEqual(etag, '');
      assert.equal((await fetch(url(entry), { headers: { 'if-none-match': etag } })).status, 304);

      const map = await fetch(url(`${entry}.map`));
      assert.equal(map.status, 200);
      const { sources, sourcesContent } = (await map.json()) as { sources: string[]; sourcesContent: string[] };
      assert.ok(sources.includes('/packages/core/src/store.ts'), sources.slice(0, 5).join(', '));
      assert.ok(sources.includes('/packages/elements/src/okr-snapshot/okr-snapshot.ts'));
      assert.ok(sources.some((source) => source.startsWith('/node_modules/lit')));
      assert.equal(sourcesContent.length, sources.length);
    }
  });

  it('serves a page of your own under demo/ module by module, as it is', async () => {
    // demo/demo-app.ts stands for a module a page of your own imports: served unbundled.
    const module = await fetch(url('/demo/demo-app.ts'));
    assert.equal(module.status, 200);
    const code = await module.text();
    assert.ok(importsOf(code).length > 0, 'its imports are left for the browser to follow');
    for (const spec of importsOf(code)) {
      const path = new URL(spec, url('/demo/demo-app.ts')).pathname;
      assert.equal((await fetch(url(path))).status, 200, `${path} should be served`);
    }
  });

  it('serves nothing else of the repository', async () => {
    for (const path of [
      '/.git/config',
      '/.git/HEAD',
      '/package.json',
      '/packages/core/package.json',
      '/README.md',
      '/demo/backend/demo-tokens.ts',
      '/packages/server/src/index.ts',
    ]) {
      assert.equal((await fetch(url(path))).status, 404, path);
    }
  });

  it('runs the okrkit server with the sample company, for people signed in with a demo token', async () => {
    assert.equal((await fetch(url('/v1/sessions'))).status, 401, 'no token, no sessions');
    const answer = await fetch(url('/demo/tokens/member'));
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    const { token, expiresAt } = (await answer.json()) as { token: string; expiresAt: string };
    assert.ok(Date.parse(expiresAt) > Date.now());
    const sessions = await fetch(url('/v1/sessions'), { headers: { authorization: `Bearer ${token}` } });
    assert.equal(sessions.status, 200);
    const { sessions: list } = (await sessions.json()) as { sessions: { title: string; state: string }[] };
    assert.ok(list.length >= 4, `${list.length} sample sessions`);
    assert.ok(list.some((s) => s.state === 'in_progress'));
    assert.equal((await fetch(url('/demo/tokens/nobody'))).status, 404);
  });

  it('hands demo tokens to this machine by its own name only', async () => {
    // A page of another site whose name was rebound to 127.0.0.1 asks with its own Host.
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request(
        { host: '127.0.0.1', port, path: '/demo/tokens/admin', headers: { host: `evil.example:${port}` } },
        (r) => {
          r.resume();
          resolve(r.statusCode);
        },
      )
        .on('error', reject)
        .end();
    });
    assert.equal(status, 403);
  });

  it('says in one line that the port is taken, and exits non-zero', async () => {
    const second = await start(port);
    if (second.child.exitCode === null) {
      await Promise.race([once(second.child, 'exit'), new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    if (second.child.exitCode === null) {
      // It should have exited already; if it is serving instead, stop it before failing.
      await stop(second.child);
      assert.fail(`a second server started on a taken port: ${second.output()}`);
    }
    assert.equal(second.child.exitCode, 1);
    assert.equal(
      second.output().trim(),
      `okrkit demo: port ${port} on 127.0.0.1 is already in use. Stop what uses it, or pick another: PORT=8001 npm start`,
    );
  });
});
