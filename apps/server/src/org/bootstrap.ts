// First start: a root county and the `admin` user. The password comes from
// GRIDDESK_ADMIN_PASSWORD, or is generated and printed once.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeAudit } from '../audit/write';
import { hashPassword, randomPassword } from './password';

export const ROOT_COUNTY = { code: 'CO01', name: '示范县供电公司', nameEn: 'Demo County Power Supply Company' };

export async function ensureRootCounty(db: Kysely<DB>): Promise<number> {
  const existing = await db.selectFrom('org_units').select('id').where('kind', '=', 'county').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  if (existing) return existing.id;
  return db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('org_units')
      .values({ code: ROOT_COUNTY.code, name: ROOT_COUNTY.name, name_en: ROOT_COUNTY.nameEn, kind: 'county', path: '/' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('org_units')
      .set({ path: `/${id}/` })
      .where('id', '=', id)
      .execute();
    await writeAudit(tx, { id: null, name: 'system', orgUnitId: null }, { entity: 'org_unit', entityId: id, action: 'create', after: ROOT_COUNTY });
    return id;
  });
}

/** Returns the generated password when one had to be made, so the caller can print it once. */
export async function ensureAdmin(db: Kysely<DB>, configured: string | undefined): Promise<string | null> {
  const existing = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (existing) return null;
  const countyId = await ensureRootCounty(db);
  const password = configured ?? randomPassword();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('users')
      .values({
        username: 'admin',
        password_hash: hash,
        display_name: '系统管理员',
        org_unit_id: countyId,
        post: 'sysadmin',
        badge_no: null,
        roles: ['admin'],
        phone: null,
        photo_url: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      tx,
      { id: null, name: 'system', orgUnitId: null },
      { entity: 'user', entityId: id, action: 'create', after: { username: 'admin', roles: ['admin'] } },
    );
  });
  return configured ? null : password;
}
