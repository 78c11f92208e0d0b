#!/usr/bin/env node
import { startDevServer } from '@web/dev-server';
// `npm start`: serves the demo from the packages' sources (no build step) on localhost.
import { esbuildPlugin } from '@web/dev-server-esbuild';

const port = Number(process.env.PORT ?? 8000);
const server = await startDevServer({
  config: {
    rootDir: new URL('..', import.meta.url).pathname,
    appIndex: 'demo/index.html',
    port,
    hostname: '127.0.0.1',
    nodeResolve: { exportConditions: ['@okrkit/source', 'browser', 'production'] },
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
    open: false,
    watch: false,
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const { port: actual } = server.server.address();
console.log(`okrkit demo: http://localhost:${actual}/demo/  (Ctrl+C to stop)`);
