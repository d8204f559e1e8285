// Case commands: register (counter or portal), transitions of the closed loop, breach records.
// Each command checks access first, runs in one transaction and writes its audit row there.
import { sql, type Kysely } from 'kysely';
import { can, dueAt, findRule, nextStatus } from '@griddesk/domain';
import { CASE_ACTION_LABELS, CASE_STATUS_LABELS, type CaseAction, type CaseChannel, type CaseType, type FaultClass } from '@griddesk/shared';
import type { DB } from '../db/schema';
import { AppError, errors } from '../errors';
import { auditActor, writeAudit } from '../audit/write';
import type { Actor } from '../org/actor';
import { activeProfile } from '../policy/repo';
import { ClockContext, loadCaseRows, loadEvents } from './repo';
import { newQueryCode } from './query-code';
import { notifyBreach, notifyCustomerReceived, notifyCustomerResolved } from './notices';
import { nextDue } from './present';
import { checkCourteous } from '@griddesk/domain/notify/phrases';

export interface RegisterInput {
  channel: CaseChannel;
  type: CaseType;
  faultClass?: FaultClass | undefined;
  serviceArea?: 'urban' | 'rural' | 'remote' | undefined;
  contactName: string;
  contactPhone?: string | undefined;
  contactAddress?: string | undefined;
  accountNo?: string | undefined;
  description: string;
  receivedAt?: Date | undefined;
  feePaidAt?: Date | undefined;
  important?: boolean | undefined;
  stationId: number;
  idempotencyKey?: string | undefined;
}

const field = (name: string, reason: string, reasonZh: string) =>
  new AppError('validation_failed', `${name}：${reasonZh}`, `${name}: ${reason}`, [{ field: name, reason, reasonZh }]);

/** The registering staff member becomes the first responder (R-CASE-03); a portal case has none until accepted. */
export async function registerCase(
  db: Kysely<DB>,
  actor: Actor | null,
  input: RegisterInput,
  now = new Date(),
): Promise<{ id: number; queryCode: string; created: boolean }> {
  if (actor && !can(actor.roles, 'cases.write')) throw errors.forbidden();
  if (input.type === 'fault_repair' && !input.faultClass) throw field('faultClass', 'is required for a fault repair call', '故障报修须选择故障类别');
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + 60_000) throw field('receivedAt', 'must not be in the future', '登记时间不能晚于当前时间');
  return db.transaction().execute(async (tx) => {
    if (input.idempotencyKey) {
      const existing = await tx.selectFrom('cases').select(['id', 'query_code']).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
      if (existing) return { id: existing.id, queryCode: existing.query_code, created: false };
    }
    const customer = input.accountNo
      ? await tx
          .selectFrom('customers')
          .select(['id', 'important'])
          .where('account_no', '=', input.accountNo)
          .where('station_id', '=', input.stationId)
          .executeTakeFirst()
      : undefined;
    if (input.accountNo && !customer && actor) throw field('accountNo', 'unknown account number in this station', '户号不存在或不属于本所');
    const profile = await activeProfile(tx);
    const row = await tx
      .insertInto('cases')
      .values({
        query_code: newQueryCode(),
        idempotency_key: input.idempotencyKey ?? null,
        channel: input.channel,
        type: input.type,
        fault_class: input.type === 'fault_repair' ? (input.faultClass ?? null) : null,
        service_area: input.serviceArea ?? 'urban',
        station_id: input.stationId,
        team_id: null,
        owner_id: actor?.id ?? null,
        assignee_id: null,
        profile_id: profile.id,
        profile_version: profile.version,
        customer_id: customer?.id ?? null,
        contact_name: input.contactName,
        contact_phone: input.contactPhone ?? null,
        contact_address: input.contactAddress ?? null,
        description: input.description,
        important: input.important ?? customer?.important ?? false,
        conclusion: null,
        satisfaction: null,
        callback_comment: null,
        received_at: receivedAt,
        fee_paid_at: input.feePaidAt ?? null,
        closed_at: null,
      })
      .returning(['id', 'query_code'])
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('case_events')
      .values({
        case_id: row.id,
        action: 'register',
        at: receivedAt,
        actor_id: actor?.id ?? null,
        actor_name: actor?.displayName ?? '客户自助',
        from_status: null,
        to_status: 'received',
        detail: JSON.stringify({ channel: input.channel }),
      })
      .execute();
    await writeAudit(tx, auditActor(actor), {
      entity: 'case',
      entityId: row.id,
      action: 'register',
      after: { type: input.type, channel: input.channel, profile: `${profile.id}@${profile.version}`, receivedAt },
    });
    await syncBreaches(tx, [row.id], now);
    const [created] = await loadCaseRows(tx, { ids: [row.id] });
    const { clocks } = await new ClockContext(tx, now).clocks(created!, (await loadEvents(tx, [row.id])).get(row.id) ?? []);
    await notifyCustomerReceived(tx, created!, nextDue(clocks));
    return { id: row.id, queryCode: row.query_code, created: true };
  });
}

