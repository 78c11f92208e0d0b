import { randomUUID } from 'node:crypto';

/**
 * The PostgreSQL the server tests run against: `OKRKIT_TEST_DATABASE_URL`, which
 * `npm test` sets after starting a throw-away cluster (scripts/postgres.mjs). Without it
 * the PostgreSQL tests fail, never skip, and say how to get one.
 */
export function testDatabaseUrl(): string {
  const url = process.env.OKRKIT_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'No PostgreSQL for the server tests: OKRKIT_TEST_DATABASE_URL is not set, and `npm test` found no PostgreSQL to start.\n' +
        'Fix: install it (Debian/Ubuntu: `sudo apt-get install -y postgresql`; `npm test` then starts a throw-away cluster) ' +
        'or set OKRKIT_TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/db to a database the tests may write to.',
    );
  }
  return url;
}

/** A new organisation for one test: tenants share nothing, so a tenant is a fresh, empty storage. */
export function freshTenant(): string {
  return `test-${randomUUID()}`;
}

export interface TestUrlOptions {
  /** Names the connections in `pg_stat_activity`, so that a test can find (and terminate) its own. */
  readonly applicationName?: string;
  /** A schema of its own (created by the caller): an empty database for migration tests. */
  readonly searchPath?: string;
}

/** `testDatabaseUrl()` with connection settings that pg reads from the URL. */
export function testUrl(options: TestUrlOptions): string {
  const url = new URL(testDatabaseUrl());
  if (options.applicationName) url.searchParams.set('application_name', options.applicationName);
  if (options.searchPath) url.searchParams.set('options', `-c search_path=${options.searchPath}`);
  return url.toString();
}

/** Polls `condition` every 5 ms until it holds, failing after `ms`. */
export async function waitFor(condition: () => boolean, what: string, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
