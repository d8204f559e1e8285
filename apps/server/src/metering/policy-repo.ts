// The metering policy in force, on the versioned-document module: version 1 is the shipped
// default; an administrator's change is a new, whole, checked version in force at once.
import type { Kysely } from 'kysely';
import type { MeteringPolicy } from '@griddesk/domain';
import type { DB } from '../db/schema';
import type { CommandContext } from '../platform/commands';
import { listVersions } from '../platform/documents/repo';
import { inForce, publishNew } from '../platform/documents/service';
import { METERING_POLICY } from './kinds';

export interface ActivePolicy {
  version: number;
  policy: MeteringPolicy;
}

export async function activeMeteringPolicy(db: Kysely<DB>): Promise<ActivePolicy> {
  const p = await inForce(db, METERING_POLICY);
  return { version: p.version, policy: p.definition };
}

export async function listMeteringPolicies(db: Kysely<DB>) {
  const rows = await listVersions(db, METERING_POLICY.kind);
  return rows
    .filter((r) => r.status !== 'draft')
    .map((r) => ({ version: r.version, active: r.active, note: r.note, createdBy: r.createdName, createdAt: r.createdAt.toISOString() }));
}

export async function publishMeteringPolicy(ctx: CommandContext, definition: unknown, note: string | undefined): Promise<ActivePolicy> {
  const done = await publishNew(ctx, METERING_POLICY, 'default', definition, note);
  return { version: done.version, policy: done.definition };
}
