// A second station beside the demo one, with one clerk, to prove that scoping holds.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { hashPassword } from '../org/password';

export async function addSecondStation(db: Kysely<DB>, password: string) {
  const county = await db.selectFrom('org_units').select(['id', 'path']).where('kind', '=', 'county').executeTakeFirstOrThrow();
  const st = await db
    .insertInto('org_units')
    .values({ code: 'ST02', name: '河西供电所', kind: 'station', parent_id: county.id, path: 'pending' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('org_units')
    .set({ path: `${county.path}${st.id}/` })
    .where('id', '=', st.id)
    .execute();
  await db
    .insertInto('users')
    .values({
      username: 'hexi_clerk',
      password_hash: await hashPassword(password),
      display_name: '河西营业员',
      org_unit_id: st.id,
      post: 'business_clerk',
      badge_no: 'HX0001',
      roles: ['clerk'],
      phone: null,
      photo_url: null,
    })
    .execute();
  const feeder = await db.insertInto('feeders').values({ code: 'HX-F01', name: '10kV河西线', station_id: st.id }).returning('id').executeTakeFirstOrThrow();
  const area = await db
    .insertInto('areas')
    .values({ code: 'HX-TA01', name: '河西村1号台区', feeder_id: feeder.id, station_id: st.id, capacity_kva: 200, manager_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const customer = await db
    .insertInto('customers')
    .values({
      account_no: '5500000001',
      name: '河西用户',
      address: '示范县河西镇河西村1号',
      phone: '13900001111',
      customer_class: 'residential',
      voltage_level: 'LV',
      tariff_code: 'RES-1',
      industry: null,
      reading_segment: null,
      area_id: area.id,
      feeder_id: feeder.id,
      station_id: st.id,
      manager_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { stationId: st.id, customerId: customer.id };
}
