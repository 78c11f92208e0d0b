/** Whether the demo server serves `path` (the demo, the packages' sources, modules from node_modules). */
export function isServed(path: string): boolean;

/** Starts the demo server on 127.0.0.1:`port` (0: any free port); rejects with EADDRINUSE when it is taken. */
export function startDemoServer(port: number): Promise<{ readonly url: string; stop(): Promise<void> }>;
