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
