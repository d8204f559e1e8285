// Billing over HTTP (R-MTR-03): the computation of a month as a job, the bill list, corrections with
// a reason (audited) and the billing error rate. Limited to the actor's stations.
import { Type } from '@sinclair/typebox';
import { errors } from '../../errors';
import { actorOf, type App, type AppContext } from '../../http/context';
import { Period } from '../../http/schemas';
import { auditActor } from '../../audit/write';
import { JobStartedSchema } from '../../platform/jobs/schemas';
import { commandContext } from '../../platform/commands';
import { billsJob } from '../jobs';
import { billingErrors, correctBill, listBills } from './bills';

const Kwh = Type.String({ pattern: '^[0-9]{1,12}(\\.[0-9]{1,4})?$' });

export function billingRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

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
}
