// The metering contract for readings, segments, line loss, theft screening and the metering policy
// (issue 8, item 1): each answer of these routes, on the hand-built network whose figures are known
// (nulls included: an unread meter, a point not computable), carries exactly its shared schema; jobs
// answer JobStarted and their results the shared run shapes; ids and bounds beyond range are 422.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSchema } from '@sinclair/typebox';
import { datasetDates, makeDataset } from '@griddesk/domain/metering/synthetic';
import { writeSgcc } from '@griddesk/domain/metering/sgcc-csv';
import { DEFAULT_METERING_POLICY } from '@griddesk/domain';
import {
  AreaCustomers,
  AssignAreasResult,
  DailyImportResult,
  JobStarted,
  JobView,
  LargeCustomers,
  LineLossRun,
  LOSS_LEVELS,
  LossList,
  LossTrend,
  MeteringPolicyActive,
  MeteringPolicyView,
  ReadingFlags,
  ReadingRates,
  ReadingSchedule,
  SegmentPage,
  SegmentSaved,
  SuspectList,
  TheftRunResult,
  WatchList,
} from '@griddesk/shared';
import { BACKENDS } from '../testing/databases';
import { expectExactly } from '../testing/contract';
import { multipartFile, type TestApp, waitForJob } from '../testing/app';
import { addTeamManager, createLineLossApp } from '../testing/line-loss-app';

