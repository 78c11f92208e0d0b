import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { OkrError } from '../errors.js';
import type { MutationResult, PullResponse, PushRequest } from './protocol.js';
import { RemoteFailure, type StreamHandlers, type SyncRemote } from './remote.js';
import type { PendingMutation } from './sync-cache.js';
import { Syncer, type SyncTarget } from './syncer.js';

/**
 * The syncer's schedule on a clock the test turns (node:test's mocked setTimeout): a
 * server that is away, then back; when the outbox is tried again, and when the stream.
 */

const AWAY = () => new RemoteFailure('offline', new OkrError('storage', 'The server cannot be reached.'));

/** A server that is away until `back` is set; it remembers when each request came (mocked ms). */
class FakeServer implements SyncRemote {
  reachable = false;
  readonly pushes: number[] = [];
  readonly streams: number[] = [];
  readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  async push(request: PushRequest): Promise<MutationResult[]> {
    this.pushes.push(this.now());
    if (!this.reachable) throw AWAY();
    return request.mutations.map((m) => ({ mutationId: m.mutationId, ok: true, sessionId: 'SE-01001', head: 2 }));
  }

  async pull(): Promise<PullResponse> {
    if (!this.reachable) throw AWAY();
    return { sessions: [], removed: [], more: false };
  }

  async listen(handlers: StreamHandlers, signal: AbortSignal): Promise<void> {
    this.streams.push(this.now());
    if (!this.reachable) throw AWAY();
    handlers.onReady();
    // Open until aborted.
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
  }
}

function outboxOf(): SyncTarget & { outbox: PendingMutation[] } {
  const outbox: PendingMutation[] = [
    {
      mutationId: 1,
      command: { type: 'checkIn.record', sessionId: 'SE-01001', args: {} } as unknown as PendingMutation['command'],
      sessionId: 'SE-01001',
      actorId: 'mo',
      madeAt: '2026-12-03T08:00:00.000Z',
      drafts: [],
    },
  ];
  return {
    clientId: 'c1',
    outbox,
    unsent: () => outbox,
    heads: () => ({}),
    confirmedHead: () => undefined,
    applyResults: async (results) => {
      for (const result of results) {
        const at = outbox.findIndex((m) => m.mutationId === result.mutationId);
        if (at >= 0) outbox.splice(at, 1);
      }
    },
    applyPull: async () => undefined,
    setStatus: () => undefined,
  };
}

describe('the syncer’s schedule while the server is away', () => {
  let now = 0;
  beforeEach(() => {
    now = 0;
    mock.timers.enable({ apis: ['setTimeout'] });
  });
  afterEach(() => mock.timers.reset());

  /** Turns the clock `ms` forward, 100 ms at a time, letting the promises of each step settle. */
  async function pass(ms: number): Promise<void> {
    for (let t = 0; t < ms; t += 100) {
      for (let i = 0; i < 20; i++) await Promise.resolve();
      now += 100;
      mock.timers.tick(100);
    }
    for (let i = 0; i < 20; i++) await Promise.resolve();
  }

  it('tries the outbox again at 1, 2, 4, ... 30 s, whatever the stream’s failures in between', async () => {
    const server = new FakeServer(() => now);
    const syncer = new Syncer(server, outboxOf());
    syncer.start();
    await pass(70_000);
    const gaps = server.pushes.slice(1).map((at, i) => at - (server.pushes[i] as number));
    assert.deepEqual(gaps.slice(0, 6), [1000, 2000, 4000, 8000, 16_000, 30_000]);
    // The stream tried on its own schedule: 2 s, 4 s, ... (not postponing the outbox).
    const streamGaps = server.streams.slice(1).map((at, i) => at - (server.streams[i] as number));
    assert.deepEqual(streamGaps.slice(0, 4), [2000, 4000, 8000, 16_000]);
    syncer.close();
  });

  it('sends the outbox at the next try once the server is back, at most one backoff step later', async () => {
    const server = new FakeServer(() => now);
    const target = outboxOf();
    const syncer = new Syncer(server, target);
    syncer.start();
    await pass(5_000); // tries at 0, 1 s and 3 s; the next at 7 s
    server.reachable = true;
    const back = now;
    await pass(5_000);
    assert.equal(target.outbox.length, 0, 'the check-in was sent');
    const sent = server.pushes.at(-1) as number;
    assert.ok(sent - back <= 4000, `sent ${sent - back} ms after the server came back`);
    syncer.close();
  });
});

describe('the syncer’s cycles', () => {
  it('runs one more cycle for a kick that comes while a cycle is ending (a poke or a command then)', async () => {
    const server = new FakeServer(() => 0);
    server.reachable = true;
    let pulls = 0;
    const pull = server.pull.bind(server);
    server.pull = async () => {
      pulls += 1;
      return pull();
    };
    const target = outboxOf();
    target.outbox.length = 0;
    let syncer: Syncer | undefined;
    let kickedWhileEnding = false;
    // The cycle says "online" after its last look for more work: a command queued by a
    // listener of that status is exactly a kick in the cycle's last moment.
    target.setStatus = (patch) => {
      if (patch.connection === 'online' && !kickedWhileEnding && pulls > 0) {
        kickedWhileEnding = true;
        void syncer?.kick();
      }
    };
    syncer = new Syncer(server, target);
    const before = pulls;
    await syncer.kick();
    assert.ok(kickedWhileEnding);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    assert.equal(pulls - before, 2, 'the late kick ran a cycle of its own');
    syncer.close();
  });
});
