#!/usr/bin/env node
import { createServer } from 'node:net';
import { DEV_SECRET, HELP, isLoopback, readCliOptions } from './cli-options.js';
import type { Database } from './database.js';
import { type Authenticate, createOkrServer, jwtAuthenticator, listen, signToken } from './http/index.js';
import { pgDatabase } from './pg-database.js';
import { pgliteDatabase } from './pglite-database.js';

async function main(): Promise<void> {
  const options = readCliOptions(process.argv.slice(2), process.env);
  if (options.command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const secret = options.jwtSecret ?? (options.jwksUrl ? undefined : DEV_SECRET);
  if (options.command === 'token') {
    if (!secret)
      throw new Error(
        'token signs with a shared secret: give --jwt-secret (a JWKS belongs to your identity provider).',
      );
    const { token } = options;
    if (!token) throw new Error('token needs --id and --role.');
    const { expiresIn, ...actor } = token;
    process.stdout.write(`${await signToken(actor as Parameters<typeof signToken>[0], { secret, expiresIn })}\n`);
    return;
  }
  if (secret === DEV_SECRET && !isLoopback(options.host)) {
    throw new Error(
      `Refusing to listen on ${options.host} with the development secret: anyone could sign tokens. ` +
        'Set OKRKIT_JWT_SECRET (32+ characters) or OKRKIT_JWKS_URL.',
    );
  }
  const authenticate: Authenticate = jwtAuthenticator({
    ...(options.jwksUrl ? { jwksUrl: options.jwksUrl } : { secret: secret as string }),
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
  });
  // A taken port is said at once, before a database is opened (PGlite's first start takes seconds).
  await portFree(options.host, options.port);
  const database: Database = options.databaseUrl
    ? pgDatabase({ connectionString: options.databaseUrl })
    : pgliteDatabase({ dataDir: options.dataDir });
  const server = createOkrServer({
    database,
    authenticate,
    corsOrigins: options.corsOrigins,
    ...(options.tenant ? { defaultTenant: options.tenant } : {}),
  });
  let listening: Awaited<ReturnType<typeof listen>>;
  try {
    listening = await listen(server, { host: options.host, port: options.port });
  } catch (error) {
    await server.close();
    await database.close();
    throw error;
  }
  const where = options.databaseUrl ? 'PostgreSQL' : `embedded PostgreSQL (PGlite) in ${options.dataDir}`;
  console.log(`okrkit-server on ${listening.url}/v1, data in ${where}`);
  if (secret === DEV_SECRET) {
    console.warn(
      'Development tokens: signed with the public development secret (this machine only). ' +
        'Make one with `okrkit-server token --id ada --role admin`. Set OKRKIT_JWT_SECRET for anything real.',
    );
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await listening.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function portFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on ${host} is taken: stop what uses it, or choose another port (PORT=${port + 1}).`)
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

main().catch((error: unknown) => {
  console.error(`okrkit-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
