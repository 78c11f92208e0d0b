// The bench's pages and modules (served from the sources, TypeScript compiled on the fly) on
// 127.0.0.1 only. @web/dev-server listens on every interface when asked for `127.0.0.1`
// (it treats that name as "no host"), so it runs in middleware mode inside a plain HTTP
// server that binds the loopback address itself, as demo/serve.mjs does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';

export interface BenchPages {
  /** e.g. `http://127.0.0.1:40123` */
  readonly origin: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts the server; `handle` answers a request first (true) or leaves it to the pages (false). */
export async function startBenchPages(
  handle: (request: IncomingMessage, response: ServerResponse) => boolean = () => false,
): Promise<BenchPages> {
  const pages = await startDevServer({
    config: {
      rootDir: new URL('..', import.meta.url).pathname,
      middlewareMode: true,
      nodeResolve: { exportConditions: ['@okrkit/source', 'browser', 'production'] },
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
  const http = createServer((request, response) => {
    if (!handle(request, response)) void files(request, response);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen({ host: '127.0.0.1', port: 0 }, resolve);
    });
  } catch (error) {
    await pages.stop();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await pages.stop();
    },
  };
}
