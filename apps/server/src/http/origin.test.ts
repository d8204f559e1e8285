// Issue 9 item 2: one-origin writes and security headers on every answer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '@griddesk/shared';
import { ConfigError, loadConfig } from '../config';
import { BACKENDS } from '../testing/databases';
import { ADMIN_PASSWORD, createTestApp, login, multipartFile, type TestApp } from '../testing/app';
import { sameOriginWrite } from './origin';

const EVIL = 'http://evil.example';
const TRUSTED = 'https://console.example.com';
const HEADER = LEDGER_COLUMNS.customers.map((c) => c.key).join(',');
const customerCsv = (acct: string) => `${HEADER}\n${acct},跨站用户,示范县城关镇9号,13600009999,residential,LV,RES-1,TA00001,,0,0\n`;

describe('the origin rule (Go 1.25 CrossOriginProtection)', () => {
  const trusted = new Set([TRUSTED]);
  const check = (method: string, headers: { origin?: string; 'sec-fetch-site'?: string }, host = 'griddesk.local:3000') =>
    sameOriginWrite({ method, host, headers }, trusted);

  it.each([
    ['POST', {}, true],
    ['POST', { 'sec-fetch-site': 'same-origin' }, true],
    ['POST', { 'sec-fetch-site': 'none' }, true],
    ['POST', { 'sec-fetch-site': 'same-site', origin: 'http://other.griddesk.local:3000' }, false],
    ['POST', { 'sec-fetch-site': 'cross-site', origin: EVIL }, false],
    ['POST', { 'sec-fetch-site': 'cross-site' }, false],
    // Sec-Fetch-Site decides when present, whatever Origin says
    ['POST', { 'sec-fetch-site': 'cross-site', origin: 'http://griddesk.local:3000' }, false],
    ['POST', { 'sec-fetch-site': 'cross-site', origin: TRUSTED }, true],
    ['POST', { origin: 'http://griddesk.local:3000' }, true],
    ['POST', { origin: 'https://griddesk.local:3000' }, true],
    ['POST', { origin: 'http://GRIDDESK.local:3000' }, true],
    ['POST', { origin: EVIL }, false],
    ['POST', { origin: 'http://griddesk.local:3001' }, false],
    ['POST', { origin: 'http://griddesk.local' }, false],
    ['POST', { origin: 'null' }, false],
    ['POST', { origin: TRUSTED }, true],
    ['PUT', { origin: EVIL }, false],
    ['PATCH', { origin: EVIL }, false],
    ['DELETE', { origin: EVIL }, false],
    ['GET', { origin: EVIL, 'sec-fetch-site': 'cross-site' }, true],
    ['HEAD', { origin: EVIL }, true],
    ['OPTIONS', { origin: EVIL }, true],
  ] as const)('%s %j → %s', (method, headers, allowed) => {
    expect(check(method, headers)).toBe(allowed);
  });

  it('a default port in the Host header compares equal to an Origin without it', () => {
    expect(check('POST', { origin: 'http://griddesk.local' }, 'griddesk.local:80')).toBe(true);
    expect(check('POST', { origin: 'https://griddesk.local' }, 'griddesk.local:443')).toBe(true);
    expect(check('POST', { origin: 'http://griddesk.local' }, undefined as unknown as string)).toBe(false);
  });

  it('GRIDDESK_TRUSTED_ORIGINS is a comma-separated list of origins, each checked', () => {
    expect(loadConfig({}).trustedOrigins).toEqual([]);
    expect(loadConfig({ GRIDDESK_TRUSTED_ORIGINS: ' https://Console.Example.com , http://10.0.0.5:8080/ ' }).trustedOrigins).toEqual([
      'https://console.example.com',
      'http://10.0.0.5:8080',
    ]);
    for (const bad of ['console.example.com', 'https://console.example.com/app', 'ftp://x.example', '*']) {
      expect(() => loadConfig({ GRIDDESK_TRUSTED_ORIGINS: bad })).toThrow(ConfigError);
    }
  });
});

