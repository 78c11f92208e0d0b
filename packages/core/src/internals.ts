/**
 * `@okrkit/core/internals`: the fold and the rules' tables, for storage adapters, tests,
 * benchmarks and the server. Hosts use `@okrkit/core`; what is here may change between
 * minor versions.
 */
export { CommandRunner, type CommandRunnerOptions } from './command-runner.js';
export { type CommandContext, type CreatingCommand, rowOf, type SessionCommand } from './commands.js';
export { applyEntry, type EntryDraft, headerOf, type Identity, ReplayError, replay } from './journal.js';
export { STATE_ALLOWS } from './lifecycle.js';
export { LiveSessions } from './live-sessions.js';
export { ROLE_ALLOWS } from './policy.js';
export { SessionIds } from './session-ids.js';
export { Timeline } from './timeline.js';
