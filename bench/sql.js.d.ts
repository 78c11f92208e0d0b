// The small part of sql.js the benchmark uses (the package ships no types).
declare module 'sql.js' {
  interface Statement {
    run(values?: unknown[]): void;
    bind(values: Record<string, unknown>): boolean;
    step(): boolean;
    get(): unknown[];
    reset(): void;
  }
  interface Database {
    run(sql: string): void;
    prepare(sql: string): Statement;
    close(): void;
    export(): Uint8Array;
  }
  interface SqlJsStatic {
    Database: new (data?: Uint8Array) => Database;
  }
  export default function initSqlJs(): Promise<SqlJsStatic>;
}

declare module 'dexie/dist/dexie.mjs' {
  export * from 'dexie';
  export { default } from 'dexie';
}
