import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../database.js';
import type { AuthenticatedActor } from '../authenticate.js';
import { jwtAuthenticator, signToken } from '../jwt.js';
import { type Listening, listen } from '../listen.js';
import { createOkrServer, type OkrServerOptions } from '../server.js';

export const TEST_SECRET = 'okrkit-test-secret-at-least-32-characters-long';

export const ADA = { id: 'ada', role: 'admin', name: 'Ada' } as const;
export const MO = { id: 'mo', role: 'member', name: 'Mo', teams: ['sales'] } as const;
export const VIC = { id: 'vic', role: 'viewer', name: 'Vic' } as const;

/** A settable clock: the server stamps entries with it. */
export class TestClock {
  at: Date;
  constructor(iso: string) {
    this.at = new Date(iso);
  }
  readonly now = () => this.at;
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

export interface RunningServer extends Listening {
  readonly tenant: string;
}

/** The real server on a real port of 127.0.0.1, people signed in with JWTs of `TEST_SECRET`. */
export async function startServer(
  database: Database,
  options: Partial<OkrServerOptions> & { readonly tenant?: string } = {},
): Promise<RunningServer> {
  const tenant = options.tenant ?? `test-${randomUUID()}`;
  const server = createOkrServer({
    database,
    authenticate: jwtAuthenticator({ secret: TEST_SECRET }),
    defaultTenant: tenant,
    ...options,
  });
  const listening = await listen(server, { port: 0 });
  return { ...listening, tenant };
}

/** One person talking to a server over HTTP, as a client would. */
export class Person {
  readonly clientId = `c_${randomUUID().slice(0, 8)}`;
  #mutationId = 0;
  #token: Promise<string>;

  constructor(
    readonly url: string,
    readonly actor: AuthenticatedActor,
  ) {
    this.#token = signToken(actor, { secret: TEST_SECRET });
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${await this.#token}`);
    if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(`${this.url}${path}`, { ...init, headers });
  }

  async json<T = unknown>(
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: T; response: Response }> {
    const response = await this.request(path, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, response };
  }

  /** Pushes commands as the next mutations of this client; answers the push's results. */
  async push(...commands: unknown[]): Promise<PushAnswer> {
    const mutations = commands.map((command) => ({ mutationId: ++this.#mutationId, command }));
    return this.pushRaw({ clientId: this.clientId, mutations });
  }

  async pushRaw(body: unknown): Promise<PushAnswer> {
    const { status, body: answer } = await this.json<PushAnswer>('/v1/push', {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return { ...answer, status };
  }

  async pull(heads: Record<string, number> = {}) {
    return this.json<PullBody>('/v1/pull', { method: 'POST', body: JSON.stringify({ heads }) });
  }
}

export interface PushAnswer {
  readonly status: number;
  readonly results: readonly ResultBody[];
  readonly error?: { code: string; message: string; fields: Record<string, string> };
}

export type ResultBody =
  | { mutationId: number; ok: true; sessionId: string; head: number }
  | { mutationId: number; ok: false; error: { code: string; message: string; fields: Record<string, string> } };

export interface PullBody {
  sessions: {
    header: { id: string; head: number; title: string };
    entries: { seq: number; type: string; at: string; data: unknown }[];
  }[];
  removed: string[];
  more?: true;
}

/** Reads server-sent events from `response` and calls `onEvent` for each. */
export async function readEvents(
  response: Response,
  onEvent: (event: { event: string; data: string }) => void,
): Promise<void> {
  const reader = (response.body as ReadableStream<Uint8Array>)
    .pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>)
    .getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length) onEvent({ event, data: data.join('\n') });
      end = buffer.indexOf('\n\n');
    }
  }
}

export const Q4 = { title: 'Q4 2026', start: '2026-10-01', end: '2026-12-31', timeZone: 'Europe/Berlin' };

export function ok(result: ResultBody | undefined): { sessionId: string; head: number } {
  assert.ok(result?.ok, `expected success, got ${JSON.stringify(result)}`);
  return result;
}

export function refused(result: ResultBody | undefined, code: string): void {
  assert.ok(result && !result.ok, `expected a refusal, got ${JSON.stringify(result)}`);
  assert.equal(result.error.code, code, result.error.message);
}

/** A session with an objective and Mo's key result, made over HTTP by Ada. */
export async function plannedSession(ada: Person, input: Record<string, unknown> = Q4) {
  const created = await ada.push({ type: 'session.create', args: input });
  const { sessionId } = ok(created.results[0]);
  const planned = await ada.push(
    { type: 'objective.add', sessionId, args: { id: 'ob-1', title: 'Grow revenue' } },
    {
      type: 'keyResult.add',
      sessionId,
      args: {
        id: 'kr-1',
        objectiveId: 'ob-1',
        title: 'New ARR',
        kind: 'increase',
        start: 0,
        target: 100,
        ownerId: 'mo',
      },
    },
    { type: 'session.transition', sessionId, args: { transition: 'start' } },
  );
  for (const result of planned.results) ok(result);
  return sessionId;
}

export const checkIn = (sessionId: string, value: number, id?: string) => ({
  type: 'checkIn.add',
  sessionId,
  args: { ...(id ? { id } : {}), keyResultId: 'kr-1', value, status: 'on_track', comment: `now ${value}` },
});