export interface TransitionInput {
  action: CaseAction;
  assigneeId?: number | undefined;
  teamId?: number | undefined;
  ownerId?: number | undefined;
  reason?: string | undefined;
  conclusion?: string | undefined;
  satisfaction?: number | undefined;
  comment?: string | undefined;
  at?: Date | undefined;
}

export async function transitionCase(db: Kysely<DB>, actor: Actor, caseId: number, input: TransitionInput, now = new Date()): Promise<void> {
  if (!can(actor.roles, 'cases.write')) throw errors.forbidden();
  await db.transaction().execute(async (tx) => {
    // Lock the case row so two clerks cannot move it at once (PostgreSQL; PGlite is serialised anyway).
    const current = await tx
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', caseId)
      .where('station_id', 'in', actor.stationIds.length ? actor.stationIds : [-1])
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw errors.notFound({ zh: '工单', en: 'Case' });
    const to = nextStatus(current.status, input.action);
    if (!to) {
      const st = CASE_STATUS_LABELS[current.status];
      const ac = CASE_ACTION_LABELS[input.action];
      throw new AppError('conflict', `工单当前为“${st.zh}”，不能执行“${ac.zh}”`, `A case that is ${st.en.toLowerCase()} cannot be given "${ac.en}"`, [
        { field: 'action', value: input.action, reason: `not allowed from status ${current.status}`, reasonZh: `当前状态 ${current.status} 不允许此操作` },
      ]);
    }
    const at = input.at ?? now;
    const patch: Partial<Record<string, unknown>> = { status: to, updated_at: now };
    const detail: Record<string, unknown> = {};
    switch (input.action) {
      case 'accept':
        if (!current.owner_id) patch.owner_id = actor.id; // a portal case: whoever accepts it is the first responder
        break;
      case 'assign': {
        if (!input.assigneeId) throw field('assigneeId', 'is required to assign', '派工须指定处理人');
        const user = await userInStation(tx, input.assigneeId, current.station_id);
        if (!user) throw field('assigneeId', 'is not a staff member of this station', '处理人不属于本所');
        patch.assignee_id = user.id;
        if (user.team_id) patch.team_id = user.team_id;
        detail.assignee = user.display_name;
        break;
      }
      case 'transfer': {
        if (!input.teamId) throw field('teamId', 'is required to transfer', '转办须指定班组');
        const team = await tx
          .selectFrom('org_units')
          .select(['id', 'name', 'parent_id'])
          .where('id', '=', input.teamId)
          .where('kind', '=', 'team')
          .executeTakeFirst();
        if (!team || team.parent_id !== current.station_id) throw field('teamId', 'is not a team of this station', '班组不属于本所');
        // R-CASE-03: ownership passes only by a formal transfer, to the named person or the team leader.
        const newOwner = input.ownerId
          ? await userInStation(tx, input.ownerId, current.station_id)
          : await tx
              .selectFrom('users')
              .select(['id', 'display_name'])
              .where('org_unit_id', '=', team.id)
              .where(sql<boolean>`'team_leader' = any(roles)`)
              .orderBy('id')
              .executeTakeFirst();
        if (input.ownerId && !newOwner) throw field('ownerId', 'is not a staff member of this station', '接收人不属于本所');
        Object.assign(patch, { team_id: team.id, assignee_id: null, ...(newOwner ? { owner_id: newOwner.id } : {}) });
        Object.assign(detail, { team: team.name, owner: newOwner?.display_name ?? null });
        break;
      }
      case 'pause':
        if (!input.reason?.trim()) throw field('reason', 'is required to pause the clock', '暂停计时须说明原因');
        detail.reason = input.reason;
        break;
      case 'resolve':
        if (!input.conclusion?.trim()) throw field('conclusion', 'is required to resolve (R-CMT-05: every case has a conclusion)', '办结须填写处理结论');
        if (checkCourteous(input.conclusion).length) {
          const found = checkCourteous(input.conclusion).join('”“');
          throw field('conclusion', `contains a banned evasive phrase (R-PUB-03): ${found}`, `含有禁用的推诿用语“${found}”，请改用文明服务用语`);
        }
        patch.conclusion = input.conclusion.trim();
        await notifyCustomerResolved(tx, current, patch.conclusion as string, at);
        break;
      case 'callback':
        // R-CASE-03: the callback belongs to the first responder.
        if (current.owner_id !== actor.id && !actor.roles.includes('station_head') && !actor.roles.includes('admin')) {
          throw new AppError('forbidden', '回访应由首问负责人进行', 'The callback belongs to the first responder');
        }
        if (input.satisfaction === undefined) throw field('satisfaction', 'is required (1–5)', '须填写满意度（1–5）');
        Object.assign(patch, { satisfaction: input.satisfaction, callback_comment: input.comment ?? null });
        Object.assign(detail, { satisfaction: input.satisfaction, comment: input.comment ?? null });
        break;
      case 'close':
        patch.closed_at = at;
        break;
      case 'reopen':
        Object.assign(patch, { closed_at: null, satisfaction: null, callback_comment: null });
        if (input.reason) detail.reason = input.reason;
        break;
      case 'start':
      case 'resume':
        break;
    }
    await tx.updateTable('cases').set(patch).where('id', '=', caseId).execute();
    await tx
      .insertInto('case_events')
      .values({
        case_id: caseId,
        action: input.action,
        at,
        actor_id: actor.id,
        actor_name: actor.displayName,
        from_status: current.status,
        to_status: to,
        detail: JSON.stringify(detail),
      })
      .execute();
    await writeAudit(tx, auditActor(actor), {
      entity: 'case',
      entityId: caseId,
      action: input.action,
      before: { status: current.status, owner_id: current.owner_id, assignee_id: current.assignee_id, team_id: current.team_id },
      after: { status: to, ...detail },
    });
    await syncBreaches(tx, [caseId], now);
  });
}

