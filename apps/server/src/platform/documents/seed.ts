// The versions griddesk ships are seeded at every start: a missing one is inserted (audited), and
// put in force only when nothing of its key (or, for a kind with one key in force, of its kind) is.
// An administrator's later versions are never touched.
import type { Kysely } from 'kysely';
import { writeAudit } from '../../audit/write';
import type { DB } from '../../db/schema';
import type { DocumentKind } from './kinds';
import * as repo from './repo';
import { invalidateDocuments } from './service';

const SYSTEM = { id: null, name: 'system', orgUnitId: null };

export async function seedShippedDocuments(db: Kysely<DB>, kinds: readonly DocumentKind[]): Promise<void> {
  for (const kind of kinds) {
    for (const shipped of kind.shipped()) {
      const problems = kind.check(shipped.definition, shipped.key);
      if (problems.length)
        throw new Error(`shipped ${kind.kind} ${shipped.key}@${shipped.version}: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`);
      await db.transaction().execute(async (tx) => {
        if (await repo.findVersion(tx, kind.kind, shipped.key, shipped.version)) return;
        const inForce = await repo.findActive(tx, kind.kind, kind.inForce === 'kind' ? undefined : shipped.key);
        const now = new Date();
        await repo.insertVersion(tx, {
          kind: kind.kind,
          key: shipped.key,
          version: shipped.version,
          status: 'published',
          active: false,
          definition: kind.normalise(shipped.definition, shipped.key, shipped.version),
          basedOn: null,
          note: null,
          createdBy: null,
          createdName: 'system',
          publishedAt: now,
          publishedName: 'system',
        });
        if (!inForce && shipped.inForce) await repo.putInForce(tx, kind.kind, shipped.key, shipped.version, 'system', now);
        await writeAudit(tx, SYSTEM, {
          entity: kind.auditEntity,
          entityId: kind.auditId(shipped.key, shipped.version),
          action: 'seed_default',
          after: shipped.definition,
        });
      });
    }
  }
  invalidateDocuments(db);
}
