// Commitment profiles and the calendar as stored: builtin profiles are seeded as version 1 at
// start, `seed` active unless an administrator has activated another.
import { sql, type Kysely } from 'kysely';
import { BUILTIN_PROFILES, chinaCalendar, type Calendar, type CommitmentProfile } from '@griddesk/domain';
import type { DB } from '../db/schema';

export async function ensureBuiltinProfiles(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const anyActive = await tx.selectFrom('commitment_profiles').select('id').where('status', '=', 'active').executeTakeFirst();
    for (const p of BUILTIN_PROFILES) {
      await tx
        .insertInto('commitment_profiles')
        .values({
          id: p.id,
          version: p.version,
          definition: JSON.stringify(p),
          status: !anyActive && p.id === 'seed' ? 'active' : 'retired',
          based_on: null,
          created_by: null,
          activated_at: !anyActive && p.id === 'seed' ? new Date() : null,
        })
        .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
        .execute();
    }
  });
}

const asProfile = (row: { id: string; version: number; definition: unknown }): CommitmentProfile => ({
  ...(row.definition as CommitmentProfile),
  id: row.id,
  version: row.version,
});

export async function activeProfile(db: Kysely<DB>): Promise<CommitmentProfile> {
  const row = await db.selectFrom('commitment_profiles').select(['id', 'version', 'definition']).where('status', '=', 'active').executeTakeFirst();
  if (!row) throw new Error('no active commitment profile');
  return asProfile(row);
}

export async function profileVersion(db: Kysely<DB>, id: string, version: number): Promise<CommitmentProfile | undefined> {
  const row = await db
    .selectFrom('commitment_profiles')
    .select(['id', 'version', 'definition'])
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && asProfile(row);
}

/** For each profile id, the version a calculation by name means: the active one, else the newest published. */
export async function activeProfiles(db: Kysely<DB>): Promise<CommitmentProfile[]> {
  const rows = await db
    .selectFrom('commitment_profiles')
    .select(['id', 'version', 'definition', 'status'])
    .where('status', '!=', 'draft')
    .orderBy('id')
    .orderBy(sql`status = 'active'`, 'desc')
    .orderBy('version', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows
    .filter((r) => {
      if (seen.has(r.id)) return false;
      seen.add(r.id);
      return true;
    })
    .map(asProfile);
}

export async function loadCalendar(db: Kysely<DB>): Promise<Calendar> {
  const [overrides, years] = await Promise.all([
    db.selectFrom('calendar_overrides').select(['day', 'off', 'name']).execute(),
    db.selectFrom('calendar_years').select('year').execute(),
  ]);
  return chinaCalendar(
    overrides.map((o) => ({ day: o.day, off: o.off, ...(o.name ? { name: o.name } : {}) })),
    years.map((y) => y.year),
  );
}
