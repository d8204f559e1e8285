// Staff case API (R-CASE-01..07): inbox sorted by time left, detail with timeline and clocks,
// counter registration, transitions of the closed loop, breach list.
import { Type } from '@sinclair/typebox';
import { isOpen, OPEN_STATUSES } from '@griddesk/domain';
import { CASE_ACTIONS, CASE_CHANNELS, CASE_STATUSES, CASE_TYPES, FAULT_CLASSES } from '@griddesk/shared';
import { sql } from 'kysely';
import { AppError, errors } from '../errors';
import { actorOf, type App, type AppContext } from '../http/context';
import type { Actor } from '../org/actor';
import { ClockContext, countCases, loadCaseRows, loadEvents, type CaseRow } from './repo';
import { isOverdue, nextDue, staffView } from './present';
import { registerCase, transitionCase } from './service';
import { auditActor, writeAudit } from '../audit/write';
import { profileVersion } from '../policy/repo';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Instant = Type.String({ format: 'date-time' });

export function caseRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  async function view(actor: Actor, id: number) {
    const [row] = await loadCaseRows(db, { ids: [id], stationIds: actor.stationIds });
    if (!row) throw errors.notFound({ zh: '工单', en: 'Case' });
    const events = (await loadEvents(db, [id])).get(id) ?? [];
    const clock = new ClockContext(db);
    const { profile, clocks } = await clock.clocks(row, events);
    return staffView(row, events, profile, clocks, clock.now);
  }

  app.get(
    '/api/cases',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags: ['cases'],
        summary: 'Case inbox: open cases sorted by time left (R-CASE-05)',
        querystring: Type.Object({
          status: Type.Optional(literals(CASE_STATUSES)),
          type: Type.Optional(literals(CASE_TYPES)),
          overdue: Type.Optional(Type.Boolean()),
          open: Type.Optional(Type.Boolean()),
          mine: Type.Optional(Type.Boolean()),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          offset: Type.Integer({ minimum: 0, default: 0 }),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const f = req.query;
      const base = { stationIds: actor.stationIds, ...(f.type ? { type: f.type } : {}), ...(f.mine ? { involving: actor.id } : {}) };
      const wanted = (list: readonly string[]) => (f.status ? list.filter((s) => s === f.status) : list);
      // Open cases carry clocks and sort by time left, so all of them are computed (a station has
      // tens to hundreds); closed ones can be years of history and are paged in SQL, newest first.
      const openStatuses = wanted(OPEN_STATUSES);
      const closedStatuses = f.open || f.overdue === true ? [] : wanted(CASE_STATUSES.filter((s) => !isOpen(s)));
      const clock = new ClockContext(db);
      const present = async (rows: CaseRow[]) => {
        const events = await loadEvents(
          db,
          rows.map((r) => r.id),
        );
        return Promise.all(
          rows.map(async (r) => {
            const ev = events.get(r.id) ?? [];
            const { profile, clocks } = await clock.clocks(r, ev);
            return {
              view: staffView(r, ev, profile, clocks, clock.now),
              due: isOpen(r.status) ? nextDue(clocks) : null,
              overdue: isOverdue(r.status, clocks, clock.now),
            };
          }),
        );
      };
      let open = openStatuses.length ? await present(await loadCaseRows(db, { ...base, statuses: openStatuses })) : [];
      if (f.overdue !== undefined) open = open.filter((v) => v.overdue === f.overdue);
      // least time left first; open cases without a running clock after them, newest first
      open.sort((a, b) => (a.due && b.due ? a.due.getTime() - b.due.getTime() : a.due ? -1 : b.due ? 1 : 0));
      const closedTotal = closedStatuses.length ? await countCases(db, { ...base, statuses: closedStatuses }) : 0;
      const fromOpen = open.slice(f.offset, f.offset + f.limit);
      const closedLimit = f.limit - fromOpen.length;
      const closed =
        closedStatuses.length && closedLimit > 0
          ? await present(await loadCaseRows(db, { ...base, statuses: closedStatuses }, { limit: closedLimit, offset: Math.max(0, f.offset - open.length) }))
          : [];
      return { items: [...fromOpen, ...closed].map((v) => ({ ...v.view, events: undefined })), total: open.length + closedTotal };
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { permission: 'cases.read' },
      schema: { tags: ['cases'], summary: 'One case with its timeline and clocks', params: Type.Object({ id: Type.Integer() }) },
    },
    async (req) => {
      const actor = actorOf(req);
      return view(actor, req.params.id);
    },
  );

  // R-SYS-03: the crew and the first responder need the number to call back; the reveal is audited.
  app.post(
    '/api/cases/:id/reveal',
    {
      config: { permission: 'personal.reveal' },
      schema: { tags: ['cases'], summary: 'Reveal the contact’s phone and address (audited)', params: Type.Object({ id: Type.Integer() }) },
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
        body: Type.Object(
          {
            channel: literals(CASE_CHANNELS),
            type: literals(CASE_TYPES),
            faultClass: Type.Optional(literals(FAULT_CLASSES)),
            serviceArea: Type.Optional(literals(['urban', 'rural', 'remote'] as const)),
            contactName: Type.String({ minLength: 1, maxLength: 100 }),
            contactPhone: Type.Optional(Type.String({ maxLength: 20, pattern: '^\\+?[0-9][0-9 -]{3,18}[0-9]$' })),
            contactAddress: Type.Optional(Type.String({ maxLength: 200 })),
            accountNo: Type.Optional(Type.String({ maxLength: 32 })),
            description: Type.String({ minLength: 1, maxLength: 4000 }),
            receivedAt: Type.Optional(Instant),
            feePaidAt: Type.Optional(Instant),
            important: Type.Optional(Type.Boolean()),
            stationId: Type.Optional(Type.Integer()),
          },
          { additionalProperties: false },
        ),
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
      const { id } = await registerCase(db, actor, {
        ...b,
        stationId,
        receivedAt: b.receivedAt ? new Date(b.receivedAt) : undefined,
        feePaidAt: b.feePaidAt ? new Date(b.feePaidAt) : undefined,
      });
      return reply.status(201).send(await view(actor, id));
    },
  );

  app.post(
    '/api/cases/:id/transitions',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags: ['cases'],
        summary: 'Move a case along its closed loop; 409 when the action is not allowed from its status',
        params: Type.Object({ id: Type.Integer() }),
        body: Type.Object(
          {
            action: literals(CASE_ACTIONS),
            assigneeId: Type.Optional(Type.Integer()),
            teamId: Type.Optional(Type.Integer()),
            ownerId: Type.Optional(Type.Integer()),
            reason: Type.Optional(Type.String({ maxLength: 500 })),
            conclusion: Type.Optional(Type.String({ maxLength: 4000 })),
            satisfaction: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
            comment: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await transitionCase(db, actor, req.params.id, req.body);
      return view(actor, req.params.id);
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
        params: Type.Object({ id: Type.Integer() }),
        body: Type.Object(
          {
            status: Type.Optional(literals(['open', 'verified', 'feedback_given', 'closed', 'dismissed'] as const)),
            compensationFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
            penaltyFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom('breaches as b')
          .innerJoin('cases as c', 'c.id', 'b.case_id')
          .select(['b.id', 'b.status', 'b.compensation_fen', 'b.penalty_fen', 'b.note', 'c.profile_id', 'c.profile_version'])
          .where('b.id', '=', req.params.id)
          .where('b.station_id', 'in', actor.stationIds.length ? actor.stationIds : [-1])
          .executeTakeFirst();
        if (!before) throw errors.notFound({ zh: '违诺记录', en: 'Breach' });
        const b = req.body;
        const multiple = (await profileVersion(tx, before.profile_id, before.profile_version))?.breachPenaltyMultiple ?? 2;
        const penalty = b.penaltyFen ?? (b.compensationFen !== undefined ? Math.round(b.compensationFen * multiple) : undefined);
        const patch = {
          ...(b.status ? { status: b.status } : {}),
          ...(b.compensationFen !== undefined ? { compensation_fen: b.compensationFen } : {}),
          ...(penalty !== undefined ? { penalty_fen: penalty } : {}),
          ...(b.note !== undefined ? { note: b.note } : {}),
        };
        await tx.updateTable('breaches').set(patch).where('id', '=', before.id).execute();
        await writeAudit(tx, auditActor(actor), {
          entity: 'breach',
          entityId: before.id,
          action: 'update',
          before: { status: before.status, compensation_fen: before.compensation_fen, penalty_fen: before.penalty_fen, note: before.note },
          after: patch,
        });
        const after = await tx
          .selectFrom('breaches')
          .select(['id', 'status', 'compensation_fen', 'penalty_fen', 'note'])
          .where('id', '=', before.id)
          .executeTakeFirstOrThrow();
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
        querystring: Type.Object({
          status: Type.Optional(Type.String({ maxLength: 20 })),
          caseId: Type.Optional(Type.Integer()),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          offset: Type.Integer({ minimum: 0, default: 0 }),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      let q = db
        .selectFrom('breaches as b')
        .innerJoin('cases as c', 'c.id', 'b.case_id')
        .leftJoin('users as u', 'u.id', 'b.responsible_user_id')
        .where('b.station_id', 'in', actor.stationIds.length ? actor.stationIds : [-1]);
      if (req.query.status) q = q.where('b.status', '=', req.query.status as 'open');
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
          feedbackDueAt: b.feedback_due_at?.toISOString() ?? null,
          compensationFen: b.compensation_fen,
          penaltyFen: b.penalty_fen,
          note: b.note,
          responsible: b.responsible,
        })),
        total: total.n,
      };
    },
  );
}
