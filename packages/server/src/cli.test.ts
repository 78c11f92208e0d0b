import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const cli = new URL('./cli.ts', import.meta.url).pathname;
const node = [process.execPath, '--conditions=@okrkit/source', '--import', 'tsx', cli] as const;
const clean = { ...process.env, PORT: '', HOST: '', DATABASE_URL: '', OKRKIT_JWT_SECRET: '', OKRKIT_JWKS_URL: '' };

function run(...args: string[]) {
  return spawnSync(node[0], [...node.slice(1), ...args], { encoding: 'utf8', env: clean, timeout: 240_000 });
}

/** Starts the CLI and resolves with the URL it prints once it listens. */
function start(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(node[0], [...node.slice(1), ...args], { env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const url = /on (http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

describe('okrkit-server, the command', () => {
  const data = mkdtempSync(join(tmpdir(), 'okrkit-cli-'));
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  });

  it('--help says how to start it and exits 0', () => {
    const { status, stdout } = run('--help');
    assert.equal(status, 0);
    assert.match(stdout, /Usage:/);
    assert.match(stdout, /DATABASE_URL/);
    assert.match(stdout, /--jwt-secret/);
  });

  it('refuses to serve a network with the development secret', () => {
    const { status, stderr } = run('--host', '0.0.0.0', '--data', data);
    assert.equal(status, 1);
    assert.match(stderr, /Refusing to listen on 0\.0\.0\.0 with the development secret/);
    assert.doesNotMatch(stderr, /\s+at /, 'no stack trace');
  });

  it('starts on PGlite on 127.0.0.1, answers a token it signed, says clearly when the port is taken, and stops on SIGTERM', async () => {
    const server = await start(['--port', '0', '--data', data]);
    children.push(server.child);
    const token = run('token', '--id', 'ada', '--role', 'admin').stdout.trim();
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const answer = await fetch(`${server.url}/v1/sessions`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(answer.status, 200);
    assert.deepEqual(await answer.json(), { sessions: [] });
    assert.equal((await fetch(`${server.url}/v1/sessions`)).status, 401);
    const port = new URL(server.url).port;
    const second = run('--port', port, '--data', mkdtempSync(join(tmpdir(), 'okrkit-cli-')));
    assert.equal(second.status, 1);
    assert.match(second.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is taken`));
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});
