import { type ExportOptions, type Snapshot, snapshotToCsv, snapshotToJson } from '@okrkit/core';
import type { ExportDetail, ExportFormat } from '../events/okr-export-event.js';

/**
 * The export of what `<okr-snapshot>` shows: the file the core writes (CSV or JSON), its
 * name, and the download. The element raises the cancelable `okr-export` between the two,
 * so that a host can keep the file from downloading and do its own thing with it.
 */

/** The file name of an export: session, week and owner filter, e.g. `SE-01001-2027-W05-all.csv`. */
export function exportFilename(snapshot: Snapshot, format: ExportFormat): string {
  const owner = typeof snapshot.owner === 'string' ? snapshot.owner : snapshot.owner.ownerId;
  return `${snapshot.sessionId}-${snapshot.week.key}-${owner.replace(/[^\w.-]+/g, '_')}.${format}`;
}

/** The file of an export, as the `okr-export` event carries it. */
export function exportFile(snapshot: Snapshot, format: ExportFormat, options: ExportOptions): ExportDetail {
  const content = format === 'csv' ? snapshotToCsv(snapshot, options) : snapshotToJson(snapshot, options);
  return { format, filename: exportFilename(snapshot, format), content };
}

/** Downloads `file` through a hidden link added to `root` for the click (and removed after it). */
export function download(root: Node, file: ExportDetail): void {
  const type = file.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
  const url = URL.createObjectURL(new Blob([file.content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
