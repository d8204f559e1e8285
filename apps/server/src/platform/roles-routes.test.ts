// Roles × routes (R-ORG-01, R-SYS-03): for every operation of the OpenAPI document and every role,
// the answer is a 403 exactly when the role → permission table in force does not give the
// operation's declared permission; and no role of one station reads the other station's records,
// by id or in any list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS } from '@griddesk/domain';
import type { Role } from '@griddesk/shared';
import { ADMIN_PASSWORD, createTestApp, login, STAFF_PASSWORD, type TestApp } from '../testing/app';
import { BACKENDS } from '../testing/databases';
import { addSecondStation } from '../testing/second-station';

/** One signed-in user per role: the demo station's staff, the county admin. */
const USERS: Record<Role, string> = {
  admin: 'admin',
  station_head: 'wangjianguo',
  team_leader: 'liuyang',
  clerk: 'sunli',
  repair_crew: 'xujun',
  safety_officer: 'lihua',
  inspector: 'zhangmin',
  supervisor: 'xiemei',
  auditor: 'jiangshan',
};

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema?: { type?: string; enum?: unknown[]; pattern?: string; minimum?: number; default?: unknown; anyOf?: { enum?: unknown[]; const?: unknown }[] };
}
interface Operation {
  'x-permission'?: string;
  parameters?: Parameter[];
}

/** A value a parameter's schema accepts: what a caller who may use the route would send. */
function sample(p: Parameter): string {
  const s = p.schema ?? {};
  const choice = s.enum?.[0] ?? s.anyOf?.find((a) => a.enum || a.const !== undefined)?.enum?.[0] ?? s.anyOf?.[0]?.const;
  if (choice !== undefined) return String(choice);
  if (s.default !== undefined) return String(s.default);
  if (s.pattern?.includes('(0[1-9]|1[0-2])$')) return '2026-01';
  if (s.pattern?.includes('[0-9]{2}-[0-9]{2}') || s.pattern?.includes('\\d{2}-\\d{2}')) return '2026-01-05';
  if (s.type === 'integer' || s.type === 'number') return String(Math.max(1, s.minimum ?? 1) === 2000 ? 2026 : Math.max(1, s.minimum ?? 1));
  if (s.type === 'boolean') return 'true';
  if (p.name === 'key') return 'default';
  if (p.name === 'kind') return 'customers';
  if (p.name === 'id') return 'seed';
  return 'X1';
}

function urlOf(path: string, op: Operation): string {
  let url = path;
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(sample(p)));
    else if (p.in === 'query' && p.required) query.set(p.name, sample(p));
  }
  const qs = query.toString();
  return qs ? `${url}?${qs}` : url;
}

describe.each(BACKENDS)('roles × routes on %s', (backend) => {
  let t: TestApp;
  let ops: { method: string; path: string; op: Operation }[];
  const cookies = new Map<string, string>();
  let hexi: string;
  let other: { stationId: number; customerId: number };
  let ownCustomer: { id: number; account_no: string };
  let otherCaseId: number;
  let ownFeeder: { code: string };

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true });
    other = await addSecondStation(t.database.db, STAFF_PASSWORD);
    ownFeeder = await t.database.db.selectFrom('feeders').select('code').where('station_id', '!=', other.stationId).orderBy('id').executeTakeFirstOrThrow();
    ownCustomer = await t.database.db
      .selectFrom('customers')
      .select(['id', 'account_no'])
      .where('station_id', '!=', other.stationId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    for (const [role, username] of Object.entries(USERS)) cookies.set(role, await login(t.app, username, role === 'admin' ? ADMIN_PASSWORD : STAFF_PASSWORD));
    hexi = await login(t.app, 'hexi_clerk', STAFF_PASSWORD);
    const newCase = (cookie: string, description: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie },
        payload: { channel: 'counter', type: 'consultation', contactName: '周', description },
      });
    const mine = await newCase(cookies.get('clerk')!, 'ST01-ONLY-CASE 咨询电价');
    expect(mine.statusCode, mine.body).toBe(201);
    const theirs = await newCase(hexi, '河西所的咨询');
    expect(theirs.statusCode, theirs.body).toBe(201);
    otherCaseId = theirs.json().id;
    const paths: Record<string, Record<string, Operation>> = (await t.app.inject({ url: '/api/openapi.json' })).json().paths;
    ops = Object.entries(paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
  });
  afterAll(async () => t?.close());

  it('R-ORG-01 each role gets exactly what the role table gives it, on every route', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const { method, path, op } of ops) {
      const permission = op['x-permission'];
      if (!permission || permission === 'public') continue;
      const url = urlOf(path, op);
      for (const role of Object.keys(USERS) as Role[]) {
        const allowed = permission === 'signed-in' || (DEFAULT_ROLE_PERMISSIONS[role] as readonly string[]).includes(permission);
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          headers: { cookie: cookies.get(role)!, ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: '{}' }),
        });
        checked++;
        const refused = res.statusCode === 403;
        if (refused === allowed) wrong.push(`${role} ${method} ${url} (${permission}): ${res.statusCode}`);
        expect(res.statusCode, `${role} ${method} ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('R-ORG-01 no role of one station reads the other station’s records, in lists or by id', async () => {
    const foreignToDemo = ['5500000001', 'HX-F01', 'HX-TA01', '河西供电所', '河西用户', '河西所的咨询', '河西营业员'];
    const foreignToHexi = [ownCustomer.account_no, ownFeeder.code, 'ST01-ONLY-CASE'];
    const lists = ops.filter(
      ({ method, path, op }) => method === 'GET' && !path.startsWith('/api/portal') && !(op.parameters ?? []).some((p) => p.in === 'path'),
    );
    const leaks: string[] = [];
    let read = 0;
    const readers: [string, string, string[]][] = [
      ...[...cookies.entries()].filter(([role]) => role !== 'admin').map(([role, cookie]): [string, string, string[]] => [role, cookie, foreignToDemo]),
      ['hexi_clerk', hexi, foreignToHexi],
    ];
    for (const { path, op } of lists) {
      const url = urlOf(path, op);
      for (const [who, cookie, markers] of readers) {
        const res = await t.app.inject({ url, headers: { cookie } });
        if (res.statusCode !== 200 || !String(res.headers['content-type'] ?? '').includes('json')) continue;
        read++;
        const found = markers.filter((m) => res.body.includes(m));
        if (found.length) leaks.push(`${who} GET ${url}: ${found.join(', ')}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(read).toBeGreaterThan(50);

    // by id: the other station's customer is not found, for reading and for revealing
    for (const [role, cookie] of cookies) {
      if (role === 'admin') continue;
      expect((await t.app.inject({ url: `/api/ledger/customers/${other.customerId}`, headers: { cookie } })).statusCode, role).toBeOneOf([403, 404]);
      expect((await t.app.inject({ method: 'POST', url: `/api/ledger/customers/${other.customerId}/reveal`, headers: { cookie } })).statusCode, role).toBeOneOf(
        [403, 404],
      );
    }
    for (const [role, cookie] of cookies) {
      if (role !== 'admin') expect((await t.app.inject({ url: `/api/cases/${otherCaseId}`, headers: { cookie } })).statusCode, role).toBeOneOf([403, 404]);
    }
    expect((await t.app.inject({ url: `/api/ledger/customers/${ownCustomer.id}`, headers: { cookie: hexi } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/ledger/customers/${other.customerId}`, headers: { cookie: hexi } })).statusCode).toBe(200);
  });
});
