/**
 * Schema 3: each organisation's links version (`okrkit_tenants.links`, see
 * `StorageAdapter.linksVersion`). The rules between sessions (a parent exists and encloses
 * its children, a parent with children stays, an alignment points at an objective that
 * exists) read other sessions than the one a command writes: a command that reads or could
 * break them locks this row in its transaction, compares the version it planned on and
 * raises it, so that two such commands racing on different sessions cannot both commit.
 * Existing organisations start at 0, as a new one does.
 */
export const migration003 = {
  version: 3,
  name: 'links',
  sql: `
ALTER TABLE okrkit_tenants ADD COLUMN links integer NOT NULL DEFAULT 0 CHECK (links >= 0);
`,
} as const;
