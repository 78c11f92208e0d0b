import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { SignJWT } from 'jose';

const SECRET = `okrkit-browser-tests-${randomUUID()}`;
const PEOPLE = {
  ada: { sub: 'ada', role: 'admin', name: 'Ada' },
  mo: { sub: 'mo', role: 'member', name: 'Mo' },
  vic: { sub: 'vic', role: 'viewer', name: 'Vic' },
};

function sign({ sub, ...claims }, tenant, expiresIn = '1h') {
  return new SignJWT({ ...claims, tenant })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(SECRET));
}

/**
 * A web-test-runner plugin that gives browser tests the real okrkit server: started (in a
 * child Node process, on 127.0.0.1) the first time a test asks for it at
 * `/__okrkit-sync-server`, which answers `{ url, tokens }` with tokens for Ada (admin), Mo
 * (member) and Vic (viewer) of a tenant of their own, plus `moExpired`; stopped with the
 * test server.
 */
export function syncTestServer() {
  let origin;
  let child;
  let started;
  const start = () => {
    started ??= new Promise((resolve, reject) => {
      child = spawn(
        process.execPath,
        ['--conditions=@okrkit/source', '--import', 'tsx', 'scripts/sync-test-server.mjs', origin, SECRET],
        { cwd: new URL('..', import.meta.url).pathname, stdio: ['pipe', 'pipe', 'inherit'] },
      );
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`The sync test server stopped (exit ${code}).`)));
      createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line).url));
    });
    return started;
  };
  return {
    name: 'okrkit-sync-server',
    serverStart({ config }) {
      origin = `http://127.0.0.1:${config.port}`;
    },
    async serverStop() {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
    async serve(context) {
      if (context.path !== '/__okrkit-sync-server') return undefined;
      const url = await start();
      const tenant = `t-${randomUUID().slice(0, 8)}`;
      const tokens = {};
      for (const [name, person] of Object.entries(PEOPLE)) tokens[name] = await sign(person, tenant);
      tokens.moExpired = await sign(PEOPLE.mo, tenant, Math.floor(Date.now() / 1000) - 10);
      return { body: JSON.stringify({ url, tokens }), type: 'json' };
    },
  };
}
