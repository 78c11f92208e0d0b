import type { JournalEntry, NewSessionHeader } from '@okrkit/core';
import { sampleHeader } from '@okrkit/core/testing';

/** The journal a session starts with, as core writes it for `header`. */
export function createdEntry(header: NewSessionHeader = sampleHeader()): JournalEntry {
  const { title, start, end, timeZone, cadence, checkInCadence, access } = header;
  return {
    seq: 1,
    at: header.createdAt,
    actor: header.createdBy,
    type: 'session.created',
    data: { title, start, end, timeZone, cadence, checkInCadence, access },
  };
}

/** A rename at `seq`, recorded `seq` milliseconds after the sample session was created. */
export function renamedEntry(seq: number, title: string): JournalEntry {
  return {
    seq,
    at: new Date(Date.parse(sampleHeader().createdAt) + seq).toISOString(),
    actor: 'ada',
    type: 'session.changed',
    data: { title },
  };
}
