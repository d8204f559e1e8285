import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { BillQueryAnswer } from '@griddesk/shared';
import { createTestApp, type TestApp } from '../testing/app';
import { BACKENDS } from '../testing/databases';
import { ensureRootCounty } from '../org/bootstrap';
import { importLedger } from '../ledger/import';
import { computeBills } from '../metering/billing/bills';
import { allStationIds } from '../metering/readings/consumption';

// R1: 2,000 kWh in January and 1,000 in February (crossing 2,760 kWh a year); phone ends in 1234.
const LEDGER = {
  feeders: 'feeder_code,name,station_code\nF1,10kV测试线,ST01\n',
  areas: 'area_code,name,feeder_code,capacity_kva\nA1,A1台区,F1,400\n',
  customers:
    'account_no,name,address,phone,customer_class,voltage_level,tariff_code,area_code,feeder_code,important,dual_supply\n' +
    'R1,张三,示范县一村1号,13800001234,residential,LV,RES-1,A1,,0,0\n' +
    'R3,赵六,示范县一村4号,,residential,LV,RES-1,A1,,0,0\n',
  meters: 'meter_no,role,account_no,area_code,feeder_code,multiplier\nM-R1,customer,R1,,,1\n',
  readings:
    'meter_no,period,reading,read_at,method\nM-R1,2025-12,0,2025-12-31,actual\nM-R1,2026-01,2000,2026-01-31,actual\nM-R1,2026-02,3000,2026-02-28,actual\n',
};

describe.each(BACKENDS)('portal bill query on %s (R-MTR-08)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const db = t.database.db;
    const actor = { audit: { id: null, name: 'test', orgUnitId: null }, stationIds: [], createStationsUnder: await ensureRootCounty(db) };
    for (const kind of ['feeders', 'areas', 'customers', 'meters', 'readings'] as const) {
      const r = await importLedger(db, actor, kind, `${kind}.csv`, Buffer.from(LEDGER[kind]));
      expect(r.status, JSON.stringify(r.errors)).toBe('succeeded');
    }
    for (const p of ['2026-01', '2026-02']) await computeBills(db, { id: null, name: 'test', orgUnitId: null }, p, await allStationIds(db));
  });
  afterAll(async () => t?.close());

  const query = (payload: object) => t.app.inject({ method: 'POST', url: '/api/portal/bill-query', payload });

  it('R-MTR-08 account number and phone digits give the latest bill, and no personal data; mismatches get one generic 404; the 6th counted try in a minute is refused', async () => {
    // 1
    const ok = await query({ accountNo: 'R1', phoneLast4: '1234' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      accountNo: 'R1',
      tariff: { code: 'RES-1', name: '居民生活用电（一户一表）' },
      period: '2026-02',
      lastReading: '2000',
      currentReading: '3000',
      kwh: '1000',
      amountFen: 55000, // 760 × 0.538 + 240 × 0.588 = 550.00 yuan
      tierPosition: { yearToDateKwh: '3000', tier: 2, nextThresholdKwh: 4800 },
    });
    for (const personal of ['张三', '示范县', '13800001234', '1234']) expect(ok.body).not.toContain(personal);

    // 2–4: wrong digits, unknown account, an account without a phone: the same answer each time
    const wrong = await query({ accountNo: 'R1', phoneLast4: '4321' });
    const unknown = await query({ accountNo: 'NOPE', phoneLast4: '1234' });
    const noPhone = await query({ accountNo: 'R3', phoneLast4: '0000' });
    for (const r of [wrong, unknown, noPhone]) expect(r.statusCode).toBe(404);
    expect(new Set([wrong.body, unknown.body, noPhone.body]).size).toBe(1);
    expect(wrong.json().error.message).toBe('户号或手机号后四位不正确，或暂无账单信息');

    // malformed digits are refused by the schema, before the limiter counts
    expect((await query({ accountNo: 'R1', phoneLast4: '12a4' })).statusCode).toBe(422);
    // 5: still allowed; 6: over the limit of 5 per minute per address, even with the right digits
    expect((await query({ accountNo: 'R1', phoneLast4: '1234' })).statusCode).toBe(200);
    const limited = await query({ accountNo: 'R1', phoneLast4: '1234' });
    expect(limited.statusCode).toBe(429);
    expect(limited.body).not.toContain('2026-02');
  });

  it('the answer is its schema and nothing beyond it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/portal/bill-query',
      remoteAddress: '10.8.8.8',
      payload: { accountNo: 'R1', phoneLast4: '1234' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect([...Value.Errors(BillQueryAnswer, body)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    expect(Object.keys(body).sort()).toEqual(Object.keys(BillQueryAnswer.properties).sort());
    expect(Object.keys(body.tierPosition).sort()).toEqual(['nextThresholdKwh', 'tier', 'yearToDateKwh']);
  });
});
