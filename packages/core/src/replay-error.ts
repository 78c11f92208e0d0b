/** Thrown by the fold on an entry that cannot apply (a journal that does not replay). */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}
