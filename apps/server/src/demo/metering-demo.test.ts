// The demo's metering year (R-MTR-02, R-MTR-04–07): loaded on both backends through the product's
// own paths, it must show what it claims — the generator's planted high-loss area on the watch
// list with its responsible person, the injected thieves at the top of the suspect list, and
// the seed 000 inspection figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from '@griddesk/domain/metering/synthetic';
import { ADMIN_PASSWORD, createTestApp, login, type TestApp } from '../testing/app';
import { BACKENDS } from '../testing/databases';
import { generateLedger } from './generator';
import { DEMO_LEDGER } from './load';
import { DEMO_METERING, demoPeriods } from './metering-demo';
import { generateReadings } from './readings-generator';

const NOW = new Date('2026-11-23T10:00:00+08:00');
const PERIODS = demoPeriods(NOW, DEMO_METERING.months);

describe.each(BACKENDS)('the demo metering year on %s', (backend) => {
  let t: TestApp;
  let cookie: string;
  const get = async (url: string) => (await t.app.inject({ url, headers: { cookie } })).json();
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: 'metering', now: NOW });
    cookie = await login(t.app, 'admin', ADMIN_PASSWORD);
  }, 180_000);
  afterAll(async () => t?.close());

  it('covers the thirteen months up to last month, each with a persisted line-loss run', async () => {
    expect(PERIODS[0]).toBe('2025-10');
    expect(PERIODS.at(-1)).toBe('2026-10');
    const runs = await t.database.db.selectFrom('line_loss_results').select('period').distinct().where('level', '=', 'area').orderBy('period').execute();
    expect(runs.map((r) => r.period)).toEqual(PERIODS);
  });

  it('R-MTR-05 the planted high-loss area is on the watch list for every month, with its responsible person', async () => {
    const planted = generateReadings(generateLedger(DEMO_LEDGER), { months: PERIODS.length, start: PERIODS[0]!, seed: DEMO_METERING.seed }).planted;
    const watch = await get(`/api/metering/lineloss/watchlist?period=${PERIODS.at(-1)}`);
    const item = watch.items.find((w: { code: string }) => w.code === planted.highLossArea);
    // high loss from the second month; the first is not computable (no earlier reading): all in a row
    expect(item).toMatchObject({ class: 'high_loss', streak: PERIODS.length });
    expect(item.history.slice(1).every((h: { class: string }) => h.class === 'high_loss')).toBe(true);
    expect(item.manager?.name).toEqual(expect.any(String));
    // the reading-quality board has both kinds of customers for the station and its teams
    const rates = await get(`/api/metering/reading-rates?period=${PERIODS.at(-1)}`);
    expect(rates.items[0]).toMatchObject({ kind: 'station' });
    expect(rates.items[0].residential.meters).toBeGreaterThan(15_000);
    expect(rates.items[0].residential.rate).toBeGreaterThan(0.99);
    // six reading segments cover every area's customers (HV customers, outside any area, are left
    // unsegmented); most meters are read within a day of their segment's day
    const schedule = await get(`/api/metering/reading-schedule?period=${PERIODS.at(-1)}`);
    expect(schedule.items.map((s: { code: string | null }) => s.code)).toEqual(['ST01-S1', 'ST01-S2', 'ST01-S3', 'ST01-S4', 'ST01-S5', 'ST01-S6', null]);
    const on = schedule.items.reduce((n: number, s: { onSchedule: number }) => n + s.onSchedule, 0);
    const all = schedule.items.reduce((n: number, s: { meters: number }) => n + s.meters, 0);
    expect(schedule.items.at(-1).meters).toBeLessThan(all * 0.05);
    expect(on / all).toBeGreaterThan(0.5);
  });

  it('R-MTR-06 most of the top twenty suspects are the injected thieves', async () => {
    const list = await get('/api/metering/theft/suspects?limit=20');
    expect(list.items).toHaveLength(20);
    const ledger = generateLedger(DEMO_LEDGER);
    const areaCodes = new Set(ledger.areas.slice(0, DEMO_METERING.dailyAreas).map((a) => a.area_code));
    const accounts = ledger.customers.filter((c) => c.area_code && areaCodes.has(c.area_code)).map((c) => c.account_no);
    const rows = makeDataset({
      customers: accounts.length,
      days: DEMO_METERING.dailyDays,
      thiefShare: DEMO_METERING.thiefShare,
      seed: DEMO_METERING.seed,
      startDate: '2026-05-05',
    });
    const thieves = new Set(accounts.filter((_, i) => rows[i]!.flag === 1));
    const hits = list.items.filter((s: { accountNo: string }) => thieves.has(s.accountNo)).length;
    expect(hits).toBeGreaterThanOrEqual(15);
  });

  it('R-MTR-07 the demo campaign reproduces seed 000', async () => {
    const summary = await get('/api/inspections/summary');
    expect(summary).toMatchObject({
      boxesOpened: 149,
      theft: { households: 9, recoveredFen: 3_720_000 },
      violations: { households: 17, recoveredFen: 183_000 },
      totalRecoveredFen: 3_903_000,
    });
  });
});