describe.each(BACKENDS)('one-origin writes and security headers on %s (issue 9 item 2)', (backend) => {
  let t: TestApp;
  let admin: string;
  const web = mkdtempSync(join(tmpdir(), 'gd-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(web, 'portal.html'), '<!doctype html><title>portal</title>');
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true, config: { webDist: web, trustedOrigins: [TRUSTED] } });
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(web, { recursive: true, force: true });
  });

  const importCustomers = (acct: string, headers: Record<string, string>) => {
    const body = multipartFile('customers.csv', customerCsv(acct));
    return t.app.inject({
      method: 'POST',
      url: '/api/ledger/import/customers',
      headers: { cookie: admin, ...body.headers, ...headers },
      payload: body.payload,
    });
  };
  const customers = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('customers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const imported = async (acct: string) =>
    (await t.database.db.selectFrom('customers').select('id').where('account_no', '=', acct).executeTakeFirst()) !== undefined;
  const auditRows = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('a cross-site multipart import with the victim’s cookie is refused with 403 and imports nothing', async () => {
    const before = await customers();
    const auditBefore = await auditRows();
    const res = await importCustomers('8800000901', { origin: EVIL });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'cross_origin_request',
      message: expect.stringContaining('请求来自其他网站，已拒绝'),
      messageEn: expect.stringContaining('Cross-site request refused'),
      fields: [],
    });
    expect(await customers()).toBe(before);
    expect(await imported('8800000901')).toBe(false);
    expect(await auditRows()).toBe(auditBefore);
  });

  it('Sec-Fetch-Site cross-site or same-site is refused, even with a matching Origin', async () => {
    const before = await customers();
    expect((await importCustomers('8800000902', { 'sec-fetch-site': 'cross-site', origin: EVIL })).statusCode).toBe(403);
    expect((await importCustomers('8800000902', { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await importCustomers('8800000902', { 'sec-fetch-site': 'same-site', origin: 'http://localhost:80' })).statusCode).toBe(403);
    expect(await customers()).toBe(before);
  });

  it('the product’s own pages write: same Origin as the Host, or Sec-Fetch-Site same-origin', async () => {
    // inject sends Host: localhost:80, as a browser on http://localhost would
    const sameOrigin = await importCustomers('8800000903', { origin: 'http://localhost' });
    expect(sameOrigin.statusCode, sameOrigin.body).toBe(200);
    expect(await imported('8800000903')).toBe(true);
    const fetchMeta = await importCustomers('8800000904', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' });
    expect(fetchMeta.statusCode, fetchMeta.body).toBe(200);
    expect(await imported('8800000904')).toBe(true);
  });

  it('a request with neither header (curl, a script) is not a browser page and is allowed', async () => {
    expect((await importCustomers('8800000905', {})).statusCode).toBe(200);
    expect(await imported('8800000905')).toBe(true);
  });

  it('an origin the administrator trusts (GRIDDESK_TRUSTED_ORIGINS) writes', async () => {
    expect((await importCustomers('8800000906', { origin: TRUSTED })).statusCode).toBe(200);
    expect((await importCustomers('8800000907', { origin: TRUSTED, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(200);
    expect(await imported('8800000907')).toBe(true);
  });

  it('reads are not state-changing: a GET from another origin answers', async () => {
    const res = await t.app.inject({ url: '/api/ledger/customers?limit=1', headers: { cookie: admin, origin: EVIL, 'sec-fetch-site': 'cross-site' } });
    expect(res.statusCode).toBe(200);
  });

  it('sign-in, sign-out and the portal’s public writes follow the same rule', async () => {
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: EVIL },
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.cookies).toEqual([]);
    const signOut = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: admin, 'sec-fetch-site': 'cross-site' } });
    expect(signOut.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: admin } })).statusCode).toBe(200);

    const cases = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await cases();
    const submission = { type: 'complaint', contactName: '王大妈', contactPhone: '13912345678', description: '跨站提交' };
    const crossSite = await t.app.inject({ method: 'POST', url: '/api/portal/cases', headers: { origin: EVIL }, payload: submission });
    expect(crossSite.statusCode).toBe(403);
    expect(await cases()).toBe(before);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/portal/cases',
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      payload: submission,
    });
    expect(own.statusCode, own.body).toBe(201);
    const billQuery = await t.app.inject({ method: 'POST', url: '/api/portal/bill-query', headers: { 'sec-fetch-site': 'cross-site' }, payload: {} });
    expect(billQuery.statusCode).toBe(403);
  });

  const expectSecurityHeaders = (headers: Record<string, unknown>) => {
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  };

  it('every answer carries the security headers: JSON, errors (401, 403, 404, 422), pages and static files', async () => {
    const answers = {
      json: await t.app.inject({ url: '/api/health' }),
      unauthenticated: await t.app.inject({ url: '/api/ledger/customers' }),
      crossSite: await importCustomers('8800000908', { origin: EVIL }),
      unknownApi: await t.app.inject({ url: '/api/no-such-thing' }),
      invalid: await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} }),
      index: await t.app.inject({ url: '/' }),
      clientRoute: await t.app.inject({ url: '/ledger/customers' }),
      portal: await t.app.inject({ url: '/portal/submit' }),
      file: await t.app.inject({ url: '/index.html' }),
      docs: await t.app.inject({ url: '/api/docs' }),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.statusCode]))).toEqual({
      json: 200,
      unauthenticated: 401,
      crossSite: 403,
      unknownApi: 404,
      invalid: 422,
      index: 200,
      clientRoute: 200,
      portal: 200,
      file: 200,
      docs: 200,
    });
    for (const [name, res] of Object.entries(answers)) {
      try {
        expectSecurityHeaders(res.headers);
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`);
      }
    }
    expect(answers.index.body).toContain('<title>console</title>');
    expect(answers.portal.body).toContain('<title>portal</title>');
    // plain http here (SECURE_COOKIES off): no HSTS, no upgrade of asset requests to https
    expect(answers.index.headers['strict-transport-security']).toBeUndefined();
    expect(String(answers.index.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });
});
