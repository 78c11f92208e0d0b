import { createOkrStore, type OkrStore } from '@okrkit/core';
import type { Database } from '../database.js';
import { type PostgresStorage, postgresStorage } from '../postgres-storage.js';
import type { KeptResults } from './kept-results.js';

/** Whom the server's own stores are made for; every request acts as its person through `store.as(actor)`. */
const SERVER_ACTOR = { id: 'okrkit-server', role: 'viewer' } as const;

export interface Tenant {
  readonly name: string;
  readonly storage: PostgresStorage;
  /** One store per organisation, shared by every request: one live fold per session for everyone. */
  readonly store: OkrStore;
}

export interface TenantStoresOptions {
  readonly database: Database;
  readonly keptResults: KeptResults;
  readonly clock?: () => Date;
  /** Retries of a command on fresh state after another instance won the race. */
  readonly retries?: number;
}

/**
 * The organisations this instance has served, each with its storage and store, made on
 * first use. An instance holds nothing that PostgreSQL does not: dropping one of these
 * only costs a fold on the next request.
 */
export class TenantStores {
  readonly #options: TenantStoresOptions;
  readonly #tenants = new Map<string, Tenant>();

  constructor(options: TenantStoresOptions) {
    this.#options = options;
  }

  get(name: string): Tenant {
    let tenant = this.#tenants.get(name);
    if (!tenant) {
      const { database, keptResults, clock, retries = 8 } = this.#options;
      const storage = postgresStorage({ database, tenant: name, duringWrite: keptResults.duringWrite(name) });
      const store = createOkrStore({ storage, actor: SERVER_ACTOR, retries, ...(clock ? { clock } : {}) });
      tenant = { name, storage, store };
      this.#tenants.set(name, tenant);
    }
    return tenant;
  }

  async close(): Promise<void> {
    const tenants = [...this.#tenants.values()];
    this.#tenants.clear();
    await Promise.all(tenants.map((t) => t.store.close()));
  }
}
