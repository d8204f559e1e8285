// A job's error as the API shows it: a stable code and a message in Chinese and in English, the
// same shape as an HTTP error body's `error`.
import type { JobError } from '@griddesk/shared';
import { AppError } from '../../errors';
import { dbErrorToAppError } from '../db-errors';

/** Thrown into a job when the server stops while it runs. */
export class JobInterrupted extends Error {
  constructor() {
    super('the server is stopping');
    this.name = 'JobInterrupted';
  }
}

export const INTERRUPTED: JobError = {
  code: 'interrupted',
  message: '服务重启导致任务中断，请重新发起',
  messageEn: 'Interrupted by a restart of the server; please start it again',
};

export const TOO_MANY_ATTEMPTS: JobError = {
  code: 'interrupted',
  message: '任务多次因服务重启中断，已停止重试，请重新发起',
  messageEn: 'Interrupted by restarts too many times; no more retries, please start it again',
};

export const UNKNOWN_KIND = (kind: string): JobError => ({
  code: 'unknown_job_kind',
  message: `本服务不支持此类任务：${kind}`,
  messageEn: `This server does not know jobs of kind ${kind}`,
});

export function toJobError(e: unknown): JobError {
  const app = e instanceof AppError ? e : dbErrorToAppError(e);
  if (app) return { code: app.code, message: app.messageZh, messageEn: app.messageEn, ...(app.fields.length ? { fields: app.fields } : {}) };
  if (e instanceof JobInterrupted) return INTERRUPTED;
  return {
    code: 'internal',
    message: '任务执行出错，已记入服务日志',
    messageEn: `The job failed (logged): ${e instanceof Error ? e.message : String(e)}`,
  };
}
