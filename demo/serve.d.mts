/** Whether the demo server serves `path` (the demo, the packages' sources, modules from node_modules). */
export function isServed(path: string): boolean;

export interface DemoServerOptions {
  /** The okrkit server's PGlite data folder, kept between starts. Omitted: in memory, gone on stop. */
  readonly dataDir?: string;
  /** How long a demo token lives, in seconds. Default 15 minutes. */
  readonly tokenSeconds?: number;
}

/**
 * Starts the demo server on 127.0.0.1:`port` (0: any free port), with its okrkit server and
 * the sample company; rejects with EADDRINUSE when the port is taken.
 */
export function startDemoServer(
  port: number,
  options?: DemoServerOptions,
): Promise<{ readonly url: string; readonly seeded: boolean; stop(): Promise<void> }>;
