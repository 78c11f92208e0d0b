import { OkrError } from '@okrkit/core';
import type { Database } from './database.js';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from './migrations/index.js';

/**
 * The key of the advisory lock that migrations hold: any fixed 64-bit number, the same
 * in every instance (it spells "okrkit" in ASCII).
 */
const MIGRATION_LOCK = 0x6f6b726b6974;

export interface MigrateOptions {
  /** Stop after this version (tests use it to build a database of an older schema). Default: the newest. */
  readonly to?: number;
  /** The migrations to apply. Default: okrkit's own. */
  readonly migrations?: readonly Migration[];
}

/**
 * Brings the database's schema up to date and returns its version. Each migration runs
 * in its own transaction together with its row in `okrkit_schema_version`, so a failed
 * one leaves the previous version whole. Every transaction first takes an advisory lock,
 * so instances that start together apply each migration once, one after the other; on a
 * restart there is nothing left to do. A database of a newer schema than this code knows
 * is refused, never touched.
 */
export async function migrate(database: Database, options: MigrateOptions = {}): Promise<number> {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.to ?? migrations.length;
  let version = 0;
  for (const migration of migrations) {
    if (migration.version > target) break;
    version = await database.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query(
        `CREATE TABLE IF NOT EXISTS okrkit_schema_version (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await tx.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM okrkit_schema_version',
      );
      const current = rows[0]?.version ?? 0;
      if (current > migrations.length) {
        throw new OkrError(
          'storage',
          `This database has okrkit schema ${current}, newer than this server knows (${migrations.length}). Run a newer @okrkit/server; nothing was changed.`,
        );
      }
      if (current >= migration.version) return current;
      if (current !== migration.version - 1) {
        throw new OkrError(
          'storage',
          `Cannot apply okrkit migration ${migration.version} to schema ${current}: the migrations are not numbered 1, 2, 3, ...`,
        );
      }
      await tx.script(migration.sql);
      await tx.query('INSERT INTO okrkit_schema_version (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return migration.version;
    });
  }
  return version;
}

const migrated = new WeakMap<Database, Promise<number>>();

/**
 * `migrate(database)` once per database object: every adapter on a database awaits the
 * same run. A failed run is forgotten, so the next call tries again (the database may
 * have been away).
 */
export function ensureSchema(database: Database): Promise<number> {
  let run = migrated.get(database);
  if (!run) {
    run = migrate(database);
    migrated.set(database, run);
    run.catch(() => migrated.delete(database));
  }
  return run;
}

export { SCHEMA_VERSION };
