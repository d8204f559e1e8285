// Response schemas of the jobs API (they mirror @griddesk/shared's JobView): a route that starts a
// job answers 202 JobStartedSchema.
import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const JobStartedSchema = Type.Object({ jobId: Type.Integer() }, { description: 'The job was queued; follow it at GET /api/jobs/{jobId}' });

/** The fields of an error (ApiErrorField), e.g. a rejected import's row report. */
export const ApiErrorFieldSchema = Type.Object({
  field: Type.String(),
  reason: Type.String(),
  reasonZh: Type.String(),
  row: Type.Optional(Type.Integer()),
  record: Type.Optional(Type.Integer()),
  value: Type.Optional(Type.String()),
});

export const JobErrorSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  messageEn: Type.String(),
  fields: Type.Optional(Type.Array(ApiErrorFieldSchema)),
});

export const JobViewSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed')]),
  progress: Type.Union([Type.Object({ done: Type.Number(), total: Type.Number(), phase: Type.String() }), Type.Null()]),
  /** the kind's own result; null until it has succeeded */
  result: Type.Unknown(),
  error: Type.Union([JobErrorSchema, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const JobListSchema = Type.Object({ items: Type.Array(JobViewSchema), total: Type.Integer() });
