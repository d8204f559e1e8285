// Staff case API (R-CASE-01..07): inbox sorted by time left, detail with timeline and clocks,
// counter registration, transitions of the closed loop, breach list.
import { caseClockSpecs, nextState, OPEN_STATUSES } from '@griddesk/domain';
import {
  BreachListQuery,
  BreachPage,
  BreachUpdated,
  BreachUpdateInput,
  CASE_STATUSES,
  CaseContactRevealed,
  CaseListQuery,
  CasePage,
  CaseRegisterInput,
  type CaseSummary,
  CaseTransitionInput,
  CaseView,
  IdParams,
} from '@griddesk/shared';
import { sql, type SqlBool } from 'kysely';
import { AppError, errors } from '../errors';
import { actorOf, type App, type AppContext } from '../http/context';
import type { Actor } from '../org/actor';
import { commandContext, runCommand } from '../platform/commands';
import { clockAt, clocksOf, policyView, projectSubjects } from '../platform/workflow';
import { ClockContext, loadCaseRows, loadEvents } from './repo';
import { inboxPage } from './inbox';
import { staffSummary, staffView } from './present';
import { registerCase, transitionCase } from './service';
import { auditActor, writeAudit } from '../audit/write';
import { BREACH_MACHINE, breachKind, breachSubject, loadBreaches, type BreachAction } from './workflow';

