// Jobs (issue 8 item 4): work that can take seconds answers 202 {"jobId"} and is followed at
// GET /api/jobs/{id} until it has succeeded (its result) or failed (its error). The schemas are
// registered on the routes that start and follow jobs; the console reads their types.
import { type Static, Type } from '@sinclair/typebox';
import { ApiErrorFieldSchema, Count, DateTime, Nullable, pageOf, pagingFields, RowId } from './api';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export const JobStatus = Type.Union(JOB_STATUSES.map((s) => Type.Literal(s)));
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JobProgress = Type.Object({
  done: Type.Number(),
  total: Type.Number(),
  /** a phase key the console translates (jobs.phase.<key>) */
  phase: Type.String(),
});
export type JobProgress = Static<typeof JobProgress>;

/** Why a job failed: the error a request would have answered, with the fields it is about. */
export const JobError = Type.Object({
  code: Type.String(),
  message: Type.String(),
  messageEn: Type.String(),
  fields: Type.Optional(Type.Array(ApiErrorFieldSchema)),
});
export type JobError = Static<typeof JobError>;

/** The file a job produced (an export): downloaded at GET /api/jobs/{id}/file. */
export const JobFile = Type.Object({ name: Type.String(), contentType: Type.String(), bytes: Count });
export type JobFile = Static<typeof JobFile>;

/** A job as its starter follows it. */
export const JobView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  status: JobStatus,
  /** null until the job has reported progress */
  progress: Nullable(JobProgress),
  /** the kind's own result (its shape belongs to the kind, e.g. LedgerExportResult); null until it has succeeded */
  result: Type.Unknown({ description: "the job kind's result; null until it has succeeded" }),
  error: Nullable(JobError),
  createdAt: DateTime,
  startedAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
});
/** A job; `R` is its kind's result. */
export type JobView<R = unknown> = Omit<Static<typeof JobView>, 'result'> & { result: R | null };

export const JobPage = pageOf(JobView);
export type JobPage = Static<typeof JobPage>;

export const JobListQuery = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 64 })),
  ...pagingFields(20),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});
export type JobListQuery = Static<typeof JobListQuery>;

export const JobParams = Type.Object({ id: RowId });

/** The answer of a route that queued a job (202). */
export const JobStarted = Type.Object({ jobId: Type.Integer() }, { description: 'The job was queued; follow it at GET /api/jobs/{jobId}' });
export type JobStarted = Static<typeof JobStarted>;

export const JOB_KIND_LABELS: Record<string, { zh: string; en: string }> = {
  'metering.theft': { zh: '窃电筛查', en: 'Theft screening' },
  'metering.lineloss': { zh: '线损计算', en: 'Line-loss run' },
  'metering.bills': { zh: '电费计算', en: 'Bill computation' },
  'ledger.export': { zh: '台账导出', en: 'Ledger export' },
  'ledger.import': { zh: '台账导入', en: 'Ledger import' },
};
