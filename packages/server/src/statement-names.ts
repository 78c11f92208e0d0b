import { createHash } from 'node:crypto';

/** Distinct statements named at most: each pooled connection may end up holding all of them. */
const MAX_NAMED = 200;

/** Larger statements (a long append's rows) vary with their size, and are rare: they stay unnamed. */
const MAX_PARAMS = 40;

/**
 * Names for the statements a `pgDatabase` runs again and again, so that pg prepares each
 * once per connection and then only binds and executes it: PostgreSQL no longer parses and
 * plans the append (a statement of four CTEs) for every push, which was about 0.4 ms of its
 * CPU each. Statements without parameters (pg sends those as simple queries), with more
 * than `MAX_PARAMS`, or beyond the first `MAX_NAMED` texts run unnamed, as before: a host's
 * own generated SQL never fills its connections with prepared statements.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();

  /** The name to prepare `text` under, or undefined to run it unnamed. */
  nameOf(text: string, paramCount: number): string | undefined {
    if (paramCount === 0 || paramCount > MAX_PARAMS) return undefined;
    let name = this.#names.get(text);
    if (name === undefined && this.#names.size < MAX_NAMED) {
      name = `okrkit_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      this.#names.set(text, name);
    }
    return name;
  }
}
