import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../testing/databases';
import { multipartFile, type TestApp } from '../../testing/app';
import { createLineLossApp } from '../../testing/line-loss-app';

describe.each(BACKENDS)('reading segments, the reading schedule and large customers on %s (R-MTR-01, R-MTR-06)', (backend) => {
  let t: TestApp;
  let admin: string;
  const get = (url: string) => t.app.inject({ url, headers: { cookie: admin } });
  const send = (method: 'PUT' | 'POST', url: string, payload: object) => t.app.inject({ method, url, headers: { cookie: admin }, payload });
  beforeAll(async () => {
    ({ t, admin } = await createLineLossApp(backend));
  });
  afterAll(async () => t?.close());

  it('R-MTR-01 segments are read on their day: on schedule, off schedule and unread per segment', async () => {
    expect((await send('PUT', '/api/metering/segments/S1', { name: '一段（月末）', readingDay: 30 })).statusCode).toBe(200);
    expect((await send('PUT', '/api/metering/segments/S2', { name: '二段（月中）', readingDay: 15 })).statusCode).toBe(200);
    expect((await send('POST', '/api/metering/segments/S1/areas', { areaCodes: ['A1', 'A2'] })).json()).toEqual({ code: 'S1', areas: 2, customers: 20 });
    expect((await send('POST', '/api/metering/segments/S2/areas', { areaCodes: ['A3'] })).json()).toMatchObject({ customers: 10 });

    const june = (await get('/api/metering/reading-schedule?period=2025-06')).json();
    expect(june.toleranceDays).toBe(1);
    // the fixture reads everything on 06-30; A2C0 has no June reading; A4 and the HV customer have no segment
    expect(june.items).toEqual([
      expect.objectContaining({ code: 'S1', scheduledOn: '2025-06-30', meters: 20, onSchedule: 19, offSchedule: 0, unread: 1, rate: 0.95 }),
      expect.objectContaining({ code: 'S2', scheduledOn: '2025-06-15', meters: 10, onSchedule: 0, offSchedule: 10, unread: 0, rate: 0 }),
      expect.objectContaining({ code: null, meters: 11, onSchedule: 0, offSchedule: 11, rate: null }),
    ]);
    // a segment with no customers yet is listed with nothing to read
    expect((await send('PUT', '/api/metering/segments/S9', { name: '九段（新）', readingDay: 5 })).statusCode).toBe(200);
    const withEmpty = (await get('/api/metering/reading-schedule?period=2025-06')).json();
    expect(withEmpty.items.map((s: { code: string | null; meters: number }) => `${s.code}:${s.meters}`)).toEqual(['S1:20', 'S2:10', 'S9:0', 'null:11']);
    // day 30 in February is its last day
    const feb = (await get('/api/metering/reading-schedule?period=2025-02')).json();
    expect(feb.items[0]).toMatchObject({ code: 'S1', scheduledOn: '2025-02-28', unread: 20 });

    const list = (await get('/api/metering/segments')).json().items;
    expect(list.map((s: { code: string; customers: number; readingDay: number }) => `${s.code}:${s.readingDay}:${s.customers}`)).toEqual([
      'S1:30:20',
      'S2:15:10',
      'S9:5:0',
    ]);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'reading_segment').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['assign_areas', 'assign_areas', 'create', 'create', 'create']);
  });

  it('refuses a reader from outside the station, an unknown area and a day 32, naming the field', async () => {
    const bad = await send('PUT', '/api/metering/segments/S3', { name: '三段', readingDay: 10, readerId: 1 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'readerId' });
    const area = await send('POST', '/api/metering/segments/S1/areas', { areaCodes: ['A1', 'NOPE'] });
    expect(area.statusCode).toBe(422);
    expect(area.json().error.fields).toEqual([expect.objectContaining({ field: 'areaCodes', value: 'NOPE' })]);
    const day = await send('PUT', '/api/metering/segments/S3', { name: '三段', readingDay: 32 });
    expect(day.statusCode).toBe(422);
    expect(day.json().error.fields[0].field).toMatch(/readingDay/);
  });

  it('R-MTR-06 large customers: the HV customer with its month-on-month swing', async () => {
    const june = (await get('/api/metering/large-customers?period=2025-06')).json();
    expect(june).toMatchObject({ minMonthlyKwh: 10000, swing: 0.3 });
    expect(june.items).toEqual([
      expect.objectContaining({ accountNo: 'HV1', voltageLevel: 'HV', kwh: '400.00', lastMonthKwh: null, monthOnMonth: null, swing: false }),
    ]);
    // July: 15 register units × 40 = 600 kWh against 400 → +50 %
    const file = multipartFile('july.csv', 'meter_no,period,reading,read_at,method\nM-HV1,2025-07,45,2025-07-31,actual\n');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/ledger/import/readings', headers: { cookie: admin, ...file.headers }, payload: file.payload }))
        .statusCode,
    ).toBe(200);
    const july = (await get('/api/metering/large-customers?period=2025-07')).json();
    expect(july.items).toEqual([
      expect.objectContaining({ accountNo: 'HV1', kwh: '600.00', lastMonthKwh: '400.00', monthOnMonth: 0.5, yearOnYear: null, swing: true }),
    ]);
  });
});
