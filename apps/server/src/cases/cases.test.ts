import { OPEN_STATUSES } from '@griddesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../testing/databases';
import { ADMIN_PASSWORD, STAFF_PASSWORD, createTestApp, login, multipartFile, type TestApp } from '../testing/app';
import { QUERY_CODE_ALPHABET } from './query-code';

describe.each(BACKENDS)('service cases on %s (R-CASE-01..08, R-CMT-12)', (backend) => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  let crew: { id: number };
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true });
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    clerk = await login(t.app, 'sunli', STAFF_PASSWORD);
    crew = await t.database.db.selectFrom('users').select('id').where('username', '=', 'xujun').executeTakeFirstOrThrow();
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: object, cookie?: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers: { ...(cookie ? { cookie } : {}), ...headers } });
  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const act = (id: number, body: object, cookie = admin) => post(`/api/cases/${id}/transitions`, body, cookie);

  it('portal: a double submit with one Idempotency-Key makes one case; staff close the loop; tracking shows no personal data', async () => {
    const body = {
      type: 'complaint',
      contactName: '王大妈',
      contactPhone: '13912345678',
      contactAddress: '示范县城关镇东街12号',
      description: '抄表员态度不好',
    };
    const first = await post('/api/portal/cases', body, undefined, { 'idempotency-key': 'abc-123-def-456' });
    const second = await post('/api/portal/cases', body, undefined, { 'idempotency-key': 'abc-123-def-456' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    const code = first.json().queryCode;
    expect(second.json().queryCode).toBe(code);
    expect(code).toHaveLength(12);
    expect([...code].every((c: string) => QUERY_CODE_ALPHABET.includes(c))).toBe(true);
    const n = await t.database.db
      .selectFrom('cases')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('contact_phone', '=', '13912345678')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);

    const inbox = (await get('/api/cases?open=true', clerk)).json();
    const c = inbox.items.find((x: { queryCode: string }) => x.queryCode === code);
    expect(c).toMatchObject({ status: 'received', owner: null, type: 'complaint', channel: 'portal' });
    expect(c.contact.phone).toBe('139****5678');
    expect(c.deadlines.map((d: { rule: string }) => d.rule)).toEqual(['complaint.accept', 'complaint.feedback']);

    for (const [body, status] of [
      [{ action: 'accept' }, 'accepted'],
      [{ action: 'assign', assigneeId: crew.id }, 'assigned'],
      [{ action: 'start' }, 'in_progress'],
      [{ action: 'resolve', conclusion: '已约谈抄表员并向客户致歉' }, 'resolved'],
      [{ action: 'callback', satisfaction: 5, comment: '满意' }, 'callback_done'],
      [{ action: 'close' }, 'closed'],
    ] as const) {
      const res = await act(c.id, body, clerk);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(status);
    }
    const detail = (await get(`/api/cases/${c.id}`, clerk)).json();
    expect(detail.owner.name).toBe('孙丽'); // the clerk who accepted the portal case is its first responder
    expect(detail.assignee.name).toBe('徐军');
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['register', 'accept', 'assign', 'start', 'resolve', 'callback', 'close']);
    expect(detail.deadlines.every((d: { metAt: string | null; breached: boolean }) => d.metAt && !d.breached)).toBe(true);

    const revealed = await post(`/api/cases/${c.id}/reveal`, {}, clerk);
    expect(revealed.json()).toEqual({ phone: '13912345678', address: '示范县城关镇东街12号' });
    const supervisor = await login(t.app, 'xiemei', STAFF_PASSWORD);
    expect((await post(`/api/cases/${c.id}/reveal`, {}, supervisor)).statusCode).toBe(403);

    const tracked = await get(`/api/portal/cases/${code}`);
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json().status).toBe('closed');
    const text = tracked.body;
    for (const secret of ['13912345678', '139****5678', '5678', '东街12号', '示范县城关镇', '王大妈']) expect(text).not.toContain(secret);
    expect(tracked.json().steps.map((s: { action: string }) => s.action)).toContain('callback');
  });

  it('R-CASE-04 a transition not allowed from the current status answers 409', async () => {
    const c = (await post('/api/cases', { channel: 'counter', type: 'consultation', contactName: '李', description: '咨询电价' }, clerk)).json();
    const res = await act(c.id, { action: 'resolve', conclusion: 'x' }, clerk);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
  });

  it('bad input answers 422 naming the field', async () => {
    const unknownType = await post('/api/cases', { channel: 'counter', type: 'gossip', contactName: '李', description: 'x' }, clerk);
    expect(unknownType.statusCode).toBe(422);
    expect(unknownType.json().error.fields.map((f: { field: string }) => f.field)).toContain('type');
    const portalType = await post('/api/portal/cases', { type: 'meter_test', contactName: '李', contactPhone: '13900000000', description: 'x' });
    expect(portalType.statusCode).toBe(422);
    const c = (await post('/api/cases', { channel: 'phone', type: 'billing_query', contactName: '李', description: '电费偏高' }, clerk)).json();
    for (const action of ['accept', 'assign', 'start']) await act(c.id, action === 'assign' ? { action, assigneeId: crew.id } : { action }, clerk);
    const noConclusion = await act(c.id, { action: 'resolve' }, clerk);
    expect(noConclusion.statusCode).toBe(422);
    expect(noConclusion.json().error.fields[0].field).toBe('conclusion');
    expect((await act(c.id, { action: 'resolve', conclusion: '已复核，电量正确' }, clerk)).statusCode).toBe(200);
    const seven = await act(c.id, { action: 'callback', satisfaction: 7 }, clerk);
    expect(seven.statusCode).toBe(422);
    expect(seven.json().error.fields[0].field).toBe('satisfaction');
  });

  it('R-CASE-03 the callback belongs to the first responder', async () => {
    const c = (await post('/api/cases', { channel: 'counter', type: 'suggestion', contactName: '张', description: '建议延长营业时间' }, clerk)).json();
    const other = await login(t.app, 'zhouting', STAFF_PASSWORD);
    for (const b of [{ action: 'accept' }, { action: 'assign', assigneeId: crew.id }, { action: 'start' }, { action: 'resolve', conclusion: '已采纳' }])
      await act(c.id, b, clerk);
    expect((await act(c.id, { action: 'callback', satisfaction: 4 }, other)).statusCode).toBe(403);
    expect((await act(c.id, { action: 'callback', satisfaction: 4 }, clerk)).statusCode).toBe(200);
  });

  it('R-CMT-12 a case whose clock has run out is overdue and has a breach record', async () => {
    const receivedAt = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const c = (await post('/api/cases', { channel: 'report_box', type: 'complaint', contactName: '赵', description: '举报箱来信', receivedAt }, clerk)).json();
    expect(c.overdue).toBe(true);
    const overdue = (await get('/api/cases?overdue=true', clerk)).json();
    expect(overdue.items.map((x: { id: number }) => x.id)).toContain(c.id);
    const breaches = (await get(`/api/breaches?caseId=${c.id}`, clerk)).json();
    expect(breaches.items).toEqual([expect.objectContaining({ rule: 'complaint.accept', status: 'open', responsible: '孙丽' })]);
    expect(new Date(breaches.items[0].feedbackDueAt).getTime()).toBeGreaterThan(Date.now() + 9 * 86_400_000);
    const breachId = breaches.items[0].id;
    const patch = (body: object, cookie: string) => t.app.inject({ method: 'PATCH', url: `/api/breaches/${breachId}`, payload: body, headers: { cookie } });
    expect((await patch({ status: 'verified', compensationFen: 5000 }, clerk)).statusCode).toBe(403);
    const head = await login(t.app, 'wangjianguo', STAFF_PASSWORD);
    expect((await patch({ status: 'verified', compensationFen: 5000 }, head)).json()).toMatchObject({
      status: 'verified',
      compensationFen: 5000,
      penaltyFen: 10000,
    });
    const fresh = (await post('/api/cases', { channel: 'counter', type: 'complaint', contactName: '钱', description: 'x' }, clerk)).json();
    expect(overdue.items.map((x: { id: number }) => x.id)).not.toContain(fresh.id);
  });

  it('the inbox lists open cases with the least time left first', async () => {
    const items = (await get('/api/cases?open=true&limit=500', clerk)).json().items as { timeLeftMinutes: number | null }[];
    const left = items.map((i) => i.timeLeftMinutes).filter((m): m is number => m !== null);
    expect(left.length).toBeGreaterThan(1);
    expect([...left].sort((a, b) => a - b)).toEqual(left);
  });

  it('the whole inbox pages the same as one long list: open cases by time left, then closed ones newest first', async () => {
    type Row = { id: number; status: string };
    // three cases of this test's own, two of them resolved, so the list has both kinds whatever ran before
    for (let k = 0; k < 3; k++) {
      const c = (await post('/api/cases', { channel: 'counter', type: 'consultation', contactName: `测${k}`, description: '咨询电价' }, clerk)).json();
      if (k === 2) continue;
      for (const body of [
        { action: 'accept' },
        { action: 'assign', assigneeId: crew.id },
        { action: 'start' },
        { action: 'resolve', conclusion: '已当场解答' },
      ]) {
        const res = await act(c.id, body, clerk);
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    const all = (await get('/api/cases?limit=500', clerk)).json() as { items: Row[]; total: number };
    expect(all.total).toBe(all.items.length);
    const closedStatus = (i: Row) => !OPEN_STATUSES.includes(i.status as never);
    const firstClosed = all.items.findIndex(closedStatus);
    expect(firstClosed).toBeGreaterThan(0);
    expect(all.items.slice(firstClosed).every(closedStatus)).toBe(true);
    const paged: number[] = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = (await get(`/api/cases?limit=2&offset=${offset}`, clerk)).json() as { items: Row[]; total: number };
      expect(page.total).toBe(all.total);
      paged.push(...page.items.map((i) => i.id));
    }
    expect(paged).toEqual(all.items.map((i) => i.id));
    const closedOnly = (await get('/api/cases?status=resolved', clerk)).json() as { items: Row[]; total: number };
    expect(closedOnly.total).toBeGreaterThan(0);
    expect(closedOnly.items.every((i) => i.status === 'resolved')).toBe(true);
  });

  it('pausing stops a repair clock; the profile version is kept on the case (R-CMT-01)', async () => {
    const c = (
      await post('/api/cases', { channel: 'phone', type: 'fault_repair', faultClass: 'lv_equipment', contactName: '孙', description: '表箱烧坏' }, clerk)
    ).json();
    expect(c.profile).toEqual({ id: 'seed', version: 1 });
    const due0 = new Date(c.deadlines[0].dueAt).getTime();
    for (const b of [
      { action: 'accept' },
      { action: 'assign', assigneeId: crew.id },
      { action: 'start' },
      { action: 'pause', reason: '客户不在家，约定明天上门' },
    ])
      await act(c.id, b, clerk);
    await new Promise((r) => setTimeout(r, 1200));
    const paused = (await get(`/api/cases/${c.id}`, clerk)).json();
    expect(new Date(paused.deadlines[0].dueAt).getTime()).toBeGreaterThanOrEqual(due0 + 1000);
    expect((await act(c.id, { action: 'pause', reason: 'again' }, clerk)).statusCode).toBe(409);
    expect((await act(c.id, { action: 'resume' }, clerk)).json().status).toBe('in_progress');
  });

  it('evidence: photos and PDFs up to the limit are attached and audited; other files are refused', async () => {
    const c = (await post('/api/cases', { channel: 'counter', type: 'complaint', contactName: '冯', description: '表箱破损' }, clerk)).json();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    const upload = (name: string, data: Buffer) => {
      const body = multipartFile(name, data, 'application/octet-stream');
      return t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/attachments`, headers: { cookie: clerk, ...body.headers }, payload: body.payload });
    };
    const ok = await upload('现场照片.png', png);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ contentType: 'image/png', sizeBytes: 108 });
    const exe = await upload('photo.png', Buffer.from('MZ not really a picture'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.fields[0].field).toBe('file');
    const list = (await get(`/api/cases/${c.id}/attachments`, clerk)).json();
    expect(list.items).toEqual([expect.objectContaining({ filename: '现场照片.png', uploadedBy: '孙丽' })]);
    expect(list.total).toBe(1);
    const download = await get(`/api/cases/${c.id}/attachments/${list.items[0].id}`, clerk);
    expect(download.rawPayload.equals(png)).toBe(true);
  });

  it('a case needs a session, and another station cannot see it', async () => {
    expect((await get('/api/cases')).statusCode).toBe(401);
    expect((await get('/api/portal/cases/NOTACODE0000')).statusCode).toBe(404);
  });

  it('the published commitments come from the active profile', async () => {
    const res = (await get('/api/portal/commitments')).json();
    expect(res.profile.id).toBe('seed');
    expect(res.items.find((r: { key: string }) => r.key === 'complaint.feedback')).toMatchObject({ clock: 'calendar_days', days: 15 });
  });
});
