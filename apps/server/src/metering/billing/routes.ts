// Billing over HTTP (R-MTR-03): the computation of a month as a job, the bill list, corrections with
// a reason (audited) and the billing error rate. Limited to the actor's stations.
import {
  BillComputeInput,
  BillCorrection,
  BillCorrectionInput,
  BillingErrorRate,
  BillingErrorRateQuery,
  BillListQuery,
  BillPage,
  IdParams,
  JobStarted,
} from '@griddesk/shared';
import { errors } from '../../errors';
import { actorOf, type App, type AppContext } from '../../http/context';
import { auditActor } from '../../audit/write';
import { commandContext } from '../../platform/commands';
import { billsJob } from './jobs';
import { billingErrors, correctBill, listBills } from './bills';

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
        body: BillComputeInput,
        response: { 202: JobStarted },
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
        summary: 'Bills in scope, latest month first',
        querystring: BillListQuery,
        response: { 200: BillPage },
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
        params: IdParams,
        body: BillCorrectionInput,
        response: { 201: BillCorrection },
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
        querystring: BillingErrorRateQuery,
        response: { 200: BillingErrorRate },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return billingErrors(db, req.query.period, actor.stationIds);
    },
  );
}
