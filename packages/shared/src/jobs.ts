// Jobs (issue 8 item 4): work that can take seconds answers 202 {"jobId"} and is followed at
// GET /api/jobs/{id} until it has succeeded (its result) or failed (its error).
import type { ApiErrorField } from './api';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobProgress {
  done: number;
  total: number;
  /** a phase key the console translates (jobs.phase.<key>) */
  phase: string;
}

export interface JobError {
  code: string;
  message: string;
  messageEn: string;
  fields?: ApiErrorField[];
}

/** The file a job produced (an export): downloaded at GET /api/jobs/{id}/file. */
export interface JobFile {
  name: string;
  contentType: string;
  bytes: number;
}

export interface JobView<R = unknown> {
  id: number;
  kind: string;
  status: JobStatus;
  progress: JobProgress | null;
  result: R | null;
  error: JobError | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobStarted {
  jobId: number;
}

export const JOB_KIND_LABELS: Record<string, { zh: string; en: string }> = {
  'metering.theft': { zh: '窃电筛查', en: 'Theft screening' },
  'metering.lineloss': { zh: '线损计算', en: 'Line-loss run' },
  'metering.bills': { zh: '电费计算', en: 'Bill computation' },
  'ledger.export': { zh: '台账导出', en: 'Ledger export' },
  'ledger.import': { zh: '台账导入', en: 'Ledger import' },
};
