// Shapes of the HTTP API that both the server and the web console rely on.
import { Kind, type SchemaOptions, type Static, type TSchema, Type, TypeRegistry } from '@sinclair/typebox';

export interface Page<T> {
  items: T[];
  total: number;
}

/** The signed-in user: defined once with the org capability's API schemas. */
export type { Me } from './org-api';

/** A text in both languages of the product. */
export interface Text {
  zh: string;
  en: string;
}

/** The schema of a list answer: every list is `{items, total}`. */
export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });
}

/** One problem of an error: the field (or file column) it is about and why, in both languages. */
export const ApiErrorFieldSchema = Type.Object({
  field: Type.String(),
  reason: Type.String(),
  reasonZh: Type.String(),
  /** the file row (an import) */
  row: Type.Optional(Type.Integer()),
  /** the data record, counted without the header (an import) */
  record: Type.Optional(Type.Integer()),
  value: Type.Optional(Type.String()),
});
export type ApiErrorField = Static<typeof ApiErrorFieldSchema>;

/** The error body every 4xx and 5xx carries. */
export const ApiErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    messageEn: Type.String(),
    fields: Type.Array(ApiErrorFieldSchema),
  }),
});
export type ApiError = Static<typeof ApiErrorSchema>;

/** The largest value of a PostgreSQL `integer` column: ids and counts sent to the server stay below it (a larger one is a 4xx, not a 500). */
export const INT32_MAX = 2_147_483_647;

/** A row id as a path parameter or a filter. */
export const RowId = Type.Integer({ minimum: 1, maximum: INT32_MAX });
export const IdParams = Type.Object({ id: RowId });
export type IdParams = Static<typeof IdParams>;

/** `limit` and `offset` of a paged list, with the list's default page size. */
export function pagingFields(defaultLimit: number) {
  return {
    limit: Type.Integer({ minimum: 1, maximum: 500, default: defaultLimit }),
    offset: Type.Integer({ minimum: 0, maximum: INT32_MAX, default: 0 }),
  };
}

/** A count in an answer. */
export const Count = Type.Integer({ minimum: 0 });
/** An instant as ISO-8601 text (handlers turn a `Date` into this; the serialiser does not). */
export const DateTime = Type.String({ format: 'date-time' });
/** A calendar day, YYYY-MM-DD (PostgreSQL dates arrive as this text). */
export const IsoDay = Type.String({ format: 'date' });
/** An exact decimal as text: PostgreSQL numerics arrive as strings and are sent as they are. */
export const Decimal = Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$', description: 'exact decimal as text' });

/**
 * A string limited to `values`, typed as their union and shown in OpenAPI as an enum. In an answer
 * it is serialised as a plain string (no branch to pick, unlike a union of literals). Its kind is
 * registered, so TypeBox's own checks (Value.Check) know it too.
 */
export const StringEnum = <T extends readonly string[]>(values: T, options: SchemaOptions = {}) =>
  Type.Unsafe<T[number]>({ [Kind]: 'StringEnum', type: 'string', enum: [...values], ...options });
if (!TypeRegistry.Has('StringEnum')) {
  TypeRegistry.Set<{ enum: string[] }>('StringEnum', (schema, value) => typeof value === 'string' && schema.enum.includes(value));
}

/** `X` or `null` (a field that is always present). */
export const Nullable = <T extends TSchema>(schema: T, options: SchemaOptions = {}) => Type.Union([schema, Type.Null()], options);

/** A file download (CSV, XLSX …): declared so OpenAPI shows it; the handler sends the bytes (or a stream of them) as they are. */
export const BinaryFile = Type.Unsafe<string | Uint8Array | AsyncIterable<unknown>>({ type: 'string', format: 'binary' });

/** A 2xx answer that is a file in one of these content types. */
export function fileResponse(description: string, contentTypes: readonly string[]) {
  return { description, content: Object.fromEntries(contentTypes.map((t) => [t, { schema: BinaryFile }])) };
}
