import { type Actor, OkrError } from '@okrkit/core';
import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ChangeStream } from './change-stream.js';
import { badRequest, HttpError } from './http-error.js';
import { pull, readPullRequest } from './pull.js';
import { type Pusher, readPushRequest } from './push.js';
import type { RateLimit } from './rate-limit.js';
import { etagOf, matches, ownerFilterOf, REVALIDATE, snapshotRepresentation, visible } from './reads.js';
import type { ServerEnv } from './server.js';
import type { Tenant } from './tenant-stores.js';

export interface RouteParts {
  readonly pusher: Pusher;
  readonly limit: RateLimit;
  readonly streamOf: (tenant: Tenant) => ChangeStream;
  /** Aborted when the server closes: open streams end. */
  readonly closing: AbortSignal;
  readonly keepAliveMs: number;
  /** Entries in one pull answer at most. */
  readonly pullMaxEntries: number;
}

type C = Context<ServerEnv>;

const storeOf = (c: C) => c.get('tenant').store.as(c.get('actor'));

/** The /v1 routes of PROTOCOL.md. Authentication has run before any of them. */
export function routes(app: Hono<ServerEnv>, parts: RouteParts): void {
  app.post('/v1/push', async (c) => {
    const request = readPushRequest(await jsonBody(c));
    const tenant = c.get('tenant');
    const actor = c.get('actor');
    const wait = parts.limit.take(`${tenant.name}\u0000${actor.id}\u0000${request.clientId}`);
    if (wait > 0) {
      throw new HttpError('rate-limited', `Too many pushes: try again in ${wait} s.`, { 'retry-after': String(wait) });
    }
    return c.json({ results: await parts.pusher.push(tenant, actor, request) });
  });

  app.post('/v1/pull', async (c) => {
    const heads = readPullRequest(await jsonBody(c));
    return c.json(await pull(c.get('tenant'), storeOf(c), heads, { maxEntries: parts.pullMaxEntries }));
  });

  app.get('/v1/stream', async (c) => {
    const tenant = c.get('tenant');
    const actor: Actor = c.get('actor');
    // What the person may see now: a session hidden later is poked once, so their pull says removed.
    const seen = new Set((await storeOf(c).listSessions({ includeArchived: true })).map((h) => h.id));
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      const pokes: string[] = [];
      let wake: (() => void) | undefined;
      const leave = parts.streamOf(tenant).add({
        actor,
        seen,
        send(poke) {
          pokes.push(JSON.stringify(poke));
          wake?.();
        },
      });
      let onClosing: (() => void) | undefined;
      const ended = new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        onClosing = () => resolve();
        parts.closing.addEventListener('abort', onClosing, { once: true });
      });
      let open = true;
      void ended.then(() => {
        open = false;
        wake?.();
      });
      try {
        await stream.write('retry: 2000\n\n');
        await stream.writeSSE({ event: 'ready', data: '{}' });
        while (open) {
          const poke = pokes.shift();
          if (poke !== undefined) {
            await stream.writeSSE({ event: 'change', data: poke });
            continue;
          }
          let timer: ReturnType<typeof setTimeout> | undefined;
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, parts.keepAliveMs);
          });
          clearTimeout(timer);
          wake = undefined;
          if (open && pokes.length === 0) await stream.write(': keep-alive\n\n');
        }
      } finally {
        // One listener per open stream on the server's signal: gone with the stream.
        if (onClosing) parts.closing.removeEventListener('abort', onClosing);
        leave();
      }
    });
  });

  app.get('/v1/sessions', async (c) => {
    const sessions = await storeOf(c).listSessions({ includeArchived: c.req.query('archived') !== 'false' });
    c.header('cache-control', REVALIDATE);
    return c.json({ sessions });
  });

  app.get('/v1/sessions/:id', async (c) => {
    const id = c.req.param('id');
    c.header('cache-control', REVALIDATE);
    return c.json(await visible(id, () => storeOf(c).getSession(id)));
  });

  app.get('/v1/sessions/:id/entries', async (c) => {
    const id = c.req.param('id');
    const after = Number(c.req.query('after') ?? '0');
    if (!Number.isSafeInteger(after) || after < 0) throw badRequest('after', 'after is a non-negative integer.');
    const answer = await pull(c.get('tenant'), storeOf(c), new Map([[id, after]]), {
      only: id,
      maxEntries: parts.pullMaxEntries,
    });
    const session = answer.sessions.find((s) => s.header.id === id);
    if (!session) throw new OkrError('not-found', `Session ${id} does not exist.`);
    return c.json({ ...session, ...(answer.more ? { more: true } : {}) });
  });

  app.get('/v1/sessions/:id/weeks', async (c) => {
    const id = c.req.param('id');
    c.header('cache-control', REVALIDATE);
    return c.json(await visible(id, () => storeOf(c).weeks(id)));
  });

  app.get('/v1/sessions/:id/snapshots/:week', async (c) => {
    const id = c.req.param('id');
    const param = c.req.param('week');
    const csv = param.endsWith('.csv');
    const week = csv ? param.slice(0, -4) : param;
    const owner = ownerFilterOf(c.req.query('owner'));
    const { body, type, cacheControl } = await snapshotRepresentation(storeOf(c), id, week, owner, csv);
    const etag = etagOf(body);
    const headers = { 'cache-control': cacheControl, etag, vary: 'Authorization' };
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'content-type': type });
  });

  app.get('/v1/sessions/:id/export', async (c) => {
    const id = c.req.param('id');
    const body = await visible(id, () => storeOf(c).exportSession(id));
    return c.body(body, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${id}.json"`,
      'cache-control': 'private, no-store',
    });
  });
}

async function jsonBody(c: C): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw badRequest('body', 'Send the body as application/json.');
  try {
    return await c.req.json();
  } catch {
    throw badRequest('body', 'The body is not valid JSON.');
  }
}
