// Small checks the policy documents share: a number in a range, a list of short texts. Each
// problem names its field path and the reason in English and Chinese.
import type { ApiErrorField } from '@griddesk/shared';

export type Problem = Pick<ApiErrorField, 'field' | 'reason' | 'reasonZh'>;

export const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function checkNumber(v: unknown, field: string, min: number, max: number, out: Problem[], integer = false): void {
  const ok = typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
  if (!ok) {
    out.push({
      field,
      reason: `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
      reasonZh: `须为 ${min} 至 ${max} 之间的${integer ? '整数' : '数值'}`,
    });
  }
}

export function checkObject(v: unknown, field: string, out: Problem[]): boolean {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return true;
  out.push({ field, reason: 'must be an object', reasonZh: '须为对象' });
  return false;
}

export function checkTexts(v: unknown, field: string, opts: { min: number; max: number; maxLength: number }, out: Problem[]): void {
  if (!Array.isArray(v) || v.length < opts.min || v.length > opts.max) {
    out.push({ field, reason: `must be a list of ${opts.min} to ${opts.max} texts`, reasonZh: `须为 ${opts.min} 至 ${opts.max} 条文字` });
    return;
  }
  for (const [i, s] of v.entries()) {
    if (typeof s !== 'string' || s.trim().length === 0 || s.length > opts.maxLength) {
      out.push({ field: `${field}.${i}`, reason: `must be a text of 1 to ${opts.maxLength} characters`, reasonZh: `须为 1 至 ${opts.maxLength} 个字的文字` });
    }
  }
}
