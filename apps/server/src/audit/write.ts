// R-SYS-02: the audit row is written with the same executor (transaction) as the change it
// records, so either both land or neither does.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface AuditActor {
  id: number | null;
  name: string;
  orgUnitId: number | null;
}

export interface AuditEntry {
  entity: string;
  entityId?: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

export function auditActor(actor: { id: number; username: string; orgUnitId: number } | null): AuditActor {
  return actor ? { id: actor.id, name: actor.username, orgUnitId: actor.orgUnitId } : { id: null, name: 'system', orgUnitId: null };
}

const row = (actor: AuditActor, e: AuditEntry) => ({
  actor_id: actor.id,
  actor_name: actor.name,
  org_unit_id: actor.orgUnitId,
  entity: e.entity,
  entity_id: e.entityId == null ? null : String(e.entityId),
  action: e.action,
  before: e.before === undefined ? null : JSON.stringify(e.before),
  after: e.after === undefined ? null : JSON.stringify(e.after),
  request_id: e.requestId ?? null,
});

export async function writeAudit(tx: Kysely<DB>, actor: AuditActor, e: AuditEntry): Promise<void> {
  await tx.insertInto('audit_log').values(row(actor, e)).execute();
}

/** Several audit rows of one actor in one statement (a chunk of bills recomputed). */
export async function writeAudits(tx: Kysely<DB>, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length)
    await tx
      .insertInto('audit_log')
      .values(entries.map((e) => row(actor, e)))
      .execute();
}
