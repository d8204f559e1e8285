// Subjects that existed before the projection (cases opened before this version) get their rows on
// first start, in batches, each in its own transaction; a kind is marked done once, so later
// starts skip it. Safe to run twice at once: rows are upserted and the mark is written once.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { subjectKinds } from './kind';
import { projectSubjects } from './project';

export async function backfillWorkflow(db: Kysely<DB>, now: Date, opts: { batch?: number } = {}): Promise<Record<string, number>> {
  const batch = opts.batch ?? 1000;
  const done = new Set((await db.selectFrom('workflow_backfills').select('subject_kind').execute()).map((r) => r.subject_kind));
  const out: Record<string, number> = {};
  for (const kind of subjectKinds()) {
    if (done.has(kind.kind)) continue;
    let after = 0;
    let n = 0;
    for (;;) {
      const last = await db.transaction().execute(async (tx) => {
        const ids = await kind.ids(tx, after, batch);
        if (!ids.length) return null;
        const subjects = await kind.load(tx, ids);
        await projectSubjects(tx, kind, subjects, now);
        n += subjects.length;
        return ids.at(-1)!;
      });
      if (last === null) break;
      after = last;
    }
    await db
      .insertInto('workflow_backfills')
      .values({ subject_kind: kind.kind, subjects: n })
      .onConflict((oc) => oc.column('subject_kind').doNothing())
      .execute();
    out[kind.kind] = n;
  }
  return out;
}
