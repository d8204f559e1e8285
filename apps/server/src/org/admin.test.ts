// Organisation and staff administration over HTTP (R-ORG-01..03, R-SYS-02..04), on PGlite and,
// with TEST_DATABASE_URL, PostgreSQL: the unit, user and password calls of issue 8 item 7 as
// written, their refusals naming the field in Chinese and English, scope, sessions, lockout, photos
// and the audit rows each write leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { buildApp } from '../http/app';
import { ManualClock } from '../platform/clock';
import { BACKENDS } from '../testing/databases';
import { ADMIN_PASSWORD, STAFF_PASSWORD, createTestApp, login, multipartFile, type TestApp } from '../testing/app';
import { addSecondStation } from '../testing/second-station';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake png body for the test')]);
const GOOD_PASSWORD = 'Huanghe-river-77';

interface Field {
  field: string;
  reason: string;
  reasonZh: string;
}

describe.each(BACKENDS)('organisation and staff administration on %s', (backend) => {
  let t: TestApp;
  let clock: ManualClock;
  let admin: string;
  let head: string; // 王建国, station head of 示范供电所
  let units: { id: number; code: string; kind: string; parentId: number | null }[];
  let st01: number;
  let st02: number;
  let kfTeam: number;
  let county: number;

  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie?: string, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url,
      ...(cookie ? { headers: { cookie } } : {}),
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null, headers: res.headers, raw: res.rawPayload };
  };
  const fieldsOf = (body: { error: { fields: Field[] } }) => body.error.fields.map((f) => f.field);
  const auditRows = (entity: string, entityId: number | string, action?: string) => {
    let q = t.database.db.selectFrom('audit_log').selectAll().where('entity', '=', entity).where('entity_id', '=', String(entityId));
    if (action) q = q.where('action', '=', action);
    return q.orderBy('id').execute();
  };
  const newUser = (username: string, extra: Record<string, unknown> = {}) => ({
    username,
    displayName: '测试人员',
    password: GOOD_PASSWORD,
    unitId: kfTeam,
    post: 'business_clerk',
    roles: ['clerk'],
    badgeNo: `T-${username}`,
    ...extra,
  });

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    t = await createTestApp(backend, { demo: true, clock });
    st02 = (await addSecondStation(t.database.db, STAFF_PASSWORD)).stationId;
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    head = await login(t.app, 'wangjianguo', STAFF_PASSWORD);
    units = (await call('GET', '/api/org/units', admin)).body.items;
    county = units.find((u) => u.kind === 'county')!.id;
    st01 = units.find((u) => u.code === 'ST01')!.id;
    kfTeam = units.find((u) => u.code === 'ST01-KF')!.id;
  });
  afterAll(async () => t?.close());

  describe('R-ORG-01 org units', () => {
    it('POST /api/org/units with {kind: team, parentId, code, name} → 201 with the unit, audited', async () => {
      const res = await call('POST', '/api/org/units', admin, { kind: 'team', parentId: st01, code: 'ST01-QX', name: '抢修二班' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        code: 'ST01-QX',
        name: '抢修二班',
        nameEn: null,
        kind: 'team',
        teamKind: null,
        parentId: st01,
        address: null,
        phone: null,
        serviceHours: null,
        retired: false,
        activeStaff: 0,
        administrable: true,
      });
      const row = await t.database.db.selectFrom('org_units').select('path').where('id', '=', res.body.id).executeTakeFirstOrThrow();
      expect(row.path).toBe(`/${county}/${st01}/${res.body.id}/`);
      expect(await auditRows('org_unit', res.body.id, 'create')).toHaveLength(1);
      const list = (await call('GET', '/api/org/units', admin)).body;
      expect(list.total).toBe(list.items.length);
      expect(list.items.map((u: { code: string }) => u.code)).toContain('ST01-QX');
    });

    it('a station with its public details, by the system administrator', async () => {
      const res = await call('POST', '/api/org/units', admin, {
        kind: 'station',
        parentId: county,
        code: 'ST03',
        name: '河东供电所',
        nameEn: 'Hedong Supply Station',
        address: '示范县河东镇1号',
        phone: '0379-66880003',
        serviceHours: '8:00–18:00',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ kind: 'station', parentId: county, address: '示范县河东镇1号', phone: '0379-66880003' });
    });

    it.each([
      ['a duplicate code', () => ({ kind: 'team', parentId: st01, code: 'ST01-KF', name: 'x' }), 409, 'code'],
      ['an unknown parent', () => ({ kind: 'team', parentId: 999_999, code: 'NEW-1', name: 'x' }), 422, 'parentId'],
      ['a team under the county', () => ({ kind: 'team', parentId: county, code: 'NEW-2', name: 'x' }), 422, 'parentId'],
      ['a station under a station', () => ({ kind: 'station', parentId: st01, code: 'NEW-3', name: 'x' }), 422, 'parentId'],
      ['a second county', () => ({ kind: 'county', parentId: county, code: 'NEW-4', name: 'x' }), 422, 'kind'],
      ['a bad code', () => ({ kind: 'team', parentId: st01, code: 'has space', name: 'x' }), 422, 'code'],
      ['an empty name', () => ({ kind: 'team', parentId: st01, code: 'NEW-5', name: '  ' }), 422, 'name'],
      ['opening hours on a team', () => ({ kind: 'team', parentId: st01, code: 'NEW-6', name: 'x', serviceHours: '8-18' }), 422, 'serviceHours'],
      ['a missing parentId', () => ({ kind: 'team', code: 'NEW-7', name: 'x' }), 422, 'parentId'],
      ['a parent id beyond any record', () => ({ kind: 'team', parentId: 1e12, code: 'NEW-9', name: 'x' }), 422, 'parentId'],
    ])('%s → %i naming %s, in Chinese and English', async (_label, body, status, field) => {
      const res = await call('POST', '/api/org/units', admin, body());
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(fieldsOf(res.body)).toContain(field);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.body.error.messageEn).toMatch(/[a-z]/);
    });

    it('the error names the kinds: a team belongs to a station', async () => {
      const res = await call('POST', '/api/org/units', admin, { kind: 'team', parentId: county, code: 'NEW-8', name: 'x' });
      expect(res.body.error.fields[0]).toMatchObject({
        field: 'parentId',
        reason: 'a team belongs to a station, not a county',
        reasonZh: '班组的上级必须是供电所，不能是县公司',
      });
    });

    it('a station head adds teams to their station only, and no station to the county', async () => {
      expect((await call('POST', '/api/org/units', head, { kind: 'team', parentId: st01, code: 'ST01-AQ', name: '安全小组' })).status).toBe(201);
      const other = await call('POST', '/api/org/units', head, { kind: 'team', parentId: st02, code: 'ST02-X', name: 'x' });
      expect(other.status).toBe(403);
      expect(fieldsOf(other.body)).toEqual(['parentId']);
      const station = await call('POST', '/api/org/units', head, { kind: 'station', parentId: county, code: 'ST09', name: 'x' });
      expect(station.status).toBe(403);
      // a clerk holds org.read, not org.admin
      const clerk = await login(t.app, 'sunli', STAFF_PASSWORD);
      expect((await call('POST', '/api/org/units', clerk, { kind: 'team', parentId: st01, code: 'ST01-Y', name: 'x' })).status).toBe(403);
    });

    it('PATCH renames, audited with before and after; an empty change names the body', async () => {
      const team = (await call('POST', '/api/org/units', admin, { kind: 'team', parentId: st01, code: 'ST01-RN', name: '旧名称' })).body;
      const res = await call('PATCH', `/api/org/units/${team.id}`, head, { name: '新名称', teamKind: 'distribution' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ name: '新名称', teamKind: 'distribution' });
      const [row] = await auditRows('org_unit', team.id, 'update');
      expect(row).toMatchObject({ actor_name: 'wangjianguo', before: { name: '旧名称', teamKind: null }, after: { name: '新名称', teamKind: 'distribution' } });
      const empty = await call('PATCH', `/api/org/units/${team.id}`, head, {});
      expect(empty.status).toBe(422);
      expect(fieldsOf(empty.body)).toEqual(['body']);
      const unknown = await call('PATCH', `/api/org/units/${team.id}`, head, { colour: 'red' });
      expect(unknown.status).toBe(422);
    });

    it('PATCH moves a team to another station: its path and its sub-tree follow, and its staff change scope', async () => {
      const team = (await call('POST', '/api/org/units', admin, { kind: 'team', parentId: st01, code: 'ST01-MV', name: '移动班' })).body;
      const member = (await call('POST', '/api/org/users', admin, newUser('mover', { unitId: team.id }))).body;
      // the station head may not move it out of their station
      const refused = await call('PATCH', `/api/org/units/${team.id}`, head, { parentId: st02 });
      expect(refused.status).toBe(403);
      expect(fieldsOf(refused.body)).toEqual(['parentId']);
      const moved = await call('PATCH', `/api/org/units/${team.id}`, admin, { parentId: st02 });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.parentId).toBe(st02);
      const row = await t.database.db.selectFrom('org_units').select('path').where('id', '=', team.id).executeTakeFirstOrThrow();
      expect(row.path).toBe(`/${county}/${st02}/${team.id}/`);
      expect(await auditRows('org_unit', team.id, 'move')).toHaveLength(1);
      // now outside the station head's scope: neither the team nor its member
      expect((await call('PATCH', `/api/org/units/${team.id}`, head, { name: 'x' })).status).toBe(404);
      expect((await call('GET', `/api/org/users/${member.id}`, head)).status).toBe(404);
      // a team under a team is refused
      const under = await call('PATCH', `/api/org/units/${team.id}`, admin, { parentId: kfTeam });
      expect(under.status).toBe(422);
    });

    it('retiring a unit with active staff is refused with a clear 409; an empty one retires and leaves the pickers', async () => {
      const busy = await call('PATCH', `/api/org/units/${kfTeam}`, admin, { retired: true });
      expect(busy.status).toBe(409);
      expect(fieldsOf(busy.body)).toEqual(['retired']);
      expect(busy.body.error.message).toMatch(/^不能撤销“客户服务班”：仍有 \d+ 名在职人员/);
      expect(busy.body.error.messageEn).toMatch(/active staff/);
      const station = await call('PATCH', `/api/org/units/${st01}`, admin, { retired: true });
      expect(station.status).toBe(409);
      expect(station.body.error.message).toMatch(/在职人员.*下级单位.*线路/);

      const team = (await call('POST', '/api/org/units', admin, { kind: 'team', parentId: st01, code: 'ST01-RT', name: '待撤销班' })).body;
      const res = await call('PATCH', `/api/org/units/${team.id}`, admin, { retired: true });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.retired).toBe(true);
      expect(await auditRows('org_unit', team.id, 'retire')).toHaveLength(1);
      expect((await call('GET', '/api/org/units', admin)).body.items.map((u: { id: number }) => u.id)).not.toContain(team.id);
      expect((await call('GET', '/api/org/units?includeRetired=true', admin)).body.items.map((u: { id: number }) => u.id)).toContain(team.id);
      // a retired unit takes no staff and no sub-units
      const user = await call('POST', '/api/org/users', admin, newUser('toretired', { unitId: team.id }));
      expect(user.status).toBe(409);
      expect(fieldsOf(user.body)).toEqual(['unitId']);
      // and can be brought back
      expect((await call('PATCH', `/api/org/units/${team.id}`, admin, { retired: false })).body.retired).toBe(false);
    });

    it('only a system administrator changes the county', async () => {
      const res = await call('PATCH', `/api/org/units/${county}`, head, { name: 'x' });
      expect([403, 404]).toContain(res.status);
      expect((await call('PATCH', `/api/org/units/${county}`, admin, { nameEn: 'Demo County Power Supply Co.' })).status).toBe(200);
    });
  });

  describe('R-ORG-02 R-ORG-03 staff accounts', () => {
    it('POST /api/org/users → 201 {id, …}, audited without the password; the new user signs in', async () => {
      const res = await call('POST', '/api/org/users', admin, newUser('zhangsan', { displayName: '张三', phone: '13800001111', onDuty: true }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(Number),
        username: 'zhangsan',
        displayName: '张三',
        post: 'business_clerk',
        roles: ['clerk'],
        badgeNo: 'T-zhangsan',
        orgUnitId: kfTeam,
        orgUnitName: '客户服务班',
        phone: '13800001111',
        onDuty: true,
        active: true,
        lockedUntil: null,
        mustChangePassword: false,
        photoUrl: null,
        administrable: true,
      });
      expect(res.body.permissions).toContain('cases.write');
      const [row] = await auditRows('user', res.body.id, 'create');
      expect(JSON.stringify(row)).not.toContain(GOOD_PASSWORD);
      expect(JSON.stringify(row)).not.toMatch(/password_hash|scrypt/);
      const me = await call('GET', '/api/me', await login(t.app, 'zhangsan', GOOD_PASSWORD));
      expect(me.body).toMatchObject({ username: 'zhangsan', displayName: '张三', mustChangePassword: false });
    });

    it('a duplicate username → 409 naming username', async () => {
      const res = await call('POST', '/api/org/users', admin, newUser('sunli', { badgeNo: null }));
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'conflict', fields: [{ field: 'username' }] });
      expect(res.body.error.message).toContain('用户名已被使用');
      expect(res.body.error.messageEn).toContain('Username is already taken');
    });

    it('a duplicate badge number → 409 naming badgeNo', async () => {
      const res = await call('POST', '/api/org/users', admin, newUser('dupbadge', { badgeNo: 'SF0001' }));
      expect(res.status).toBe(409);
      expect(fieldsOf(res.body)).toEqual(['badgeNo']);
    });

    it('an unknown unit → 422 naming unitId', async () => {
      const res = await call('POST', '/api/org/users', admin, newUser('nounit', { unitId: 999_999 }));
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(['unitId']);
    });

    it.each([
      ['woaini1314', 'is one of the most common passwords', '最常见的密码'],
      ['123456', 'must have at least 8 characters', '至少 8 个字符'],
      ['weakpw-username-x', 'must not contain the username', '不能包含用户名'],
      ['my-GridDesk-pass', 'must not contain "griddesk"', '不能包含“griddesk”'],
    ])('a weak password (%s) → 422 naming password with the reason', async (password, reason, reasonZh) => {
      const res = await call('POST', '/api/org/users', admin, newUser('username', { password, badgeNo: null }));
      expect(res.status).toBe(422);
      const f = res.body.error.fields.find((x: Field) => x.field === 'password');
      expect(f.reason).toContain(reason);
      expect(f.reasonZh).toContain(reasonZh);
      expect(res.body.error.message).toContain(`密码${f.reasonZh}`);
    });

    it.each([
      ['a bad username', { username: 'Bad Name' }, 'username'],
      ['an unknown post', { post: 'cook' }, 'post'],
      ['an unknown role', { roles: ['wizard'] }, 'roles.0'],
      ['no role', { roles: [] }, 'roles'],
      ['a bad phone', { phone: 'call me' }, 'phone'],
      ['no display name', { displayName: '' }, 'displayName'],
    ])('%s → 422 naming %s', async (_label, change, field) => {
      const res = await call('POST', '/api/org/users', admin, { ...newUser('fieldcheck', { badgeNo: null }), ...change });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(fieldsOf(res.body)).toContain(field);
    });

    it('a missing field is named by the schema', async () => {
      const { password: _, ...body } = newUser('nopassword');
      const res = await call('POST', '/api/org/users', admin, body);
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toContain('password');
    });

    it('scope: a station head creates staff in their station, not in another one, and never grants admin', async () => {
      expect((await call('POST', '/api/org/users', head, newUser('headmade'))).status).toBe(201);
      const other = await call('POST', '/api/org/users', head, newUser('elsewhere', { unitId: st02 }));
      expect(other.status).toBe(403);
      expect(fieldsOf(other.body)).toEqual(['unitId']);
      const grant = await call('POST', '/api/org/users', head, newUser('wannabe', { roles: ['clerk', 'admin'] }));
      expect(grant.status).toBe(403);
      expect(fieldsOf(grant.body)).toEqual(['roles']);
      const inCounty = await call('POST', '/api/org/users', head, newUser('countyman', { unitId: county }));
      expect(inCounty.status).toBe(403);
      // nothing was half-written
      const names = (await t.database.db.selectFrom('users').select('username').execute()).map((u) => u.username);
      expect(names).not.toContain('elsewhere');
      expect(names).not.toContain('wannabe');
      expect(names).not.toContain('countyman');
      // the other station's staff are not the station head's to see or change
      const hexi = await t.database.db.selectFrom('users').select('id').where('username', '=', 'hexi_clerk').executeTakeFirstOrThrow();
      expect((await call('GET', `/api/org/users/${hexi.id}`, head)).status).toBe(404);
      expect((await call('PATCH', `/api/org/users/${hexi.id}`, head, { onDuty: false })).status).toBe(404);
      expect((await call('POST', `/api/org/users/${hexi.id}/password`, head, {})).status).toBe(404);
      // the system administrator's account is not theirs either
      const adminRow = await t.database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
      expect((await call('PATCH', `/api/org/users/${adminRow.id}`, head, { displayName: 'x' })).status).toBe(404);
    });

    it('PATCH edits unit, post, roles, badge number, phone and duty, audited with before and after', async () => {
      const u = (await call('POST', '/api/org/users', admin, newUser('editme'))).body;
      const res = await call('PATCH', `/api/org/users/${u.id}`, head, {
        displayName: '改名',
        unitId: st01,
        post: 'lobby_manager',
        roles: ['clerk', 'team_leader'],
        badgeNo: 'SF0999',
        phone: '13900002222',
        onDuty: true,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        displayName: '改名',
        orgUnitId: st01,
        post: 'lobby_manager',
        roles: ['clerk', 'team_leader'],
        badgeNo: 'SF0999',
        onDuty: true,
      });
      const [row] = await auditRows('user', u.id, 'update');
      expect(row!.before).toMatchObject({ displayName: '测试人员', unitId: kfTeam, post: 'business_clerk' });
      expect(row!.after).toMatchObject({ displayName: '改名', unitId: st01, post: 'lobby_manager', roles: ['clerk', 'team_leader'] });
      const grant = await call('PATCH', `/api/org/users/${u.id}`, head, { roles: ['admin'] });
      expect(grant.status).toBe(403);
    });

    it('the list filters by unit, role, status and a search, and answers {items, total}', async () => {
      const byRole = (await call('GET', '/api/org/users?role=team_leader&limit=500', admin)).body;
      expect(byRole.total).toBe(byRole.items.length);
      expect(byRole.items.every((u: { roles: string[] }) => u.roles.includes('team_leader'))).toBe(true);
      const search = (await call('GET', `/api/org/users?q=${encodeURIComponent('王建')}`, admin)).body;
      expect(search.items.map((u: { username: string }) => u.username)).toEqual(['wangjianguo']);
      const team = (await call('GET', `/api/org/users?orgUnitId=${kfTeam}&active=true&limit=500`, admin)).body;
      expect(team.items.every((u: { orgUnitId: number; active: boolean }) => u.orgUnitId === kfTeam && u.active)).toBe(true);
    });

    it('R-SYS-03 staff phones are masked for callers who neither administer them nor may reveal personal data', async () => {
      const u = (await call('POST', '/api/org/users', admin, newUser('phoneowner', { phone: '13712345678' }))).body;
      const supervisor = await login(t.app, 'xiemei', STAFF_PASSWORD);
      expect((await call('GET', `/api/org/users/${u.id}`, supervisor)).body.phone).toBe('137****5678');
      expect((await call('GET', `/api/org/users/${u.id}`, head)).body.phone).toBe('13712345678');
    });

    it('PATCH {disabled: true} ends that user’s sessions at once: GET /api/me with their cookie → 401', async () => {
      const u = (await call('POST', '/api/org/users', admin, newUser('leaver'))).body;
      const cookie = await login(t.app, 'leaver', GOOD_PASSWORD);
      const other = await login(t.app, 'leaver', GOOD_PASSWORD);
      expect((await call('GET', '/api/me', cookie)).status).toBe(200);
      const res = await call('PATCH', `/api/org/users/${u.id}`, head, { disabled: true });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);
      expect((await call('GET', '/api/me', cookie)).status).toBe(401);
      expect((await call('GET', '/api/me', other)).status).toBe(401);
      expect(await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute()).toEqual([]);
      const [row] = await auditRows('user', u.id, 'disable');
      expect(row!.after).toMatchObject({ active: false, endedSessions: 2 });
      const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leaver', password: GOOD_PASSWORD } });
      expect(refused.statusCode).toBe(401);
      // enabled again, the account signs in
      expect((await call('PATCH', `/api/org/users/${u.id}`, head, { disabled: false })).body.active).toBe(true);
      expect((await auditRows('user', u.id, 'enable')).length).toBe(1);
      await login(t.app, 'leaver', GOOD_PASSWORD);
    });

    it('nobody disables their own account or changes their own roles', async () => {
      const me = (await call('GET', '/api/me', head)).body;
      const self = await call('PATCH', `/api/org/users/${me.id}`, head, { disabled: true });
      expect(self.status).toBe(422);
      expect(fieldsOf(self.body)).toEqual(['disabled']);
      expect(fieldsOf((await call('PATCH', `/api/org/users/${me.id}`, head, { roles: ['clerk'] })).body)).toEqual(['roles']);
      expect((await call('GET', '/api/me', head)).body.roles).toEqual(['station_head']);
    });

    it('only a system administrator makes, edits or unmakes an administrator', async () => {
      const second = (await call('POST', '/api/org/users', admin, newUser('admin2', { unitId: county, roles: ['admin'], post: 'sysadmin', badgeNo: null })))
        .body;
      expect(second.roles, JSON.stringify(second)).toEqual(['admin']);
      const admin2 = await login(t.app, 'admin2', GOOD_PASSWORD);
      expect((await call('GET', '/api/me', admin2)).body.permissions).toContain('org.admin');
      expect((await call('PATCH', `/api/org/users/${second.id}`, admin, { roles: ['auditor'] })).status).toBe(200);
      // no longer an administrator: the next write of theirs is refused
      expect((await call('POST', '/api/org/units', admin2, { kind: 'team', parentId: st01, code: 'ST01-A2', name: 'x' })).status).toBe(403);
      const [row] = await auditRows('user', second.id, 'update');
      expect(row).toMatchObject({ actor_name: 'admin', before: { roles: ['admin'] }, after: { roles: ['auditor'] } });
    });
  });

  describe('R-ORG-01 passwords', () => {
    it('an administrator’s reset: a temporary password, sessions ended, reads allowed, writes refused until the user changes it', async () => {
      const u = (await call('POST', '/api/org/users', admin, newUser('resetme', { unitId: st01, roles: ['station_head'], post: 'station_head' }))).body;
      const before = await login(t.app, 'resetme', GOOD_PASSWORD);
      const res = await call('POST', `/api/org/users/${u.id}/password`, admin, {});
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ temporaryPassword: expect.stringMatching(/^\S{12,}$/), endedSessions: 1, user: { id: u.id, mustChangePassword: true } });
      expect((await call('GET', '/api/me', before)).status).toBe(401);
      const [row] = await auditRows('user', u.id, 'password.reset');
      expect(row!.after).toMatchObject({ mustChangePassword: true, generated: true, endedSessions: 1 });
      expect(JSON.stringify(row)).not.toContain(res.body.temporaryPassword);
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'resetme', password: GOOD_PASSWORD } })).statusCode).toBe(401);

      const temp = res.body.temporaryPassword as string;
      const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'resetme', password: temp } });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json().user.mustChangePassword).toBe(true);
      const cookie = await login(t.app, 'resetme', temp);
      expect((await call('GET', '/api/me', cookie)).body.mustChangePassword).toBe(true);
      expect((await call('GET', '/api/org/users', cookie)).status).toBe(200);
      const write = await call('POST', '/api/org/units', cookie, { kind: 'team', parentId: st01, code: 'ST01-PW', name: '改密后才能建' });
      expect(write.status).toBe(403);
      expect(write.body.error.code).toBe('password_change_required');
      expect(write.body.error.message).toMatch(/请先修改密码/);

      const changed = await call('POST', '/api/auth/password', cookie, { currentPassword: temp, newPassword: 'Another-good-pass-9' });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.user.mustChangePassword).toBe(false);
      expect((await call('POST', '/api/org/units', cookie, { kind: 'team', parentId: st01, code: 'ST01-PW', name: '改密后才能建' })).status).toBe(201);
    });

    it('an administrator may choose the temporary password; it must meet the policy', async () => {
      const u = (await call('POST', '/api/org/users', admin, newUser('resetchosen'))).body;
      const weak = await call('POST', `/api/org/users/${u.id}/password`, head, { password: 'qwerty123' });
      expect(weak.status).toBe(422);
      expect(fieldsOf(weak.body)).toEqual(['password']);
      const ok = await call('POST', `/api/org/users/${u.id}/password`, head, { password: 'Chosen-temp-42' });
      expect(ok.status).toBe(200);
      expect(ok.body.temporaryPassword).toBeNull();
      expect((await call('GET', '/api/me', await login(t.app, 'resetchosen', 'Chosen-temp-42'))).body.mustChangePassword).toBe(true);
    });

    it('POST /api/auth/password changes one’s own: other sessions end, this one stays', async () => {
      await call('POST', '/api/org/users', admin, newUser('changer'));
      const current = await login(t.app, 'changer', GOOD_PASSWORD);
      const elsewhere = await login(t.app, 'changer', GOOD_PASSWORD);
      const wrong = await call('POST', '/api/auth/password', current, { currentPassword: 'not-it-at-all', newPassword: 'Fresh-pass-2026x' });
      expect(wrong.status).toBe(422);
      expect(fieldsOf(wrong.body)).toEqual(['currentPassword']);
      const weak = await call('POST', '/api/auth/password', current, { currentPassword: GOOD_PASSWORD, newPassword: 'woaini1314' });
      expect(weak.status).toBe(422);
      expect(weak.body.error.fields[0]).toMatchObject({ field: 'newPassword', reasonZh: expect.stringContaining('常见') });
      const same = await call('POST', '/api/auth/password', current, { currentPassword: GOOD_PASSWORD, newPassword: GOOD_PASSWORD });
      expect(same.body.error.fields.map((f: Field) => f.reasonZh)).toContain('不能与当前密码相同');

      const res = await call('POST', '/api/auth/password', current, { currentPassword: GOOD_PASSWORD, newPassword: 'Fresh-pass-2026x' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ endedSessions: 1, user: { username: 'changer' } });
      expect((await call('GET', '/api/me', current)).status).toBe(200);
      expect((await call('GET', '/api/me', elsewhere)).status).toBe(401);
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'changer', password: GOOD_PASSWORD } })).statusCode).toBe(401);
      await login(t.app, 'changer', 'Fresh-pass-2026x');
      const id = (await call('GET', '/api/me', current)).body.id;
      expect(await auditRows('user', id, 'password.change')).toHaveLength(1);
    });

    it('the policy in force is readable by any signed-in user, in both languages', async () => {
      const res = await call('GET', '/api/auth/password-policy', head);
      expect(res.body).toMatchObject({ minLength: 8, maxFailures: 5, lockMinutes: 15 });
      expect(res.body.rules.zh.join('')).toContain('woaini1314');
    });
  });

  describe('R-ORG-01 account lockout (default policy)', () => {
    const attempt = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

    it('a wrong password 6 times in a row locks the account, so the 7th try with the right password is refused', async () => {
      const u = (await call('POST', '/api/org/users', admin, newUser('locky'))).body;
      const answers: string[] = [];
      for (let i = 0; i < 6; i++) answers.push((await attempt('locky', `wrong-${i}`)).json().error.code);
      expect(answers).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'account_locked', 'account_locked']);
      const seventh = await attempt('locky', GOOD_PASSWORD);
      expect(seventh.statusCode).toBe(401);
      expect(seventh.json().error.code).toBe('account_locked');
      expect(seventh.json().error.message).toMatch(/账号已锁定至 \d{4}-\d\d-\d\d \d\d:\d\d/);
      expect(seventh.cookies.find((c) => c.name === 'griddesk_session')).toBeUndefined();
      expect(await auditRows('user', u.id, 'lock')).toHaveLength(1);
      expect(await auditRows('user', u.id, 'login.failed')).toHaveLength(5);
      // the administrator sees the lock
      expect((await call('GET', `/api/org/users/${u.id}`, admin)).body.lockedUntil).toEqual(expect.any(String));

      // kept in the database: a restarted server (a new app on the same database) still refuses
      const restarted = await buildApp(
        { database: t.database, config: { ...loadConfig({}), webDist: '/nonexistent' }, version: 'test', clock, jobs: t.jobs },
        { logger: false },
      );
      const again = await restarted.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'locky', password: GOOD_PASSWORD } });
      expect(again.json().error.code).toBe('account_locked');
      await restarted.close();

      // the lock runs out after 15 minutes; the sign-in that follows ends it on record and resets the count
      clock.advance(15 * 60_000 + 1000);
      expect((await attempt('locky', GOOD_PASSWORD)).statusCode).toBe(200);
      const [unlock] = await auditRows('user', u.id, 'unlock');
      expect(unlock!.after).toEqual({ reason: 'expired' });
      const row = await t.database.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', u.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ failed_logins: 0, locked_until: null });
    });

    it('a successful sign-in resets the count: four failures, a success, four more do not lock', async () => {
      await call('POST', '/api/org/users', admin, newUser('resetcount'));
      for (let i = 0; i < 4; i++) expect((await attempt('resetcount', `wrong-${i}`)).json().error.code).toBe('invalid_credentials');
      expect((await attempt('resetcount', GOOD_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) expect((await attempt('resetcount', `wrong-${i}`)).json().error.code).toBe('invalid_credentials');
      expect((await attempt('resetcount', GOOD_PASSWORD)).statusCode).toBe(200);
    });

    it('an administrator unlocks before the lock runs out, audited', async () => {
      const u = (await call('POST', '/api/org/users', admin, newUser('unlockme'))).body;
      for (let i = 0; i < 5; i++) await attempt('unlockme', `wrong-${i}`);
      expect((await attempt('unlockme', GOOD_PASSWORD)).json().error.code).toBe('account_locked');
      const res = await call('POST', `/api/org/users/${u.id}/unlock`, head);
      expect(res.status).toBe(200);
      expect(res.body.lockedUntil).toBeNull();
      const [row] = await auditRows('user', u.id, 'unlock');
      expect(row).toMatchObject({ actor_name: 'wangjianguo', after: { lockedUntil: null, failedLogins: 0 } });
      expect((await attempt('unlockme', GOOD_PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('R-ORG-03 staff photos', () => {
    it('upload (magic bytes checked), shown on the portal’s staff card for on-duty staff, audited', async () => {
      const u = (await call('POST', '/api/org/users', admin, newUser('photogenic', { displayName: '上镜', onDuty: true }))).body;
      const file = multipartFile('me.png', PNG, 'image/png');
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/org/users/${u.id}/photo`,
        headers: { ...file.headers, cookie: head },
        payload: file.payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().photoUrl).toMatch(new RegExp(`^/api/org/users/${u.id}/photo\\?v=[0-9a-f]{16}$`));
      expect(await auditRows('user', u.id, 'photo.upload')).toHaveLength(1);

      const portal = (await call('GET', '/api/portal/station')).body;
      const card = portal.staff.find((s: { name: string }) => s.name === '上镜');
      expect(card.photoUrl).toMatch(new RegExp(`^/api/portal/staff/${u.id}/photo\\?v=[0-9a-f]{16}$`));
      const img = await t.app.inject({ url: card.photoUrl });
      expect(img.statusCode).toBe(200);
      expect(img.headers['content-type']).toBe('image/png');
      expect(img.headers['x-content-type-options']).toBe('nosniff');
      expect(img.rawPayload.equals(PNG)).toBe(true);
      // the console preview needs a session
      expect((await t.app.inject({ url: res.json().photoUrl })).statusCode).toBe(401);
      expect((await t.app.inject({ url: res.json().photoUrl, headers: { cookie: head } })).statusCode).toBe(200);

      // off duty: gone from the portal, photo included; still in the console
      await call('PATCH', `/api/org/users/${u.id}`, head, { onDuty: false });
      expect((await call('GET', '/api/portal/station')).body.staff.map((s: { name: string }) => s.name)).not.toContain('上镜');
      expect((await t.app.inject({ url: card.photoUrl })).statusCode).toBe(404);
      expect((await t.app.inject({ url: res.json().photoUrl, headers: { cookie: head } })).statusCode).toBe(200);

      const removed = await call('DELETE', `/api/org/users/${u.id}/photo`, head);
      expect(removed.body.photoUrl).toBeNull();
    });

    it.each([
      ['a GIF', Buffer.from('GIF89a……'), 'image/png', 415],
      ['an SVG named .png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/png', 415],
      ['a photo over 2 MB', Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), 'image/png', 413],
    ])('%s is refused (%s → %i) naming the file', async (_label, content, type, status) => {
      const u = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'sunli').executeTakeFirstOrThrow()).id;
      const file = multipartFile('photo.png', content, type);
      const res = await t.app.inject({ method: 'POST', url: `/api/org/users/${u}/photo`, headers: { ...file.headers, cookie: admin }, payload: file.payload });
      expect(res.statusCode).toBe(status);
      expect(res.json().error.fields.map((f: Field) => f.field)).toEqual(['file']);
      expect(await t.database.db.selectFrom('staff_photos').select('user_id').where('user_id', '=', u).execute()).toEqual([]);
    });
  });

  it('R-ORG-01 every org route declares its permission and a 2xx response schema in OpenAPI', async () => {
    const paths = (await call('GET', '/api/openapi.json')).body.paths as Record<
      string,
      Record<string, { 'x-permission'?: string; responses: Record<string, unknown> }>
    >;
    const org = Object.entries(paths).filter(([p]) => p.startsWith('/api/org') || p.startsWith('/api/auth') || p.startsWith('/api/portal/st'));
    expect(org.length).toBeGreaterThanOrEqual(12);
    for (const [path, ops] of org) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op['x-permission'], `${method} ${path}`).toBeDefined();
        expect(
          Object.keys(op.responses).some((s) => s.startsWith('2')),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
  });
});
