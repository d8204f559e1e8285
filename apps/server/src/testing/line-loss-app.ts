// A test server holding the hand-built line-loss network (line-loss-fixture.ts), imported through
// the web import as a clerk would, under station ST01 of the test county.
import { expect } from 'vitest';
import type { Backend } from '../db/connection';
import { ADMIN_PASSWORD, createTestApp, login, multipartFile, type TestApp } from './app';
import { lineLossFixture } from './line-loss-fixture';

export async function createLineLossApp(backend: Backend): Promise<{ t: TestApp; admin: string; stationId: number; countyCode: string }> {
  const t = await createTestApp(backend);
  // web imports never create stations, so the fixture's station is made first
  const county = await t.database.db.selectFrom('org_units').select(['id', 'path', 'code']).where('kind', '=', 'county').executeTakeFirstOrThrow();
  const st = await t.database.db
    .insertInto('org_units')
    .values({ code: 'ST01', name: '测试供电所', kind: 'station', parent_id: county.id, path: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.database.db
    .updateTable('org_units')
    .set({ path: `${county.path}${st.id}/` })
    .where('id', '=', st.id)
    .execute();
  const admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  const fx = lineLossFixture();
  for (const kind of ['feeders', 'areas', 'customers', 'meters', 'readings'] as const) {
    const body = multipartFile(`${kind}.csv`, fx[kind]);
    const res = await t.app.inject({ method: 'POST', url: `/api/ledger/import/${kind}`, headers: { cookie: admin, ...body.headers }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { t, admin, stationId: st.id, countyCode: county.code };
}
