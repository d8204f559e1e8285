// Theft screening over HTTP (R-MTR-06): a run is a job over the stations in scope; the ranked,
// explained suspects of the latest run need metering.theft (an external supervisor has no such right).
import { JobStarted, SuspectList, SuspectsQuery, TheftRunBody } from '@griddesk/shared';
import { actorOf, type App, type AppContext } from '../../http/context';
import { commandContext } from '../../platform/commands';
import { theftScreeningJob } from './jobs';
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
        body: TheftRunBody,
        response: { 202: JobStarted },
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
        querystring: SuspectsQuery,
        response: { 200: SuspectList },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return latestSuspects(db, actor.stationIds, req.query.limit);
    },
  );
}
