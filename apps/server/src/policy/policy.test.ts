import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../testing/databases';
import { ADMIN_PASSWORD, STAFF_PASSWORD, createTestApp, login, type TestApp } from '../testing/app';

describe.each(BACKENDS)('policy administration on %s (R-CMT-01, R-CMT-02)', (backend) => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true });
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    clerk = await login(t.app, 'sunli', STAFF_PASSWORD);
  });
  afterAll(async () => t?.close());

  const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('ships seed (active) and sgcc-2011', async () => {
    const list = (await req('GET', '/api/policy/profiles', clerk)).json().items;
    expect(list.map((p: { id: string; status: string }) => `${p.id}:${p.status}`)).toEqual(['seed:active', 'sgcc-2011:retired']);
  });

  it('clone, edit and activate a profile; open cases keep the deadlines of their version', async () => {
    const c = (
      await req('POST', '/api/cases', clerk, {
        channel: 'counter',
        type: 'complaint',
        contactName: '周',
        description: 'x',
        receivedAt: '2025-09-30T10:00:00+08:00',
      })
    ).json();
    expect(c.deadlines[1]).toMatchObject({ rule: 'complaint.feedback', dueAt: '2025-10-15T16:00:00.000Z' });

    expect((await req('POST', '/api/policy/profiles/seed/1/clone', clerk, {})).statusCode).toBe(403);
    const draft = (await req('POST', '/api/policy/profiles/seed/1/clone', admin, {})).json();
    expect(draft).toEqual({ id: 'seed', version: 2 });
    const { definition } = (await req('GET', '/api/policy/profiles/seed/2', admin)).json();
    const bad = structuredClone(definition);
    bad.rules.find((r: { key: string }) => r.key === 'complaint.feedback').days = -1;
    const rejected = await req('PUT', '/api/policy/profiles/seed/2', admin, { definition: bad });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().error.fields[0].field).toMatch(/^definition\.rules\[\d+\]\.days$/);
    definition.rules.find((r: { key: string }) => r.key === 'complaint.feedback').days = 10;
    expect((await req('PUT', '/api/policy/profiles/seed/2', admin, { definition })).statusCode).toBe(200);
    expect((await req('POST', '/api/policy/profiles/seed/2/activate', admin)).statusCode).toBe(200);
    expect((await req('PUT', '/api/policy/profiles/seed/2', admin, { definition })).statusCode).toBe(409);

    const after = (await req('GET', `/api/cases/${c.id}`, clerk)).json();
    expect(after.profile).toEqual({ id: 'seed', version: 1 });
    expect(after.deadlines[1].dueAt).toBe('2025-10-15T16:00:00.000Z');
    const fresh = (
      await req('POST', '/api/cases', clerk, {
        channel: 'counter',
        type: 'complaint',
        contactName: '吴',
        description: 'y',
        receivedAt: '2025-09-30T10:00:00+08:00',
      })
    ).json();
    expect(fresh.profile).toEqual({ id: 'seed', version: 2 });
    expect(fresh.deadlines[1].dueAt).toBe('2025-10-10T16:00:00.000Z');
    const trail = (await req('GET', '/api/audit?entity=commitment_profile&action=activate', admin)).json();
    expect(trail.items[0].after).toEqual({ active: 'seed@2' });
  });

  it('calendar overrides change working days; a year without data carries a warning', async () => {
    const calc = (from: string) =>
      req('GET', `/api/policy/deadline?profile=sgcc-2011&rule=application.plan_reply.residential&from=${encodeURIComponent(from)}`, clerk);
    expect((await calc('2025-09-30T10:00:00+08:00')).json().dueAt).toBe('2025-10-12T00:00:00+08:00');
    expect((await req('PUT', '/api/policy/calendar/2025-10-11', admin, { off: true, name: '本地调整' })).statusCode).toBe(200);
    expect((await calc('2025-09-30T10:00:00+08:00')).json().dueAt).toBe('2025-10-14T00:00:00+08:00');
    expect((await req('DELETE', '/api/policy/calendar/2025-10-11', admin)).statusCode).toBe(204);
    expect((await calc('2025-09-30T10:00:00+08:00')).json().dueAt).toBe('2025-10-12T00:00:00+08:00');

    const y2025 = (await req('GET', '/api/policy/calendar?year=2025', clerk)).json();
    expect(y2025.hasOfficialData).toBe(true);
    expect(y2025.days).toContainEqual({ day: '2025-10-11', off: false, name: '国庆节、中秋节', source: 'bundled' });
    const y2027 = (await req('GET', '/api/policy/calendar?year=2027', clerk)).json();
    expect(y2027.hasOfficialData).toBe(false);
    expect(y2027.warning.zh).toContain('2027');
    await req('POST', '/api/policy/calendar/years/2027', admin);
    expect((await req('GET', '/api/policy/calendar?year=2027', clerk)).json().hasOfficialData).toBe(true);
  });

  it('the calculator names a bad field', async () => {
    const res = await req('GET', '/api/policy/deadline?profile=seed&rule=complaint.feedback&from=soon', clerk);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].field).toBe('from');
  });
});
