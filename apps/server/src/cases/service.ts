// Case commands: register (counter or portal) and the transitions of the closed loop. Each runs
// as a command (permission and scope first, one transaction, audit row and notices inside it) on
// the request's clock, and re-projects the case's clocks through the workflow engine in that
// same transaction (R-CASE-04, R-CASE-05, R-CMT-12).
import { sql } from 'kysely';
import { CASE_MACHINE, nextStatus, type WorkflowClock, type CommitmentProfile } from '@griddesk/domain';
import { CASE_ACTION_LABELS, CASE_STATUS_LABELS, type CaseAction, type CaseChannel, type CaseType, type FaultClass } from '@griddesk/shared';
import { AppError, errors } from '../errors';
import { runCommand, runStatement, type CommandContext, type Tx } from '../platform/commands';
import { auditActor } from '../audit/write';
import { notificationRow } from '../notify/outbox';
import { inForce } from '../platform/documents/service';
import { BANNED_PHRASES } from '../policy/kinds/banned-phrases';
import { planNewSubject, POLICY_POINTER, policyAt, projectSubjects, type PolicyPointer } from '../platform/workflow';
import { insertRegisteredCase } from './register-statement';
import { loadCaseRows, loadEvents, type CaseRow, type EventRow } from './repo';
import { newQueryCode } from './query-code';
import { notifyCustomerResolved, receivedNotice } from './notices';
import { nextDue } from './present';
import { caseKind, caseSubject } from './workflow';
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

/** The policy in force when this database last registered a case; the statement re-checks it. */
const lastPointer = new WeakMap<object, PolicyPointer>();
const STATION_MARK = '⟦station⟧';

async function readPointer(db: CommandContext['db']): Promise<PolicyPointer> {
  const { rows } = await sql<PolicyPointer>`select ${POLICY_POINTER.columns} from ${POLICY_POINTER.from}`.execute(db);
  if (!rows[0]) throw new Error('calendar_revision has no row');
  return rows[0];
}

/** A case as just written: its row, timeline and clocks, so the caller answers without reading it again. */
export interface CaseState {
  row: CaseRow;
  events: EventRow[];
  profile: CommitmentProfile;
  clocks: WorkflowClock[];
}

