import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS } from '@griddesk/shared';
import { BACKENDS } from '../testing/databases';
import { ADMIN_PASSWORD, STAFF_PASSWORD, createTestApp, login, type TestApp, waitForJob } from '../testing/app';
import { XLSX_TYPE } from './jobs';
import { addSecondStation } from '../testing/second-station';

describe.each(BACKENDS)('ledger reads on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  let supervisor: string;
  let hexi: string;
  let hexiCustomer: number;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true });
    hexiCustomer = (await addSecondStation(t.database.db, STAFF_PASSWORD)).customerId;
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    clerk = await login(t.app, 'sunli', STAFF_PASSWORD);
    supervisor = await login(t.app, 'xiemei', STAFF_PASSWORD);
    hexi = await login(t.app, 'hexi_clerk', STAFF_PASSWORD);
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

  it('without a session the ledger answers 401', async () => {
    const res = await get('/api/ledger/customers');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('R-LED-01 / R-SYS-03 the demo station lists ≥10,000 customers, every phone masked', async () => {
    const res = await get('/api/ledger/customers?limit=5', admin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(10_000);
    expect(body.items).toHaveLength(5);
    for (const c of body.items) {
      if (c.phone !== null) expect(c.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(c.address).toMatch(/\*{4}$/);
    }
  });

  it('R-ORG-01 each station sees its own customers only', async () => {
    const mine = (await get('/api/ledger/customers?limit=1', hexi)).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0].accountNo).toBe('5500000001');
    const demoTotal = (await get('/api/ledger/customers?limit=1', clerk)).json().total;
    const all = (await get('/api/ledger/customers?limit=1', admin)).json().total;
    expect(all).toBe(demoTotal + 1);
    expect((await get(`/api/ledger/customers/${hexiCustomer}`, clerk)).statusCode).toBe(404);
    expect((await get(`/api/ledger/customers/${hexiCustomer}`, hexi)).statusCode).toBe(200);
  });

  it('search and filters narrow the list', async () => {
    const hv = (await get('/api/ledger/customers?voltageLevel=HV&limit=500', admin)).json();
    expect(hv.total).toBeGreaterThan(0);
    expect(hv.items.every((c: { voltageLevel: string; areaCode: string | null }) => c.voltageLevel === 'HV' && c.areaCode === null)).toBe(true);
    const one = (await get('/api/ledger/customers?q=3100000002', admin)).json();
    expect(one.items.map((c: { accountNo: string }) => c.accountNo)).toEqual(['3100000002']);
    const important = (await get('/api/ledger/customers?important=true&limit=1', admin)).json().total;
    const summary = (await get('/api/ledger/summary', admin)).json();
    expect(important).toBe(summary.important + 0);
    expect(summary).toMatchObject({ feeders: 11, areas: 151 });
  });

  it('R-SYS-03 revealing personal data is allowed to the clerk, audited, and refused to the supervisor', async () => {
    const c = (await get('/api/ledger/customers?limit=1', clerk)).json().items[0];
    const refused = await t.app.inject({ method: 'POST', url: `/api/ledger/customers/${c.id}/reveal`, headers: { cookie: supervisor } });
    expect(refused.statusCode).toBe(403);
    const revealed = await t.app.inject({ method: 'POST', url: `/api/ledger/customers/${c.id}/reveal`, headers: { cookie: clerk } });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json().phone).toMatch(/^1[3-9]\d{9}$/);
    const audit = (await get(`/api/audit?entity=customer&entityId=${c.id}&action=reveal_personal_data`, admin)).json();
    expect(audit.items[0]).toMatchObject({ actorName: 'sunli', action: 'reveal_personal_data' });
  });

  it('detail carries meters and, for HV customers, the supply contract', async () => {
    const hv = (await get('/api/ledger/customers?voltageLevel=HV&limit=1', admin)).json().items[0];
    const detail = (await get(`/api/ledger/customers/${hv.id}`, admin)).json();
    expect(detail.meters).toEqual([expect.objectContaining({ role: 'customer' })]);
    expect(detail.contracts.length).toBe(1);
    expect(detail.phone).toMatch(/\*{4}/);
  });

  it('feeders, areas and meters list within scope', async () => {
    const feeders = (await get('/api/ledger/feeders?limit=50', clerk)).json();
    expect(feeders.total).toBe(10);
    expect(feeders.items.reduce((s: number, f: { customerCount: number }) => s + f.customerCount, 0)).toBe(20_000);
    expect((await get('/api/ledger/areas?limit=1', clerk)).json().total).toBe(150);
    const gateways = (await get('/api/ledger/meters?q=F001', clerk)).json();
    expect(gateways.items.some((m: { role: string }) => m.role === 'gateway')).toBe(true);
  });

  it('R-LED-03 CSV export uses the machine headers and re-imports as is', async () => {
    const res = await get('/api/ledger/export/feeders?format=csv', hexi);
    expect(res.statusCode).toBe(200);
    expect(res.body.replace(/^\uFEFF/, '')).toBe('feeder_code,name,station_code\nHX-F01,10kV河西线,ST02\n');
  });

  it('R-LED-03 the XLSX template carries Chinese headers; the CSV template machine headers', async () => {
    const csv = await get('/api/ledger/templates/customers?format=csv', clerk);
    expect(csv.body.replace(/^\uFEFF/, '').trim()).toBe(LEDGER_COLUMNS.customers.map((c) => c.key).join(','));
    const xlsx = await get('/api/ledger/templates/customers?format=xlsx', clerk);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(LEDGER_COLUMNS.customers.map((c) => c.zh));
  });

  it('R-LED-03 / R-SYS-03 an export runs as a job: masked without personal.export, its file for its owner only, audited with the row count', async () => {
    const start = await t.app.inject({ method: 'POST', url: '/api/ledger/exports', headers: { cookie: clerk }, payload: { kind: 'customers', format: 'csv' } });
    expect(start.statusCode, start.body).toBe(202);
    const { jobId } = start.json();
    const job = await waitForJob(t.app, clerk, jobId);
    expect(job).toMatchObject({ kind: 'ledger.export', status: 'succeeded', progress: { done: 20_000, total: 20_000, phase: 'done' } });
    expect(job.result).toMatchObject({
      kind: 'customers',
      format: 'csv',
      rows: 20_000,
      personalData: 'masked',
      file: { contentType: 'text/csv; charset=utf-8' },
    });
    const file = await get(`/api/jobs/${jobId}/file`, clerk);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = file.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(LEDGER_COLUMNS.customers.map((c) => c.key).join(','));
    expect(lines).toHaveLength(20_001);
    expect(file.body).not.toMatch(/(?<!\d)1\d{10}(?!\d)/);
    expect(file.body).toMatch(/1\d\d\*{4}\d{4}/);
    // someone else's job does not exist for them
    expect((await get(`/api/jobs/${jobId}`, admin)).statusCode).toBe(404);
    expect((await get(`/api/jobs/${jobId}/file`, admin)).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'after'])
      .where('action', '=', 'export.customers')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_name: 'sunli', after: { format: 'csv', rows: 20_000, personalData: 'masked', jobId } });

    // with personal.export, as XLSX with the Chinese headers, in full
    const full = await t.app.inject({ method: 'POST', url: '/api/ledger/exports', headers: { cookie: admin }, payload: { kind: 'customers', format: 'xlsx' } });
    const done = await waitForJob<{ rows: number; personalData: string }>(t.app, admin, full.json().jobId);
    expect(done.result).toMatchObject({ personalData: 'full', file: { contentType: XLSX_TYPE } });
    const xlsx = await get(`/api/jobs/${full.json().jobId}/file`, admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER_COLUMNS.customers.map((c) => c.zh));
    expect(sheet.rowCount).toBe(done.result!.rows + 1);
    expect(JSON.stringify(sheet.getRow(2).values)).toMatch(/"1\d{10}"/);
  });

  it('GET /api/jobs lists the caller’s own jobs only', async () => {
    const mine = (await get('/api/jobs?limit=5', clerk)).json();
    expect(mine).toMatchObject({ total: 1, items: [{ kind: 'ledger.export', status: 'succeeded' }] });
    const admins = (await get('/api/jobs?kind=ledger.export', admin)).json();
    expect(admins.total).toBe(1);
    expect(admins.items[0].id).not.toBe(mine.items[0].id);
  });

  it('the audit trail needs the audit permission', async () => {
    expect((await get('/api/audit', clerk)).statusCode).toBe(403);
    expect((await get('/api/audit?limit=5', admin)).json().total).toBeGreaterThan(0);
  });
});
