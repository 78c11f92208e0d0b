/**
 * Schema 1: sessions, their journals, the session numbers of each organisation and the
 * checkpoints. Every table is keyed by `tenant` (the organisation) first, so that a
 * tenant-sharded PostgreSQL (Citus) can distribute them by it.
 *
 * - JSON is stored as `json`, not `jsonb`: `jsonb` reorders keys and drops duplicates,
 *   and what okrkit stores must read back exactly as it was written.
 * - Entries are immutable in the database itself, not only in the code that writes
 *   them: a trigger refuses UPDATE, DELETE and TRUNCATE.
 * - `okrkit_tenants.next_number` is taken with a row lock in the transaction that inserts
 *   the session, so numbers are gapless: a create that fails gives its number back.
 */
export const migration001 = {
  version: 1,
  name: 'journal',
  sql: `
CREATE TABLE okrkit_tenants (
  tenant text PRIMARY KEY,
  next_number integer NOT NULL
);

CREATE TABLE okrkit_sessions (
  tenant text NOT NULL,
  id text NOT NULL,
  number integer NOT NULL,
  head integer NOT NULL CHECK (head >= 1),
  header json NOT NULL,
  PRIMARY KEY (tenant, id),
  UNIQUE (tenant, number)
);

CREATE TABLE okrkit_entries (
  tenant text NOT NULL,
  session_id text NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  type text NOT NULL,
  data json NOT NULL,
  PRIMARY KEY (tenant, session_id, seq),
  FOREIGN KEY (tenant, session_id) REFERENCES okrkit_sessions (tenant, id)
);

CREATE FUNCTION okrkit_refuse_entry_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'okrkit journal entries are immutable: % refused (append a correcting entry instead)', TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER okrkit_entries_immutable
  BEFORE UPDATE OR DELETE ON okrkit_entries
  FOR EACH ROW EXECUTE FUNCTION okrkit_refuse_entry_change();

CREATE TRIGGER okrkit_entries_not_truncated
  BEFORE TRUNCATE ON okrkit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION okrkit_refuse_entry_change();

CREATE TABLE okrkit_checkpoints (
  tenant text NOT NULL,
  session_id text NOT NULL,
  key text NOT NULL,
  value json NOT NULL,
  PRIMARY KEY (tenant, session_id, key),
  FOREIGN KEY (tenant, session_id) REFERENCES okrkit_sessions (tenant, id)
);
`,
} as const;
