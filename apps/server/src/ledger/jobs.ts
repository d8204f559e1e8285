// The ledger's jobs: an import (R-LED-03) and an export (R-LED-03, R-SYS-03) run by the job worker.
// An import's file is stored with its job when it is queued; its all-or-nothing write stays one
// transaction (a partial import is what R-LED-03 forbids). An export's file is stored with its
// job and downloaded at GET /api/jobs/{id}/file.
import {
  CSV_CONTENT_TYPE,
  type ImportFileKind,
  type ImportJobView,
  type JobError,
  type JobProgress,
  type LedgerExportInput,
  type LedgerExportResult,
  type LedgerImportResult,
  XLSX_CONTENT_TYPE,
} from '@griddesk/shared';
import type { Kysely } from 'kysely';
import { auditActor, writeAudit } from '../audit/write';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { hasPermission } from '../org/actor';
import { defineJob } from '../platform/jobs/kind';
import { findJobFor, type JobRow } from '../platform/jobs/repo';
import { exportCsv, exportRowCount, exportXlsx } from './export';
import { importLedger, type ImportActor } from './import';

/** The XLSX content type (defined once, in @griddesk/shared). */
export const XLSX_TYPE = XLSX_CONTENT_TYPE;

export interface ImportParams {
  kind: ImportFileKind;
  filename: string;
}

/** What a finished import wrote: the shared LedgerImportResult. */
export type ImportJobResult = LedgerImportResult;

/** The 422 of a rejected file: how many problems, and the first one, in both languages. */
export function importRejected(errors: ImportJobView['errors']): AppError {
  const first = errors[0];
  return new AppError(
    'import_rejected',
    `导入被拒绝，未写入任何数据：共 ${errors.length} 处错误${first ? `，首个错误在第 ${first.row} 行（第 ${first.record} 条数据）“${first.field}”列：${first.reasonZh}` : ''}`,
    `Import rejected, nothing was written: ${errors.length} problem(s)${first ? `; first at row ${first.row} (record ${first.record}), column "${first.field}": ${first.reason}` : ''}`,
    errors,
  );
}

export const ledgerImportJob = defineJob<ImportParams, ImportJobResult>({
  kind: 'ledger.import',
  permission: 'ledger.import',
  // Not run again by itself after a restart: a file queued before newer imports could overwrite
  // what they changed. The import wrote nothing (all-or-nothing); the clerk imports it again.
  resumable: false,
  async run(ctx, params) {
    if (!ctx.actor) throw new Error('an import job needs the actor who started it');
    const actor: ImportActor = { audit: auditActor(ctx.actor), stationIds: ctx.actor.stationIds };
    const data = await ctx.readInput();
    const result = await importLedger(ctx.db, actor, params.kind, params.filename, data, (p) => ctx.progress(p.processed, p.total, p.phase));
    if (result.status === 'rejected') throw importRejected(result.errors);
    return { rows: result.rows, inserted: result.inserted, updated: result.updated };
  },
});

/** An import job as the import page has always read it (GET /api/ledger/import-jobs/{id}). */
export function presentImportJob(j: JobRow): ImportJobView {
  const params = j.params as ImportParams;
  const progress = j.progress as JobProgress | null;
  const result = j.result as ImportJobResult | null;
  const error = j.error as JobError | null;
  const finished = j.status === 'succeeded' || j.status === 'failed';
  return {
    id: j.id,
    kind: params.kind,
    filename: params.filename,
    status: j.status === 'succeeded' ? 'succeeded' : j.status === 'failed' ? (error?.code === 'import_rejected' ? 'rejected' : 'failed') : 'running',
    phase: finished ? 'done' : (progress?.phase ?? 'parsing'),
    totalRows: result?.rows ?? progress?.total ?? 0,
    processedRows: result?.rows ?? progress?.done ?? 0,
    inserted: result?.inserted ?? 0,
    updated: result?.updated ?? 0,
    errors: error?.fields ?? (error && error.code !== 'import_rejected' ? [{ field: 'file', reason: error.messageEn, reasonZh: error.message }] : []),
  };
}

export async function importJobView(db: Kysely<DB>, jobId: number, userId: number): Promise<ImportJobView | undefined> {
  const j = await findJobFor(db, jobId, userId);
  return j && j.kind === ledgerImportJob.kind ? presentImportJob(j) : undefined;
}

export type ExportParams = Required<LedgerExportInput>;

/** The export's result (the shared LedgerExportResult): the console shows it and offers the file. */
export type ExportJobResult = LedgerExportResult;

export const ledgerExportJob = defineJob<ExportParams, ExportJobResult>({
  kind: 'ledger.export',
  permission: 'ledger.read',
  resumable: true,
  async run(ctx, { kind, format }) {
    if (!ctx.actor) throw new Error('an export job needs the actor who started it');
    const stationIds = ctx.actor.stationIds;
    // R-SYS-03: phone and address in full only with personal.export, masked otherwise
    const reveal = kind === 'customers' && hasPermission(ctx.actor, 'personal.export');
    const total = await exportRowCount(ctx.db, kind, stationIds);
    let rows = 0;
    const onRows = async (n: number) => {
      rows = n;
      await ctx.progress(n, total, 'writing');
    };
    await ctx.progress(0, total, 'writing');
    const scope = { stationIds, reveal };
    const stream = format === 'xlsx' ? await exportXlsx(ctx.db, kind, scope, { onRows }) : exportCsv(ctx.db, kind, scope, { onRows });
    const bytes = await ctx.writeOutput(stream);
    const personalData = reveal ? 'full' : 'masked';
    await writeAudit(ctx.db, auditActor(ctx.actor), {
      entity: 'ledger_export',
      entityId: kind,
      action: `export.${kind}`,
      after: { format, rows, personalData, jobId: ctx.jobId },
    });
    const stamp = ctx.now.toISOString().slice(0, 10);
    return {
      kind,
      format,
      rows,
      personalData,
      file: { name: `${kind}-${stamp}.${format}`, contentType: format === 'xlsx' ? XLSX_TYPE : CSV_CONTENT_TYPE, bytes },
    };
  },
});
