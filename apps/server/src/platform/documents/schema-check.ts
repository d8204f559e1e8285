// A definition checked against its TypeBox schema first, so the kind's own rules only ever see
// the right shape; each schema error becomes a field problem in both languages.
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { ApiErrorField } from '@griddesk/shared';

export function schemaProblems(schema: TSchema, value: unknown, prefix = 'definition'): ApiErrorField[] {
  return [...Value.Errors(schema, value)].slice(0, 20).map((e) => ({
    field: [prefix, ...e.path.split('/').filter(Boolean)].join('.'),
    reason: e.message,
    reasonZh: `格式不正确（${e.message}）`,
  }));
}
