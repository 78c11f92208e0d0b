import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { OkrServer } from './server.js';

export interface ListenOptions {
  /** Default `127.0.0.1`: reachable from this machine only, until the host says otherwise. */
  readonly host?: string;
  /** Default 8787; 0 picks a free port. */
  readonly port?: number;
}

export interface Listening {
  /** Where it answers, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting requests, ends open streams, then closes the server's stores. */
  close(): Promise<void>;
}

/** Serves `server` over Node's HTTP. Rejects with a plain message when the port is taken. */
export function listen(server: OkrServer, options: ListenOptions = {}): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8787;
  return new Promise((resolve, reject) => {
    const http = serve({ fetch: server.fetch, hostname: host, port });
    http.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on ${host} is taken: stop what uses it, or choose another port (PORT=8788).`)
          : error,
      );
    });
    http.once('listening', () => {
      const address = http.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        port: address.port,
        async close() {
          await server.close();
          await new Promise<void>((done) => {
            http.close(() => done());
            if ('closeAllConnections' in http) (http as { closeAllConnections(): void }).closeAllConnections();
          });
        },
      });
    });
  });
}
