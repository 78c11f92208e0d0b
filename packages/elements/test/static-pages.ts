import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticPages {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `files` (path → content) on 127.0.0.1 and nothing else: a page as plain as a
 * host's, with no dev server rewriting its imports. Anything not listed is a 404.
 */
export async function serveStaticPages(files: Readonly<Record<string, string | Uint8Array>>): Promise<StaticPages> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const body = files[path];
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const type = path.endsWith('.html') ? 'text/html' : path.endsWith('.js') ? 'text/javascript' : 'text/plain';
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
