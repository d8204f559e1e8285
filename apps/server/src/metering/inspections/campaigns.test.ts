import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, login, type TestApp } from '../../testing/app';
import { BACKENDS } from '../../testing/databases';
import { ensureRootCounty } from '../../org/bootstrap';
import { importLedger } from '../../ledger/import';

// Seed 000 (first half-year): 开箱检查149台, 窃电户9户, 补回电量4.1万千瓦时, 补回电费和违约金3.72万元;
// 违章用电17户, 补回电量3.1千KWH, 补回金额1.83千元; 共计挽回经济损失3.903万元.
// 37,200 yuan = back-paid charges 9,300 + 3× penalty 27,900 (the seed gives totals only; the
// households are constructed to match, see packages/domain/src/metering/inspection.test.ts).
const THEFT: [number, string][] = [
  [3000, '0.20'],
  [4000, '0.20'],
  [5000, '0.20'],
  [7000, '0.20'],
  [2000, '0.25'],
  [3000, '0.25'],
  [4000, '0.25'],
  [5000, '0.25'],
  [8000, '0.25'],
];
const CATEGORY_KWH = [200, 250, 300, 300, 300, 350, 350, 350, 400, 300];
const EXCESS_KW = [3, 3, 4, 5];
const SUSPENDED_KW = [1, 2, 2];

describe.each(BACKENDS)('anti-theft inspections on %s (R-MTR-07)', (backend) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const actor = { audit: { id: null, name: 'test', orgUnitId: null }, stationIds: [], createStationsUnder: await ensureRootCounty(t.database.db) };
    for (const [kind, csv] of [
      ['feeders', 'feeder_code,name,station_code\nF1,10kV测试线,ST01\n'],
      ['areas', 'area_code,name,feeder_code,capacity_kva\nA1,A1台区,F1,400\n'],
    ] as const) {
      const r = await importLedger(t.database.db, actor, kind, `${kind}.csv`, Buffer.from(csv));
      expect(r.status, JSON.stringify(r.errors)).toBe('succeeded');
    }
    const customers = await importLedger(
      t.database.db,
      actor,
      'customers',
      'c.csv',
      Buffer.from(
        'account_no,name,address,phone,customer_class,voltage_level,tariff_code,area_code,feeder_code,important,dual_supply\nX1,王五,示范县二村1号,,residential,LV,RES-1,A1,,0,0\n',
      ),
    );
    expect(customers.status, JSON.stringify(customers.errors)).toBe('succeeded');
    cookie = await login(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

  it('R-MTR-07 a campaign with its findings reproduces seed 000: 149 boxes, 9 / 41,000 kWh / 37,200 yuan, 17 / 3,100 kWh / 1,830 yuan, 39,030 yuan', async () => {
    const c = await post('/api/inspections', {
      kind: 'meter_box_opening',
      startedOn: '2006-01-01',
      endedOn: '2006-06-30',
      boxesOpened: 149,
      note: '上半年反窃电',
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id as number;
    for (const [kwh, price] of THEFT) {
      const r = await post(`/api/inspections/${id}/findings`, { kind: 'theft', energyKwh: String(kwh), priceYuan: price });
      expect(r.statusCode, r.body).toBe(201);
    }
    for (const kwh of CATEGORY_KWH)
      expect(
        (await post(`/api/inspections/${id}/findings`, { kind: 'violation', violationType: 'change_category', energyKwh: String(kwh), priceYuan: '0.10' }))
          .statusCode,
      ).toBe(201);
    for (const kw of EXCESS_KW)
      expect((await post(`/api/inspections/${id}/findings`, { kind: 'violation', violationType: 'excess_capacity', capacityKw: kw })).statusCode).toBe(201);
    for (const kw of SUSPENDED_KW)
      expect((await post(`/api/inspections/${id}/findings`, { kind: 'violation', violationType: 'use_suspended_equipment', capacityKw: kw })).statusCode).toBe(
        201,
      );

    const s = await t.app.inject({ method: 'GET', url: `/api/inspections/${id}/summary`, headers: { cookie } });
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({
      campaigns: 1,
      boxesOpened: 149,
      theft: { households: 9, energyKwh: '41000', unpaidFen: 930_000, penaltyFen: 2_790_000, recoveredFen: 3_720_000 },
      violations: { households: 17, energyKwh: '3100', unpaidFen: 31_000, penaltyFen: 152_000, recoveredFen: 183_000 },
      totalRecoveredFen: 3_903_000,
    });
    const list = await t.app.inject({ method: 'GET', url: '/api/inspections?from=2006-01-01&to=2006-12-31', headers: { cookie } });
    expect(list.json()).toEqual({
      items: [expect.objectContaining({ id, kind: 'meter_box_opening', boxesOpened: 149, findings: 26, recoveredFen: 3_903_000 })],
      total: 1,
    });
    const audits = await t.database.db.selectFrom('audit_log').select('entity').where('entity', 'in', ['inspection_campaign', 'inspection_finding']).execute();
    expect(audits).toHaveLength(1 + 26);
  });

  it('R-MTR-07 a theft finding on a known customer uses its tariff price and the 3× default; the household counts once', async () => {
    const c = await post('/api/inspections', { kind: 'night_patrol', startedOn: '2026-11-01', boxesOpened: 12 });
    const id = c.json().id as number;
    const a = await post(`/api/inspections/${id}/findings`, { kind: 'theft', accountNo: 'X1', energyKwh: '1000' });
    // 1,000 kWh × 0.538 = 538 yuan; penalty 3 × 538 = 1,614 yuan
    expect(a.json()).toMatchObject({ accountNo: 'X1', energyKwh: '1000', unpaidFen: 53_800, penaltyFen: 161_400 });
    await post(`/api/inspections/${id}/findings`, { kind: 'theft', accountNo: 'X1', energyKwh: '10', penaltyMultiple: 1 });
    const s = (await t.app.inject({ method: 'GET', url: `/api/inspections/${id}/summary`, headers: { cookie } })).json();
    expect(s.theft).toMatchObject({ households: 1, findings: 2, unpaidFen: 53_800 + 538, penaltyFen: 161_400 + 538 });
  });

  it('R-MTR-07 bad findings are refused: violation without type, theft without price, unknown customer', async () => {
    const id = (await post('/api/inspections', { kind: 'night_patrol', startedOn: '2026-11-02', boxesOpened: 1 })).json().id as number;
    expect((await post(`/api/inspections/${id}/findings`, { kind: 'violation', energyKwh: '1' })).statusCode).toBe(422);
    expect((await post(`/api/inspections/${id}/findings`, { kind: 'theft', energyKwh: '1' })).statusCode).toBe(422);
    expect((await post(`/api/inspections/${id}/findings`, { kind: 'theft', accountNo: 'NOPE', energyKwh: '1' })).statusCode).toBe(422);
    expect((await post('/api/inspections/999999/findings', { kind: 'theft', energyKwh: '1', priceYuan: '0.5' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/inspections/${id}/summary` })).statusCode).toBe(401);
  });
});
