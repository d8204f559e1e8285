import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillPage } from '@griddesk/shared';
import { ADMIN_PASSWORD, createTestApp, login, type TestApp, waitForJob } from '../../testing/app';
import { BACKENDS } from '../../testing/databases';
import { ensureRootCounty } from '../../org/bootstrap';
import { importLedger } from '../../ledger/import';
import { allStationIds } from '../readings/consumption';
import { computeBills } from './bills';
import { DOCUMENT_KINDS } from '../../policy/kinds';
import { seedShippedDocuments } from '../../platform/documents/seed';

// R1 residential (RES-1): 2,000 kWh in January, 1,000 in February → crosses 2,760 kWh in February.
// C1 commercial (COM-LV, meter ×10): 500 then 300 kWh. R2 residential: no February reading.
const BILLING_FIXTURE = {
  feeders: 'feeder_code,name,station_code\nF1,10kV测试线,ST01\n',
  areas: 'area_code,name,feeder_code,capacity_kva\nA1,A1台区,F1,400\n',
  customers:
    'account_no,name,address,phone,customer_class,voltage_level,tariff_code,area_code,feeder_code,important,dual_supply\n' +
    'R1,张三,示范县一村1号,13800001234,residential,LV,RES-1,A1,,0,0\n' +
    'C1,小卖部,示范县一村2号,,non_residential,LV,COM-LV,A1,,0,0\n' +
    'R2,李四,示范县一村3号,13900005678,residential,LV,RES-1,A1,,0,0\n',
  meters: 'meter_no,role,account_no,area_code,feeder_code,multiplier\nM-R1,customer,R1,,,1\nM-C1,customer,C1,,,10\nM-R2,customer,R2,,,1\n',
  readings:
    'meter_no,period,reading,read_at,method\n' +
    'M-R1,2025-12,0,2025-12-31,actual\nM-R1,2026-01,2000,2026-01-31,actual\nM-R1,2026-02,3000,2026-02-28,actual\n' +
    'M-C1,2025-12,100,2025-12-31,actual\nM-C1,2026-01,150,2026-01-31,actual\nM-C1,2026-02,180,2026-02-28,actual\n' +
    'M-R2,2025-12,0,2025-12-31,actual\nM-R2,2026-01,100,2026-01-31,actual\n',
};

async function billingApp(backend: (typeof BACKENDS)[number]): Promise<TestApp> {
  const t = await createTestApp(backend);
  const db = t.database.db;
  const actor = { audit: { id: null, name: 'test', orgUnitId: null }, stationIds: [], createStationsUnder: await ensureRootCounty(db) };
  for (const kind of ['feeders', 'areas', 'customers', 'meters', 'readings'] as const) {
    const r = await importLedger(db, actor, kind, `${kind}.csv`, Buffer.from(BILLING_FIXTURE[kind]));
    if (r.status !== 'succeeded') throw new Error(`${kind}: ${JSON.stringify(r.errors.slice(0, 3))}`);
  }
  return t;
}

