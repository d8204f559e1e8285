import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../testing/databases';
import { ADMIN_PASSWORD, createTestApp, login, multipartFile, type TestApp } from '../testing/app';
import { lineLossFixture } from '../testing/line-loss-fixture';

describe.each(BACKENDS)('line loss and reading flags over HTTP on %s (R-MTR-02, R-MTR-04)', (backend) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    // the fixture's station must exist before a web import (web imports never create stations)
    const county = await t.database.db.selectFrom('org_units').select(['id', 'path']).where('kind', '=', 'county').executeTakeFirstOrThrow();
    const st = await t.database.db.insertInto('org_units').values({ code: 'ST01', name: '测试供电所', kind: 'station', parent_id: county.id, path: 'x' }).returning('id').executeTakeFirstOrThrow();
    await t.database.db.updateTable('org_units').set({ path: `${county.path}${st.id}/` }).where('id', '=', st.id).execute();
    admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    const fx = lineLossFixture();
    for (const kind of ['feeders', 'areas', 'customers', 'meters', 'readings'] as const) {
      const body = multipartFile(`${kind}.csv`, fx[kind]);
      const res = await t.app.inject({ method: 'POST', url: `/api/ledger/import/${kind}`, headers: { cookie: admin, ...body.headers }, payload: body.payload });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => t?.close());

  it('answers the same figures as the command line', async () => {
    const res = await t.app.inject({ url: '/api/metering/lineloss?period=2025-06&level=area', headers: { cookie: admin } });
    expect(res.json().items.map((r: { code: string; class: string }) => `${r.code}:${r.class}`)).toEqual(['A1:qualified', 'A2:not_computable', 'A3:negative_loss', 'A4:high_loss']);
    const flags = await t.app.inject({ url: '/api/metering/reading-flags?period=2025-06', headers: { cookie: admin } });
    expect(flags.json().items).toContainEqual({ meterNo: 'M-A2C0', flag: 'missed' });
    expect((await t.app.inject({ url: '/api/metering/lineloss?period=2025-13' , headers: { cookie: admin } })).statusCode).toBe(422);
    expect((await t.app.inject({ url: '/api/metering/lineloss?period=2025-06' })).statusCode).toBe(401);
  });
});
