// The metering section in a real browser (issue 4): a hand-built network with two months of
// readings is imported as a clerk would; the line-loss page ranks it with its classes, recomputes,
// drills down and draws a trend; the reading-quality page shows the actual-reading rate; the
// fixture's high-voltage customer is among the large customers, the demo's segments are on the
// reading schedule, daily consumption is imported, and the portal publishes the tariffs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { lineLossFixture } from '../apps/server/src/testing/line-loss-fixture';
import { haveBrowser, launch } from './browser';
import { E2E_ADMIN_PASSWORD, startServer } from './server';

// The fixture's months: May has no previous readings, June is computable area by area.
const PERIOD = '2025-06';

describe.skipIf(!haveBrowser)('metering console in Chromium (R-MTR-01..06)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const row = (code: string) => page.locator(`[data-testid=loss-row][data-code="${code}"]`);

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  }, 300_000); // the server loads the demo station first: 40 s on a quiet machine, more beside other test files
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and imports a small network with its readings under the demo station ST01', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(E2E_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('current-user').count(), { timeout: 15_000 }).toBe(1);
    // page.request shares the browser's session cookie
    const fx = lineLossFixture();
    for (const kind of ['feeders', 'areas', 'customers', 'meters', 'readings'] as const) {
      const res = await page.request.post(`${server.url}/api/ledger/import/${kind}`, {
        multipart: { file: { name: `${kind}.csv`, mimeType: 'text/csv', buffer: Buffer.from(fx[kind]) } },
      });
      expect(res.status(), await res.text()).toBe(200);
    }
    // May is saved here; June through the page's button below, so the trend has two months
    // the run is a job: 202 with its id, followed until it has succeeded
    const may = await page.request.post(`${server.url}/api/metering/lineloss/runs`, { data: { period: '2025-05' } });
    expect(may.status(), await may.text()).toBe(202);
    const { jobId } = await may.json();
    await expect.poll(async () => (await (await page.request.get(`${server.url}/api/jobs/${jobId}`)).json()).status, { timeout: 30_000 }).toBe('succeeded');
  });

  it('ranks the stations with class tags, recomputes, drills down and draws the trend', async () => {
    await page.goto(`${server.url}/metering/lineloss?period=${PERIOD}&level=station`);
    await expect.poll(() => row('ST01').locator('[data-testid=loss-class]').count(), { timeout: 15_000 }).toBe(1);

    await page.getByTestId('loss-recompute').click();
    await expect.poll(() => page.getByTestId('loss-run-at').count(), { timeout: 30_000 }).toBe(1);

    await row('ST01').click();
    await expect.poll(() => row('F1').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('loss-breadcrumb').innerText()).toContain('示范供电所');
    // the trend follows the row drilled into until another is picked
    await expect.poll(() => page.locator('[data-testid=loss-trend-chart] canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    await row('F1').click();
    const a4 = row('A4').locator('[data-testid=loss-class]');
    await expect.poll(() => a4.getAttribute('data-class'), { timeout: 15_000 }).toBe('high_loss');
    expect(await a4.innerText()).toBe('高损');
    expect(await row('A1').locator('[data-testid=loss-class]').innerText()).toBe('合格');

    await row('A4').getByTestId('loss-trend-button').click();
    await expect.poll(() => page.getByTestId('loss-trend').innerText(), { timeout: 15_000 }).toContain('A4');
    await expect.poll(() => page.locator('[data-testid=loss-trend-chart] canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // the bottom of the drill-down: the customers of the area, the missed meter flagged
    await row('A2').click();
    await expect.poll(() => page.getByTestId('area-customers-table').innerText(), { timeout: 15_000 }).toContain('A2C0');
    expect(await page.getByTestId('area-customers-table').innerText()).toContain('漏抄');
  });

  it('shows the actual-reading rate per station', async () => {
    await page.goto(`${server.url}/metering/readings?period=${PERIOD}`);
    await expect.poll(() => page.getByTestId('reading-rate-card').first().innerText(), { timeout: 15_000 }).toMatch(/\d+\.\d{2} %/);
    expect(await page.getByTestId('reading-rates-table').innerText()).toContain('示范供电所');
  });

  it('lists the high-voltage customer among the large customers, with the thresholds applied', async () => {
    await page.goto(`${server.url}/metering/large-customers?period=${PERIOD}`);
    const hv = page.locator('[data-testid=large-row][data-account="HV1"]');
    await expect.poll(() => hv.count(), { timeout: 15_000 }).toBe(1);
    const text = await hv.innerText();
    expect(text).toContain('测试工厂');
    expect(text).toContain('高压');
    // 10 register units × multiplier 40
    expect(text).toContain('400.00');
    expect(await page.getByTestId('large-thresholds').innerText()).toContain('10,000');
  });

  it('shows the reading schedule per segment, the customers in no segment apart', async () => {
    await page.goto(`${server.url}/metering/segments?period=${PERIOD}`);
    const s1 = page.locator('[data-testid=schedule-row][data-code="ST01-S1"]');
    await expect.poll(() => s1.count(), { timeout: 15_000 }).toBe(1);
    expect(await s1.innerText()).toContain('第1抄表段');
    // the fixture's customers were imported without a segment
    expect(await page.locator('[data-testid=schedule-row][data-code=""]').innerText()).toContain('未分段');
    expect(await page.getByTestId('schedule-tolerance').innerText()).toMatch(/\d+ 天/);
  });

  it('imports daily consumption: an unknown account is reported by row, a good file is taken', async () => {
    await page.goto(`${server.url}/metering/suspects`);
    await page.getByTestId('daily-import-open').click();
    const file = page.locator('[data-testid=daily-file] input[type=file]');
    const upload = (name: string, csv: string) => file.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const result = page.getByTestId('import-result');

    await upload('bad.csv', 'CONS_NO,FLAG,2025/6/1,2025/6/2\nHV1,0,12.5,13\nNO-SUCH,0,1,2\n');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 15_000 }).toBe('rejected');
    const report = await page.getByTestId('import-errors').innerText();
    expect(report).toContain('NO-SUCH');
    expect(report).toContain('CONS_NO');

    await upload('good.csv', 'CONS_NO,FLAG,2025/6/1,2025/6/2\nHV1,0,12.5,\n');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 15_000 }).toBe('succeeded');
    expect(await result.innerText()).toContain('新增 1 个');
  });

  it('starts a screening from the suspects page as a job and refreshes the list when it is done', async () => {
    await page.goto(`${server.url}/metering/suspects`);
    await page.getByTestId('suspects-run').click();
    // the button waits for the job; the job's last state is read back through the API
    await expect
      .poll(async () => (await (await page.request.get(`${server.url}/api/jobs?kind=metering.theft&limit=1`)).json()).items[0]?.status, { timeout: 60_000 })
      .toBe('succeeded');
    await expect.poll(() => page.getByTestId('suspects-run').getAttribute('class'), { timeout: 15_000 }).not.toContain('ant-btn-loading');
    expect(await page.getByTestId('suspects-job').count()).toBe(0);
  });

  it('publishes the tariffs in force on the portal to a visitor who is not signed in', async () => {
    const visitor = await browser.newContext({ locale: 'zh-CN' });
    try {
      const portal = await visitor.newPage();
      await portal.goto(`${server.url}/portal/tariffs`);
      const residential = portal.locator('[data-testid=portal-tariff][data-code="RES-1"]');
      await expect.poll(() => residential.count(), { timeout: 15_000 }).toBe(1);
      const text = await residential.innerText();
      expect(text).toContain('居民');
      expect(text).toContain('0.5380');
    } finally {
      await visitor.close();
    }
  });
});
