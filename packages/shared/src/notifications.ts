// The outbox of SMS, e-mail and log notices as station heads and administrators read it (R-OUT-02).
import { type Static, Type } from '@sinclair/typebox';
import { DateTime, Nullable, pageOf, pagingFields } from './api';

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export const NotificationStatus = Type.Union(NOTIFICATION_STATUSES.map((s) => Type.Literal(s)));
export type NotificationStatus = Static<typeof NotificationStatus>;

export const NOTIFICATION_CHANNELS = ['log', 'sms', 'email'] as const;
export const NotificationChannel = Type.Union(NOTIFICATION_CHANNELS.map((c) => Type.Literal(c)));
export type NotificationChannel = Static<typeof NotificationChannel>;

/** One notice: the recipient masked (R-SYS-03), its attempts and its last error. */
export const NotificationView = Type.Object({
  id: Type.Integer(),
  channel: NotificationChannel,
  /** masked: 138****5678, zh***@example.cn */
  recipient: Type.String(),
  template: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  status: NotificationStatus,
  attempts: Type.Integer({ minimum: 0 }),
  nextAttemptAt: DateTime,
  lastError: Nullable(Type.String()),
  entity: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  createdAt: DateTime,
  sentAt: Nullable(DateTime),
});
export type NotificationView = Static<typeof NotificationView>;
export const NotificationPage = pageOf(NotificationView);
export type NotificationPage = Static<typeof NotificationPage>;

export const NotificationQuery = Type.Object({
  status: Type.Optional(NotificationStatus),
  entity: Type.Optional(Type.String({ maxLength: 64 })),
  entityId: Type.Optional(Type.String({ maxLength: 64 })),
  ...pagingFields(50),
});
export type NotificationQuery = Static<typeof NotificationQuery>;
