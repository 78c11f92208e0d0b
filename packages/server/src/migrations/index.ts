import { migration001 } from './001-journal.js';
import { migration002 } from './002-push-results.js';
import { migration003 } from './003-links.js';

export interface Migration {
  /** 1, 2, 3, ...: applied in this order, each once. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in version order. A released migration is never edited: a change is a new one. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003];

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
