// Constraint and data errors of PostgreSQL (and PGlite, which is PostgreSQL) become the API's own
// errors: a duplicate key is a 409 naming the key, a bad reference or a value the column cannot
// hold a 422 naming the field — never a 500. Used by commands and, as a last line, by the
// error handler.
import type { ApiErrorField } from '@griddesk/shared';
import { AppError } from '../errors';

interface PgError {
  code: string;
  detail?: string;
  column?: string;
  constraint?: string;
  table?: string;
  message: string;
}

function isPgError(e: unknown): e is PgError {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((e as PgError).code);
}

/** "Key (code, station_id)=(F001, 3) already exists." → the key's columns and values. */
function keyOf(detail: string | undefined): { columns: string; values: string } | null {
  const m = detail?.match(/Key \((.+?)\)=\((.*?)\)/);
  return m ? { columns: m[1]!, values: m[2]! } : null;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function fieldError(code: 'validation_failed' | 'conflict', field: string, reason: string, reasonZh: string, value?: string): AppError {
  const f: ApiErrorField = { field, reason, reasonZh, ...(value !== undefined ? { value } : {}) };
  return new AppError(code, `${field}：${reasonZh}`, `${field}: ${reason}`, [f]);
}

export function dbErrorToAppError(e: unknown): AppError | null {
  if (!isPgError(e)) return null;
  const key = keyOf(e.detail);
  const field = key ? key.columns.split(', ').map(camel).join(',') : camel(e.column ?? e.constraint ?? 'body');
  switch (e.code) {
    case '23505':
      return fieldError('conflict', field, `a record with this value already exists${key ? ` (${key.values})` : ''}`, '已存在相同的记录', key?.values);
    case '23503':
      return fieldError(
        'validation_failed',
        field,
        'refers to a record that does not exist, or is still referred to',
        '引用的记录不存在，或仍被其他记录引用',
        key?.values,
      );
    case '23502':
      return fieldError('validation_failed', field, 'is required', '必填');
    case '23514':
    case '23P01':
      return fieldError('validation_failed', field, `breaks the rule ${e.constraint ?? ''}`.trim(), '不符合数据规则');
    case '22001':
      return fieldError('validation_failed', field, 'is too long', '内容过长');
    case '22003':
      return fieldError('validation_failed', field, 'is out of range', '数值超出范围');
    case '22007':
    case '22008':
      return fieldError('validation_failed', field, 'is not a valid date or time', '不是有效的日期或时间');
    case '22P02':
    case '22P05':
    case '22021':
      return fieldError('validation_failed', field, 'has a value of the wrong form', '格式不正确');
    case '40001':
    case '40P01':
      return new AppError('conflict', '数据正被他人同时修改，请重试', 'The record was changed by someone else at the same time; please try again');
    default:
      return null;
  }
}
