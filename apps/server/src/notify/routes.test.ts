import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../org/password';
import { BACKENDS } from '../testing/databases';
import { ADMIN_PASSWORD, STAFF_PASSWORD, createTestApp, login, type TestApp } from '../testing/app';
import { addSecondStation } from '../testing/second-station';
import { enqueue } from './outbox';

describe.each(BACKENDS)('R-OUT-02 GET /api/notifications on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let head: string;
  let clerk: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const { stationId } = await addSecondStation(t.database.db, STAFF_PASSWORD);
    await t.database.db
      .insertInto('users')
      .values({
        username: 'hexi_head',
        password_hash: await hashPassword(STAFF_PASSWORD),
        display_name: '河西所长',
        org_unit_id: stationId,
        post: 'station_head',
        badge_no: 'HX0002',
        roles: ['station_head'],
        phone: null,
        photo_url: null,
      })
      .execute();
    const params = { station: '河西供电所', caseType: '投诉', queryCode: 'Q1', due: '12月8日' };
    await enqueue(t.database.db, { channel: 'sms', recipient: '13812345678', template: 'case.received', params, entity: 'case', entityId: 1, stationId });
    await enqueue(t.database.db, {
      channel: 'email',
      recipient: 'zhang@example.cn',
      template: 'case.received',
      params,
      entity: 'case',
      entityId: 2,
      stationId,
    });
    await enqueue(t.database.db, { channel: 'log', recipient: 'user:1', template: 'case.received', params });
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    head = await login(t.app, 'hexi_head', STAFF_PASSWORD);
    clerk = await login(t.app, 'hexi_clerk', STAFF_PASSWORD);
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

  it('answers 401 without a session and 403 to a role without audit.read', async () => {
    expect((await get('/api/notifications')).statusCode).toBe(401);
    const res = await get('/api/notifications', clerk);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('R-ORG-01 a station head sees the station’s notices; the administrator also the system-wide ones', async () => {
    const mine = (await get('/api/notifications', head)).json();
    expect(mine.total).toBe(2);
    expect(mine.items.map((n: { entityId: string }) => n.entityId)).toEqual(['2', '1']);
    const all = (await get('/api/notifications', admin)).json();
    expect(all.total).toBe(3);
  });

  it('R-SYS-03 recipients are masked', async () => {
    const { items } = (await get('/api/notifications', head)).json();
    expect(items.map((n: { recipient: string }) => n.recipient)).toEqual(['zh***@example.cn', '138****5678']);
    expect(items[1]).toMatchObject({ channel: 'sms', template: 'case.received', status: 'pending', attempts: 0, subject: '您的投诉已受理', sentAt: null });
  });

  it('filters by status, entity and page', async () => {
    expect((await get('/api/notifications?status=sent', admin)).json()).toEqual({ items: [], total: 0 });
    const one = (await get('/api/notifications?entity=case&entityId=1', admin)).json();
    expect([one.total, one.items[0].recipient]).toEqual([1, '138****5678']);
    const page = (await get('/api/notifications?limit=1&offset=1', admin)).json();
    expect([page.total, page.items.length]).toEqual([3, 1]);
    const bad = (await get('/api/notifications?status=lost', admin)).json();
    expect(bad.error.code).toBe('validation_failed');
    expect(bad.error.fields[0].field).toBe('querystring.status');
  });
});
