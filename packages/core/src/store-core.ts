import { CommandRunner } from './command-runner.js';
import type { IdKind } from './commands.js';
import { LiveSessions } from './live-sessions.js';
import { memoryStorage } from './storage/memory.js';
import type { OkrStoreOptions } from './store.js';
import { hostTimeZone } from './time.js';
import { WeekResults } from './week-results.js';

/** What every view of one store (`store.as(actor)`) shares: the live sessions, the command path and the clock. */
export interface StoreCore {
  readonly sessions: LiveSessions;
  readonly runner: CommandRunner;
  readonly clock: () => Date;
  readonly weeks: WeekResults;
}

const ID_PREFIX = { objective: 'ob', keyResult: 'kr', initiative: 'in', checkIn: 'ci', copy: 'cp' } as const;

/** Ids drawn from one request for random bytes: asking the system for 9 bytes per id cost more than making the id. */
const IDS_PER_DRAW = 64;
const ID_BYTES = 9;

/**
 * Makes random ids such as `ci_0k3x...` (72 random bits each): new by construction, so the
 * store need not look them up. The bytes of 64 ids are drawn at once, per store.
 */
export function randomIds(): (kind: IdKind) => string {
  const pool = new Uint8Array(IDS_PER_DRAW * ID_BYTES);
  let used = pool.length;
  return (kind) => {
    if (used === pool.length) {
      crypto.getRandomValues(pool);
      used = 0;
    }
    const bytes = pool.subarray(used, used + ID_BYTES);
    used += ID_BYTES;
    return `${ID_PREFIX[kind]}_${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
  };
}

export function storeCore(options: OkrStoreOptions): StoreCore {
  const clock = options.clock ?? (() => new Date());
  const sessions = new LiveSessions(options.storage ?? memoryStorage());
  const runner = new CommandRunner(sessions, {
    clock,
    timeZone: options.timeZone ?? hostTimeZone(),
    retries: options.retries ?? 3,
    makeId: options.ids ?? randomIds(),
  });
  return { sessions, runner, clock, weeks: new WeekResults(sessions) };
}
