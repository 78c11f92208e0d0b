import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OkrError } from './errors.js';
import { csvCell, snapshotToCsv, snapshotToJson } from './export.js';
import { parseSessionExport } from './import.js';
import { headerOf } from './journal.js';
import type { Snapshot } from './snapshot.js';
import { MemoryStorage } from './storage/memory.js';
import { createOkrStore } from './store.js';

function setup() {
  let now = Date.parse('2027-01-04T08:00:00Z');
  let n = 0;
  const make = () =>
    createOkrStore({
      storage: new MemoryStorage(),
      actor: { id: 'ada', role: 'admin' },
      clock: () => new Date(now),
      timeZone: 'UTC',
      ids: (kind) => `${kind}-${++n}`,
    });
  return { make, at: (iso: string) => (now = Date.parse(iso)) };
}

async function sample() {
  const ctx = setup();
  const store = ctx.make();
  const s = await store.createSession({ title: 'Q1, "the big one"', start: '2027-01-04', end: '2027-04-04' });
  const o = await store.addObjective(s.id, { title: '=HYPERLINK("http://evil")', ownerId: 'kim' });
  const k = await store.addKeyResult(s.id, {
    objectiveId: o.id,
    title: 'Revenue',
    kind: 'increase',
    start: 0,
    target: 1000,
    unit: 'k€',
  });
  const k2 = await store.addKeyResult(s.id, {
    objectiveId: o.id,
    title: 'Uptime',
    kind: 'stay_above',
    threshold: 99.9,
  });
  await store.addInitiative(s.id, { title: 'Pricing page', keyResultIds: [k.id, k2.id] });
  ctx.at('2027-01-06T10:00:00Z');
  await store.checkIn(s.id, k.id, { value: -50, comment: 'Refunds,\nmostly "annual" plans' });
  const wrong = await store.checkIn(s.id, k2.id, { value: 98 });
  await store.correctCheckIn(s.id, wrong.id, { value: 99.95 });
  ctx.at('2027-01-13T10:00:00Z');
  return { ...ctx, store, s, o, k };
}

