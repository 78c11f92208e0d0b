import { OkrError } from '../errors.js';
import type { JournalEntry } from '../journal.js';
import type { SessionHeader } from '../model.js';
import type { NewSessionHeader, StorageAdapter, StorageChange } from '../storage/adapter.js';
import { createOkrStore } from '../store.js';
import { created, equal, fail, rejectsWith, renamed, sampleHeader } from './contract-helpers.js';
import { describeLinksContract } from './links-contract.js';

export { sampleHeader };

/**
 * The contract every `StorageAdapter` keeps, as a test suite that runs under any test
 * framework with `describe`/`it` (node:test, mocha, vitest, jest). Third-party adapters
 * run it too:
 *
 * ```ts
 * import { describe, it } from 'node:test';
 * import { describeStorageContract } from '@okrkit/core/testing';
 * describeStorageContract({ name: 'my adapter', open: () => new MyAdapter(), describe, it });
 * ```
 */
export interface StorageContractOptions {
  readonly name: string;
  /** A new, empty storage. Called once per test. */
  readonly open: () => StorageAdapter | Promise<StorageAdapter>;
  /**
   * A second connection to the same data as `first` (another tab, another process).
   * Omit for adapters that cannot be shared (the memory adapter is shared by instance).
   */
  readonly connect?: (first: StorageAdapter) => StorageAdapter | Promise<StorageAdapter>;
  /** Releases whatever `open` made, after each test. Default: `close()`. */
  readonly dispose?: (storage: StorageAdapter) => void | Promise<void>;
  readonly describe: (name: string, body: () => void) => unknown;
  readonly it: (name: string, body: () => Promise<void>) => unknown;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function waitFor(condition: () => boolean, what: string, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function describeStorageContract(options: StorageContractOptions): void {
  const { describe, it } = options;

  /** Runs `body` with a fresh storage and always disposes of it. */
  const using = (body: (storage: StorageAdapter) => Promise<void>) => async () => {
    const storage = await options.open();
    try {
      await body(storage);
    } finally {
      await (options.dispose ? options.dispose(storage) : storage.close());
    }
  };

  async function create(storage: StorageAdapter, overrides: Partial<NewSessionHeader> = {}): Promise<SessionHeader> {
    const header = sampleHeader(overrides);
    return storage.createSession(header, [created(header)]);
  }

  describe(`StorageAdapter contract: ${options.name}`, () => {
    it(
      'starts empty',
      using(async (storage) => {
        equal(await storage.listSessions(), [], 'sessions of a new storage');
        equal(await storage.getSession('SE-01001'), undefined, 'an unknown session');
        equal(await storage.readJournal('SE-01001'), [], 'the journal of an unknown session');
      }),
    );

    it(
      'numbers sessions SE-01001, SE-01002, ... and stores header and journal together',
      using(async (storage) => {
        const first = await create(storage, { title: 'FY2027' });
        const second = await create(storage);
        equal(
          [first.id, first.number, second.id, second.number],
          ['SE-01001', 1001, 'SE-01002', 1002],
          'ids and numbers',
        );
        equal(await storage.getSession('SE-01001'), first, 'the stored header');
        equal(
          (await storage.listSessions()).map((s) => s.title),
          ['FY2027', 'Q1 2027'],
          'listed titles in number order',
        );
        equal(
          (await storage.readJournal('SE-01001')).map((e) => e.type),
          ['session.created'],
          'the journal',
        );
      }),
    );

    it(
      'never hands out a number twice, even to concurrent creates or after a delete',
      using(async (storage) => {
        const made = await Promise.all(Array.from({ length: 12 }, () => create(storage)));
        const numbers = made.map((s) => s.number).sort((a, b) => a - b);
        equal(
          numbers,
          Array.from({ length: 12 }, (_, i) => 1001 + i),
          'numbers of 12 concurrent creates',
        );
        const last = made.find((s) => s.number === 1012) ?? fail('no session 1012');
        await storage.append(last.id, 1, [renamed(2, 'gone')], { ...last, deleted: true, head: 2 });
        equal((await create(storage)).number, 1013, 'the number after deleting the newest session');
      }),
    );

    it(
      'appends entries after the head and reads the journal from any seq',
      using(async (storage) => {
        const s = await create(storage);
        await storage.append(s.id, 1, [renamed(2, 'A'), renamed(3, 'B')], { ...s, title: 'B', head: 3 });
        await storage.append(s.id, 3, [renamed(4, 'C')], { ...s, title: 'C', head: 4 });
        equal(
          (await storage.readJournal(s.id)).map((e) => e.seq),
          [1, 2, 3, 4],
          'all seqs',
        );
        equal(
          (await storage.readJournal(s.id, 2)).map((e) => e.seq),
          [3, 4],
          'seqs after 2',
        );
        equal(
          (await storage.readJournal(s.id, 4)).map((e) => e.seq),
          [],
          'seqs after the head',
        );
        const header = await storage.getSession(s.id);
        equal([header?.title, header?.head], ['C', 4], 'the header replaced with the append');
      }),
    );

    it(
      'reads a long journal back whole and from any seq, however it was appended',
      using(async (storage) => {
        const s = await create(storage);
        let head = 1;
        for (const size of [1, 5, 26, 1, 32, 33, 64, 2]) {
          const batch = Array.from({ length: size }, (_, i) => renamed(head + 1 + i, `T${head + 1 + i}`));
          await storage.append(s.id, head, batch, { ...s, head: head + size });
          head += size;
        }
        const all = Array.from({ length: head }, (_, i) => i + 1);
        equal(
          (await storage.readJournal(s.id)).map((e) => e.seq),
          all,
          'all seqs',
        );
        for (const after of [1, 31, 32, 33, 63, 64, 65, head - 1]) {
          equal(
            (await storage.readJournal(s.id, after)).map((e) => e.seq),
            all.slice(after),
            `seqs after ${after}`,
          );
        }
        const last = (await storage.readJournal(s.id, head - 1))[0];
        equal(last?.type === 'session.changed' ? last.data.title : undefined, `T${head}`, 'the last entry');
      }),
    );

    it(
      'refuses entries that do not continue the journal with invalid-input, writing nothing',
      using(async (storage) => {
        const s = await create(storage);
        const tries: [string, JournalEntry[]][] = [
          ['a gap', [renamed(3, 'gap')]],
          ['a repeat', [renamed(1, 'repeat')]],
          ['a gap inside the batch', [renamed(2, 'A'), renamed(4, 'B')]],
        ];
        for (const [what, entries] of tries) {
          await rejectsWith(
            storage.append(s.id, 1, entries, { ...s, title: what, head: 1 + entries.length }),
            'invalid-input',
            `an append with ${what}`,
          );
        }
        const header = sampleHeader();
        await rejectsWith(
          storage.createSession(header, [{ ...created(header), seq: 2 }]),
          'invalid-input',
          'a new session whose journal starts at seq 2',
        );
        equal(
          (await storage.readJournal(s.id)).map((e) => e.seq),
          [1],
          'the journal after refused appends',
        );
        equal(await storage.listSessions(), [s], 'the sessions after a refused create');
      }),
    );

    it(
      'refuses a header whose id is not the session appended to, writing nothing',
      using(async (storage) => {
        const s = await create(storage);
        const other = await create(storage, { title: 'Other' });
        await rejectsWith(
          storage.append(s.id, 1, [renamed(2, 'A')], { ...other, title: 'A', head: 2 }),
          'invalid-input',
          "an append carrying another session's header",
        );
        equal(
          (await storage.readJournal(s.id)).map((e) => e.seq),
          [1],
          'the journal after the refused append',
        );
        equal(await storage.listSessions(), [s, other], 'both headers after the refused append');
      }),
    );

    it(
      'refuses a stale append with conflict and writes nothing',
      using(async (storage) => {
        const s = await create(storage);
        await storage.append(s.id, 1, [renamed(2, 'A')], { ...s, title: 'A', head: 2 });
        await rejectsWith(
          storage.append(s.id, 1, [renamed(2, 'stale')], { ...s, title: 'stale', head: 2 }),
          'conflict',
          'a stale append',
        );
        equal(
          (await storage.readJournal(s.id)).map((e) => e.type === 'session.changed' && e.data.title),
          [false, 'A'],
          'the journal after a stale append',
        );
        equal((await storage.getSession(s.id))?.title, 'A', 'the header after a stale append');
      }),
    );

    it(
      'lets exactly one of several concurrent appends on the same head win',
      using(async (storage) => {
        const s = await create(storage);
        const tries = ['A', 'B', 'C', 'D'].map((title) =>
          storage.append(s.id, 1, [renamed(2, title)], { ...s, title, head: 2 }),
        );
        const results = await Promise.allSettled(tries);
        const won = results.filter((r) => r.status === 'fulfilled').length;
        const conflicts = results.filter(
          (r) => r.status === 'rejected' && r.reason instanceof OkrError && r.reason.code === 'conflict',
        ).length;
        equal([won, conflicts], [1, 3], 'winners and conflicts');
        const journal = await storage.readJournal(s.id);
        const header = await storage.getSession(s.id);
        equal(journal.length, 2, 'journal length');
        const last = journal[1];
        equal(
          last?.type === 'session.changed' ? last.data.title : undefined,
          header?.title,
          'the winner in journal and header',
        );
      }),
    );

    it(
      'refuses an append to a session that does not exist',
      using(async (storage) => {
        await rejectsWith(
          storage.append('SE-09999', 0, [renamed(1, 'x')], { ...sampleHeader(), id: 'SE-09999', number: 9999 }),
          'not-found',
          'append to an unknown session',
        );
      }),
    );

    it(
      'stores copies: changing what was passed in or read out changes nothing stored (entries read out may be frozen)',
      using(async (storage) => {
        const header = sampleHeader();
        const entry = created(header);
        const s = await storage.createSession(header, [entry]);
        (header as { title: string }).title = 'mutated';
        (entry.data as { title: string }).title = 'mutated';
        const read = await storage.readJournal(s.id);
        try {
          (read[0]?.data as { title: string }).title = 'mutated again';
        } catch (error) {
          // An adapter may hand out its immutable entries frozen instead of copied.
          if (!(error instanceof TypeError)) throw error;
        }
        ((await storage.getSession(s.id)) as { title: string }).title = 'mutated again';
        equal((await storage.getSession(s.id))?.title, 'Q1 2027', 'the stored title');
        const again = (await storage.readJournal(s.id))[0];
        equal(again?.type === 'session.created' ? again.data.title : undefined, 'Q1 2027', 'the stored entry');
      }),
    );

    it(
      'keeps checkpoints as plain JSON, per session and key',
      using(async (storage) => {
        const s = await create(storage);
        equal(await storage.readCheckpoint(s.id, '2027-W02'), undefined, 'a missing checkpoint');
        const value = {
          week: '2027-W02',
          rows: [{ id: 'kr1', progress: 0.5 }],
          nested: { at: '2027-01-10T23:00:00.000Z' },
        };
        await storage.writeCheckpoint(s.id, '2027-W02', value);
        equal(await storage.readCheckpoint(s.id, '2027-W02'), value, 'the checkpoint read back');
        equal(await storage.readCheckpoint(s.id, '2027-W03'), undefined, 'another key');
      }),
    );

    it(
      'tells watchers about every committed change, with the new head',
      using(async (storage) => {
        const seen: StorageChange[] = [];
        const stop = storage.watch((change) => seen.push(change));
        const s = await create(storage);
        await storage.append(s.id, 1, [renamed(2, 'A')], { ...s, title: 'A', head: 2 });
        await waitFor(() => seen.length >= 2, 'two change notifications');
        equal(
          seen.slice(0, 2).map(({ sessionId, head }) => ({ sessionId, head })),
          [
            { sessionId: s.id, head: 1 },
            { sessionId: s.id, head: 2 },
          ],
          'changes seen',
        );
        // Entries a notice carries (it may carry none) are exactly the ones it appended.
        const carried = seen[1]?.entries;
        if (carried) equal(carried, [renamed(2, 'A')], 'the entries the change carried');
        stop();
        await storage.append(s.id, 2, [renamed(3, 'B')], { ...s, title: 'B', head: 3 });
        await nextTurn();
        await new Promise((resolve) => setTimeout(resolve, 50));
        equal(seen.length, 2, 'changes seen after unsubscribing');
      }),
    );

    it(
      'runs a store: commands, lifecycle and a stale second store that retries',
      using(async (storage) => {
        const admin = { id: 'ada', role: 'admin' } as const;
        const clock = () => new Date('2026-11-20T10:00:00Z');
        const one = createOkrStore({ storage, actor: admin, clock, timeZone: 'UTC' });
        const two = createOkrStore({ storage, actor: admin, clock, timeZone: 'UTC' });
        const s = await one.createSession({ title: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
        await two.getSession(s.id);
        await one.updateSession(s.id, { title: 'Q1 2027 (company)' });
        const started = await two.startSession(s.id);
        equal(
          [started.title, started.state, started.head],
          ['Q1 2027 (company)', 'in_progress', 3],
          'the state after a retried command',
        );
        equal(
          (await storage.readJournal(s.id)).map((e) => e.type),
          ['session.created', 'session.changed', 'session.transitioned'],
          'the journal',
        );
      }),
    );

    describeLinksContract(it, using, create);

    if (options.connect) {
      const connect = options.connect;
      it(
        'shares sessions, numbers and change notices between two connections',
        using(async (storage) => {
          const other = await connect(storage);
          try {
            const seen: StorageChange[] = [];
            const stop = other.watch((change) => seen.push(change));
            const made = await Promise.all([create(storage), create(other), create(storage), create(other)]);
            equal(made.map((s) => s.number).sort(), [1001, 1002, 1003, 1004], 'numbers across connections');
            const s = made[0] ?? fail('nothing created');
            const results = await Promise.allSettled([
              storage.append(s.id, 1, [renamed(2, 'here')], { ...s, title: 'here', head: 2 }),
              other.append(s.id, 1, [renamed(2, 'there')], { ...s, title: 'there', head: 2 }),
            ]);
            equal(results.filter((r) => r.status === 'fulfilled').length, 1, 'winners across connections');
            await waitFor(
              () => seen.some((c) => c.sessionId === s.id && c.head === 2),
              'the other connection to hear of the append',
            );
            stop();
          } finally {
            await other.close();
          }
        }),
      );
    }
  });
}
