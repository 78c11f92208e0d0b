import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';
import { syncTestServer } from './scripts/sync-test-server-plugin.mjs';

/**
 * Counts every test of the run (a test file that fails to load counts as a failure)
 * and hands the totals to scripts/test.mjs, which prints the closing line.
 */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) counts.skipped += 1;
          else if (test.passed) counts.passed += 1;
          else counts.failed += 1;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        const before = counts.failed;
        if (session.testResults) walk(session.testResults);
        const broken = (session.errors?.length ?? 0) > 0 || (!session.passed && counts.failed === before);
        if (broken) counts.failed += 1;
      }
      if (process.env.OKRKIT_TEST_SUMMARY) writeFileSync(process.env.OKRKIT_TEST_SUMMARY, JSON.stringify(counts));
    },
  };
}

/**
 * With OKRKIT_MINIFIED_TEMPLATES=1, the elements' templates are minified as the library
 * build ships them, to check that minifying changes nothing a test can see. Off by
 * default: it shifts the lines of stack traces.
 */
function shippedTemplates() {
  if (!process.env.OKRKIT_MINIFIED_TEMPLATES) return [];
  return [
    {
      name: 'minify-templates',
      transform(context) {
        if (!/\/packages\/elements\/src\/.*(?<!\.test)\.ts$/.test(context.path)) return undefined;
        const minified = minifyTemplates(context.body, context.path);
        return minified && { body: minified.code };
      },
    },
  ];
}

/**
 * @web/dev-server treats the hostname `127.0.0.1` as "no host" and listens on every
 * interface; this moves the test server onto the loopback address before any browser
 * connects (plugins' serverStart runs right after the first listen, on the same port).
 */
function loopbackOnly() {
  return {
    name: 'loopback-only',
    async serverStart({ server, config }) {
      if (!server) return;
      await new Promise((resolve) => server.close(resolve));
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: '127.0.0.1', port: config.port }, resolve);
      });
    },
  };
}

export default {
  rootDir: '.',
  hostname: '127.0.0.1',
  files: [
    'packages/elements/src/**/*.test.ts',
    '!packages/elements/src/**/*.node.test.ts',
    '!packages/elements/src/**/*.e2e.test.ts',
    'packages/core/src/**/*.browser.test.ts',
    'demo/**/*.test.ts',
    '!demo/e2e/**',
    '!demo/**/*.node.test.ts',
  ],
  nodeResolve: { exportConditions: ['@okrkit/source', 'browser', 'development'] },
  plugins: [
    loopbackOnly(),
    syncTestServer(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    ...shippedTemplates(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true },
    }),
  ],
  // One page at a time: keyboard tests need the page to have focus, and two pages at once take it from each other.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};
