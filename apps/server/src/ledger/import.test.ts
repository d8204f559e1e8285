import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS } from '@griddesk/shared';
import { BACKENDS } from '../testing/databases';
import { ADMIN_PASSWORD, STAFF_PASSWORD, createTestApp, login, multipartFile, type TestApp } from '../testing/app';
import { addSecondStation } from '../testing/second-station';
import { generateLedger, toCsv } from '../demo/generator';
import { parse as parseCsvRecords } from 'csv-parse/sync';
import { csvField, parseCsv } from './files';

const HEADER = LEDGER_COLUMNS.customers.map((c) => c.key).join(',');
const row = (acct: string, over: Partial<Record<string, string>> = {}) => {
  const r = {
    account_no: acct,
    name: '测试用户',
    address: '示范县河西镇河西村2号',
    phone: '13700001234',
    customer_class: 'residential',
    voltage_level: 'LV',
    tariff_code: 'RES-1',
    area_code: 'HX-TA01',
    feeder_code: '',
    important: '0',
    dual_supply: '0',
    ...over,
  };
  return LEDGER_COLUMNS.customers.map((c) => r[c.key as keyof typeof r]).join(',');
};

describe.each(BACKENDS)('R-LED-03 all-or-nothing ledger import on %s', (backend) => {
  let t: TestApp;
  let hexi: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: true });
    await addSecondStation(t.database.db, STAFF_PASSWORD);
    hexi = await login(t.app, 'hexi_clerk', STAFF_PASSWORD);
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => t?.close());

  const upload = (kind: string, name: string, content: string | Buffer, cookie = hexi, query = '') => {
    const body = multipartFile(name, content);
    return t.app.inject({ method: 'POST', url: `/api/ledger/import/${kind}${query}`, headers: { cookie, ...body.headers }, payload: body.payload });
  };
  const total = async (cookie = admin) => (await t.app.inject({ url: '/api/ledger/customers?limit=1', headers: { cookie } })).json().total as number;
  const auditCount = async () => (await t.app.inject({ url: '/api/audit?limit=1', headers: { cookie: admin } })).json().total as number;

  it('one bad row among good ones: 422 naming its row and column, and nothing is written', async () => {
    const before = await total();
    const auditBefore = await auditCount();
    const csv = `${[HEADER, row('5500000101'), row('5500000102'), row('5500000103', { customer_class: 'commercial' }), row('5500000104')].join('\n')}\n`;
    const res = await upload('customers', 'customers.csv', csv);
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('import_rejected');
    expect(err.fields).toEqual([
      {
        row: 4,
        record: 3,
        field: 'customer_class',
        value: 'commercial',
        reason: 'must be one of residential, non_residential',
        reasonZh: '必须为 residential、non_residential 之一',
      },
    ]);
    expect(err.message).toContain('第 4 行');
    expect(err.messageEn).toContain('row 4');
    expect(await total()).toBe(before);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('every bad row is reported, duplicates name the first occurrence', async () => {
    const csv = [HEADER, row('5500000201'), row('5500000201'), row('5500000203', { area_code: 'TA00001' }), row('5500000204', { phone: 'x' })].join('\n');
    const err = (await upload('customers', 'c.csv', csv)).json().error;
    expect(err.fields.map((f: { row: number; field: string }) => [f.row, f.field])).toEqual([
      [3, 'account_no'],
      [4, 'area_code'],
      [5, 'phone'],
    ]);
    expect(err.fields[0].reasonZh).toBe('与第 2 行编号重复');
  });

  it('a missing required column rejects the file', async () => {
    const res = await upload('customers', 'c.csv', 'account_no,name\n1,x\n');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['address', 'customer_class', 'voltage_level', 'tariff_code']);
  });

  it('an empty file is rejected', async () => {
    expect((await upload('customers', 'c.csv', `${HEADER}\n`)).statusCode).toBe(422);
  });

  it('a good file is imported; re-importing it changes nothing; an edit is an audited update', async () => {
    const before = await total();
    const csv = `${[HEADER, row('5500000301'), row('5500000302', { important: '1' })].join('\n')}\n`;
    const first = await upload('customers', 'c.csv', csv);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rows: 2, inserted: 2, updated: 0 });
    expect(await total()).toBe(before + 2);
    expect((await upload('customers', 'c.csv', csv)).json()).toMatchObject({ inserted: 0, updated: 0 });
    const edited = [HEADER, row('5500000301', { name: '改名用户' }), row('5500000302', { important: '1' })].join('\n');
    expect((await upload('customers', 'c.csv', edited)).json()).toMatchObject({ inserted: 0, updated: 1 });
    const trail = (await t.app.inject({ url: '/api/audit?action=import.update&entity=customer', headers: { cookie: admin } })).json();
    expect(trail.items[0].before.name).toBe('测试用户');
    expect(trail.items[0].after.name).toBe('改名用户');
    const batch = (await t.app.inject({ url: '/api/audit?action=import.customers&limit=1', headers: { cookie: admin } })).json();
    expect(batch.items[0]).toMatchObject({ actorName: 'hexi_clerk', after: { rows: 2, inserted: 0, updated: 1 } });
  });

  it('R-ORG-01 an import cannot reach another station: its areas are unknown, its keys untouchable', async () => {
    const res = await upload('customers', 'c.csv', [HEADER, row('5500000401', { area_code: 'TA00001' })].join('\n'));
    expect(res.json().error.fields[0]).toMatchObject({ field: 'area_code', reasonZh: '台区编号不存在或不在本单位范围内' });
    // 3100000001 belongs to the demo station: the Hexi clerk may not overwrite it.
    const takeover = await upload('customers', 'c.csv', [HEADER, row('3100000001')].join('\n'));
    expect(takeover.statusCode).toBe(422);
    expect(takeover.json().error.fields[0]).toMatchObject({ row: 2, field: 'account_no', value: '3100000001' });
  });

  it('XLSX with the Chinese template headers imports like CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('customers');
    ws.addRow(LEDGER_COLUMNS.customers.map((c) => c.zh));
    ws.addRow(['5500000501', '表格用户', '示范县河西镇3号', '13700005555', 'residential', 'LV', 'RES-1', 'HX-TA01', '', 0, 0]);
    ws.addRow([5500000502, '数字户号', '示范县河西镇4号', 13700005556, 'residential', 'LV', 'RES-1', 'HX-TA01', 'HX-F01', 1, 0]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload('customers', 'customers.xlsx', buf);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ inserted: 2 });
    const found = (await t.app.inject({ url: '/api/ledger/customers?q=5500000502', headers: { cookie: hexi } })).json();
    expect(found.items[0]).toMatchObject({ name: '数字户号', important: true, phone: '137****5556' });
  });

  it('async import reports progress and its outcome through the job', async () => {
    const csv = [HEADER, ...Array.from({ length: 50 }, (_, i) => row(`55000006${String(i).padStart(2, '0')}`))].join('\n');
    const res = await upload('customers', 'c.csv', csv, hexi, '?async=1');
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    let job: { status: string; [k: string]: unknown } | undefined;
    for (let i = 0; i < 100; i++) {
      job = (await t.app.inject({ url: `/api/ledger/import-jobs/${jobId}`, headers: { cookie: hexi } })).json();
      if (job?.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: 'succeeded', phase: 'done', totalRows: 50, processedRows: 50, inserted: 50 });
    // another user cannot read someone else's job
    expect((await t.app.inject({ url: `/api/ledger/import-jobs/${jobId}`, headers: { cookie: admin } })).statusCode).toBe(404);
  });

  it('a generated network imports in dependency order with matching counts', async () => {
    const ledger = generateLedger({ customers: 300, areas: 6, feeders: 2, seed: 99, stationCodes: ['ST02'] });
    // Prefix codes so they do not collide with the demo station's.
    const rename = (s: string) => s.replace(/^(F|TA)(\d)/, 'G$1$2');
    const feeders = ledger.feeders.map((f) => ({ ...f, feeder_code: rename(f.feeder_code) }));
    const areas = ledger.areas.map((a) => ({ ...a, area_code: rename(a.area_code), feeder_code: rename(a.feeder_code) }));
    const customers = ledger.customers.map((c) => ({
      ...c,
      account_no: `7${c.account_no.slice(1)}`,
      area_code: c.area_code && rename(c.area_code),
      feeder_code: c.feeder_code && rename(c.feeder_code),
    }));
    const meters = ledger.meters.map((m) => ({
      ...m,
      meter_no: `9${m.meter_no}`,
      account_no: m.account_no && `7${m.account_no.slice(1)}`,
      area_code: m.area_code && rename(m.area_code),
      feeder_code: m.feeder_code && rename(m.feeder_code),
    }));
    for (const [kind, rows] of [
      ['feeders', feeders],
      ['areas', areas],
      ['customers', customers],
      ['meters', meters],
    ] as const) {
      const res = await upload(kind, `${kind}.csv`, toCsv(kind, rows));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().inserted).toBe(rows.length);
    }
    const summary = (await t.app.inject({ url: '/api/ledger/summary', headers: { cookie: hexi } })).json();
    expect(summary.feeders).toBe(1 + 2);
    expect(summary.areas).toBe(1 + 6);
  });

  it('two overlapping imports at once both land and count correctly', async () => {
    const a = [HEADER, row('5500000701'), row('5500000702'), row('5500000703')].join('\n');
    const b = [HEADER, row('5500000702'), row('5500000703'), row('5500000704')].join('\n');
    const [ra, rb] = await Promise.all([upload('customers', 'a.csv', a), upload('customers', 'b.csv', b)]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    expect(ra.json().inserted + rb.json().inserted).toBe(4);
    expect(ra.json().updated + rb.json().updated).toBe(0);
  });

  it('issue 9 item 5: names that are formulas import as text, export in CSV behind a quote, read back as they were, stay strings in XLSX', async () => {
    const names: Record<string, string> = {
      '5500000951': '=HYPERLINK("http://x")',
      '5500000952': '@SUM(1)',
      '5500000953': '+1+2',
      '5500000954': '-2+3',
      '5500000955': '=typed behind a text quote',
    };
    // a quote in front of a formula is how a spreadsheet marks text: the import reads it as such
    const input = { ...names, '5500000955': "'=typed behind a text quote" };
    const csv = [HEADER, ...Object.entries(input).map(([acct, name]) => row(acct, { name: csvField(name), address: csvField(`=${acct}河西镇`) }))].join('\n');
    const imported = await upload('customers', 'formulas.csv', `${csv}\n`);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ inserted: 5 });
    const stored = await t.database.db.selectFrom('customers').select(['account_no', 'name']).where('account_no', 'in', Object.keys(names)).execute();
    expect(Object.fromEntries(stored.map((c) => [c.account_no, c.name]))).toEqual(names);

    const exported = await t.app.inject({ url: '/api/ledger/export/customers?format=csv', headers: { cookie: hexi } });
    expect(exported.statusCode).toBe(200);
    const body = exported.body.replace(/^\uFEFF/, '');
    expect(body).toContain(`5500000951,"'=HYPERLINK(""http://x"")",`);
    expect(body).toContain("5500000952,'@SUM(1),");
    expect(body).toContain("5500000953,'+1+2,");
    expect(body).toContain("5500000954,'-2+3,");
    expect(body).toContain("5500000955,'=typed behind a text quote,");
    // no cell of the file, the masked addresses included, starts a formula
    const cells = (parseCsvRecords(body) as string[][]).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain("'=55000****"); // a masked address keeps its first 6 characters
    // the import reads the exported file back to the names as they were
    const back = parseCsv('customers', Buffer.from(exported.body));
    const nameAt = back.keys.indexOf('name');
    const accountAt = back.keys.indexOf('account_no');
    const readBack = Object.fromEntries(back.rows.filter((r) => r[accountAt]! in names).map((r) => [r[accountAt], r[nameAt]]));
    expect(readBack).toEqual(names);

    // XLSX keeps writing plain string cells: no quote, no formula
    const xlsx = await t.app.inject({ url: '/api/ledger/export/customers?format=xlsx', headers: { cookie: hexi } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const found: Record<string, string> = {};
    sheet.eachRow((r, n) => {
      const acct = String(r.getCell(1).value);
      if (n === 1 || !(acct in names)) return;
      const cell = r.getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      found[acct] = cell.value as string;
    });
    expect(found).toEqual(names);
  });

  it('the import endpoint needs the import permission', async () => {
    const supervisor = await login(t.app, 'xiemei', STAFF_PASSWORD);
    expect((await upload('customers', 'c.csv', `${HEADER}\n${row('5500000901')}`, supervisor)).statusCode).toBe(403);
  });
});
