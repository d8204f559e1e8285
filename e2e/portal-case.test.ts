// Issue 3's loop in a real browser: a customer submits a complaint on the portal and keeps the
// query code; a clerk accepts it in the console; the customer's tracking page shows the step
// and no personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { haveBrowser, launch } from './browser';
import { E2E_ADMIN_PASSWORD, startServer } from './server';

describe.skipIf(!haveBrowser)('portal case and console loop in Chromium (R-CASE-03, R-CASE-08, R-PUB-02)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let customer: Page;
  let clerk: Page;
  let code = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    customer = await browser.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    clerk = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  }, 300_000); // the server loads the demo station first: 40 s on a quiet machine, more beside other test files
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a customer submits a complaint without signing in and gets a query code', async () => {
    await customer.goto(`${server.url}/portal/submit`);
    await customer.getByTestId('portal-type-complaint').click();
    await customer.getByTestId('portal-contact-name').fill('浏览器客户');
    await customer.getByTestId('portal-contact-phone').fill('13955556666');
    await customer.getByTestId('portal-contact-address').fill('示范县城关镇北街9号');
    await customer.getByTestId('portal-description').fill('营业厅周末不开门，希望改进');
    await customer.getByTestId('portal-submit').click();
    await expect.poll(() => customer.getByTestId('portal-query-code').innerText(), { timeout: 15_000 }).toMatch(/^[A-Z2-9]{12}$/);
    code = (await customer.getByTestId('portal-query-code').innerText()).trim();
  });

  it('a clerk finds it in the inbox and accepts it', async () => {
    await clerk.goto(`${server.url}/`);
    await clerk.getByTestId('login-username').fill('admin');
    await clerk.getByTestId('login-password').fill(E2E_ADMIN_PASSWORD);
    await clerk.getByTestId('login-submit').click();
    await expect.poll(() => clerk.getByTestId('current-user').count(), { timeout: 15_000 }).toBe(1);
    await clerk.goto(`${server.url}/cases`);
    await expect.poll(() => clerk.getByTestId('cases-table').innerText(), { timeout: 15_000 }).toContain(code);
    await clerk.getByText(code).first().click();
    await expect.poll(() => clerk.getByTestId('case-status').innerText(), { timeout: 15_000 }).toContain('已登记');
    await clerk.getByTestId('case-action-accept').click();
    await clerk.getByTestId('case-action-submit').click();
    await expect.poll(() => clerk.getByTestId('case-status').innerText(), { timeout: 15_000 }).toContain('已受理');
    expect(await clerk.getByTestId('case-owner-name').innerText()).toContain('系统管理员');
  });

  it('the tracking page shows the step and no personal data', async () => {
    await customer.goto(`${server.url}/portal/track?code=${code}`);
    await expect.poll(() => customer.getByTestId('portal-case-status').innerText(), { timeout: 15_000 }).toContain('已受理');
    const text = await customer.locator('body').innerText();
    for (const secret of ['13955556666', '6666', '北街9号', '浏览器客户']) expect(text).not.toContain(secret);
  });
});
