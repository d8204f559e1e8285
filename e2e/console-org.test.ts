// Organisation and staff administration in a real browser (issue 8 item 7): the administrator adds
// a staff member with a photo, the portal's staff card shows it, a password reset sends the person
// to the forced change at their next sign-in, repeated wrong passwords lock an account, disabling
// signs the person out — and the org and password pages fit a desk, a phone and a kiosk screen.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { haveBrowser, launch } from './browser';
import { E2E_ADMIN_PASSWORD, startServer } from './server';

/** A 2×2 PNG: small, valid, and decodable by the browser. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAD0lEQVR4nGNgKMgGIQgFABZWA23U2kuOAAAAAElFTkSuQmCC', 'base64');
const SIZES = { desk: { width: 1366, height: 768 }, phone: { width: 390, height: 844 }, kiosk: { width: 1080, height: 1920 } };

describe.skipIf(!haveBrowser)('organisation and staff in Chromium (R-ORG-01..03)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'gd-e2e-org-'));
  const photo = join(dir, 'photo.png');
  let temporary = '';

  const signIn = async (p: Page, username: string, password: string) => {
    await p.goto(`${server.url}/login`);
    await p.getByTestId('login-username').fill(username);
    await p.getByTestId('login-password').fill(password);
    await p.getByTestId('login-submit').click();
  };
  /** Opens the antd select with `testId` and picks `label` in its own dropdown (found through aria-controls). */
  const pick = async (p: Page, testId: string, label: string) => {
    const select = p.getByTestId(testId);
    await select.click();
    const list = await select.locator('input').getAttribute('aria-controls');
    await p.locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option[title="${label}"]`).click();
  };

  beforeAll(async () => {
    writeFileSync(photo, PNG);
    server = await startServer();
    browser = await launch();
    page = await browser.newPage({ locale: 'zh-CN', viewport: SIZES.desk });
  }, 300_000); // the server loads the demo station first: 40 s on a quiet machine, more beside other test files
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator adds a staff member in a team, with a photo', async () => {
    await signIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await expect.poll(() => page.getByTestId('current-user').count(), { timeout: 15_000 }).toBe(1);
    await page.goto(`${server.url}/org`);
    await page.getByTestId('org-tree').getByText('客户服务班').click();
    await expect.poll(() => page.getByTestId('unit-actions').innerText(), { timeout: 15_000 }).toContain('ST01-KF');
    await page.getByTestId('user-add').click();
    await page.getByTestId('user-username').fill('liuxin');
    await page.getByTestId('user-display-name').fill('刘欣');
    await page.getByTestId('user-password').fill('Yellow-river-2026');
    await pick(page, 'user-post', '大堂经理');
    await pick(page, 'user-roles', '营业员');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-badge').fill('SF0100');
    await page.getByTestId('user-on-duty').click();
    await page.getByTestId('user-submit').click();
    // the drawer stays on the new account so the photo can follow at once
    await expect.poll(() => page.getByTestId('user-photo-upload').count(), { timeout: 15_000 }).toBe(1);
    await page.locator('[data-testid=user-drawer] input[type=file]').setInputFiles(photo);
    await expect
      .poll(() => page.getByTestId('user-photo').locator('img').getAttribute('src'), { timeout: 15_000 })
      .toMatch(/^\/api\/org\/users\/\d+\/photo\?v=/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('staff-table').innerText(), { timeout: 15_000 }).toContain('刘欣');
    expect(await page.getByTestId('staff-table').innerText()).toContain('SF0100');
  });

  it('the portal shows the new staff card with the photo, without signing in', async () => {
    const portal = await browser.newPage({ locale: 'zh-CN' });
    await portal.goto(`${server.url}/portal`);
    const card = portal.getByTestId('staff-card').filter({ hasText: '刘欣' });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.innerText()).toContain('大堂经理');
    expect(await card.innerText()).toContain('SF0100');
    const img = card.locator('img');
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBe(2);
    await portal.close();
  });

  it('a password reset shows the temporary password once; the person must choose their own at sign-in', async () => {
    await page.getByTestId('user-more-liuxin').click();
    await page.locator('.ant-dropdown:visible').getByText('重置密码').click();
    await page.getByTestId('reset-submit').click();
    await expect.poll(() => page.getByTestId('reset-temporary').count(), { timeout: 15_000 }).toBe(1);
    temporary = (await page.getByTestId('reset-temporary').innerText()).trim();
    expect(temporary).toMatch(/^\S{12,}$/);
    await page.getByTestId('reset-close').click();

    const person = await browser.newPage({ locale: 'zh-CN', viewport: SIZES.phone });
    await signIn(person, 'liuxin', temporary);
    await expect.poll(() => person.getByTestId('password-forced').count(), { timeout: 15_000 }).toBe(1);
    expect(new URL(person.url()).pathname).toBe('/password');
    // nothing else opens until the password is changed
    await person.goto(`${server.url}/cases`);
    await expect.poll(() => new URL(person.url()).pathname, { timeout: 15_000 }).toBe('/password');
    await person.getByTestId('password-current').fill(temporary);
    await person.getByTestId('password-new').fill('woaini1314');
    await person.getByTestId('password-confirm').fill('woaini1314');
    await person.getByTestId('password-submit').click();
    // the server's reason, under the field, in Chinese
    await expect
      .poll(() => person.locator('.ant-form-item-explain-error').allInnerTexts(), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining('常见'));
    await person.getByTestId('password-new').fill('Keeps-this-one-77');
    await person.getByTestId('password-confirm').fill('Keeps-this-one-77');
    await person.getByTestId('password-submit').click();
    await expect.poll(() => person.getByTestId('current-user').count(), { timeout: 15_000 }).toBe(1);
    expect(new URL(person.url()).pathname).toBe('/');

    // disabled by the administrator, the person is signed out at their next request
    await page.getByTestId('user-more-liuxin').click();
    await page.locator('.ant-dropdown:visible').getByText('停用账号').click();
    await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
    await expect.poll(() => page.getByTestId('staff-table').innerText(), { timeout: 15_000 }).toContain('停用');
    await person.reload();
    await expect.poll(() => person.getByTestId('login-username').count(), { timeout: 15_000 }).toBe(1);
    await person.close();
  });

  it('repeated wrong passwords lock the account, and the sign-in page says until when', async () => {
    const p = await browser.newPage({ locale: 'zh-CN' });
    for (let i = 0; i < 5; i++) {
      await signIn(p, 'zhouting', `wrong-${i}-password`);
      await expect.poll(() => p.getByTestId('login-error').count(), { timeout: 15_000 }).toBe(1);
    }
    expect(await p.getByTestId('login-error').innerText()).toMatch(/账号已锁定至 \d{4}-\d\d-\d\d \d\d:\d\d/);
    await p.close();
    await page.goto(`${server.url}/org`);
    await page.getByTestId('user-search').locator('input').fill('zhouting');
    await page.getByTestId('user-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('user-locked').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('user-more-zhouting').click();
    await page.locator('.ant-dropdown:visible').getByText('解除锁定').click();
    await expect.poll(() => page.getByTestId('user-locked').count(), { timeout: 15_000 }).toBe(0);
  });

  it('the rules page publishes a new version of a limit, in force at once, and keeps the old one to put back (issue 8 item 6)', async () => {
    await page.goto(`${server.url}/settings/rules`);
    await expect.poll(() => page.getByTestId('role-matrix').count(), { timeout: 15_000 }).toBe(1);
    // the external supervisor may not see the named theft suspects
    expect(await page.getByTestId('perm-supervisor-metering.theft').isChecked()).toBe(false);
    expect(await page.getByTestId('perm-inspector-metering.theft').isChecked()).toBe(true);
    await page.getByTestId('rule-edit-attachment-limits').click();
    await page.getByTestId('rule-maxPerCase').fill('20');
    await page.getByTestId('rule-publish-attachment-limits').click();
    await expect.poll(() => page.getByTestId('versions-attachment-limits').innerText(), { timeout: 15_000 }).toMatch(/2\s*生效中/);
    expect(await page.getByTestId('rule-maxPerCase').inputValue()).toBe('20');
    const api = await page.evaluate(() => fetch('/api/documents/attachment-limits').then((r) => r.json()));
    expect(api.items.map((v: { version: number; active: boolean }) => `${v.version}:${v.active}`)).toEqual(['2:true', '1:false']);
    // and back to the shipped version
    await page.getByTestId('restore-attachment-limits-1').click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => page.getByTestId('rule-maxPerCase').inputValue(), { timeout: 15_000 }).toBe('50');
  });

  it.each(Object.entries(SIZES))('the org, password and rules pages fit the %s screen', async (label, viewport) => {
    const p = await browser.newPage({ locale: 'zh-CN', viewport });
    await signIn(p, 'admin', E2E_ADMIN_PASSWORD);
    await expect.poll(() => p.getByTestId('current-user').count(), { timeout: 15_000 }).toBe(1);
    const ready: Record<string, string> = {
      '/org': '[data-testid=staff-table]',
      '/password': '[data-testid=password-title]',
      '/settings/rules': '[data-testid=role-matrix]',
    };
    for (const path of Object.keys(ready)) {
      await p.goto(`${server.url}${path}`);
      await expect.poll(() => p.locator(ready[path]!).count(), { timeout: 15_000 }).toBe(1);
      await p.waitForTimeout(300);
      // nothing sticks out sideways: the page never scrolls horizontally
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at ${label}`).toBeLessThanOrEqual(0);
      await p.screenshot({ path: join(dir, `${path.slice(1).replace('/', '-')}-${label}.png`), fullPage: label !== 'kiosk' });
    }
    await p.close();
  });
});
