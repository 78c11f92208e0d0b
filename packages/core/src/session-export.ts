import type { JournalEntry } from './journal.js';

/** What a session export holds (`exportSession` writes it, `importSession` reads it). */
export interface SessionExport {
  readonly format: 'okrkit.session';
  readonly schemaVersion: number;
  readonly exportedAt: string;
  readonly session: { readonly id: string; readonly title: string };
  readonly journal: readonly JournalEntry[];
}

export const EXPORT_SCHEMA_VERSION = 1;
