import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../testing/databases';
import { ADMIN_PASSWORD, STAFF_PASSWORD, createTestApp, login, type TestApp } from '../testing/app';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('is salted scrypt and verifies only the right password', async () => {
    const h1 = await hashPassword('correct horse');
    const h2 = await hashPassword('correct horse');
    expect(h1).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(await verifyPassword('correct horse', h1)).toBe(true);
    expect(await verifyPassword('wrong horse', h1)).toBe(false);
  });
});

describe.each(BACKENDS)('sign-in and sessions on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true });
  });
  afterAll(async () => t?.close());

  it('login sets an httpOnly SameSite session cookie and /api/me returns the user', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'griddesk_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'admin', roles: ['admin'], orgUnit: { kind: 'county' } });
    expect(me.json().permissions).toContain('policy.write');
  });

  it('R-ORG-01 /api/me carries what the roles allow, so the console shows only what the server accepts', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xiemei', password: STAFF_PASSWORD } });
    expect(login.statusCode, login.body).toBe(200);
    // the external supervisor reads and files supervision reports; never writes the ledger or cases,
    // reveals or exports personal data, sees the named theft suspects or changes policy
    const permissions: string[] = login.json().user.permissions;
    expect(permissions).toEqual(expect.arrayContaining(['ledger.read', 'org.read', 'cases.read', 'metering.read', 'assessment.write']));
    for (const p of ['ledger.write', 'cases.write', 'personal.reveal', 'personal.export', 'metering.theft', 'policy.write', 'org.admin']) {
      expect(permissions).not.toContain(p);
    }
  });

  it('a wrong password is refused with a stable code and both languages', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'invalid_credentials', message: '用户名或密码不正确', messageEn: 'Wrong username or password' });
  });

  it('a missing field names the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain('password');
  });

  it('login is rate-limited per client and username', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wangjianguo', password: `guess-${i}` } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('logout ends the session', async () => {
    const cookie = await login(t.app, 'admin', ADMIN_PASSWORD);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('R-ORG-01 a team member works within their station (to assign and transfer cases), the county admin sees all', async () => {
    const admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    const clerk = await login(t.app, 'sunli', STAFF_PASSWORD);
    const all = (await t.app.inject({ url: '/api/org/units', headers: { cookie: admin } })).json().items;
    const mine = (await t.app.inject({ url: '/api/org/units', headers: { cookie: clerk } })).json().items;
    expect(all.map((u: { kind: string }) => u.kind).sort()).toEqual(['county', 'station', 'team', 'team', 'team']);
    expect(mine.map((u: { kind: string }) => u.kind).sort()).toEqual(['station', 'team', 'team', 'team']);
    const colleagues = (await t.app.inject({ url: '/api/org/users?limit=100', headers: { cookie: clerk } })).json();
    expect(colleagues.items.map((u: { username: string }) => u.username)).toContain('xujun');
    expect(colleagues.items.map((u: { username: string }) => u.username)).not.toContain('admin');
  });

  it('R-ORG-03 the public portal lists on-duty staff with name, post and badge number, without login', async () => {
    const res = await t.app.inject({ url: '/api/portal/station' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.station.name).toBe('示范供电所');
    expect(body.staff.length).toBeGreaterThan(15);
    expect(body.staff[0]).toEqual({
      name: '王建国',
      post: 'station_head',
      postLabel: { zh: '所长', en: 'Station head' },
      badgeNo: 'SF0001',
      unit: '示范供电所',
      photoUrl: null,
    });
    expect(body.staff.map((s: { name: string }) => s.name)).not.toContain('吴霞'); // off duty
    expect(JSON.stringify(body)).not.toMatch(/password|phone":"1/);
  });

  it('OpenAPI 3 describes the routes', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/ledger/customers', '/api/ledger/import/{kind}']));
  });

  it('health reports the backend', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok', db: backend, version: 'test' });
  });
});
