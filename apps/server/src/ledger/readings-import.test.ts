import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../testing/databases';
import { ensureRootCounty } from '../org/bootstrap';
import { importLedger, type ImportActor } from './import';
import { IMPORT_KINDS, csvRecord } from './import-kinds';
import { lineLossFixture as files } from '../testing/line-loss-fixture';

// The readings import's guarantees on each of its paths: a month no reading exists for yet (COPY
// straight into the table), a month some readings exist for (staged, joins restricted to the
// file's months), and corrections (audit before-images, revision + 1).
describe.each(BACKENDS)('R-MTR-01/02 readings import on %s', (backend) => {
  let t: TestDatabase;
  let actor: ImportActor;
  let county: number;
  const HEADER = 'meter_no,period,reading,read_at,method\n';
  const imp = (rows: string[], name = 'r.csv') => importLedger(t.db, actor, 'readings', name, Buffer.from(`${HEADER + rows.join('\n')}\n`));
  const reading = async (meterNo: string, period: string) =>
    (
      await sql<{ reading: string; revision: number; method: string; station_id: number }>`
      select r.reading::text as reading, r.revision, r.method, r.station_id from readings r join meters m on m.id = r.meter_id
      where m.meter_no = ${meterNo} and r.period = ${period}`.execute(t.db)
    ).rows[0];
  const count = async (period: string) =>
    Number((await sql<{ n: number }>`select count(*) as n from readings where period = ${period}`.execute(t.db)).rows[0]!.n);
  const updates = async () =>
    (
      await sql<{ before: Record<string, unknown>; after: Record<string, unknown> }>`
    select before, after from audit_log where action = 'import.update' and entity = 'reading' order by id`.execute(t.db)
    ).rows;
  const batches = async () => Number((await sql<{ n: number }>`select count(*) as n from audit_log where action = 'import.readings'`.execute(t.db)).rows[0]!.n);

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    county = await ensureRootCounty(t.db);
    actor = { audit: { id: null, name: 'test', orgUnitId: null }, stationIds: [], createStationsUnder: county };
    const f = files();
    for (const kind of ['feeders', 'areas', 'customers', 'meters', 'readings'] as const) {
      const r = await importLedger(t.db, actor, kind, `${kind}.csv`, Buffer.from(f[kind]));
      expect(r.status, JSON.stringify(r.errors.slice(0, 3))).toBe('succeeded');
    }
  });
  afterAll(async () => t?.drop());

  it('a new month lands whole: counted as inserted, revision 1, one batch audit row and no before-images', async () => {
    const batchesBefore = await batches();
    const r = await imp(['G1,2025-07,800,2025-07-31,actual', 'AM-A1,2025-07,1200,2025-07-31T08:30:00+08:00,estimated', 'AM-A2,2025-07,1200.5,,actual']);
    expect(r).toMatchObject({ status: 'succeeded', rows: 3, inserted: 3, updated: 0 });
    expect(await reading('AM-A1', '2025-07')).toMatchObject({ reading: '1200.0000', revision: 1, method: 'estimated' });
    expect(await count('2025-07')).toBe(3);
    expect(await batches()).toBe(batchesBefore + 1);
    expect(await updates()).toEqual([]);
  });

  it('a month that already has readings of other meters: the new ones are inserted, nothing updated', async () => {
    const r = await imp(['AM-A3,2025-07,1300,2025-07-31,actual']);
    expect(r).toMatchObject({ status: 'succeeded', inserted: 1, updated: 0 });
    expect(await count('2025-07')).toBe(4);
    expect(await updates()).toEqual([]);
  });

  it('a correction across months: changed rows get before-images and revision + 1, unchanged rows stay, new rows insert', async () => {
    const r = await imp([
      'G1,2025-07,801,2025-07-31,actual', // corrected
      'AM-A1,2025-07,1200,2025-07-31T08:30:00+08:00,estimated', // the same again
      'AM-A4,2025-07,1400,2025-07-31,actual', // new in an existing month
      'G1,2025-08,850,2025-08-31,actual', // new month
    ]);
    expect(r).toMatchObject({ status: 'succeeded', rows: 4, inserted: 2, updated: 1 });
    expect(await reading('G1', '2025-07')).toMatchObject({ reading: '801.0000', revision: 2 });
    expect(await reading('AM-A1', '2025-07')).toMatchObject({ revision: 1 });
    expect(await reading('G1', '2025-08')).toMatchObject({ reading: '850.0000', revision: 1 });
    const trail = await updates();
    expect(trail).toHaveLength(1);
    expect(trail[0]!.before).toMatchObject({ period: '2025-07', reading: 800, revision: 1 });
    expect(trail[0]!.after).toMatchObject({ period: '2025-07', reading: 801 });
    // importing the same file again changes nothing
    expect(await imp(['G1,2025-07,801,2025-07-31,actual', 'G1,2025-08,850,2025-08-31,actual'])).toMatchObject({ inserted: 0, updated: 0 });
    expect(await updates()).toHaveLength(1);
  });

  it('rejected files name their rows and write nothing, on a new month as on an existing one', async () => {
    for (const period of ['2025-09', '2025-07']) {
      const batchesBefore = await batches();
      const before = await count(period);
      const dup = await imp([`AM-A2,${period},1300,,actual`, `G1,${period},900,,actual`, `AM-A2,${period},1301,,actual`]);
      expect(dup.status).toBe('rejected');
      expect(dup.errors.map((e) => [e.row, e.field, e.reasonZh])).toEqual([[4, 'meter_no', '与第 2 行编号重复']]);
      const bad = await imp([`G1,${period},900,,actual`, `NOPE,${period},1,,actual`, `AM-A1,2025-13,1,,actual`, `AM-A2,${period},-5,,actual`]);
      expect(bad.errors.map((e) => [e.row, e.field])).toEqual([
        [3, 'meter_no'],
        [4, 'period'],
        [5, 'reading'],
      ]);
      expect(await count(period)).toBe(before);
      expect(await batches()).toBe(batchesBefore);
    }
    expect(await reading('G1', '2025-07')).toMatchObject({ reading: '801.0000', revision: 2 });
  });

  it('a reading held by another organisation is never overwritten: the file is refused, its row named', async () => {
    const other = await t.db
      .insertInto('org_units')
      .values({ code: 'ST99', name: '他所', kind: 'station', parent_id: county, path: '/x/' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`update readings set station_id = ${other.id} where period = '2025-07' and meter_id = (select id from meters where meter_no = 'AM-A3')`.execute(
      t.db,
    );
    const r = await imp(['G1,2025-10,950,,actual', 'AM-A3,2025-07,1350,,actual']);
    expect(r.status).toBe('rejected');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 3, field: 'meter_no' });
    expect(await reading('AM-A3', '2025-07')).toMatchObject({ reading: '1300.0000', revision: 1, station_id: other.id });
    expect(await count('2025-10')).toBe(0);
  });
});

describe('readings staging', () => {
  it('the fast record text is exactly the CSV of its cells', () => {
    const spec = IMPORT_KINDS.readings;
    const refs = { stations: new Map(), feeders: new Map(), areas: new Map(), customers: new Map(), meters: new Map([['M-1', { id: 42, stationId: 7 }]]) };
    for (const [reading, readAt, method] of [
      ['0', '', 'actual'],
      ['123456789012.1234', '2025-07-31', 'estimated'],
      ['5.5', '2025-07-31T08:30:15.250+08:00', 'actual'],
      ['7', '2025-07-31T00:00:00Z', 'actual'],
    ] as const) {
      const checked = spec.check({ meter_no: ' M-1 ', period: '2025-07', reading, read_at: readAt, method }, refs);
      expect(checked.ok).toBe(true);
      if (checked.ok) expect(spec.record!(checked.value)).toBe(csvRecord(spec.cells(checked.value)));
    }
  });
});
