// The contract check of a real answer: valid against its shared schema, and carrying no field the
// schema does not name (issue 8 item 1). Used by every capability's contract tests.
import { expect } from 'vitest';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

FormatRegistry.Set('date-time', (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)));
FormatRegistry.Set('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v));

type Schema = TSchema & { anyOf?: TSchema[]; properties?: Record<string, TSchema>; items?: TSchema };

/** Paths of the fields in `value` that `schema` does not name. */
function fieldsBeyond(schema: Schema, value: unknown, at = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (schema.anyOf) {
    const branch = schema.anyOf.find((s) => Value.Check(s, value));
    return branch ? fieldsBeyond(branch as Schema, value, at) : [`${at} (matches no branch)`];
  }
  if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => fieldsBeyond(schema.items as Schema, v, `${at}[${i}]`)) : [];
  if (!schema.properties) return [];
  const props = schema.properties;
  return Object.entries(value).flatMap(([k, v]) => (k in props ? fieldsBeyond(props[k] as Schema, v, `${at}.${k}`) : [`${at}.${k}`]));
}

/** The answer is what the schema says: valid against it, and nothing beyond it. */
export function expectExactly(schema: TSchema, body: unknown) {
  const problems = [...Value.Errors(schema, body)].slice(0, 5).map((e) => `${e.path}: ${e.message}`);
  expect(problems).toEqual([]);
  expect(fieldsBeyond(schema as Schema, body)).toEqual([]);
}
