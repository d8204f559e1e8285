// Who hears about a case, and in what words (R-CASE-05, R-CMT-12, R-PUB-03): the customer when it
// is received and resolved, staff when a deadline nears or passes. Messages are queued in the
// caller's transaction, so they exist exactly when the change does.
import { sql, type Kysely } from 'kysely';
import { findRule, formatShanghai, type CommitmentProfile, type ReachedLevel } from '@griddesk/domain';
import { CASE_TYPE_LABELS, type CaseType } from '@griddesk/shared';
import type { DB } from '../db/schema';
import { enqueue } from '../notify';
import type { NewNotification } from '../notify/outbox';

/** 'YYYY-MM-DD HH:mm' Shanghai time, as a Chinese reader expects it in a message. */
export const shortTime = (d: Date) => formatShanghai(d).slice(0, 16).replace('T', ' ');

interface CaseBrief {
  id: number;
  query_code: string;
  type: CaseType;
  station_id: number;
  team_id: number | null;
  owner_id: number | null;
  assignee_id: number | null;
  contact_phone: string | null;
}

async function stationFacts(tx: Kysely<DB>, stationId: number) {
  return tx.selectFrom('org_units').select(['name', 'phone', 'path']).where('id', '=', stationId).executeTakeFirstOrThrow();
}

async function staffRecipient(tx: Kysely<DB>, userIds: number[]) {
  if (!userIds.length) return [];
  const users = await tx.selectFrom('users').select(['id', 'display_name', 'phone']).where('id', 'in', userIds).where('active', '=', true).execute();
  return users.map((u) => ({ id: u.id, name: u.display_name, channel: u.phone ? ('sms' as const) : ('log' as const), to: u.phone ?? `user:${u.id}` }));
}

/** The SMS telling the customer the query code and the first promise (R-CASE-08), or null without a phone. */
export function receivedNotice(c: CaseBrief, station: { name: string }, firstDue: Date | null): NewNotification | null {
  if (!c.contact_phone) return null;
  return {
    channel: 'sms',
    recipient: c.contact_phone,
    template: 'case.received',
    entity: 'case',
    entityId: c.id,
    stationId: c.station_id,
    params: { station: station.name, caseType: CASE_TYPE_LABELS[c.type].zh, queryCode: c.query_code, due: firstDue ? shortTime(firstDue) : '规定时限' },
    dedupeKey: `case:${c.id}:received`,
  };
}

export async function notifyCustomerReceived(tx: Kysely<DB>, c: CaseBrief, firstDue: Date | null): Promise<void> {
  if (!c.contact_phone) return;
  const n = receivedNotice(c, await stationFacts(tx, c.station_id), firstDue);
  if (n) await enqueue(tx, n);
}

export async function notifyCustomerResolved(tx: Kysely<DB>, c: CaseBrief, result: string, resolvedAt: Date): Promise<void> {
  if (!c.contact_phone) return;
  const station = await stationFacts(tx, c.station_id);
  await enqueue(tx, {
    channel: 'sms',
    recipient: c.contact_phone,
    template: 'case.resolved',
    entity: 'case',
    entityId: c.id,
    stationId: c.station_id,
    params: { caseType: CASE_TYPE_LABELS[c.type].zh, queryCode: c.query_code, result, phone: station.phone ?? '' },
    dedupeKey: `case:${c.id}:resolved:${resolvedAt.toISOString()}`,
  });
}

/** Users holding a role within a unit's subtree (team leaders of a team, the station head of a station). */
async function roleHolders(tx: Kysely<DB>, unitId: number, role: string): Promise<number[]> {
  const unit = await tx.selectFrom('org_units').select('path').where('id', '=', unitId).executeTakeFirstOrThrow();
  const rows = await tx
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select('users.id')
    .where('org_units.path', 'like', `${unit.path}%`)
    .where(sql<boolean>`${role} = any(users.roles)`)
    .where('users.active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

export async function notifyEscalation(
  tx: Kysely<DB>,
  c: CaseBrief,
  profile: CommitmentProfile,
  level: ReachedLevel,
  usedFraction: number | null,
  opts: { keyPrefix?: string } = {},
): Promise<number> {
  const targets =
    level.notify === 'owner'
      ? [c.owner_id ?? c.assignee_id].filter((x): x is number => x !== null)
      : level.notify === 'team_leader'
        ? await roleHolders(tx, c.team_id ?? c.station_id, 'team_leader')
        : await roleHolders(tx, c.station_id, 'station_head');
  const people = await staffRecipient(tx, targets);
  const assignee = c.assignee_id ?? c.owner_id;
  const assigneeName = assignee ? ((await staffRecipient(tx, [assignee]))[0]?.name ?? '未指定') : '未指定';
  const rule = findRule(profile, level.rule);
  let queued = 0;
  for (const p of people) {
    const id = await enqueue(tx, {
      channel: p.channel,
      recipient: p.to,
      template: level.template,
      entity: 'case',
      entityId: c.id,
      stationId: c.station_id,
      params: {
        queryCode: c.query_code,
        caseType: CASE_TYPE_LABELS[c.type].zh,
        due: shortTime(level.dueAt),
        assignee: assigneeName,
        used: `${Math.min(100, Math.round((usedFraction ?? 1) * 100))}%`,
        reason: `${rule?.label.zh ?? level.rule}已超时`,
      },
      // The due instant is in the key: a deadline moved by a pause arms its reminders again.
      dedupeKey: `${opts.keyPrefix ?? `case:${c.id}`}:${level.rule}:${level.dueAt.toISOString()}:L${level.level}:u${p.id}`,
    });
    if (id !== null) queued++;
  }
  return queued;
}

export async function notifyBreach(
  tx: Kysely<DB>,
  c: CaseBrief,
  breachId: number,
  ruleLabel: string,
  feedbackDue: Date | null,
  responsible: number | null,
): Promise<void> {
  const people = await staffRecipient(tx, responsible ? [responsible] : await roleHolders(tx, c.station_id, 'station_head'));
  for (const p of people) {
    await enqueue(tx, {
      channel: p.channel,
      recipient: p.to,
      template: 'breach.opened',
      entity: 'breach',
      entityId: breachId,
      stationId: c.station_id,
      params: { queryCode: c.query_code, commitment: ruleLabel, due: feedbackDue ? shortTime(feedbackDue) : '规定时限' },
      dedupeKey: `breach:${breachId}:opened:u${p.id}`,
    });
  }
}
