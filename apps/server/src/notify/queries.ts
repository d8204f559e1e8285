// Listing the outbox for the people who answer for it: R-OUT-02 asks that each attempt be
// visible; R-ORG-01 scopes the list to the reader's stations; R-SYS-03 masks the recipient.
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { maskRecipient } from '@griddesk/domain/notify/recipient';
import type { NotificationPage } from '@griddesk/shared';
import type { DB, NotificationTable } from '../db/schema';

export type NotificationStatus = Selectable<NotificationTable>['status'];

export interface NotificationFilter {
  status?: NotificationStatus | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  limit: number;
  offset: number;
}

export interface NotificationScope {
  stationIds: readonly number[];
  /** administrators also see system-wide notices (no station) */
  seesSystemWide: boolean;
}

export async function listNotifications(db: Kysely<DB>, scope: NotificationScope, f: NotificationFilter): Promise<NotificationPage> {
  const stations = [...scope.stationIds];
  let q = db.selectFrom('notifications').where((eb) => {
    const inScope: Expression<SqlBool>[] = [];
    if (stations.length > 0) inScope.push(eb('station_id', 'in', stations));
    if (scope.seesSystemWide) inScope.push(eb('station_id', 'is', null));
    return eb.or(inScope);
  });
  if (f.status) q = q.where('status', '=', f.status);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      recipient: maskRecipient(r.recipient),
      template: r.template,
      subject: r.subject,
      body: r.body,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at.toISOString(),
      lastError: r.last_error,
      entity: r.entity,
      entityId: r.entity_id,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    })),
    total: total.n,
  };
}
