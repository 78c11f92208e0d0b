// The real okrkit server for the sync store's browser tests, started by
// web-test-runner.config.mjs (run with --conditions=@okrkit/source --import tsx): an
// in-memory PGlite, 127.0.0.1, a free port, CORS for the test page's origin (argv[2]).
// Prints one line of JSON, { url }, once it listens; stops on SIGTERM or when stdin closes.
import { createOkrServer, jwtAuthenticator, listen, migrate, pgliteDatabase } from '@okrkit/server';

const [origin, secret] = process.argv.slice(2);
const database = pgliteDatabase();
const server = createOkrServer({
  database,
  authenticate: jwtAuthenticator({ secret }),
  corsOrigins: [origin],
  pushRate: { burst: 1000, perSecond: 1000 },
});
// The schema first: a first request must not wait for PGlite's start and the migrations
// (seconds on a busy machine), or a test's first push can outlast its timeout.
await migrate(database);
const listening = await listen(server, { port: 0 });
console.log(JSON.stringify({ url: listening.url }));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await listening.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
