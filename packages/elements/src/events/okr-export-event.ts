export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportDetail {
  readonly format: ExportFormat;
  /** E.g. `SE-01001-2027-W05-all.csv`. */
  readonly filename: string;
  /** The file's text: exactly the rows shown (week and owner filter). */
  readonly content: string;
}

/**
 * A person asked for an export. Fired *before* the file is downloaded and cancelable:
 * a host that calls `preventDefault()` keeps the content (to upload or show it) and
 * no download happens.
 */
export class OkrExportEvent extends Event {
  static readonly eventName = 'okr-export';
  readonly detail: ExportDetail;

  constructor(detail: ExportDetail) {
    super(OkrExportEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'okr-export': OkrExportEvent;
  }
}
