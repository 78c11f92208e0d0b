#!/usr/bin/env node
// `npm start`: serves the demo from the packages' sources (no build step) on the loopback
// address only, at PORT (default 8000).
//
// @web/dev-server treats the hostname `127.0.0.1` as "no host" and then listens on every
// interface, so it runs here in middleware mode inside a plain HTTP server that binds
// 127.0.0.1 itself. Its root is the repository (the demo imports the packages' sources and
// node_modules), so an allow-list keeps everything else (`.git`, package.json, the bench
// data, ...) out of reach: anything not needed by the demo is a 404.
import { createServer } from 'node:http';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 8000;

/** What the demo page loads: the demo itself, the packages' sources, and modules from node_modules. */
const SERVED = [
  /^\/demo\/(?!e2e\/)[\w./-]*$/,
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
 * Starts the demo server on 127.0.0.1:`port` (0: any free port). Resolves once it listens;
 * rejects with the listen error (EADDRINUSE when the port is taken).
 */
export async function startDemoServer(port) {
  const devServer = await startDevServer({
    config: {
      rootDir: new URL('..', import.meta.url).pathname,
      appIndex: 'demo/index.html',
      middlewareMode: true,
      nodeResolve: { exportConditions: ['@okrkit/source', 'browser', 'production'] },
      middleware: [
        (context, next) => {
          if (context.path === '/') return context.redirect('/demo/');
          if (isServed(context.path)) return next();
          context.status = 404;
          context.body = 'Not found';
        },
      ],
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
      open: false,
      watch: false,
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  const server = createServer(devServer.koaApp.callback());
  const stop = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await devServer.stop();
  };
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: HOST, port }, resolve);
    });
  } catch (error) {
    await devServer.stop();
    throw error;
  }
  return { url: `http://${HOST}:${server.address().port}/demo/`, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = portFrom(process.env.PORT);
  try {
    const { url, stop } = await startDemoServer(port);
    console.log(`okrkit demo: ${url}  (Ctrl+C to stop)`);
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
