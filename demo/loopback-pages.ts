// Pages and modules served from the repository's sources (TypeScript compiled on the fly by
// @web/dev-server) on 127.0.0.1 only: the demo's server and the bench's pages. The dev
// server listens on every interface when asked for `127.0.0.1` (it treats that name as "no
// host"), so it runs in middleware mode inside a plain HTTP server that binds the loopback
// address itself.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';

export const LOOPBACK = '127.0.0.1';

/** A Koa middleware, as the dev server's `config.middleware` takes it. */
type Middleware = NonNullable<
  NonNullable<NonNullable<Parameters<typeof startDevServer>[0]>['config']>['middleware']
>[number];

export interface LoopbackPagesOptions {
  /** The port (default 0: any free one). */
  readonly port?: number;
  /** The page served for paths without a file (the dev server's `appIndex`). */
  readonly appIndex?: string;
  /** Koa middleware before the dev server's own (allow-lists, answers of one's own). */
  readonly middleware?: readonly Middleware[];
  /** Answers a request before the pages do (true), or leaves it to them (false). */
  readonly handle?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

export interface LoopbackPages {
  /** e.g. `http://127.0.0.1:40123` */
  readonly origin: string;
  readonly port: number;
  stop(): Promise<void>;
}

const ROOT = new URL('..', import.meta.url).pathname;

/** Starts serving; rejects with the listen error (EADDRINUSE when the port is taken), having stopped what it started. */
export async function startLoopbackPages(options: LoopbackPagesOptions = {}): Promise<LoopbackPages> {
  const pages = await startDevServer({
    config: {
      rootDir: ROOT,
      ...(options.appIndex ? { appIndex: options.appIndex } : {}),
      middlewareMode: true,
      nodeResolve: { exportConditions: ['@okrkit/source', 'browser', 'production'] },
      middleware: [...(options.middleware ?? [])],
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
      open: false,
      watch: false,
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  const files = pages.koaApp.callback();
  const handle = options.handle ?? (() => false);
  const http = createServer((request, response) => {
    if (!handle(request, response)) void files(request, response);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen({ host: LOOPBACK, port: options.port ?? 0 }, resolve);
    });
  } catch (error) {
    await pages.stop();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  return {
    origin: `http://${LOOPBACK}:${port}`,
    port,
    async stop() {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await pages.stop();
    },
  };
}
