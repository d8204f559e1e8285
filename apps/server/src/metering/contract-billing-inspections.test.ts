// The billing, tariff and inspection routes answer exactly their shared schemas (issue 8 item 1,
// R-MTR-03, R-MTR-07), on the demo's ledger: two customers get two months of readings, their bills
// are computed by the job and corrected; a campaign gets findings of each kind. An id beyond the
// integer column, or a field the contract does not name, is refused as input (422), not a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BillComputeResult,
  BillCorrection,
  BillingErrorRate,
  BillPage,
  Campaign,
  CampaignPage,
  FindingView,
  InspectionSummary,
  JobStarted,
  JobView,
  PublicTariffPage,
  TariffDefinition,
  TariffVersionPage,
} from '@griddesk/shared';
import { ADMIN_PASSWORD, createTestApp, login, multipartFile, type TestApp, waitForJob } from '../testing/app';
import { expectExactly } from '../testing/contract';
import { BACKENDS } from '../testing/databases';

const TOO_BIG = 99_999_999_999;

describe.each(BACKENDS)('billing, tariffs and inspections answer their schemas and nothing else, on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  /** a residential customer (tiered RES-1) and a non-residential one */
  let accounts: { residential: string; other: string };
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true });
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    const meterOf = async (residential: boolean) =>
      t.database.db
        .selectFrom('meters as m')
        .innerJoin('customers as c', 'c.id', 'm.customer_id')
        .select(['m.meter_no', 'c.account_no'])
        .where('m.role', '=', 'customer')
        .where('m.status', '=', 'in_service')
        .where('c.tariff_code', residential ? '=' : '<>', 'RES-1')
        .orderBy('m.id')
        .executeTakeFirstOrThrow();
    const [res, other] = [await meterOf(true), await meterOf(false)];
    accounts = { residential: res.account_no, other: other.account_no };
    // 3,000 kWh in February crosses the first residential tier (2,760 kWh a year): two bill lines
    const csv =
      'meter_no,period,reading,read_at,method\n' +
      `${res.meter_no},2026-01,100,2026-01-31,actual\n${res.meter_no},2026-02,3100,2026-02-28,actual\n` +
      `${other.meter_no},2026-01,50,2026-01-31,actual\n${other.meter_no},2026-02,80.5,2026-02-28,actual\n`;
    const file = multipartFile('readings.csv', csv);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/import/readings',
      headers: { cookie: admin, ...file.headers },
      payload: file.payload,
    });
    expect(imported.statusCode, imported.body).toBe(200);
  });
  afterAll(async () => t?.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
  const ok = async (url: string) => {
    const res = await call('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('bills: the computation job, the list, a correction and the error rate', async () => {
    const started = await call('POST', '/api/bills/compute', { period: '2026-02' });
    expect(started.statusCode, started.body).toBe(202);
    expectExactly(JobStarted, started.json());
    const job = await waitForJob(t.app, admin, started.json().jobId);
    expect(job.status).toBe('succeeded');
    expectExactly(JobView, await ok(`/api/jobs/${job.id}`));
    expectExactly(BillComputeResult, job.result);
    expect(job.result).toMatchObject({ period: '2026-02', computed: 2 });

    const page = await ok('/api/bills?period=2026-02');
    expectExactly(BillPage, page);
    expect(page.total).toBe(2);
    const residential = page.items.find((b: { accountNo: string }) => b.accountNo === accounts.residential);
    expect(residential.detail.lines.map((l: { tier: number }) => l.tier)).toEqual([1, 2]);
    expect(residential.detail.meters).toHaveLength(1);
    // a page shorter than the list still counts all of it
    const first = await ok('/api/bills?period=2026-02&limit=1');
    expectExactly(BillPage, first);
    expect([first.items.length, first.total]).toEqual([1, 2]);

    const corrected = await call('POST', `/api/bills/${residential.id}/corrections`, { reason: '契约测试更正', amountFen: residential.amountFen + 100 });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expectExactly(BillCorrection, corrected.json());
    const rate = await ok('/api/bills/error-rate?period=2026-02');
    expectExactly(BillingErrorRate, rate);
    expect(rate).toEqual({ period: '2026-02', bills: 2, corrected: 1, errorRate: 0.5 });
    const none = await ok('/api/bills/error-rate?period=2030-01');
    expectExactly(BillingErrorRate, none);
    expect(none.errorRate).toBeNull();

    for (const url of ['/api/bills?offset=99999999999', '/api/bills?limit=100000', '/api/bills?period=2026-13']) {
      expect((await call('GET', url)).statusCode, url).toBe(422);
    }
    for (const [url, body] of [
      [`/api/bills/${TOO_BIG}/corrections`, { reason: '更正', amountFen: 1 }],
      [`/api/bills/${residential.id}/corrections`, { reason: '更正', amountFen: 1, note: 'not in the contract' }],
      ['/api/bills/compute', { period: '2026-02', stationId: TOO_BIG }],
      ['/api/bills/compute', { period: '2026-02', stations: [1] }],
    ] as const) {
      expect((await call('POST', url, body)).statusCode, url).toBe(422);
    }
  });

  it('tariffs: the versions, a publication and the public tables', async () => {
    const versions = await ok('/api/tariffs');
    expectExactly(TariffVersionPage, versions);
    expect(versions.total).toBe(versions.items.length);
    const published = await call('POST', '/api/tariffs', {
      definition: {
        code: 'CT-TOU',
        name: '契约测试分时电价',
        nameEn: 'Contract test time-of-use',
        customerClass: 'non_residential',
        voltageLevel: 'any',
        basePrice: 6000,
        tou: [
          { period: 'peak', from: '08:00', to: '22:00', multiplierPermille: 1500 },
          { period: 'valley', from: '22:00', to: '08:00', addPrice: -1000 },
        ],
        source: 'contract test',
      },
    });
    expect(published.statusCode, published.body).toBe(201);
    expectExactly(TariffDefinition, published.json());
    const open = await t.app.inject({ url: '/api/portal/tariffs' });
    expect(open.statusCode).toBe(200);
    expectExactly(PublicTariffPage, open.json());
    expect(open.json().items.map((i: { code: string }) => i.code)).toContain('CT-TOU');
  });

  it('inspections: a campaign, its findings, the list and the summaries', async () => {
    const created = await call('POST', '/api/inspections', { kind: 'night_patrol', startedOn: '2026-03-01', boxesOpened: 40 });
    expect(created.statusCode, created.body).toBe(201);
    expectExactly(Campaign, created.json());
    const id: number = created.json().id;
    expect(created.json()).toMatchObject({ endedOn: null, note: null });

    const findings = [
      { kind: 'theft', accountNo: accounts.residential, energyKwh: '1000' },
      { kind: 'theft', energyKwh: '250.5', priceYuan: '0.6', penaltyMultiple: 2 },
      { kind: 'violation', violationType: 'excess_capacity', accountNo: accounts.other, capacityKw: 5 },
      { kind: 'violation', violationType: 'tamper_utility_equipment', times: 2, residential: true, note: '表箱封印被破坏' },
    ];
    for (const body of findings) {
      const res = await call('POST', `/api/inspections/${id}/findings`, body);
      expect(res.statusCode, res.body).toBe(201);
      expectExactly(FindingView, res.json());
    }

    const list = await ok('/api/inspections?from=2026-03-01&to=2026-03-31');
    expectExactly(CampaignPage, list);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id, findings: 4 });
    expectExactly(CampaignPage, await ok('/api/inspections?limit=1&kind=night_patrol'));

    const one = await ok(`/api/inspections/${id}/summary`);
    expectExactly(InspectionSummary, one);
    expect(Object.keys(one.violations.byType).sort()).toEqual(['excess_capacity', 'tamper_utility_equipment']);
    expect(one.theft).toMatchObject({ households: 2, findings: 2 });
    expectExactly(InspectionSummary, await ok('/api/inspections/summary'));
    expectExactly(InspectionSummary, await ok('/api/inspections/summary?from=2026-03-01&to=2026-03-31'));

    for (const url of [
      `/api/inspections/${TOO_BIG}/summary`,
      '/api/inspections?offset=99999999999',
      `/api/inspections/summary?stationId=${TOO_BIG}`,
      '/api/inspections?kind=bonfire',
    ]) {
      expect((await call('GET', url)).statusCode, url).toBe(422);
    }
    for (const [url, body] of [
      [`/api/inspections/${TOO_BIG}/findings`, { kind: 'theft', energyKwh: '1', priceYuan: '0.5' }],
      [`/api/inspections/${id}/findings`, { kind: 'theft', energyKwh: '1', priceYuan: '0.5', customerId: 1 }],
      ['/api/inspections', { kind: 'night_patrol', startedOn: '2026-03-01', boxesOpened: 1, stationId: TOO_BIG }],
    ] as const) {
      expect((await call('POST', url, body)).statusCode, url).toBe(422);
    }
  });
});
