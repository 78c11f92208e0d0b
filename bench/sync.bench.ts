// The sync store against the real server (in-process, PGlite in memory, HTTP on 127.0.0.1):
// 1. push to seen: Mo checks in through his store; the time until Ada's store tells the new
//    value (push, poke on the stream, pull, fold, notice), 60 rounds after 5 warm-ups;
// 2. first load of the enterprise session (2,000 objectives, 8,000 key results) from the
//    server into an empty sync store, against folding the same journal from memory storage.
// Without a browser, these split the browser figures (bench/browser.mjs `runSync`) into the
// protocol's share and the page's. Run by `npm run bench`; alone:
// node --conditions=@okrkit/source --import tsx bench/sync.bench.ts (its rows, JSON, on the last line).
import { createOkrStore, memoryStorage, memorySyncCache, type OkrStore, syncStorage } from '@okrkit/core';
import { headerOf, replay } from '@okrkit/core/internals';
import {
  createOkrServer,
  DEFAULT_TENANT,
  jwtAuthenticator,
  listen,
  pgliteDatabase,
  postgresStorage,
  signToken,
} from '@okrkit/server';
import { enterprise } from './generate.js';
import type { Row } from './measure.js';

const SECRET = 'okrkit-bench-secret-at-least-32-characters-long';
const ADA = { id: 'ada', role: 'admin', name: 'Ada' } as const;
const MO = { id: 'mo', role: 'member', name: 'Mo' } as const;

const database = pgliteDatabase();
const server = await listen(
  createOkrServer({
    database,
    authenticate: jwtAuthenticator({ secret: SECRET }),
    pushRate: { burst: 100_000, perSecond: 100_000 },
  }),
  { port: 0 },
);
const open = (actor: typeof ADA | typeof MO) =>
  createOkrStore({
    storage: syncStorage({
      url: server.url,
      getToken: () => signToken(actor, { secret: SECRET }),
      cache: memorySyncCache(),
    }),
    actor,
  });

function seen(store: OkrStore, id: string, value: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = store.subscribe((change) => {
      if (
        change.type === 'session' &&
        change.session.id === id &&
        change.session.keyResults.get('kr_1')?.latest?.value === value
      ) {
        stop();
        resolve();
      }
    });
  });
}

const ada = open(ADA);
const mo = open(MO);
const session = await ada.createSession({ title: 'Bench', start: '2026-10-01', end: '2027-03-31', timeZone: 'UTC' });
await ada.addObjective(session.id, { id: 'ob_1', title: 'O' });
await ada.addKeyResult(session.id, {
  id: 'kr_1',
  objectiveId: 'ob_1',
  title: 'K',
  kind: 'increase',
  start: 0,
  target: 1e6,
  ownerId: 'mo',
});
await ada.startSession(session.id);
await ada.getSession(session.id);
await new Promise<void>((resolve) => {
  const look = async () => {
    if ((await mo.getSession(session.id).catch(() => undefined))?.state === 'in_progress') resolve();
  };
  mo.subscribe(() => void look());
  void look();
});
const times: number[] = [];
for (let round = 1; round <= 65; round++) {
  const arrived = seen(ada, session.id, round);
  const started = performance.now();
  await mo.checkIn(session.id, 'kr_1', { value: round });
  await arrived;
  if (round > 5) times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;

// The enterprise session, written straight into the server's tables (as an import would leave it).
const { journal } = enterprise();
const folded = replay({ id: '', number: 0 }, journal);
if (!folded) throw new Error('The enterprise journal does not fold.');
const { id: _id, number: _number, ...header } = headerOf(folded);
const tables = postgresStorage({ database, tenant: DEFAULT_TENANT });
const big = await tables.createSession(header, journal);
let started = performance.now();
const reader = open(ADA);
const loaded = await new Promise<number>((resolve) => {
  const look = async () => {
    const s = await reader.getSession(big.id).catch(() => undefined);
    if (s && s.head === journal.length) resolve(performance.now() - started);
  };
  reader.subscribe(() => void look());
  void look();
});
const local = memoryStorage();
await local.createSession(header, journal);
started = performance.now();
await createOkrStore({ storage: local, actor: ADA }).getSession('SE-01001');
const fromMemory = performance.now() - started;

console.error(
  `push to seen in another store, ${times.length} rounds: p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`,
);
console.error(
  `first load of the enterprise session (${journal.length} entries, ${folded.keyResults.size} key results): ` +
    `from the server ${loaded.toFixed(0)} ms, folding it from memory storage ${fromMemory.toFixed(0)} ms`,
);
const rows: Row[] = [
  {
    group: 'other',
    scenario:
      "Node, no browser: a member's check-in seen by an admin's sync store (okrkit server on PGlite, 127.0.0.1)",
    size: 'one key result',
    okrkit: at(0.5),
    note: `from the command's start to the other store's notice with the value (push, poke, pull, fold); median of ${times.length} after 5 warm-ups, p99 ${at(0.99).toFixed(1)} ms; memory caches`,
  },
  {
    group: 'other',
    scenario:
      'Node, no browser: first load of a session from the server into an empty sync store, vs folding it from memory storage',
    size: `${folded.objectives.size.toLocaleString('en')} objectives, ${folded.keyResults.size.toLocaleString('en')} key results, ${journal.length.toLocaleString('en')} entries`,
    okrkit: loaded,
    peer: fromMemory,
    peerName: 'a fresh store over memory storage holding the journal',
    note: 'one load each: a new sync store (memory cache) until getSession has the whole session',
  },
];
console.log(JSON.stringify(rows));
await Promise.all([ada.close(), mo.close(), reader.close(), tables.close()]);
await server.close();
await database.close();