describe.each(BACKENDS)('bills on %s (R-MTR-03)', (backend) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await billingApp(backend);
    cookie = await login(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => t?.close());

  const bills = async (period: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/bills?period=${period}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const page = res.json() as BillPage;
    expect(page.total).toBe(page.items.length);
    return page.items;
  };

  it('R-MTR-03 default tariffs are seeded once, one active version per code', async () => {
    await seedShippedDocuments(t.database.db, DOCUMENT_KINDS);
    const rows = await t.database.db.selectFrom('documents').select(['key as code', 'version', 'active']).where('kind', '=', 'tariff').orderBy('key').execute();
    expect(rows).toEqual([
      { code: 'AGR', version: 1, active: true },
      { code: 'COM-LV', version: 1, active: true },
      { code: 'IND-10KV', version: 1, active: true },
      { code: 'RES-1', version: 1, active: true },
    ]);
  });

  it('R-MTR-03 two months in order: the residential customer crosses tier 1 in February', async () => {
    // the computation is a job: 202 with its id, then its result once it has succeeded
    const jan = await t.app.inject({ method: 'POST', url: '/api/bills/compute', headers: { cookie }, payload: { period: '2026-01' } });
    expect(jan.statusCode, jan.body).toBe(202);
    const janJob = await waitForJob(t.app, cookie, jan.json().jobId);
    expect(janJob).toMatchObject({ kind: 'metering.bills', status: 'succeeded', progress: { done: 3, total: 3, phase: 'done' } });
    expect(janJob.result).toMatchObject({ computed: 3, unchanged: 0, noTariff: [], negative: [], totalFen: 107600 + 35000 + 5380 });
    const feb = await t.app.inject({ method: 'POST', url: '/api/bills/compute', headers: { cookie }, payload: { period: '2026-02' } });
    expect(feb.statusCode, feb.body).toBe(202);
    expect((await waitForJob(t.app, cookie, feb.json().jobId)).result).toMatchObject({ computed: 2, totalFen: 55000 + 21000 });

    const j = await bills('2026-01');
    expect(j.map((b) => [b.accountNo, b.kwh, b.amountFen])).toEqual([
      ['C1', '500', 35000],
      ['R1', '2000', 107600],
      ['R2', '100', 5380],
    ]);
    const f = await bills('2026-02');
    expect(f.map((b) => [b.accountNo, b.kwh, b.amountFen])).toEqual([
      ['C1', '300', 21000],
      ['R1', '1000', 55000],
    ]);
    // 760 kWh at 0.538 = 408.88 yuan; 240 kWh at 0.588 = 141.12 yuan
    const r1 = f.find((b) => b.accountNo === 'R1')!;
    expect(r1.detail.lines).toEqual([
      { tier: 1, kwh: '760', priceDisplay: '0.5380', amountFen: 40888 },
      { tier: 2, kwh: '240', priceDisplay: '0.5880', amountFen: 14112 },
    ]);
    expect(r1.detail.tierPosition).toEqual({ yearToDateKwh: '3000', tier: 2, nextThresholdKwh: 4800 });

    // re-running a month changes nothing and writes no new bills
    const again = await computeBills(t.database.db, { id: null, name: 'test', orgUnitId: null }, '2026-02', await allStationIds(t.database.db));
    expect(again).toMatchObject({ computed: 0, unchanged: 2 });
    const audits = await t.database.db.selectFrom('audit_log').select(['entity_id']).where('entity', '=', 'bills').where('action', '=', 'compute').execute();
    expect(audits.map((a) => a.entity_id)).toEqual(['2026-01', '2026-02', '2026-02']);
  });

  it('R-MTR-03 a correction needs a reason, is audited, and drives the billing error rate', async () => {
    const r2 = (await bills('2026-01')).find((b) => b.accountNo === 'R2')!;
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/bills/${r2.id}/corrections`,
      headers: { cookie },
      payload: { reason: '   ', amountFen: 5000 },
    });
    expect(noReason.statusCode).toBe(422);
    const missing = await t.app.inject({ method: 'POST', url: `/api/bills/${r2.id}/corrections`, headers: { cookie }, payload: { amountFen: 5000 } });
    expect(missing.statusCode).toBe(422);

    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/bills/${r2.id}/corrections`,
      headers: { cookie },
      payload: { reason: '抄表错误，实际读数 93', amountFen: 5003, kwh: '93' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ before: { kwh: '100', amountFen: 5380 }, after: { kwh: '93', amountFen: 5003 }, reason: '抄表错误，实际读数 93' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'before', 'after'])
      .where('entity', '=', 'bill')
      .where('entity_id', '=', String(r2.id))
      .where('action', '=', 'correct')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_name: 'admin',
      before: { kwh: '100', amountFen: 5380 },
      after: { kwh: '93', amountFen: 5003, reason: '抄表错误，实际读数 93' },
    });

    const rate = await t.app.inject({ method: 'GET', url: '/api/bills/error-rate?period=2026-01', headers: { cookie } });
    expect(rate.json()).toEqual({ period: '2026-01', bills: 3, corrected: 1, errorRate: 1 / 3 });
    const feb = await t.app.inject({ method: 'GET', url: '/api/bills/error-rate?period=2026-02', headers: { cookie } });
    expect(feb.json()).toMatchObject({ bills: 2, corrected: 0, errorRate: 0 });

    // a recompute leaves the corrected bill alone
    const again = await computeBills(t.database.db, { id: null, name: 'test', orgUnitId: null }, '2026-01', await allStationIds(t.database.db));
    expect(again).toMatchObject({ keptCorrected: 1, unchanged: 2, computed: 0 });
    expect((await bills('2026-01')).find((b) => b.accountNo === 'R2')).toMatchObject({ kwh: '93', amountFen: 5003 });
  });

  it('R-MTR-03 an unauthenticated request is refused', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/bills/compute', payload: { period: '2026-01' } });
    expect(res.statusCode).toBe(401);
  });
});
