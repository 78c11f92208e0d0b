// The bench's pages and modules, served from the sources on 127.0.0.1 only (as the demo's).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type LoopbackPages, startLoopbackPages } from '../demo/loopback-pages.js';

export type BenchPages = LoopbackPages;

/** Starts the server; `handle` answers a request first (true) or leaves it to the pages (false). */
export function startBenchPages(
  handle: (request: IncomingMessage, response: ServerResponse) => boolean = () => false,
): Promise<BenchPages> {
  return startLoopbackPages({ handle });
}
