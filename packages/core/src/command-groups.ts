/** How many commands one group takes at most: a write of a few hundred entries stays one statement. */
export const MAX_GROUP = 64;

/** What became of one command of a group. */
export type Settled<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

interface Waiting<J, R> {
  readonly job: J;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit, per session. A session's commands run one after the other (its queue,
 * `serially`); the ones that arrive while the queue is busy wait together in one open
 * group, and when their turn comes they run as one (`run`: planned one after the other,
 * written at once). So a busy session pays one write for the commands that queued
 * during the last one, instead of one write each, and the queue drains instead of
 * growing. A lone command is a group of one and runs at once.
 *
 * A command that must be written alone (`alone`) closes the open group: commands that
 * come after it wait for it, so that a session's commands keep the order they came in.
 */
export class CommandGroups<J, R> {
  readonly #open = new Map<string, Waiting<J, R>[]>();
  readonly #serially: (id: string, work: () => Promise<void>) => Promise<void>;
  readonly #run: (id: string, jobs: readonly J[]) => Promise<readonly Settled<R>[]>;
  readonly #max: number;

  constructor(
    serially: (id: string, work: () => Promise<void>) => Promise<void>,
    run: (id: string, jobs: readonly J[]) => Promise<readonly Settled<R>[]>,
    max = MAX_GROUP,
  ) {
    this.#serially = serially;
    this.#run = run;
    this.#max = max;
  }

  /** Runs `job` on session `id`, in a group with the others waiting there (or on its own when `alone`). */
  add(id: string, job: J, alone = false): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const waiting = { job, resolve, reject };
      const open = alone ? undefined : this.#open.get(id);
      if (open && open.length < this.#max) {
        open.push(waiting);
        return;
      }
      const group = [waiting];
      if (alone) this.#open.delete(id);
      else this.#open.set(id, group);
      void this.#serially(id, async () => {
        // Its turn: it takes no one else; those who come now wait for the next turn.
        if (this.#open.get(id) === group) this.#open.delete(id);
        try {
          const settled = await this.#run(
            id,
            group.map((w) => w.job),
          );
          group.forEach((w, i) => {
            const outcome = settled[i];
            if (outcome?.ok) w.resolve(outcome.value);
            else w.reject(outcome ? outcome.error : new Error('A grouped command was left unanswered.'));
          });
        } catch (error) {
          for (const w of group) w.reject(error);
        }
      });
    });
  }
}
