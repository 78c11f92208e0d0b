/**
 * Schema 2: the result of every pushed command, per client and mutation id, so that a
 * push the client retries (it never heard the answer) is answered again instead of
 * applied twice. Kept in its own migration so that upgrading a database of schema 1,
 * with its data, is a real path that the tests walk.
 */
export const migration002 = {
  version: 2,
  name: 'push-results',
  sql: `
CREATE TABLE okrkit_push_results (
  tenant text NOT NULL,
  client_id text NOT NULL,
  mutation_id bigint NOT NULL CHECK (mutation_id >= 0),
  result json NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, client_id, mutation_id)
);
`,
} as const;
