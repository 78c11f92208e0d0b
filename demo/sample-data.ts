import { isOkrError, type OkrStore, suggestTitle } from '@okrkit/core';
import { Temporal } from 'temporal-polyfill';

/** Sample sessions relative to today, so that the demo always looks current. Does nothing if sessions exist. */
export async function seedSampleData(store: OkrStore): Promise<void> {
  if ((await store.listSessions({ includeArchived: true })).length > 0) return;
  const today = Temporal.Now.plainDateISO();
  const quarterStart = today.with({ month: Math.floor((today.month - 1) / 3) * 3 + 1, day: 1 });
  const quarter = (offset: number) => {
    const start = quarterStart.add({ months: 3 * offset });
    return { start: start.toString(), end: start.add({ months: 3 }).subtract({ days: 1 }).toString() };
  };
  const year = { start: `${today.year}-01-01`, end: `${today.year}-12-31` };
  try {
    const fy = await store.createSession({ title: `FY${today.year}`, ...year, cadence: 'year' });
    const previous = quarter(-1);
    const current = quarter(0);
    const next = quarter(1);
    const inYear = (q: { start: string }) => q.start.startsWith(String(today.year));
    const make = async (q: { start: string; end: string }) =>
      store.createSession({
        title: suggestTitle(q.start, q.end) ?? q.start,
        ...q,
        cadence: 'quarter',
        ...(inYear(q) ? { parentId: fy.id } : {}),
      });
    const done = await make(previous);
    await store.startSession(done.id);
    await store.closeSession(done.id);
    const now = await make(current);
    await store.startSession(now.id);
    await make(next);
  } catch (error) {
    if (!isOkrError(error)) throw error;
    console.error('Sample data could not be created:', error);
  }
}
