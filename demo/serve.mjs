#!/usr/bin/env node
// `npm start`: serves the demo from the packages' sources (no build step: each page's script
// is bundled in memory, demo/bundle.mjs; other modules are served as they are) on the loopback
// address only, at PORT (default 8000), together with the okrkit server it runs on: an
// embedded PostgreSQL (PGlite) in OKRKIT_DEMO_DATA (default .okrkit-demo/), the sample
// company seeded into it on first start, `/v1/...` answered by the server in this process
// (same origin: no CORS), and demo tokens for the personas at `/demo/tokens/<persona>`.
// The server's sources are TypeScript: run as `node --conditions=@okrkit/source --import tsx
// demo/serve.mjs`, which is what `npm start` does.
//
// The files are served on 127.0.0.1 only (demo/loopback-pages.ts: @web/dev-server in
// middleware mode inside a plain HTTP server that binds the loopback address). Its root is the repository (the demo imports the packages' sources and
// node_modules), so an allow-list keeps everything else (`.git`, package.json, the bench
// data, ...) out of reach: anything not needed by the demo is a 404.
import { createServer } from 'node:http';
import { startDemoBackend } from './backend/demo-backend.ts';
import { demoBundler } from './bundle.mjs';
import { LOOPBACK, startLoopbackPages } from './loopback-pages.ts';

const HOST = LOOPBACK;
const DEFAULT_PORT = 8000;
const DEFAULT_DATA = '.okrkit-demo';

/** What the demo page loads: the demo itself, the packages' sources, and modules from node_modules. */
const SERVED = [
  /^\/demo\/(?!e2e\/|backend\/)[\w./-]*$/,
  /^\/packages\/(core|elements)\/src\/[\w./-]+\.(ts|js)$/,
  /^\/node_modules\/[\w@./-]+\.(js|mjs)$/,
  /^\/__web-dev-server__[\w./-]*$/,
];

export function isServed(path) {
  return !path.includes('..') && SERVED.some((pattern) => pattern.test(path));
}

function portFrom(value) {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`okrkit demo: PORT must be a port number (0-65535), not "${value}".`);
    process.exit(2);
  }
  return port;
}

/**
 * Starts the demo server on 127.0.0.1:`port` (0: any free port) with its okrkit server on
 * PGlite in `options.dataDir` (omitted: in memory, for tests). Resolves once it listens;
 * rejects with the listen error (EADDRINUSE when the port is taken).
 */
export async function startDemoServer(port, options = {}) {
  // A taken port is said at once, before PGlite opens (its first start takes seconds).
  await portFree(port);
  const root = new URL('..', import.meta.url).pathname;
  const bundler = demoBundler(root);
  // Built while PGlite opens, so that the first visit finds them ready.
  const warming = bundler.warm();
  const backend = await startDemoBackend(options);
  let pages;
  try {
    pages = await startLoopbackPages({
      port,
      appIndex: 'demo/index.html',
      middleware: [
        async (context, next) => {
          if (context.path === '/') return context.redirect('/demo/');
          if (await answerBundle(bundler, context)) return;
          if (isServed(context.path)) return next();
          context.status = 404;
          context.body = 'Not found';
        },
      ],
      handle: (request, response) => backend.handle(request, response),
    });
    await warming;
  } catch (error) {
    await pages?.stop();
    await backend.close();
    throw error;
  }
  const stop = async () => {
    await pages.stop();
    await backend.close();
  };
  return { url: `${pages.origin}/demo/`, seeded: backend.seeded, stop };
}

/** Answers a page's script (or its source map) with its bundle; false for any other path. */
async function answerBundle(bundler, context) {
  let answer;
  try {
    answer = await bundler.answer(context.path);
  } catch (error) {
    // The sources do not build: said in the browser's console and here, not as a blank page.
    const message = `okrkit demo: ${context.path} does not build:\n${error.message}`;
    console.error(message);
    context.status = 500;
    context.type = 'text/plain; charset=utf-8';
    context.body = message;
    return true;
  }
  if (!answer) return false;
  // Asked again on every load (an edit rebuilds it); unchanged, it is a 304.
  context.set('Cache-Control', 'no-cache');
  context.set('ETag', answer.etag);
  const known = context
    .get('If-None-Match')
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''));
  if (known.includes(answer.etag)) {
    context.status = 304;
    return true;
  }
  context.type = answer.type;
  context.body = answer.body;
  return true;
}

function portFree(port) {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ host: HOST, port }, () => probe.close(() => resolve()));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = portFrom(process.env.PORT);
  try {
    const dataDir = process.env.OKRKIT_DEMO_DATA || DEFAULT_DATA;
    const { url, stop } = await startDemoServer(port, { dataDir });
    console.log(`okrkit demo: ${url}  (Ctrl+C to stop)`);
    console.log(
      `  on its okrkit server, data in ${dataDir}/ (delete it for a fresh sample company); ` +
        `this browser only: ${url}?storage=local`,
    );
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, async () => {
        await stop();
        process.exit(0);
      });
    }
  } catch (error) {
    if (error.code === 'EADDRINUSE') {
      console.error(
        `okrkit demo: port ${port} on ${HOST} is already in use. Stop what uses it, or pick another: PORT=8001 npm start`,
      );
    } else {
      console.error(`okrkit demo: cannot listen on ${HOST}:${port}: ${error.message}`);
    }
    process.exit(1);
  }
}
