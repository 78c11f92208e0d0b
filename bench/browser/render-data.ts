import type { JournalEntry, NewSessionHeader } from '@okrkit/core';
import { sampleHeader } from '@okrkit/core/testing';

export { createOkrStore, EXPORT_SCHEMA_VERSION, indexedDbStorage, memoryStorage } from '@okrkit/core';

/** A session header and its first entry, for filling storage directly. */
export function sampleHeaderFor(i: number): [NewSessionHeader, JournalEntry[]] {
  const month = String((i % 12) + 1).padStart(2, '0');
  const header = sampleHeader({
    title: `Team ${i} · ${month}/2027`,
    start: `2027-${month}-01`,
    end: `2027-${month}-28`,
  });
  const { title, start, end, timeZone, cadence, checkInCadence, access } = header;
  return [
    header,
    [
      {
        seq: 1,
        at: header.createdAt,
        actor: header.createdBy,
        type: 'session.created',
        data: { title, start, end, timeZone, cadence, checkInCadence, access },
      },
    ],
  ];
}