async function userInStation(tx: Kysely<DB>, userId: number, stationId: number) {
  const station = await tx.selectFrom('org_units').select('path').where('id', '=', stationId).executeTakeFirstOrThrow();
  const u = await tx
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(['users.id', 'users.display_name', 'org_units.id as unit_id', 'org_units.kind'])
    .where('users.id', '=', userId)
    .where('users.active', '=', true)
    .where('org_units.path', 'like', `${station.path}%`)
    .executeTakeFirst();
  return u && { id: u.id, display_name: u.display_name, team_id: u.kind === 'team' ? u.unit_id : null };
}

/**
 * R-CMT-12: a deadline that has passed unmet (or was met late) becomes a breach record, naming
 * the person responsible at that moment, with the breach feedback clock of the case's profile.
 * Idempotent: one record per case and rule.
 */
export async function syncBreaches(tx: Kysely<DB>, caseIds: number[] | 'open', now = new Date()): Promise<number> {
  const rows =
    caseIds === 'open'
      ? await loadCaseRows(tx, { statuses: ['received', 'accepted', 'assigned', 'in_progress', 'paused', 'resolved'] })
      : await loadCaseRows(tx, { ids: caseIds });
  if (!rows.length) return 0;
  const events = await loadEvents(
    tx,
    rows.map((r) => r.id),
  );
  const ctx = new ClockContext(tx, now);
  let created = 0;
  for (const row of rows) {
    const { profile, clocks } = await ctx.clocks(row, events.get(row.id) ?? []);
    for (const c of clocks.filter((c) => c.breached && c.dueAt)) {
      const feedbackRule = findRule(profile, 'breach.feedback');
      const feedbackDue = feedbackRule ? dueAt(feedbackRule, now, { calendar: await ctx.cal() }) : null;
      const res = await tx
        .insertInto('breaches')
        .values({
          case_id: row.id,
          rule: c.rule,
          due_at: c.dueAt!,
          responsible_user_id: row.assignee_id ?? row.owner_id,
          station_id: row.station_id,
          feedback_due_at: feedbackDue,
          compensation_fen: null,
          penalty_fen: null,
          note: null,
        })
        .onConflict((oc) => oc.columns(['case_id', 'rule']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (res) {
        created++;
        await writeAudit(
          tx,
          { id: null, name: 'system', orgUnitId: row.station_id },
          { entity: 'breach', entityId: res.id, action: 'detect', after: { caseId: row.id, rule: c.rule, dueAt: c.dueAt } },
        );
        await notifyBreach(tx, row, res.id, findRule(profile, c.rule)?.label.zh ?? c.rule, feedbackDue, row.assignee_id ?? row.owner_id);
      }
    }
  }
  return created;
}
