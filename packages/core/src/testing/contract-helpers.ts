import { OkrError } from '../errors.js';
import type { JournalEntry } from '../journal.js';
import type { NewSessionHeader } from '../storage/adapter.js';

/** The records and assertions the storage contract suites share. */

const ACTOR = 'contract-admin';

export function sampleHeader(overrides: Partial<NewSessionHeader> = {}): NewSessionHeader {
  return {
    title: 'Q1 2027',
    start: '2027-01-01',
    end: '2027-03-31',
    timeZone: 'Europe/Berlin',
    cadence: 'quarter',
    checkInCadence: 'weekly',
    access: { view: { everyone: true }, edit: { everyone: true } },
    state: 'open',
    deleted: false,
    createdBy: ACTOR,
    createdAt: '2026-11-02T09:00:00.000Z',
    changedBy: ACTOR,
    changedAt: '2026-11-02T09:00:00.000Z',
    head: 1,
    ...overrides,
  };
}

export function created(header: NewSessionHeader): JournalEntry {
  const { title, start, end, timeZone, cadence, checkInCadence, access } = header;
  return {
    seq: 1,
    at: header.createdAt,
    actor: ACTOR,
    type: 'session.created',
    data: { title, start, end, timeZone, cadence, checkInCadence, access },
  };
}

export function renamed(seq: number, title: string): JournalEntry {
  return {
    seq,
    at: `2026-11-02T09:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    actor: ACTOR,
    type: 'session.changed',
    data: { title },
  };
}

export function fail(message: string): never {
  throw new Error(`Storage contract: ${message}`);
}

export function equal(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) fail(`${what}: expected ${e}, got ${a}`);
}

export async function rejectsWith(promise: Promise<unknown>, code: OkrError['code'], what: string): Promise<OkrError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OkrError && error.code === code) return error;
    fail(`${what}: expected an OkrError with code ${code}, got ${String(error)}`);
  }
  fail(`${what}: expected a rejection with code ${code}, but it resolved`);
}
