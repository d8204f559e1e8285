import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetDates, makeDataset } from '@griddesk/domain/metering/synthetic';
import { writeSgcc } from '@griddesk/domain/metering/sgcc-csv';
import { DEFAULT_METERING_POLICY } from '@griddesk/domain';
import { BACKENDS } from '../testing/databases';
import { multipartFile, type TestApp, waitForJob } from '../testing/app';
import { addTeamManager, createLineLossApp } from '../testing/line-loss-app';
import { refreshLineLoss, staleLossPeriods } from './line-loss/refresh';

interface Item {
  code: string;
  class: string;
  parentCode: string | null;
  salesKwh: string;
  lossRate: string | null;
}

describe.each(BACKENDS)(
  'line-loss drill-down, monthly job, reading rates, theft screening and policy on %s (R-MTR-02, R-MTR-04, R-MTR-05, R-MTR-06)',
  (backend) => {
    let t: TestApp;
    let admin: string;
    let countyCode: string;
    const get = (url: string) => t.app.inject({ url, headers: { cookie: admin } });
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload });

    beforeAll(async () => {
      let stationId: number;
      ({ t, admin, countyCode, stationId } = await createLineLossApp(backend));
      // a team whose member manages areas A1 and A2 (分片管理)
      await addTeamManager(t, stationId);
    });
    afterAll(async () => t?.close());

    it('R-MTR-04 drills down county → station → feeder → area → customers', async () => {
      const county = (await get('/api/metering/lineloss?period=2025-06&level=county')).json();
      expect(county.items).toHaveLength(1);
      // the county is its one station: 5,000 kWh in at the gateway, 3,659 kWh sold; one meter unread
      expect(county.items[0]).toMatchObject({ code: countyCode, supplyKwh: '5000.00', salesKwh: '3659.00', class: 'not_computable' });
      const stations = (await get(`/api/metering/lineloss?period=2025-06&level=station&parent=${countyCode}`)).json();
      expect(stations.items.map((r: Item) => r.code)).toEqual(['ST01']);
      const feeders = (await get('/api/metering/lineloss?period=2025-06&level=feeder&parent=ST01')).json();
      expect(feeders.items.map((r: Item) => `${r.code}<${r.parentCode}`)).toEqual(['F1<ST01']);
      const areas = (await get('/api/metering/lineloss?period=2025-06&level=area&parent=F1')).json();
      expect(areas.items.map((r: Item) => `${r.code}:${r.class}`)).toEqual(['A1:qualified', 'A2:not_computable', 'A3:negative_loss', 'A4:high_loss']);
      expect(areas.items[0]).toMatchObject({ target: 0.1, manager: { name: '张立' } });
      expect((await get('/api/metering/lineloss?period=2025-06&level=area&parent=F9')).json().items).toEqual([]);

      const customers = (await get('/api/metering/lineloss/customers?period=2025-06&area=A2')).json();
      expect(customers.items).toHaveLength(10);
      expect(customers.items[0]).toMatchObject({ accountNo: 'A2C0', reading: null, kwh: null, flags: ['missed'] });
      expect(customers.items[1]).toMatchObject({
        accountNo: 'A2C1',
        previousReading: '500.0000',
        reading: '590.0000',
        kwh: '90.00',
        method: 'actual',
        flags: [],
      });
      expect((await get('/api/metering/lineloss/customers?period=2025-06&area=NOPE')).statusCode).toBe(404);
    });

    it('R-MTR-02 actual-reading rate per station and team, residential and non-residential apart', async () => {
      const res = (await get('/api/metering/reading-rates?period=2025-06')).json();
      const [station, team] = res.items;
      // 40 residential meters: A1C1 estimated, A2C0 missed; the one HV customer read on site
      expect(station).toMatchObject({
        code: 'ST01',
        kind: 'station',
        residential: { meters: 40, actual: 38, estimated: 1, missed: 1, rate: 0.95 },
        nonResidential: { meters: 1, actual: 1, rate: 1 },
      });
      // the team manages A1 and A2: 20 meters, the same two unread on site
      expect(team).toMatchObject({
        code: 'ST01-T1',
        kind: 'team',
        residential: { meters: 20, actual: 18, rate: 0.9 },
        nonResidential: { meters: 0, rate: null },
      });
    });

    it('R-MTR-05 the monthly job persists every level; trend and watch list read it, with the person responsible', async () => {
      expect((await get('/api/metering/lineloss?period=2025-06&level=area')).json().runAt).toBeNull();
      // a run is a job: 202 with its id; its result is the run
      const runJob = async (period: string) => {
        const res = await post('/api/metering/lineloss/runs', { period });
        expect(res.statusCode, res.body).toBe(202);
        const job = await waitForJob<{ runAt: string; counts: Record<string, Record<string, number>> }>(t.app, admin, res.json().jobId);
        expect(job, JSON.stringify(job.error)).toMatchObject({ kind: 'metering.lineloss', status: 'succeeded' });
        return job.result!;
      };
      for (const period of ['2025-05', '2025-06']) await runJob(period);
      // re-running a month replaces its rows instead of adding to them
      const again = await runJob('2025-06');
      expect(again.counts.area).toEqual({ qualified: 1, high_loss: 1, negative_loss: 1, not_computable: 1 });
      expect(again.counts.county).toEqual({ qualified: 0, high_loss: 0, negative_loss: 0, not_computable: 1 });
      const stored = await t.database.db
        .selectFrom('line_loss_results')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('period', '=', '2025-06')
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(4 + 1 + 1 + 1);
      expect((await get('/api/metering/lineloss?period=2025-06&level=area')).json().runAt).toBe(again.runAt);

      const trend = (await get('/api/metering/lineloss/trend?level=area&code=A4&from=2025-01&to=2025-12')).json();
      expect(trend).toMatchObject({ level: 'area', code: 'A4', target: 0.1 });
      expect(trend.points).toEqual([
        { period: '2025-05', supplyKwh: null, salesKwh: '0.00', lossKwh: null, lossRate: null, class: 'not_computable' },
        { period: '2025-06', supplyKwh: '1000.00', salesKwh: '449.00', lossKwh: '551.00', lossRate: '0.5510', class: 'high_loss' },
      ]);

      // May has no previous readings, so every area was not computable then: A2–A4 are on their second month
      const watch = (await get('/api/metering/lineloss/watchlist?period=2025-06')).json();
      expect(watch.items.map((w: { code: string; streak: number }) => `${w.code}×${w.streak}`)).toEqual(['A2×2', 'A3×2', 'A4×2']);
      expect(watch.items[0]).toMatchObject({ feederCode: 'F1', manager: { name: '张立' }, class: 'not_computable' });
      expect((await get('/api/metering/lineloss/watchlist?period=2025-06&minStreak=3')).json().items).toEqual([]);

      const audit = await t.database.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'line_loss_run').execute();
      expect(audit).toHaveLength(3);
    });

    it('R-MTR-06 daily series import (all-or-nothing) and a screening run that ranks a planted thief first with its reasons', async () => {
      const accounts = (await t.database.db.selectFrom('customers').select('account_no').orderBy('account_no').execute()).map((c) => c.account_no);
      const start = '2025-01-01';
      const days = 181;
      const synthetic = makeDataset({ customers: accounts.length, days, thiefShare: 0, seed: 7, startDate: start, realistic: false });
      const rows = synthetic.map((r, i) => ({ consNo: accounts[i]!, days: [...r.days] }));
      const thief = rows.find((r) => r.consNo === 'A4C3')!;
      for (let d = 100; d < days; d++) thief.days[d] = Number((thief.days[d]! * 0.25).toFixed(2));
      const csv = writeSgcc(datasetDates(start, days), rows);

      const bad = multipartFile('daily.csv', csv.replace('\nA4C3,', '\nNOPE1,'));
      const rejected = await t.app.inject({
        method: 'POST',
        url: '/api/metering/daily-consumption',
        headers: { cookie: admin, ...bad.headers },
        payload: bad.payload,
      });
      expect(rejected.statusCode).toBe(422);
      expect(rejected.json().error.fields).toEqual([expect.objectContaining({ field: 'CONS_NO', value: 'NOPE1', row: accounts.indexOf('A4C3') + 2 })]);
      const none = await t.database.db
        .selectFrom('daily_consumption')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(none.n)).toBe(0);

      const body = multipartFile('daily.csv', csv);
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/metering/daily-consumption',
        headers: { cookie: admin, ...body.headers },
        payload: body.payload,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'succeeded', rows: accounts.length, inserted: accounts.length * days, updated: 0 });

      const started = await post('/api/metering/theft/runs', { period: '2025-06' });
      expect(started.statusCode, started.body).toBe(202);
      const run = await waitForJob<{ runId: number }>(t.app, admin, started.json().jobId);
      expect(run).toMatchObject({ kind: 'metering.theft', status: 'succeeded', error: null });
      expect(run.result).toMatchObject({ source: 'daily', window: { from: '2024-07-01', to: '2025-06-30' }, scored: accounts.length });
      const list = (await get('/api/metering/theft/suspects?limit=10')).json();
      expect(list.runId).toBe(run.result!.runId);
      expect(list.items[0]).toMatchObject({ rank: 1, accountNo: 'A4C3', areaCode: 'A4' });
      const names = list.items[0].signals.map((s: { name: string }) => s.name);
      expect(names).toContain('own_drop');
      expect(list.items[0].signals[0].detail.zh).toMatch(/2025-04/);
    });

    it('R-MTR-05 a corrected reading makes its month stale; the background refresh runs it again', async () => {
      expect(await staleLossPeriods(t.database.db)).toEqual([]);
      const fix = multipartFile('fix.csv', 'meter_no,period,reading,read_at,method\nM-A4C9,2025-06,551,2025-06-30,actual\n');
      const res = await t.app.inject({ method: 'POST', url: '/api/ledger/import/readings', headers: { cookie: admin, ...fix.headers }, payload: fix.payload });
      expect(res.statusCode, res.body).toBe(200);
      expect(await staleLossPeriods(t.database.db)).toEqual(['2025-06']);
      expect(await refreshLineLoss(t.database.db)).toEqual(['2025-06']);
      expect(await staleLossPeriods(t.database.db)).toEqual([]);
      // the same file again changes nothing, so nothing needs computing again
      const same = await t.app.inject({ method: 'POST', url: '/api/ledger/import/readings', headers: { cookie: admin, ...fix.headers }, payload: fix.payload });
      expect(same.json()).toMatchObject({ inserted: 0, updated: 0 });
      expect(await staleLossPeriods(t.database.db)).toEqual([]);
      // A4C9 now used 51 kWh instead of −1: sales 449 + 52 = 501 of 1,000
      const trend = (await get('/api/metering/lineloss/trend?level=area&code=A4&from=2025-06&to=2025-06')).json();
      expect(trend.points).toEqual([expect.objectContaining({ salesKwh: '501.00', lossRate: '0.4990', class: 'high_loss' })]);
    });

    it('the metering policy is versioned data: a checked new version changes the classes, a bad one is refused naming the field', async () => {
      const current = (await get('/api/metering/policy')).json();
      expect(current).toMatchObject({ version: 1, policy: DEFAULT_METERING_POLICY });
      const bad = await post('/api/metering/policy', {
        definition: { ...DEFAULT_METERING_POLICY, lineLoss: { minCoverage: 0.98, target: { ...DEFAULT_METERING_POLICY.lineLoss.target, area: 2 } } },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['definition.lineLoss.target.area']);
      const loose = { ...DEFAULT_METERING_POLICY, lineLoss: { minCoverage: 0.98, target: { ...DEFAULT_METERING_POLICY.lineLoss.target, area: 0.6 } } };
      const published = await post('/api/metering/policy', { definition: loose, note: 'test' });
      expect(published.statusCode, published.body).toBe(201);
      expect(published.json().version).toBe(2);
      const a4 = (await get('/api/metering/lineloss?period=2025-06&level=area&parent=F1')).json().items.find((r: Item) => r.code === 'A4');
      expect(a4).toMatchObject({ class: 'qualified', target: 0.6 });
      const versions = (await get('/api/metering/policy')).json().versions;
      expect(versions.map((v: { version: number; active: boolean }) => `${v.version}:${v.active}`)).toEqual(['2:true', '1:false']);
      expect(versions[0]).toMatchObject({ note: 'test', createdBy: 'admin', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      // keys the client added are not stored
      const extra = await post('/api/metering/policy', { definition: { ...loose, colour: 'red' } });
      expect(extra.statusCode).toBe(201);
      expect(extra.json().policy).toEqual(loose);
    });
  },
);
