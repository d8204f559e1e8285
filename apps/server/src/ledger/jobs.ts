// Import jobs: the row in import_jobs is the progress a page polls. The work itself runs in
// this process; a job left 'running' by a crash is marked failed at the next start.
import type { Kysely } from 'kysely';
import type { ImportJobView, ImportFileKind } from '@griddesk/shared';
import type { DB } from '../db/schema';
import { importLedger, type ImportActor, type ImportResult } from './import';

export async function createJob(db: Kysely<DB>, kind: ImportFileKind, filename: string, userId: number | null): Promise<number> {
  const { id } = await db
    .insertInto('import_jobs')
    .values({ kind, filename, status: 'running', created_by: userId, report: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function runJob(db: Kysely<DB>, jobId: number, actor: ImportActor, kind: ImportFileKind, filename: string, data: Buffer): Promise<ImportResult> {
  let lastWrite = 0;
  try {
    const result = await importLedger(db, actor, kind, filename, data, async (p) => {
      const now = Date.now();
      if (p.phase === 'validating' && now - lastWrite < 250) return; // progress at most four times a second
      lastWrite = now;
      await db.updateTable('import_jobs').set({ phase: p.phase, processed_rows: p.processed, total_rows: p.total }).where('id', '=', jobId).execute();
    });
    await db
      .updateTable('import_jobs')
      .set({
        status: result.status,
        phase: 'done',
        total_rows: result.rows,
        processed_rows: result.rows,
        inserted: result.inserted,
        updated: result.updated,
        report: JSON.stringify(result.errors),
        finished_at: new Date(),
      })
      .where('id', '=', jobId)
      .execute();
    return result;
  } catch (e) {
    const report = [{ field: 'file', reason: (e as Error).message, reasonZh: '导入失败' }];
    await db
      .updateTable('import_jobs')
      .set({ status: 'failed', phase: 'done', report: JSON.stringify(report), finished_at: new Date() })
      .where('id', '=', jobId)
      .execute();
    throw e;
  }
}

export async function failInterruptedJobs(db: Kysely<DB>): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({
      status: 'failed',
      phase: 'done',
      finished_at: new Date(),
      report: JSON.stringify([{ field: 'file', reason: 'interrupted by a restart; nothing was imported', reasonZh: '服务重启导致中断，未导入任何数据' }]),
    })
    .where('status', '=', 'running')
    .execute();
}

export async function jobView(db: Kysely<DB>, jobId: number, userId: number): Promise<ImportJobView | undefined> {
  const j = await db.selectFrom('import_jobs').selectAll().where('id', '=', jobId).where('created_by', '=', userId).executeTakeFirst();
  if (!j) return undefined;
  return {
    id: j.id,
    kind: j.kind,
    filename: j.filename,
    status: j.status,
    phase: j.phase,
    totalRows: j.total_rows,
    processedRows: j.processed_rows,
    inserted: j.inserted,
    updated: j.updated,
    errors: (j.report as ImportJobView['errors'] | null) ?? [],
  };
}
