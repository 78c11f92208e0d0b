import { type Actor, OkrError, validateActor } from '@okrkit/core';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Database } from '../database.js';
import { DEFAULT_TENANT } from '../postgres-storage.js';
import type { Authenticate } from './authenticate.js';
import { bodyLimit } from './body-limit.js';
import { ChangeStream } from './change-stream.js';
import { errorResponse, HttpError } from './http-error.js';
import { KeptResults } from './kept-results.js';
import { PULL_MAX_ENTRIES } from './pull.js';
import { Pusher } from './push.js';
import { RateLimit, type RateLimitOptions } from './rate-limit.js';
import { routes } from './routes.js';
import { type Tenant, TenantStores } from './tenant-stores.js';

export interface OkrServerOptions {
  /** The PostgreSQL (`pgDatabase`) or PGlite (`pgliteDatabase`) the server keeps everything in. */
  readonly database: Database;
  /** Who made a request: the person, or null (answered 401). See `jwtAuthenticator`. */
  readonly authenticate: Authenticate;
  /** The organisation of people whose `authenticate` names none. Default `default`. */
  readonly defaultTenant?: string;
  /** Origins allowed to call from a browser on another origin (CORS). Default: none (same origin only). */
  readonly corsOrigins?: readonly string[];
  /** The largest request body, in bytes. Default 21 MiB (an import's 20 MiB, plus room). */
  readonly maxBodyBytes?: number;
  /** Pushes per client: a burst, then a steady rate. Default 60, then 20 a second. */
  readonly pushRate?: RateLimitOptions;
  /** Keep-alive comments on the change stream, in ms. Default 25,000. */
  readonly keepAliveMs?: number;
  /** Entries in one pull answer at most; a client pulls again while the answer says `more`. Default 20,000. */
  readonly pullMaxEntries?: number;
  /** Where recorded instants come from (tests). Default: the system clock. */
  readonly clock?: () => Date;
}

export interface OkrServer {
  /** The fetch-standard handler: mount it in any host (Node, Bun, Deno, a framework's route). */
  readonly fetch: (request: Request) => Promise<Response>;
  /** The Hono app, to mount under a path of the host's own Hono app. */
  readonly app: Hono<ServerEnv>;
  /** Ends the change streams and the server's stores; the database is the caller's to close. */
  close(): Promise<void>;
}

export type ServerEnv = { Variables: { actor: Actor; tenant: Tenant } };

export const DEFAULT_MAX_BODY_BYTES = 21 * 1024 * 1024;

/**
 * okrkit's authoritative server (PROTOCOL.md): clients push commands, which run with
 * the core's own code as the authenticated person, pull the entries they lack, and hear
 * of changes on a stream. It keeps nothing that PostgreSQL does not, so any number of
 * instances can serve one database.
 */
export function createOkrServer(options: OkrServerOptions): OkrServer {
  const { database, authenticate } = options;
  const defaultTenant = options.defaultTenant ?? DEFAULT_TENANT;
  const pullMaxEntries = options.pullMaxEntries ?? PULL_MAX_ENTRIES;
  if (!Number.isSafeInteger(pullMaxEntries) || pullMaxEntries < 1) {
    throw new TypeError(`pullMaxEntries is a positive integer, not ${String(options.pullMaxEntries)}.`);
  }
  const kept = new KeptResults(database);
  const tenants = new TenantStores({ database, keptResults: kept, ...(options.clock ? { clock: options.clock } : {}) });
  const pusher = new Pusher(kept);
  const limit = new RateLimit(options.pushRate);
  const streams = new Map<string, ChangeStream>();
  const closing = new AbortController();
  const app = new Hono<ServerEnv>();

  app.onError((error) => errorResponse(error));
  app.notFound(() => errorResponse(new OkrError('not-found', 'There is nothing at this address.')));

  if (options.corsOrigins?.length) {
    const allowed = new Set(options.corsOrigins);
    app.use(
      '*',
      cors({
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
        exposeHeaders: ['ETag', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }

  app.use(
    '/v1/*',
    bodyLimit(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, () =>
      errorResponse(new HttpError('too-large', 'The request is larger than this server accepts.')),
    ),
  );

  app.use('/v1/*', async (c, next) => {
    let person: Awaited<ReturnType<Authenticate>> = null;
    try {
      person = await authenticate(c.req.raw);
    } catch {
      person = null;
    }
    if (!person) throw new HttpError('unauthenticated', 'Sign in: this request carries no valid token.');
    const tenant = person.tenant ?? defaultTenant;
    let actor: Actor;
    try {
      actor = validateActor(person);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new OkrError('not-allowed', `This token's person cannot act in okrkit: ${reason}`);
    }
    c.set('actor', actor);
    c.set('tenant', tenants.get(tenant));
    await next();
  });

  routes(app, {
    pusher,
    limit,
    streamOf(tenant) {
      let stream = streams.get(tenant.name);
      if (!stream) {
        stream = new ChangeStream(tenant);
        streams.set(tenant.name, stream);
      }
      return stream;
    },
    closing: closing.signal,
    keepAliveMs: options.keepAliveMs ?? 25_000,
    pullMaxEntries,
  });

  return {
    fetch: (request) => Promise.resolve(app.fetch(request)),
    app,
    async close() {
      closing.abort();
      for (const stream of streams.values()) stream.close();
      streams.clear();
      await tenants.close();
    },
  };
}