describe.each(BACKENDS)('the readings, line-loss, theft and metering-policy answers carry their schema and nothing else, on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let stationId: number;
  let readerId: number;
  beforeAll(async () => {
    ({ t, admin, stationId } = await createLineLossApp(backend));
    readerId = await addTeamManager(t, stationId);
  });
  afterAll(async () => t?.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
  /** A 2xx answer checked against its schema; returns the body. A list that is not paged totals its items. */
  const exactly = async (schema: TSchema, method: 'GET' | 'POST' | 'PUT', url: string, opts: { status?: number; payload?: object; paged?: boolean } = {}) => {
    const res = await call(method, url, opts.payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(opts.status ?? 200);
    const body = res.json();
    expectExactly(schema, body);
    if (Array.isArray(body.items) && !opts.paged) expect(body.total, url).toBe(body.items.length);
    return body;
  };
  /** Starts a job, checks JobStarted and the finished JobView, and checks its result against `result`. */
  const job = async (url: string, payload: object, result: TSchema) => {
    const started = await exactly(JobStarted, 'POST', url, { status: 202, payload });
    const done = await waitForJob(t.app, admin, started.jobId);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expectExactly(JobView, (await call('GET', `/api/jobs/${started.jobId}`)).json());
    expectExactly(result, done.result);
    return done.result as Record<string, unknown>;
  };

  it('readings: flags, rates, segments, the schedule and large customers', async () => {
    const flags = await exactly(ReadingFlags, 'GET', '/api/metering/reading-flags?period=2025-06');
    expect(flags.items.map((f: { flag: string }) => f.flag)).toEqual(expect.arrayContaining(['estimated', 'missed', 'wrong']));
    const rates = await exactly(ReadingRates, 'GET', '/api/metering/reading-rates?period=2025-06');
    // a station, and its team without non-residential meters (a null rate)
    expect(rates.items.map((r: { kind: string }) => r.kind)).toEqual(['station', 'team']);
    expect(rates.items[1].nonResidential.rate).toBeNull();

    const saved = await exactly(SegmentSaved, 'PUT', '/api/metering/segments/S1', { payload: { name: '一段', readingDay: 30, readerId } });
    expect(saved).toMatchObject({ code: 'S1', stationId, readerId });
    await exactly(SegmentSaved, 'PUT', '/api/metering/segments/S2', { payload: { name: '二段', readingDay: 15 } });
    expect(await exactly(AssignAreasResult, 'POST', '/api/metering/segments/S1/areas', { payload: { areaCodes: ['A1', 'A2'] } })).toEqual({
      code: 'S1',
      areas: 2,
      customers: 20,
    });
    const segments = await exactly(SegmentPage, 'GET', '/api/metering/segments');
    expect(segments.items.map((s: { reader: { name: string } | null }) => s.reader?.name ?? null)).toEqual(['张立', null]);
    const schedule = await exactly(ReadingSchedule, 'GET', '/api/metering/reading-schedule?period=2025-06');
    // S2 has no customers; the last row holds the meters in no segment
    expect(schedule.items.map((s: { code: string | null }) => s.code)).toEqual(['S1', 'S2', null]);

    const large = await exactly(LargeCustomers, 'GET', '/api/metering/large-customers?period=2025-06');
    expect(large.items).toEqual([expect.objectContaining({ accountNo: 'HV1', lastMonthKwh: null, monthOnMonth: null })]);
  });

  it('line loss: every level of the drill-down, the customers of an area, the runs as jobs, the trend and the watch list', async () => {
    for (const level of LOSS_LEVELS) {
      const list = await exactly(LossList, 'GET', `/api/metering/lineloss?period=2025-06&level=${level}`);
      expect(list.items.length, level).toBeGreaterThan(0);
      expect(list.runAt).toBeNull();
    }
    const customers = await exactly(AreaCustomers, 'GET', '/api/metering/lineloss/customers?period=2025-06&area=A2');
    expect(customers.items[0]).toMatchObject({ accountNo: 'A2C0', reading: null, kwh: null, method: null, flags: ['missed'] });

    for (const period of ['2025-05', '2025-06']) {
      const run = await job('/api/metering/lineloss/runs', { period }, LineLossRun);
      expect(Object.keys(run.counts as object).sort()).toEqual([...LOSS_LEVELS].sort());
    }
    const areas = await exactly(LossList, 'GET', '/api/metering/lineloss?period=2025-06&level=area&parent=F1');
    expect(areas.runAt).toEqual(expect.any(String));
    expect(areas.items.find((r: { code: string }) => r.code === 'A1').manager).toMatchObject({ name: '张立' });

    const trend = await exactly(LossTrend, 'GET', '/api/metering/lineloss/trend?level=area&code=A4&from=2025-01&to=2025-12');
    expect(trend.points.map((p: { lossRate: string | null }) => p.lossRate)).toEqual([null, '0.5510']);
    const none = await exactly(LossTrend, 'GET', '/api/metering/lineloss/trend?level=feeder&code=NOPE&from=2025-01&to=2025-12');
    expect(none).toEqual({ level: 'feeder', code: 'NOPE', target: null, points: [] });
    const watch = await exactly(WatchList, 'GET', '/api/metering/lineloss/watchlist?period=2025-06');
    expect(watch.items.map((w: { code: string }) => w.code)).toEqual(['A2', 'A3', 'A4']);
    expect(watch.minStreak).toBe(2);
  });

  it('theft: the daily import, the list before any run, a screening run as a job and its suspects', async () => {
    const before = await exactly(SuspectList, 'GET', '/api/metering/theft/suspects');
    expect(before).toEqual({ runId: null, runAt: null, source: null, window: null, items: [], total: 0 });

    const accounts = (await t.database.db.selectFrom('customers').select('account_no').orderBy('account_no').execute()).map((c) => c.account_no);
    const days = 181;
    const synthetic = makeDataset({ customers: accounts.length, days, thiefShare: 0, seed: 7, startDate: '2025-01-01', realistic: false });
    const rows = synthetic.map((r, i) => ({ consNo: accounts[i]!, days: [...r.days] }));
    const thief = rows.find((r) => r.consNo === 'A4C3')!;
    for (let d = 100; d < days; d++) thief.days[d] = Number((thief.days[d]! * 0.25).toFixed(2));
    const file = multipartFile('daily.csv', writeSgcc(datasetDates('2025-01-01', days), rows));
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/metering/daily-consumption',
      headers: { cookie: admin, ...file.headers },
      payload: file.payload,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expectExactly(DailyImportResult, imported.json());

    const run = await job('/api/metering/theft/runs', { period: '2025-06' }, TheftRunResult);
    const list = await exactly(SuspectList, 'GET', '/api/metering/theft/suspects?limit=1', { paged: true });
    expect(list).toMatchObject({ runId: run.runId, runAt: run.runAt, window: run.window });
    expect(list.items).toHaveLength(1);
    expect(list.items[0].signals.length).toBeGreaterThan(0);
    // the total counts every suspect of the run in scope, not only the page
    const all = await exactly(SuspectList, 'GET', '/api/metering/theft/suspects?limit=1000');
    expect(list.total).toBe(all.items.length);
    expect(all.total).toBe(run.suspects);
  });

  it('the metering policy: the version in force with its versions, and a publish', async () => {
    const view = await exactly(MeteringPolicyView, 'GET', '/api/metering/policy');
    const published = await exactly(MeteringPolicyActive, 'POST', '/api/metering/policy', { status: 201, payload: { definition: view.policy, note: '契约' } });
    expect(published).toEqual({ version: view.version + 1, policy: view.policy });
    const after = await exactly(MeteringPolicyView, 'GET', '/api/metering/policy');
    expect(after.versions[0]).toMatchObject({ version: published.version, active: true, note: '契约' });
  });

  it('refuses ids, bounds and body fields beyond the contract as input (422), not as a server error', async () => {
    for (const [method, url, payload] of [
      ['PUT', '/api/metering/segments/S3', { name: '三段', readingDay: 10, stationId: 99999999999 }],
      ['PUT', '/api/metering/segments/S3', { name: '三段', readingDay: 10, readerId: 99999999999 }],
      ['PUT', '/api/metering/segments/S3', { name: '三段', readingDay: 10, colour: 'red' }],
      ['POST', '/api/metering/segments/S1/areas', { areaCodes: ['A1'], all: true }],
      ['POST', '/api/metering/lineloss/runs', { period: '2025-06', stationId: 1 }],
      ['POST', '/api/metering/theft/runs', { period: '2025-13' }],
      ['POST', '/api/metering/policy', { definition: DEFAULT_METERING_POLICY, version: 3 }],
      ['GET', '/api/metering/theft/suspects?limit=99999999999'],
      ['GET', '/api/metering/lineloss/watchlist?period=2025-06&minStreak=99999999999'],
      ['GET', '/api/metering/lineloss?period=2025-06&level=planet'],
      ['GET', '/api/metering/reading-rates?period=2025-6'],
    ] as const) {
      const res = await call(method, url, payload);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}: ${res.body}`).toBe(422);
    }
  });
});
