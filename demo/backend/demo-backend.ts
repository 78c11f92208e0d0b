import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import {
  createOkrServer,
  DEV_SECRET,
  jwtAuthenticator,
  migrate,
  pgliteDatabase,
  postgresStorage,
} from '@okrkit/server';
import { seedSampleData } from '../sample-data.js';
import { DEMO_TOKEN_SECONDS, demoToken } from './demo-tokens.js';

export interface DemoBackendOptions {
  /** PGlite's data folder, kept between starts. Omitted: in memory, gone on close (tests). */
  readonly dataDir?: string;
  /** How long a demo token lives, in seconds. Default 15 minutes. */
  readonly tokenSeconds?: number;
}

export interface DemoBackend {
  /** Answers `/v1/...` (the okrkit server) and `/demo/tokens/<persona>`; false, untouched, for any other path. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Whether this start seeded the sample company (a new data folder). */
  readonly seeded: boolean;
  /** Ends the change streams and the server's stores, then the database. */
  close(): Promise<void>;
}

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/**
 * The demo's server side, in the process of `npm start`: okrkit's server on an embedded
 * PostgreSQL (PGlite), the sample company seeded into it on first start through the very
 * storage adapter the server uses (the same commands as in a browser, as the admin), and
 * demo tokens for the personas, signed with the public development secret.
 */
export async function startDemoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  const database = pgliteDatabase(options.dataDir ? { dataDir: options.dataDir } : {});
  let seeded: boolean;
  let dataId: string;
  try {
    await migrate(database);
    const seeding = postgresStorage({ database });
    seeded = await seedSampleData(seeding);
    dataId = await dataIdOf(seeding);
    await seeding.close();
  } catch (error) {
    await database.close();
    throw error;
  }
  // The demo signs and checks its tokens in one process, on one clock: no skew to tolerate,
  // so a token is refused the second it expires.
  const server = createOkrServer({
    database,
    authenticate: jwtAuthenticator({ secret: DEV_SECRET, clockTolerance: 0 }),
  });
  const okr = getRequestListener(server.fetch);
  const seconds = options.tokenSeconds ?? DEMO_TOKEN_SECONDS;

  async function tokens(request: IncomingMessage, response: ServerResponse, key: string): Promise<void> {
    // Loopback only (the whole server listens on 127.0.0.1), and by that name only: a page
    // of another site that rebinds its own name to 127.0.0.1 gets nothing.
    if (!LOOPBACK_HOST.test(request.headers.host ?? '') || request.method !== 'GET') {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('Demo tokens are for this machine only.');
      return;
    }
    const token = await demoToken(key, seconds);
    if (!token) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`No persona "${key}".`);
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(JSON.stringify({ ...token, data: dataId }));
  }

  return {
    seeded,
    handle(request, response) {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      if (path.startsWith('/v1/')) {
        void okr(request, response);
        return true;
      }
      const persona = /^\/demo\/tokens\/([\w-]+)$/.exec(path)?.[1];
      if (persona === undefined) return false;
      tokens(request, response, persona).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
      return true;
    },
    async close() {
      await server.close();
      await database.close();
    },
  };
}

/**
 * What tells this data folder from the one before it: the instant its sample company was
 * first recorded. The page names its local copy after it, so that after the folder is
 * deleted (a fresh start) no browser shows the sessions of the old one.
 */
async function dataIdOf(storage: ReturnType<typeof postgresStorage>): Promise<string> {
  const first = (await storage.listSessions())[0];
  return first ? first.createdAt.replace(/\D/g, '') : 'empty';
}
