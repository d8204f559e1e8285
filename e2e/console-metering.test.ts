// The metering section in a real browser (issue 4): a hand-built network with two months of
// readings is imported as a clerk would; the line-loss page ranks it with its classes, recomputes,
// drills down and draws a trend; the reading-quality page shows the actual-reading rate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { lineLossFixture } from '../apps/server/src/testing/line-loss-fixture';
import { haveBrowser, launch } from './browser';
import { E2E_ADMIN_PASSWORD, startServer } from './server';

// The fixture's months: May has no previous readings, June is computable area by area.
const PERIOD = '2025-06';

describe.skipIf(!haveBrowser)('metering console in Chromium (R-MTR-02, R-MTR-04, R-MTR-05)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const row = (code: string) => page.locator(`[data-testid=loss-row][data-code="${code}"]`);

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and imports a small network with its readings under the demo station ST01', async () => {
    await page.goto(server.url + '/');
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
    const may = await page.request.post(`${server.url}/api/metering/lineloss/runs`, { data: { period: '2025-05' } });
    expect(may.status(), await may.text()).toBe(201);
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
});
