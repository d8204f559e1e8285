// Theft screening over HTTP (R-MTR-06): a run is a job over the stations in scope; the ranked,
// explained suspects of the latest run need metering.theft (an external supervisor has no such right).
import { Type } from '@sinclair/typebox';
import { actorOf, type App, type AppContext } from '../../http/context';
import { Period } from '../../http/schemas';
import { JobStartedSchema } from '../../platform/jobs/schemas';
import { commandContext } from '../../platform/commands';
import { theftScreeningJob } from '../jobs';
import { latestSuspects } from './screening';

export function theftRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.post(
    '/api/metering/theft/runs',
    {
      config: { permission: 'metering.theft' },
      schema: {
        tags: ['metering'],
        summary:
          'Queue the theft screening over the daily series, reversed readings and area loss of the stations in scope (R-MTR-06); 202 with the job, whose result is the run',
        body: Type.Object({ period: Type.Optional(Period) }, { additionalProperties: false }),
        response: { 202: JobStartedSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const params = { ...(req.body.period ? { period: req.body.period } : {}), stationIds: actor.stationIds };
      const jobId = await ctx.jobs.start(commandContext(db, req), theftScreeningJob.kind, params, { stationIds: actor.stationIds });
      return reply.status(202).send({ jobId });
    },
  );

  app.get(
    '/api/metering/theft/suspects',
    {
      config: { permission: 'metering.theft' },
      schema: {
        tags: ['metering'],
        summary: 'Ranked, explained theft suspects of the latest screening run (R-MTR-06)',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return latestSuspects(db, actor.stationIds, req.query.limit);
    },
  );
}
