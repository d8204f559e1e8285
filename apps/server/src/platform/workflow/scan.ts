// The minute scan (R-CASE-05, R-CMT-12): only rows whose next instant has come are read, through
// the partial index on next_at; their subjects are re-evaluated by the pure function, the levels
// reached are told, missed deadlines recorded as breaches, and each row gets its next instant,
// which is always later than `now` (or none). Idempotent: notices carry dedupe keys, breaches are
// unique per subject and rule. With nothing due it reads one empty index range and stops.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { subjectKind } from './kind';
import { policyView } from './policy-cache';
import { projectSubjects } from './project';

export interface ScanResult {
  /** subjects re-evaluated */
  subjects: number;
  notices: number;
  breaches: number;
}

export async function scanWorkflow(db: Kysely<DB>, now: Date, opts: { batch?: number } = {}): Promise<ScanResult> {
  const batch = opts.batch ?? 500;
  const total: ScanResult = { subjects: 0, notices: 0, breaches: 0 };
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      // SKIP LOCKED: two servers scanning together share the work instead of waiting on each other
      const due = await tx
        .selectFrom('workflow_clocks')
        .select(['subject_kind', 'subject_id', 'rule'])
        .where('next_at', '<=', now)
        .orderBy('next_at')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      if (!due.length) return true;
      const byKind = new Map<string, Set<number>>();
      for (const r of due) byKind.set(r.subject_kind, (byKind.get(r.subject_kind) ?? new Set()).add(r.subject_id));
      const policy = await policyView(tx);
      const seen = new Set<string>();
      for (const [name, ids] of byKind) {
        const kind = subjectKind(name);
        const subjects = await kind.load(tx, [...ids]);
        const r = await projectSubjects(tx, kind, subjects, now, { policy, notify: true });
        total.subjects += subjects.length;
        total.notices += r.notices;
        total.breaches += r.breaches;
        for (const p of r.projected) for (const c of p.rows) seen.add(`${name}/${p.subject.id}/${c.rule}`);
      }
      // a row its subject no longer explains (the subject is gone) must not come round every minute
      const orphans = due.filter((r) => !seen.has(`${r.subject_kind}/${r.subject_id}/${r.rule}`));
      for (const o of orphans) {
        await tx
          .updateTable('workflow_clocks')
          .set({ next_at: null })
          .where('subject_kind', '=', o.subject_kind)
          .where('subject_id', '=', o.subject_id)
          .where('rule', '=', o.rule)
          .execute();
      }
      return due.length < batch;
    });
    if (done) return total;
  }
}
