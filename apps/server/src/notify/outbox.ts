// The outbox (R-OUT-02, R-CASE-05): callers queue a notice with the executor of their own
// transaction, so a case change and its notification commit or roll back together.
import { sql, type Kysely, type SqlBool } from 'kysely';
import { checkCourteous } from '@griddesk/domain/notify/phrases';
import { renderTemplate, type NotifyLang, type TemplateKey, type TemplateParams } from '@griddesk/domain/notify/templates';
import type { DB } from '../db/schema';
import { errors } from '../errors';
import { inForce } from '../platform/documents/service';
import { BANNED_PHRASES } from '../policy/kinds/banned-phrases';
import type { Channel } from './channel';

export interface NewNotification {
  channel: Channel;
  /** phone (sms), e-mail address (email), or a reference such as 'user:42' (log) */
  recipient: string;
  template: TemplateKey;
  /** already formatted for `lang`: dates, labels, amounts */
  params: TemplateParams;
  /** R-SYS-01: Chinese unless the recipient asked for English */
  lang?: NotifyLang;
  /** not sent before this instant; default now */
  dueAt?: Date;
  /** a second enqueue with the same key is a no-op; put the deadline in the key of a reminder */
  dedupeKey?: string;
  entity?: string;
  entityId?: string | number;
  /** R-ORG-01: the station whose staff may list the notice; omit for system-wide notices */
  stationId?: number;
}

/**
 * R-PUB-03: a banned evasive phrase never goes out, even inside text a user typed (a case result).
 * Callers that take such text from a form should check it with `checkCourteous` first and answer
 * with a field error; this is the last line.
 */
function refuseEvasivePhrases(params: TemplateParams, text: string, banned: readonly string[]): void {
  const found = checkCourteous(text, banned);
  if (found.length === 0) return;
  const culprits = Object.entries(params)
    .filter(([, v]) => typeof v === 'string' && checkCourteous(v, banned).length > 0)
    .map(([k]) => `params.${k}`);
  throw errors.validation(
    (culprits.length > 0 ? culprits : ['template']).map((field) => ({
      field,
      reason: `contains the banned evasive phrase ${found.map((p) => `"${p}"`).join(', ')} (R-PUB-03)`,
      reasonZh: `含有禁用的推诿用语${found.map((p) => `“${p}”`).join('')}`,
    })),
  );
}

/** The row a notification is stored as: rendered, and refused if a banned phrase (those in force) would go out. */
export function notificationRow(n: NewNotification, banned: readonly string[]) {
  const { subject, body } = renderTemplate(n.template, n.lang ?? 'zh-CN', n.params);
  refuseEvasivePhrases(n.params, `${subject}\n${body}`, banned);
  return {
    channel: n.channel,
    recipient: n.recipient,
    template: n.template,
    params: JSON.stringify(n.params),
    subject,
    body,
    next_attempt_at: n.dueAt,
    dedupe_key: n.dedupeKey ?? null,
    entity: n.entity ?? null,
    entity_id: n.entityId == null ? null : String(n.entityId),
    station_id: n.stationId ?? null,
  };
}

/** Renders and queues a notification; returns its id, or null when the dedupe key was taken. */
export async function enqueue(tx: Kysely<DB>, n: NewNotification): Promise<number | null> {
  const values = notificationRow(n, (await inForce(tx, BANNED_PHRASES)).definition.phrases);
  const row = await tx
    .insertInto('notifications')
    .values(values)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Cancels the still-pending notices of an entity (a reminder made moot); returns how many. */
export async function cancel(tx: Kysely<DB>, c: { entity: string; entityId: string | number; templatePrefix?: string }): Promise<number> {
  let q = tx
    .updateTable('notifications')
    .set({ status: 'cancelled' })
    .where('entity', '=', c.entity)
    .where('entity_id', '=', String(c.entityId))
    .where('status', '=', 'pending');
  if (c.templatePrefix) q = q.where(sql<SqlBool>`starts_with(template, ${c.templatePrefix})`);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
