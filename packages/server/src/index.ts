export { CHANGE_CHANNEL, type ChangeNotice } from './change-notice.js';
export { DEV_SECRET } from './cli-options.js';
export {
  DATABASE_ENGINES,
  type Database,
  type DatabaseEngine,
  type Listening,
  type Queryable,
  type QueryResult,
} from './database.js';
export { databaseError } from './database-error.js';
export * from './http/index.js';
export { ensureSchema, type MigrateOptions, migrate, SCHEMA_VERSION } from './migrate.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';
export { type PgDatabaseOptions, pgDatabase } from './pg-database.js';
export { type PgliteDatabaseOptions, pgliteDatabase } from './pglite-database.js';
export {
  type AlsoWrite,
  DEFAULT_TENANT,
  PostgresStorage,
  type PostgresStorageOptions,
  postgresStorage,
} from './postgres-storage.js';
