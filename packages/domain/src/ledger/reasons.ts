// Bilingual reasons for rejected input (R-SYS-04): every problem names the field and says why,
// in Chinese and in English.
export interface Reason {
  reason: string;
  reasonZh: string;
}

export const reasons = {
  required: (): Reason => ({ reason: 'is required', reasonZh: '必填' }),
  tooLong: (max: number): Reason => ({ reason: `must be at most ${max} characters`, reasonZh: `长度不能超过 ${max} 个字符` }),
  code: (): Reason => ({
    reason: 'may contain only letters, digits, "-" and "_"',
    reasonZh: '只能包含字母、数字、“-”和“_”',
  }),
  oneOf: (values: readonly string[]): Reason => ({
    reason: `must be one of ${values.join(', ')}`,
    reasonZh: `必须为 ${values.join('、')} 之一`,
  }),
  flag: (): Reason => ({ reason: 'must be 0 or 1', reasonZh: '必须为 0 或 1' }),
  positiveNumber: (): Reason => ({ reason: 'must be a positive number', reasonZh: '必须为正数' }),
  phone: (): Reason => ({
    reason: 'is not a phone number (digits, optionally with "-", 5 to 20 characters)',
    reasonZh: '不是有效的电话号码（数字，可含“-”，5 至 20 位）',
  }),
  unknown: (what: { en: string; zh: string }): Reason => ({
    reason: `unknown ${what.en}, or outside your organisation`,
    reasonZh: `${what.zh}不存在或不在本单位范围内`,
  }),
  duplicate: (firstRow: number): Reason => ({
    reason: `duplicates the key of row ${firstRow}`,
    reasonZh: `与第 ${firstRow} 行编号重复`,
  }),
  feederMismatch: (areaFeeder: string): Reason => ({
    reason: `does not match the area's feeder ${areaFeeder}`,
    reasonZh: `与台区所属线路 ${areaFeeder} 不一致`,
  }),
  requiredFor: (what: { en: string; zh: string }): Reason => ({
    reason: `is required for ${what.en}`,
    reasonZh: `${what.zh}必填`,
  }),
  missingColumn: (): Reason => ({ reason: 'column is missing from the header row', reasonZh: '表头缺少此列' }),
  empty: (): Reason => ({ reason: 'the file has no data rows', reasonZh: '文件没有数据行' }),
  tooManyErrors: (shown: number): Reason => ({
    reason: `more errors follow; only the first ${shown} are listed`,
    reasonZh: `错误过多，仅列出前 ${shown} 条`,
  }),
};
