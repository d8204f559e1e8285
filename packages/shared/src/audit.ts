// The audit trail as its readers browse it (R-SYS-02).
import { type Static, Type } from '@sinclair/typebox';
import { DateTime, Nullable, pageOf, pagingFields } from './api';

/** One entry of the trail: who did what to which record, with the record before and after. */
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorName: Type.String(),
  entity: Type.String(),
  entityId: Nullable(Type.String()),
  action: Type.String(),
  before: Type.Unknown({ description: 'the record before, as the action stored it (JSON), or null' }),
  after: Type.Unknown({ description: 'the record after, as the action stored it (JSON), or null' }),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditPage = pageOf(AuditEntry);
export type AuditPage = Static<typeof AuditPage>;

/** Filters (each matches exactly) and page of the trail; `from` inclusive, `to` exclusive. */
export const AuditQuery = Type.Object({
  entity: Type.Optional(Type.String({ maxLength: 64 })),
  entityId: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  actorName: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  ...pagingFields(50),
});
export type AuditQuery = Static<typeof AuditQuery>;
