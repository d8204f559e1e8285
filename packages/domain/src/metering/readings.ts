// R-MTR-01, R-MTR-02: meter readings. A reading is the cumulative register value at the end of a
// period; consumption of period P is (reading P − reading P−1) × the meter's multiplier.
import { READING_METHODS, type ReadingMethod } from '@griddesk/shared';
import { reasons } from '../ledger/reasons';
import type { Checked, FieldProblem, Raw } from '../ledger/validate';
import { parseInstant } from '../time/shanghai';

export interface ReadingRecord {
  meterId: number;
  stationId: number;
  period: string;
  reading: string;
  readAt: Date | null;
  method: ReadingMethod;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DECIMAL = /^\d{1,12}(\.\d{1,4})?$/;

export function isPeriod(p: string): boolean {
  return PERIOD.test(p);
}

export function previousPeriod(p: string): string {
  const m = PERIOD.exec(p);
  if (!m) throw new RangeError(`not a period (YYYY-MM): ${p}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

/** The period n months before p (n ≥ 0). */
export function periodMinus(p: string, n: number): string {
  let out = p;
  for (let i = 0; i < n; i++) out = previousPeriod(out);
  return out;
}

/** Days in the month of a period (28–31). */
export function daysInPeriod(p: string): number {
  if (!PERIOD.test(p)) throw new RangeError(`not a period (YYYY-MM): ${p}`);
  return new Date(Date.UTC(Number(p.slice(0, 4)), Number(p.slice(5, 7)), 0)).getUTCDate();
}

export function checkReading(raw: Raw, meters: ReadonlyMap<string, { id: number; stationId: number }>): Checked<ReadingRecord> {
  const problems: FieldProblem[] = [];
  const cell = (k: string) => (raw[k] ?? '').trim();
  const fail = (field: string, r: { reason: string; reasonZh: string }) => problems.push({ field, value: cell(field), ...r });
  const meterNo = cell('meter_no');
  const meter = meterNo ? meters.get(meterNo) : undefined;
  if (!meterNo) fail('meter_no', reasons.required());
  else if (!meter) fail('meter_no', reasons.unknown({ en: 'meter number', zh: '表号' }));
  const period = cell('period');
  if (!period) fail('period', reasons.required());
  else if (!isPeriod(period)) fail('period', { reason: 'must be a month as YYYY-MM', reasonZh: '须为 YYYY-MM 格式的月份' });
  const reading = cell('reading');
  if (!reading) fail('reading', reasons.required());
  else if (!DECIMAL.test(reading)) fail('reading', { reason: 'must be a non-negative number (at most 4 decimals)', reasonZh: '须为非负数（最多 4 位小数）' });
  const readAtText = cell('read_at');
  const readAt = readAtText ? (/^\d{4}-\d{2}-\d{2}$/.test(readAtText) ? parseInstant(`${readAtText}T00:00`) : parseInstant(readAtText)) : null;
  if (readAtText && !readAt) fail('read_at', { reason: 'is not a date or ISO-8601 time', reasonZh: '不是有效的日期或时间' });
  const method = cell('method');
  if (!method) fail('method', reasons.required());
  else if (!(READING_METHODS as readonly string[]).includes(method)) fail('method', reasons.oneOf(READING_METHODS));
  return problems.length
    ? { ok: false, problems }
    : { ok: true, value: { meterId: meter!.id, stationId: meter!.stationId, period, reading, readAt, method: method as ReadingMethod } };
}
