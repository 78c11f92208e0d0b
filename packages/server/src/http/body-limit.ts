import type { MiddlewareHandler } from 'hono';
import { bodyLimit as countedBodyLimit } from 'hono/body-limit';

/**
 * Hono's `bodyLimit`, without its cost on every request: it starts by asking for the
 * request's body stream, which makes @hono/node-server build a whole fetch `Request` for
 * each request, and the body is then read through that stream instead of straight from
 * Node. A request whose size its Content-Length states (hono's own check trusts it the
 * same way; Node's parser never passes on more), or that cannot have a body (GET, HEAD), is
 * decided here; any other body (chunked, or of unstated length) is counted by hono's.
 */
export function bodyLimit(maxSize: number, onError: () => Response): MiddlewareHandler {
  const counted = countedBodyLimit({ maxSize, onError });
  return async (c, next) => {
    const { method, headers } = c.req.raw;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = headers.get('content-length');
    if (length === null || headers.has('transfer-encoding')) return counted(c, next);
    if (Number.parseInt(length, 10) > maxSize) return onError();
    return next();
  };
}
