// The host of the browser sync bench (bench/browser.mjs `runSync`): the real okrkit server on
// PGlite in memory and the bench's pages (bench/bench-pages.ts), on one origin (as the demo
// serves its own), bound to 127.0.0.1 only: `/v1/...` goes to the okrkit server.
// Seeded through the server's own storage adapter: the demo's large organisation imported
// with the store's `importSession` (the commands' validation), and the enterprise session
// written as an import leaves it (as bench/sync.bench.ts does).
import { getRequestListener } from '@hono/node-server';
import { createOkrStore } from '@okrkit/core';
import { headerOf, replay } from '@okrkit/core/internals';
import {
  createOkrServer,
  DEFAULT_TENANT,
  jwtAuthenticator,
  migrate,
  pgliteDatabase,
  postgresStorage,
  signToken,
} from '@okrkit/server';
import { importLargeOrganisation } from '../demo/large-org.js';
import { startBenchPages } from './bench-pages.js';
import { enterprise } from './generate.js';

const SECRET = `okrkit-bench-${crypto.randomUUID()}`;
/** The large organisation's admin (who imports it and watches it) and a member who owns `kr0-1`. */
export const ADMIN = { id: 'u-ada', role: 'admin', name: 'Ada' } as const;
export const MEMBER = { id: 'u-ben', role: 'member', name: 'Ben' } as const;

export interface SyncHost {
  /** The origin of the pages and of the okrkit server, e.g. `http://127.0.0.1:40123`. */
  readonly origin: string;
  readonly tokens: { readonly admin: string; readonly member: string };
  /** Imports the demo's large organisation (750 objectives, 3,000 key results, 12 weeks); resolves with its id and head. */
  seedLargeOrganisation(): Promise<{ id: string; head: number; state: string }>;
  /** Writes the enterprise session (bench/generate.ts at 1x); resolves with its id and head. */
  seedEnterprise(): Promise<{ id: string; head: number; objectives: number; keyResults: number }>;
  stop(): Promise<void>;
}

export async function startSyncHost(): Promise<SyncHost> {
  const database = pgliteDatabase();
  await migrate(database);
  const okr = createOkrServer({ database, authenticate: jwtAuthenticator({ secret: SECRET }) });
  const answer = getRequestListener(okr.fetch);
  const pages = await startBenchPages((request, response) => {
    if (!(request.url ?? '').startsWith('/v1/')) return false;
    void answer(request, response);
    return true;
  });
  const storage = postgresStorage({ database, tenant: DEFAULT_TENANT });
  return {
    origin: pages.origin,
    tokens: {
      admin: await signToken(ADMIN, { secret: SECRET }),
      member: await signToken(MEMBER, { secret: SECRET }),
    },
    async seedLargeOrganisation() {
      const importer = createOkrStore({ storage, actor: ADMIN });
      const { id, head, state } = await importLargeOrganisation(importer);
      return { id, head, state };
    },
    async seedEnterprise() {
      const { journal, keyResults } = enterprise();
      const folded = replay({ id: '', number: 0 }, journal);
      if (!folded) throw new Error('The enterprise journal does not fold.');
      const { id: _id, number: _number, ...header } = headerOf(folded);
      const created = await storage.createSession(header, journal);
      return { id: created.id, head: journal.length, objectives: folded.objectives.size, keyResults };
    },
    async stop() {
      await pages.stop();
      await okr.close();
      await storage.close();
      await database.close();
    },
  };
}
