import { CommandRunner } from './command-runner.js';
import type { IdKind } from './commands.js';
import { LiveSessions } from './live-sessions.js';
import { memoryStorage } from './storage/memory.js';
import type { OkrStoreOptions } from './store.js';
import { hostTimeZone } from './time.js';

/** What every view of one store (`store.as(actor)`) shares: the live sessions, the command path and the clock. */
export interface StoreCore {
  readonly sessions: LiveSessions;
  readonly runner: CommandRunner;
  readonly clock: () => Date;
}

const ID_PREFIX = { objective: 'ob', keyResult: 'kr', initiative: 'in', checkIn: 'ci', copy: 'cp' } as const;

/** A random id such as `ci_0k3x...` (72 random bits): new by construction, so the store need not look it up. */
export function randomId(kind: IdKind): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `${ID_PREFIX[kind]}_${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

export function storeCore(options: OkrStoreOptions): StoreCore {
  const clock = options.clock ?? (() => new Date());
  const sessions = new LiveSessions(options.storage ?? memoryStorage());
  const runner = new CommandRunner(sessions, {
    clock,
    timeZone: options.timeZone ?? hostTimeZone(),
    retries: options.retries ?? 3,
    makeId: options.ids ?? randomId,
  });
  return { sessions, runner, clock };
}
