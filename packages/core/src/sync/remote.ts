import { OkrError } from '../errors.js';
import {
  errorOf,
  type MutationResult,
  type Poke,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  pokeOf,
  pullResponseOf,
  pushResultsOf,
} from './protocol.js';

/** What the sync store needs of a server: the protocol's push, pull and change stream. */
export interface SyncRemote {
  push(request: PushRequest): Promise<MutationResult[]>;
  pull(request: PullRequest): Promise<PullResponse>;
  /** Reads the change stream until it ends or `signal` aborts; `onReady` when it listens, `onPoke` per change. */
  listen(handlers: StreamHandlers, signal: AbortSignal): Promise<void>;
}

export interface StreamHandlers {
  onReady(): void;
  onPoke(poke: Poke): void;
}

/**
 * Why a request did not get an answer to use:
 * - `offline`: the server could not be reached (no network, server down);
 * - `later`: the server asked to come back (`storage`, `conflict`, `rate-limited`);
 * - `refused`: the request itself was refused (a push too large, a sign-in the server
 *   never accepts); repeating it as it is would be refused again.
 */
export class RemoteFailure extends Error {
  override readonly name = 'RemoteFailure';
  readonly kind: 'offline' | 'later' | 'refused';
  readonly error: OkrError;
  /** What `Retry-After` asked for, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: RemoteFailure['kind'], error: OkrError, retryAfterMs?: number) {
    super(error.message, { cause: error });
    this.kind = kind;
    this.error = error;
    this.retryAfterMs = retryAfterMs;
  }
}

export interface HttpRemoteOptions {
  /** The server's address, e.g. `https://okr.example.com` (the `/v1` paths go after it). */
  readonly url: string;
  /** The person's bearer token; asked again whenever the server answers 401, then the request is repeated once. */
  readonly getToken: () => string | Promise<string>;
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/** The protocol over HTTP with `fetch` (the stream too, so that it can carry `Authorization`). */
export function httpRemote(options: HttpRemoteOptions): SyncRemote {
  const base = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let token: Promise<string> | undefined;
  const tokenOf = (fresh: boolean) => {
    if (!token || fresh) {
      const asked = Promise.resolve().then(() => options.getToken());
      // A sign-in that failed (its server out of reach) is asked again next time, not kept.
      asked.catch(() => {
        if (token === asked) token = undefined;
      });
      token = asked;
    }
    return token;
  };

  async function request(path: string, init: RequestInit): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const bearer = await tokenOf(attempt > 0).catch((cause: unknown) => {
        throw new RemoteFailure('later', new OkrError('not-allowed', 'No sign-in for the server.', { cause }));
      });
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${bearer}` },
        });
      } catch (cause) {
        if (init.signal?.aborted) throw cause;
        throw new RemoteFailure(
          'offline',
          new OkrError('storage', 'Offline: the server cannot be reached.', { cause }),
        );
      }
      if (response.status === 401 && attempt === 0) {
        await response.body?.cancel();
        continue;
      }
      if (response.ok) return response;
      throw await failureOf(response);
    }
  }

  async function post(path: string, body: unknown): Promise<unknown> {
    const response = await request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    try {
      return await response.json();
    } catch (cause) {
      throw new RemoteFailure('offline', new OkrError('storage', 'The answer of the server was cut off.', { cause }));
    }
  }

  return {
    push: async (body) => pushResultsOf(await post('/v1/push', body)),
    pull: async (body) => pullResponseOf(await post('/v1/pull', body)),
    async listen(handlers, signal) {
      const response = await request('/v1/stream', { headers: { accept: 'text/event-stream' }, signal });
      if (!response.body) return;
      try {
        await readEvents(response.body, signal, (event, data) => {
          if (event === 'ready') handlers.onReady();
          else if (event === 'change') {
            const poke = pokeOf(data);
            if (poke) handlers.onPoke(poke);
          }
        });
      } catch (cause) {
        if (signal.aborted) return;
        throw new RemoteFailure('offline', new OkrError('storage', 'The change stream was cut off.', { cause }));
      }
    },
  };
}

async function failureOf(response: Response): Promise<RemoteFailure> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = errorOf(body, `The server answered ${response.status}.`);
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
  if (response.status === 401)
    return new RemoteFailure(
      'refused',
      new OkrError('not-allowed', `The server did not accept the sign-in: ${error.message}`),
    );
  if (response.status >= 500 || response.status === 429 || response.status === 409)
    return new RemoteFailure('later', error, retryAfterMs);
  return new RemoteFailure('refused', error);
}

/** Reads server-sent events (`event:` and `data:` lines, a blank line ends one) from a byte stream. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onEvent: (event: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  // Closed while the answer was on its way: the listener above came too late to hear it,
  // and an uncancelled stream keeps its connection (a browser has six per server).
  if (signal.aborted) stop();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.search(/\r?\n/);
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(buffer[newline] === '\r' ? newline + 2 : newline + 1);
        if (line === '') {
          if (data.length > 0 || event !== 'message') onEvent(event, data.join('\n'));
          event = 'message';
          data = [];
        } else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        newline = buffer.search(/\r?\n/);
      }
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
