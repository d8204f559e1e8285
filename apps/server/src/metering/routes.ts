// Billing (R-MTR-03) and anti-theft inspection (R-MTR-07) HTTP surface. Reads need ledger.read,
// writes ledger.write; everything is limited to the actor's stations.
import { Type } from '@sinclair/typebox';
import { VIOLATION_TYPES } from '@griddesk/domain/metering/inspection';
import { errors } from '../errors';
import { actorOf, type App, type AppContext } from '../http/context';
import { Day, Period } from '../http/schemas';
import { auditActor } from '../audit/write';
import { billingErrors, correctBill, listBills } from './bills';
import { billsJob } from './jobs';
import { JobStartedSchema } from '../platform/jobs/schemas';
import { commandContext } from '../platform/commands';
import { addFinding, createCampaign, listCampaigns, summarise } from './inspections';

const Kwh = Type.String({ pattern: '^[0-9]{1,12}(\\.[0-9]{1,4})?$' });
const CampaignKind = Type.Union([
  Type.Literal('night_patrol'),
  Type.Literal('meter_box_opening'),
  Type.Literal('special_check'),
  Type.Literal('routine_check'),
]);

export function meteringRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  // ---- bills (R-MTR-03)
  app.post(
    '/api/bills/compute',
    {
      config: { permission: 'metering.run' },
      schema: {
        tags: ['metering'],
        summary:
          'Queue the computation (or recomputation) of the bills of a month for the stations in scope (R-MTR-03); 202 with the job, whose result is the totals',
        body: Type.Object({ period: Period, stationId: Type.Optional(Type.Integer()) }, { additionalProperties: false }),
        response: { 202: JobStartedSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const ids = req.body.stationId === undefined ? actor.stationIds : actor.stationIds.filter((s) => s === req.body.stationId);
      if (!ids.length) throw errors.notFound({ zh: '供电所', en: 'Station' });
      const jobId = await ctx.jobs.start(commandContext(db, req), billsJob.kind, { period: req.body.period, stationIds: ids }, { stationIds: ids });
      return reply.status(202).send({ jobId });
    },
  );

  app.get(
    '/api/bills',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Bills in scope',
        querystring: Type.Object({
          period: Type.Optional(Period),
          accountNo: Type.Optional(Type.String({ maxLength: 32 })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          offset: Type.Integer({ minimum: 0, default: 0 }),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { limit, offset, ...filter } = req.query;
      return listBills(db, actor.stationIds, filter, limit, offset);
    },
  );

  app.post(
    '/api/bills/:id/corrections',
    {
      config: { permission: 'metering.write' },
      schema: {
        tags: ['metering'],
        summary: 'Correct a bill; the reason is required and the change audited (R-MTR-03)',
        params: Type.Object({ id: Type.Integer() }),
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }), amountFen: Type.Integer({ minimum: 0 }), kwh: Type.Optional(Kwh) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(await correctBill(db, auditActor(actor), actor.stationIds, req.params.id, req.body));
    },
  );

  app.get(
    '/api/bills/error-rate',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Billing error rate (电费差错率) of a month: corrected bills / bills',
        querystring: Type.Object({ period: Period }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return billingErrors(db, req.query.period, actor.stationIds);
    },
  );

  // ---- inspections (R-MTR-07)
  app.post(
    '/api/inspections',
    {
      config: { permission: 'metering.write' },
      schema: {
        tags: ['metering'],
        summary: 'Register an anti-theft inspection campaign (R-MTR-07)',
        body: Type.Object(
          {
            kind: CampaignKind,
            stationId: Type.Optional(Type.Integer()),
            startedOn: Day,
            endedOn: Type.Optional(Type.Union([Day, Type.Null()])),
            boxesOpened: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(await createCampaign(db, auditActor(actor), actor.stationIds, req.body));
    },
  );

  app.get(
    '/api/inspections',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Inspection campaigns in scope',
        querystring: Type.Object({
          from: Type.Optional(Day),
          to: Type.Optional(Day),
          kind: Type.Optional(CampaignKind),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          offset: Type.Integer({ minimum: 0, default: 0 }),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { limit, offset, ...filter } = req.query;
      return listCampaigns(db, actor.stationIds, filter, limit, offset);
    },
  );

  app.get(
    '/api/inspections/summary',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Summary over the campaigns started in a date range (R-MTR-07)',
        querystring: Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day), stationId: Type.Optional(Type.Integer()) }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return summarise(db, actor.stationIds, req.query);
    },
  );

  app.post(
    '/api/inspections/:id/findings',
    {
      config: { permission: 'metering.write' },
      schema: {
        tags: ['metering'],
        summary: 'Record a theft or violation finding; charges and penalty computed by the supply rules (R-MTR-07)',
        params: Type.Object({ id: Type.Integer() }),
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('theft'), Type.Literal('violation')]),
            accountNo: Type.Optional(Type.String({ maxLength: 32 })),
            violationType: Type.Optional(Type.Union(VIOLATION_TYPES.map((v) => Type.Literal(v)))),
            energyKwh: Type.Optional(Kwh),
            priceYuan: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}(\\.[0-9]{1,4})?$' })),
            penaltyMultiple: Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
            capacityKw: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
            times: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            residential: Type.Optional(Type.Boolean()),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(await addFinding(db, auditActor(actor), actor.stationIds, req.params.id, req.body));
    },
  );

  app.get(
    '/api/inspections/:id/summary',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Summary of one campaign: boxes opened, theft and violation households, energy, charges and penalties (R-MTR-07)',
        params: Type.Object({ id: Type.Integer() }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return summarise(db, actor.stationIds, { campaignId: req.params.id });
    },
  );
}