describe('CSV export', () => {
  it('quotes every text cell per RFC 4180, neutralises formulas, keeps numbers numeric', () => {
    assert.equal(csvCell('plain'), '"plain"');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('=1+2'), `"'=1+2"`);
    assert.equal(csvCell('+49 170'), `"'+49 170"`);
    assert.equal(csvCell('-3'), `"'-3"`);
    assert.equal(csvCell('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.equal(csvCell(true), 'true');
    assert.equal(csvCell(-3), '-3');
    assert.equal(csvCell(12.5), '12.5');
    assert.equal(csvCell(undefined), '');
  });

  it('quotes text holding the separators of other locales (; and TAB), so no spreadsheet splits it', () => {
    // A spreadsheet whose list separator is ; split `a;=1+2` into a second cell holding a formula.
    assert.equal(csvCell('a;=1+2'), '"a;=1+2"');
    assert.equal(csvCell('a\t=1+2'), '"a\t=1+2"');
  });

  it('neutralises formula triggers after leading whitespace too', () => {
    assert.equal(csvCell('  =1+2'), `"'  =1+2"`);
    assert.equal(csvCell('\n+cmd'), `"'\n+cmd"`);
    assert.equal(csvCell(' \t@x'), `"' \t@x"`);
    assert.equal(csvCell('\r=x'), `"'\r=x"`);
    assert.equal(csvCell('a = b'), '"a = b"');
  });

  it('writes one row per item in tree order, with session, week, filter and export instant first', async () => {
    const { store, s } = await sample();
    const snap = (await store.snapshot(s.id, '2027-W01')) as Snapshot;
    const csv = snapshotToCsv(snap, { exportedAt: new Date('2027-01-13T12:00:00Z'), people: { kim: 'Kim Lee' } });
    const lines = csv.split('\r\n');
    assert.equal(lines[lines.length - 1], '', 'ends with CRLF');
    assert.match(lines[0] ?? '', /^session,session_title,week,owner_filter,exported_at,type,depth,id,/);
    assert.ok(
      lines[1]?.startsWith(
        '"SE-01001","Q1, ""the big one""","2027-W01","all","2027-01-13T12:00:00.000Z","objective",0,',
      ),
    );
    assert.ok(lines[1]?.includes(`,"'=HYPERLINK(""http://evil"")","kim","Kim Lee",`), lines[1]);
    assert.ok(csv.includes(',"keyResult",1,"keyResult-'), 'key result rows');
    assert.ok(csv.includes(',-5,'), 'raw progress stays a negative number');
    assert.ok(csv.includes('"Refunds,\nmostly ""annual"" plans"'), 'multi-line comment quoted');
    assert.equal(csv.split('Pricing page').length - 1, 2, 'an initiative linked to two key results appears under each');
    assert.equal(snap.rows.length + 2, lines.length);
  });

  it('exports JSON of a snapshot with its format and version', async () => {
    const { store, s } = await sample();
    const snap = (await store.snapshot(s.id, '2027-W01')) as Snapshot;
    const json = JSON.parse(snapshotToJson(snap, { exportedAt: new Date('2027-01-13T12:00:00Z') }));
    assert.deepEqual(
      [json.format, json.schemaVersion, json.week.key, json.rows.length],
      ['okrkit.snapshot', 1, '2027-W01', snap.rows.length],
    );
  });
});

describe('session export and import', () => {
  it('round-trips to an identical live state and identical snapshots', async () => {
    const { store, s, make } = await sample();
    const json = await store.exportSession(s.id);
    const other = make();
    await other.createSession({ title: 'Already here', start: '2027-01-01', end: '2027-01-31' });
    const imported = await other.importSession(json);
    assert.equal(imported.id, 'SE-01002', 'an import gets the next number where it lands');
    const strip = <T extends { id: string; number: number }>(x: T) => ({ ...x, id: '', number: 0 });
    assert.deepEqual(strip(headerOf(imported)), strip(headerOf(await store.getSession(s.id))));
    const original = await store.getSession(s.id);
    assert.deepEqual([...imported.keyResults.values()], [...original.keyResults.values()]);
    assert.deepEqual([...imported.objectives.values()], [...original.objectives.values()]);
    for (const week of ['2027-W01', '2027-W02']) {
      const a = (await store.snapshot(s.id, week)) as Snapshot;
      const b = (await other.snapshot(imported.id, week)) as Snapshot;
      assert.deepEqual({ ...b, sessionId: '' }, { ...a, sessionId: '' }, week);
    }
  });

  const hostile: [string, (data: Record<string, unknown>) => unknown][] = [
    ['not JSON', () => '{"format": "okrkit.session",'],
    ['another format', (d) => ({ ...d, format: 'something.else' })],
    ['a newer schema', (d) => ({ ...d, schemaVersion: 99 })],
    ['an empty journal', (d) => ({ ...d, journal: [] })],
    [
      'a prototype-polluting key',
      () => '{"format":"okrkit.session","schemaVersion":1,"journal":[{"seq":1,"__proto__":{"admin":true}}]}',
    ],
    [
      'a constructor key deep inside',
      (d) => ({ ...d, journal: [{ ...(d.journal as object[])[0], data: { constructor: { prototype: {} } } }] }),
    ],
    [
      'an unknown entry type',
      (d) => ({
        ...d,
        journal: [
          ...(d.journal as object[]),
          {
            seq: (d.journal as object[]).length + 1,
            at: '2027-01-13T10:00:00.000Z',
            actor: 'x',
            type: 'session.hacked',
            data: {},
          },
        ],
      }),
    ],
    [
      // Instants must order as text: `…00Z` would sort after `…00.500Z`, though it is earlier.
      'an instant without milliseconds',
      (d) => ({
        ...d,
        journal: (d.journal as { at: string }[]).map((e, i) =>
          i === 1 ? { ...e, at: e.at.replace(/\.\d{3}Z$/, 'Z') } : e,
        ),
      }),
    ],
    ['a gap in seq', (d) => ({ ...d, journal: (d.journal as object[]).filter((_, i) => i !== 2) })],
    [
      'a wrong type for a value',
      (d) => ({
        ...d,
        journal: (d.journal as { type: string; data: object }[]).map((e) =>
          e.type === 'checkIn.added' ? { ...e, data: { ...e.data, value: '12' } } : e,
        ),
      }),
    ],
    [
      'an unknown key result kind',
      (d) => ({
        ...d,
        journal: (d.journal as { type: string; data: object }[]).map((e) =>
          e.type === 'keyResult.added' ? { ...e, data: { ...e.data, kind: 'maximise' } } : e,
        ),
      }),
    ],
    [
      'a journal that does not replay',
      (d) => ({
        ...d,
        journal: (d.journal as { type: string; data: object }[]).map((e) =>
          e.type === 'checkIn.added' ? { ...e, data: { ...e.data, keyResultId: 'nope' } } : e,
        ),
      }),
    ],
    [
      'an impossible date',
      (d) => ({
        ...d,
        journal: (d.journal as { type: string; data: object }[]).map((e) =>
          e.type === 'session.created' ? { ...e, data: { ...e.data, end: '2027-02-30' } } : e,
        ),
      }),
    ],
    [
      'instants out of order',
      (d) => ({
        ...d,
        journal: (d.journal as { seq: number; at: string }[]).map((e) =>
          e.seq === 2 ? { ...e, at: '2020-01-01T00:00:00.000Z' } : e,
        ),
      }),
    ],
  ];
  for (const [what, corrupt] of hostile) {
    it(`refuses ${what} with invalid-input and stores nothing`, async () => {
      const { store, s, make } = await sample();
      const good = JSON.parse(await store.exportSession(s.id));
      const bad = corrupt(good);
      const target = make();
      await assert.rejects(
        target.importSession(bad),
        (error: unknown) => error instanceof OkrError && error.code === 'invalid-input',
      );
      assert.deepEqual(await target.listSessions({ includeArchived: true }), []);
      assert.equal(({} as Record<string, unknown>).admin, undefined, 'no prototype was polluted');
    });
  }

  it('names what is wrong', () => {
    assert.throws(
      () => parseSessionExport({ format: 'okrkit.session', schemaVersion: 1, journal: [{ seq: 1 }] }),
      /entry 1 must have exactly seq, at, actor, type and data/,
    );
  });
});
