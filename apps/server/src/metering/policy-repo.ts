// The versioned metering policy in the database: version 1 is the shipped default; an
// administrator's change is a new, whole, checked version that becomes active at once.
import type { Kysely } from 'kysely';
import { checkMeteringPolicy, DEFAULT_METERING_POLICY, pickPolicy, withPolicyDefaults, type MeteringPolicy } from '@griddesk/domain';
import type { DB } from '../db/schema';
import { errors } from '../errors';
import { writeAudit, type AuditActor } from '../audit/write';

export interface ActivePolicy {
  version: number;
  policy: MeteringPolicy;
}

export async function ensureDefaultMeteringPolicy(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('metering_policies')
    .values({ version: 1, definition: JSON.stringify(DEFAULT_METERING_POLICY), active: true, note: 'shipped defaults (SPEC R-MTR)', created_by: 'system' })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
}

export async function activeMeteringPolicy(db: Kysely<DB>): Promise<ActivePolicy> {
  const row = await db.selectFrom('metering_policies').select(['version', 'definition']).where('active', '=', true).executeTakeFirst();
  if (!row) return { version: 0, policy: DEFAULT_METERING_POLICY };
  return { version: row.version, policy: withPolicyDefaults(row.definition as Partial<MeteringPolicy>) };
}

export async function listMeteringPolicies(db: Kysely<DB>) {
  const rows = await db.selectFrom('metering_policies').select(['version', 'active', 'note', 'created_by', 'created_at']).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ version: r.version, active: r.active, note: r.note, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() }));
}

export async function publishMeteringPolicy(db: Kysely<DB>, actor: AuditActor, definition: unknown, note: string | undefined): Promise<ActivePolicy> {
  const problems = checkMeteringPolicy(definition);
  if (problems.length) throw errors.validation(problems);
  const policy = pickPolicy(definition as MeteringPolicy);
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('metering_policies').select(['version', 'definition']).where('active', '=', true).forUpdate().executeTakeFirst();
    const last = await tx
      .selectFrom('metering_policies')
      .select((eb) => eb.fn.max('version').as('v'))
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await tx.updateTable('metering_policies').set({ active: false }).where('active', '=', true).execute();
    await tx
      .insertInto('metering_policies')
      .values({ version, definition: JSON.stringify(policy), active: true, note: note ?? null, created_by: actor.name })
      .execute();
    await writeAudit(tx, actor, { entity: 'metering_policy', entityId: String(version), action: 'publish', before: before?.definition ?? null, after: policy });
    return { version, policy };
  });
}
