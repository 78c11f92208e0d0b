/** Types of scripts/postgres.mjs, for the TypeScript benchmarks that start a throw-away cluster. */
export interface Cluster {
  readonly url: string;
  readonly dir: string;
  stop(): void;
}
export function startPostgres(): Promise<Cluster>;
export function stopOnExit(cluster: Cluster): void;
export function findPostgresBin(): string | undefined;
export const INSTALL_HINT: string;