export function caseRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  async function view(actor: Actor, id: number, now: Date) {
    const [row] = await loadCaseRows(db, { ids: [id], stationIds: actor.stationIds });
    if (!row) throw errors.notFound({ zh: '工单', en: 'Case' });
    const events = (await loadEvents(db, [id])).get(id) ?? [];
    const { profile, clocks } = await new ClockContext(db, now).clocks(row, events);
    return staffView(row, events, profile, clocks, now);
  }

  app.get(
    '/api/cases',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags: ['cases'],
        summary: 'Case inbox: open cases sorted by time left, then closed ones newest first (R-CASE-05)',
        querystring: CaseListQuery,
        response: { 200: CasePage },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const f = req.query;
      const now = req.now;
      // open cases only when asked for open or overdue ones; a status narrows either set
      const wanted = (f.open || f.overdue === true ? OPEN_STATUSES : CASE_STATUSES).filter((s) => !f.status || s === f.status);
      const { ids, total } = await inboxPage(db, {
        stationIds: actor.stationIds,
        statuses: wanted,
        type: f.type,
        involving: f.mine ? actor.id : undefined,
        overdue: f.overdue,
        limit: f.limit,
        offset: f.offset,
        now,
      });
      const [rows, stored, policy] = await Promise.all([loadCaseRows(db, { ids }), clocksOf(db, 'case', ids), policyView(db)]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const items: CaseSummary[] = [];
      for (const id of ids) {
        const row = byId.get(id);
        if (!row) continue;
        const profile = await policy.profile(row.profile_id, row.profile_version);
        const order = caseClockSpecs(profile, row).map((c) => c.rule);
        const clocks = (stored.get(id) ?? [])
          .sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule))
          .map((c) => ({ ...clockAt(c, now), usedFraction: null }));
        items.push(staffSummary(row, profile, clocks, now));
      }
      return { items, total };
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { permission: 'cases.read' },
      schema: { tags: ['cases'], summary: 'One case with its timeline and clocks', params: IdParams, response: { 200: CaseView } },
    },
    async (req) => {
      const actor = actorOf(req);
      return view(actor, req.params.id, req.now);
    },
  );

  // R-SYS-03: the crew and the first responder need the number to call back; the reveal is audited.
  app.post(
    '/api/cases/:id/reveal',
    {
      config: { permission: 'personal.reveal' },
      schema: {
        tags: ['cases'],
        summary: 'Reveal the contact’s phone and address (audited)',
        params: IdParams,
        response: { 200: CaseContactRevealed },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const [row] = await loadCaseRows(db, { ids: [req.params.id], stationIds: actor.stationIds });
      if (!row) throw errors.notFound({ zh: '工单', en: 'Case' });
      await writeAudit(db, auditActor(actor), {
        entity: 'case',
        entityId: row.id,
        action: 'reveal_personal_data',
        after: { fields: ['contact_phone', 'contact_address'] },
      });
      return { phone: row.contact_phone, address: row.contact_address };
    },
  );

  app.post(
    '/api/cases',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags: ['cases'],
        summary: 'Register a case at the counter; the clerk becomes the first responder (R-CASE-03)',
        body: CaseRegisterInput,
        response: { 201: CaseView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const b = req.body;
      const stationId = b.stationId ?? (actor.stationIds.length === 1 ? actor.stationIds[0] : undefined);
      if (stationId === undefined || !actor.stationIds.includes(stationId)) {
        throw new AppError('validation_failed', 'stationId：请选择本人管辖的供电所', 'stationId: choose a station within your organisation', [
          { field: 'stationId', reason: 'is required and must be a station in your scope', reasonZh: '必填，且须为本人管辖的供电所' },
        ]);
      }
      const { state } = await registerCase(commandContext(db, req), {
        ...b,
        stationId,
        receivedAt: b.receivedAt ? new Date(b.receivedAt) : undefined,
        feePaidAt: b.feePaidAt ? new Date(b.feePaidAt) : undefined,
      });
      const s = state!;
      return reply.status(201).send(staffView(s.row, s.events, s.profile, s.clocks, req.now));
    },
  );

  app.post(
    '/api/cases/:id/transitions',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags: ['cases'],
        summary: 'Move a case along its closed loop; 409 when the action is not allowed from its status',
        params: IdParams,
        body: CaseTransitionInput,
        response: { 200: CaseView },
      },
    },
    async (req) => {
      const s = await transitionCase(commandContext(db, req), req.params.id, req.body);
      return staffView(s.row, s.events, s.profile, s.clocks, req.now);
    },
  );

  // R-CMT-12: once verified the customer is compensated and the responsible person penalised
  // (by default double the compensation, the profile's multiple); the result goes to the customer.
  app.patch(
    '/api/breaches/:id',
    {
      config: { permission: 'breaches.manage' },
      schema: {
        tags: ['cases'],
        summary: 'Record the verification, compensation, penalty and feedback of a breach',
        params: IdParams,
        body: BreachUpdateInput,
        response: { 200: BreachUpdated },
      },
    },
    async (req) => {
      const b = req.body;
      return runCommand(commandContext(db, req), { permission: 'breaches.manage' }, async ({ tx, now, actor, audit }) => {
        const scope = actor?.stationIds ?? [];
        const before = await tx
          .selectFrom('breaches')
          .select(['id', 'status', 'compensation_fen', 'penalty_fen', 'note'])
          .where('id', '=', req.params.id)
          .where('station_id', 'in', scope.length ? scope : [-1])
          .forUpdate()
          .executeTakeFirst();
        if (!before) throw errors.notFound({ zh: '违诺记录', en: 'Breach' });
        const [breach] = await loadBreaches(tx, [before.id]);
        // the status moves along the breach machine: verified, feedback given, closed or dismissed
        let feedbackAt: Date | undefined;
        if (b.status && b.status !== before.status) {
          const action = (Object.keys(BREACH_MACHINE.actions) as BreachAction[]).find((a) => nextState(BREACH_MACHINE, before.status, a) === b.status);
          if (!action) {
            throw new AppError('conflict', `违诺记录当前状态不能改为“${b.status}”`, `A breach that is ${before.status} cannot become ${b.status}`, [
              { field: 'status', value: b.status, reason: `not reachable from ${before.status}`, reasonZh: `当前状态 ${before.status} 不能直接改为此状态` },
            ]);
          }
          if (action === 'give_feedback') feedbackAt = now;
        }
        const multiple = (await policyView(tx).then((p) => p.profile(breach!.profile_id, breach!.profile_version))).breachPenaltyMultiple ?? 2;
        const penalty = b.penaltyFen ?? (b.compensationFen !== undefined ? Math.round(b.compensationFen * multiple) : undefined);
        const patch = {
          ...(b.status ? { status: b.status } : {}),
          ...(b.compensationFen !== undefined ? { compensation_fen: b.compensationFen } : {}),
          ...(penalty !== undefined ? { penalty_fen: penalty } : {}),
          ...(b.note !== undefined ? { note: b.note } : {}),
          ...(feedbackAt ? { feedback_at: feedbackAt } : {}),
        };
        const after = await tx
          .updateTable('breaches')
          .set(patch)
          .where('id', '=', before.id)
          .returning(['id', 'status', 'compensation_fen', 'penalty_fen', 'note'])
          .executeTakeFirstOrThrow();
        await audit({
          entity: 'breach',
          entityId: before.id,
          action: 'update',
          before: { status: before.status, compensation_fen: before.compensation_fen, penalty_fen: before.penalty_fen, note: before.note },
          after: patch,
        });
        // R-CMT-12: the feedback clock stops when the result reaches the complainant
        const [fresh] = await loadBreaches(tx, [before.id]);
        await projectSubjects(tx, breachKind, [breachSubject(fresh!)], now);
        return { id: after.id, status: after.status, compensationFen: after.compensation_fen, penaltyFen: after.penalty_fen, note: after.note };
      });
    },
  );

  app.get(
    '/api/breaches',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags: ['cases'],
        summary: 'Breach records (违诺) with their 10-day feedback clock (R-CMT-12)',
        querystring: BreachListQuery,
        response: { 200: BreachPage },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      let q = db
        .selectFrom('breaches as b')
        .innerJoin('cases as c', 'c.id', 'b.case_id')
        .leftJoin('users as u', 'u.id', 'b.responsible_user_id')
        // the breach's own feedback clock, as projected
        .leftJoin('workflow_clocks as w', (j) => j.on('w.subject_kind', '=', 'breach').onRef('w.subject_id', '=', 'b.id').on('w.rule', '=', 'breach.feedback'))
        .where('b.station_id', 'in', actor.stationIds.length ? actor.stationIds : [-1]);
      if (req.query.feedbackLate !== undefined) {
        const late = sql<SqlBool>`coalesce(w.open and w.met_at is null and w.due_at < ${req.now}, false)`;
        q = q.where(req.query.feedbackLate ? late : sql<SqlBool>`not ${late}`);
      }
      if (req.query.status) q = q.where('b.status', '=', req.query.status);
      if (req.query.caseId) q = q.where('b.case_id', '=', req.query.caseId);
      const [items, total] = await Promise.all([
        q
          .select([
            'b.id',
            'b.case_id',
            'c.query_code',
            'c.type',
            'b.rule',
            'b.due_at',
            'b.detected_at',
            'b.status',
            'b.feedback_due_at',
            'b.compensation_fen',
            'b.penalty_fen',
            'b.note',
            'u.display_name as responsible',
            'w.due_at as feedback_clock_due',
            'w.met_at as feedback_met_at',
            'w.open as feedback_owed',
          ])
          .orderBy('b.detected_at', 'desc')
          .limit(req.query.limit)
          .offset(req.query.offset)
          .execute(),
        q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: items.map((b) => ({
          id: b.id,
          caseId: b.case_id,
          queryCode: b.query_code,
          caseType: b.type,
          rule: b.rule,
          dueAt: b.due_at.toISOString(),
          detectedAt: b.detected_at.toISOString(),
          status: b.status,
          feedbackDueAt: (b.feedback_clock_due ?? b.feedback_due_at)?.toISOString() ?? null,
          feedbackLate: Boolean(b.feedback_owed && !b.feedback_met_at && b.feedback_clock_due && b.feedback_clock_due < req.now),
          compensationFen: b.compensation_fen,
          penaltyFen: b.penalty_fen,
          note: b.note,
          responsible: b.responsible,
        })),
        total: Number(total.n),
      };
    },
  );
}