/** The registering staff member becomes the first responder (R-CASE-03); a portal case has none until accepted. */
export async function registerCase(
  ctx: CommandContext,
  input: RegisterInput,
): Promise<{ id: number; queryCode: string; created: boolean; state: CaseState | null }> {
  const { actor, now } = ctx;
  if (input.type === 'fault_repair' && !input.faultClass) throw field('faultClass', 'is required for a fault repair call', '故障报修须选择故障类别');
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + 60_000) throw field('receivedAt', 'must not be in the future', '登记时间不能晚于当前时间');
  // Everything is computed before the transaction opens, under the policy last seen in force; the
  // statement itself checks that policy is still the one in force, and when not, it is read again.
  let pointer = lastPointer.get(ctx.db) ?? (await readPointer(ctx.db));
  for (let attempt = 0; attempt < 3; attempt++) {
    const policy = await policyAt(ctx.db, pointer);
    const profile = policy.active;
    if (!profile) throw new Error('no active commitment profile');
    const values = {
      query_code: newQueryCode(),
      idempotency_key: input.idempotencyKey ?? null,
      channel: input.channel,
      type: input.type,
      fault_class: input.type === 'fault_repair' ? (input.faultClass ?? null) : null,
      service_area: input.serviceArea ?? 'urban',
      station_id: input.stationId,
      owner_id: actor?.id ?? null,
      profile_id: profile.id,
      profile_version: profile.version,
      customer_id: null as number | null,
      contact_name: input.contactName,
      contact_phone: input.contactPhone ?? null,
      contact_address: input.contactAddress ?? null,
      description: input.description,
      important: input.important ?? false,
      received_at: receivedAt,
      fee_paid_at: input.feePaidAt ?? null,
    };
    const draft = {
      ...values,
      id: 0,
      status: 'received',
      team_id: null,
      assignee_id: null,
      conclusion: null,
      satisfaction: null,
      callback_comment: null,
      closed_at: null,
      created_at: now,
      updated_at: now,
      owner_name: actor?.displayName ?? null,
      assignee_name: null,
      team_name: null,
      account_no: null,
    } as CaseRow;
    const detail = { channel: input.channel };
    const events: EventRow[] = [
      { case_id: 0, action: 'register', at: receivedAt, actor_name: actor?.displayName ?? '客户自助', from_status: null, to_status: 'received', detail },
    ];
    const plan = await planNewSubject(caseKind, caseSubject(draft, events), policy, now);
    // the station's name is filled in by the statement, from the row as it stands
    const notice = receivedNotice(draft, { name: STATION_MARK }, nextDue(plan.clocks));
    const noticeRow = notice && {
      ...notificationRow(notice, (await inForce(ctx.db, BANNED_PHRASES)).definition.phrases),
      dedupe_suffix: ':received',
      station_mark: STATION_MARK,
    };
    const audit = {
      actor: auditActor(actor),
      after: { type: input.type, channel: input.channel, profile: `${profile.id}@${profile.version}`, receivedAt },
      requestId: ctx.requestId ?? null,
    };
    const opts = { permission: 'cases.write' as const, stationIds: actor ? [input.stationId] : [] };
    const statement = {
      policy: pointer,
      c: { ...values, now },
      event: { actor_id: actor?.id ?? null, actor_name: events[0]!.actor_name, detail },
      audit,
      clocks: plan.hooks ? null : { rows: plan.rows, open: plan.open, lead: plan.lead },
      notice: noticeRow,
    };
    const written = (inserted: unknown): { id: number; queryCode: string; created: boolean; state: CaseState } => {
      const row: CaseRow = { ...draft, ...(inserted as Partial<CaseRow>) };
      for (const e of events) e.case_id = row.id;
      return { id: row.id, queryCode: row.query_code, created: true, state: { row, events, profile, clocks: plan.clocks } };
    };
    // The common registration — no idempotency key to look up, no account to resolve, no clock
    // already past due — is the one statement alone, without a transaction around it.
    if (!input.idempotencyKey && !input.accountNo && !plan.hooks) {
      const inserted = await runStatement(ctx, opts, (db) => insertRegisteredCase(db, statement));
      if (inserted) {
        lastPointer.set(ctx.db, pointer);
        return written(inserted);
      }
      pointer = await readPointer(ctx.db);
      continue;
    }
    const out = await runCommand(ctx, opts, async ({ tx }) => {
      if (input.idempotencyKey) {
        const existing = await tx.selectFrom('cases').select(['id', 'query_code']).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
        if (existing) return { id: existing.id, queryCode: existing.query_code, created: false, state: null };
      }
      if (input.accountNo) {
        const customer = await tx
          .selectFrom('customers')
          .select(['id', 'important'])
          .where('account_no', '=', input.accountNo)
          .where('station_id', '=', input.stationId)
          .executeTakeFirst();
        if (!customer && actor) throw field('accountNo', 'unknown account number in this station', '户号不存在或不属于本所');
        if (customer) {
          values.customer_id = customer.id;
          values.important = input.important ?? customer.important;
          Object.assign(draft, { customer_id: customer.id, important: values.important, account_no: input.accountNo });
        }
      }
      const inserted = await insertRegisteredCase(tx, statement);
      if (!inserted) return null; // the policy moved since it was read
      const done = written(inserted);
      // a case entered after its deadline: the engine writes its clocks and records the breach
      if (plan.hooks) await projectSubjects(tx, caseKind, [caseSubject(done.state.row, events)], now, { fresh: true });
      return done;
    });
    if (out) {
      lastPointer.set(ctx.db, pointer);
      return out;
    }
    pointer = await readPointer(ctx.db);
  }
  throw new AppError('conflict', '服务承诺方案或日历正在更新，请重试', 'The commitment profile or calendar is being changed; please try again');
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

export async function transitionCase(ctx: CommandContext, caseId: number, input: TransitionInput): Promise<CaseState> {
  const actor = ctx.actor;
  if (!actor) throw new Error('a case transition needs a signed-in actor');
  return runCommand(ctx, { permission: CASE_MACHINE.actions[input.action].permission }, async ({ tx, now, audit }) => {
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
    await audit({
      entity: 'case',
      entityId: caseId,
      action: input.action,
      before: { status: current.status, owner_id: current.owner_id, assignee_id: current.assignee_id, team_id: current.team_id },
      after: { status: to, ...detail },
    });
    const [[row], timeline] = await Promise.all([loadCaseRows(tx, { ids: [caseId] }), loadEvents(tx, [caseId])]);
    const events = timeline.get(caseId) ?? [];
    const { projected } = await projectSubjects(tx, caseKind, [caseSubject(row!, events)], now);
    return { row: row!, events, profile: projected[0]!.profile, clocks: projected[0]!.clocks };
  });
}

async function userInStation(tx: Tx, userId: number, stationId: number) {
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
