// A test server holding the hand-built line-loss network (line-loss-fixture.ts), imported through
// the web import as a clerk would, under station ST01 of the test county.
import { expect } from 'vitest';
import type { Backend } from '../db/connection';
import { ADMIN_PASSWORD, createTestApp, login, multipartFile, type TestApp } from './app';
import { lineLossFixture } from './line-loss-fixture';
import { hashPassword } from '../org/password';

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

/** A team under the station whose member is responsible for areas A1 and A2: team rows and named managers. */
export async function addTeamManager(t: TestApp, stationId: number): Promise<number> {
  const db = t.database.db;
  const station = await db.selectFrom('org_units').select('path').where('id', '=', stationId).executeTakeFirstOrThrow();
  const team = await db
    .insertInto('org_units')
    .values({ code: 'ST01-T1', name: '营销一班', kind: 'team', team_kind: 'business', parent_id: stationId, path: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('org_units')
    .set({ path: `${station.path}${team.id}/` })
    .where('id', '=', team.id)
    .execute();
  const user = await db
    .insertInto('users')
    .values({
      username: 'zhangli',
      password_hash: await hashPassword('x-unused-pw'),
      display_name: '张立',
      org_unit_id: team.id,
      post: 'business_clerk',
      roles: ['clerk'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('areas').set({ manager_id: user.id }).where('code', 'in', ['A1', 'A2']).execute();
  return user.id;
}
