// Line loss over HTTP (R-MTR-04, R-MTR-05): the drill-down county → station → feeder → area →
// customers, the persisted trend and watch list, and the monthly run as a job. Everything is limited
// to the actor's stations; a parent narrows the work to the stations under it.
import { dayKeyOf, periodMinus, type LossLevel } from '@griddesk/domain';
import {
  AreaCustomers,
  AreaCustomersQuery,
  JobStarted,
  LossList,
  LossListQuery,
  LossRunBody,
  LossTrend,
  LossTrendQuery,
  WatchList,
  WatchListQuery,
} from '@griddesk/shared';
import { errors } from '../../errors';
import { actorOf, type App, type AppContext } from '../../http/context';
import type { Actor } from '../../org/actor';
import { commandContext } from '../../platform/commands';
import { areaCustomers } from '../readings/area-customers';
import { activeMeteringPolicy } from '../policy-repo';
import { lineLossJob } from './jobs';
import { lineLoss } from './compute';
import { lastRunAt, lossTrend, lossWatchlist } from './history';

/** The stations a drill-down step needs: a parent narrows the work to the stations under it. */
async function stationsUnder(ctx: AppContext, actor: Actor, level: LossLevel, parent: string | undefined): Promise<number[]> {
  if (!parent) return actor.stationIds;
  const db = ctx.database.db;
  if (level === 'feeder' || level === 'station') {
    const unit = await db.selectFrom('org_units').select(['id', 'kind']).where('code', '=', parent).executeTakeFirst();
    if (!unit) return [];
    if (unit.kind === 'station') return actor.stationIds.filter((s) => s === unit.id);
    const children = await db.selectFrom('org_units').select('id').where('parent_id', '=', unit.id).where('kind', '=', 'station').execute();
    return actor.stationIds.filter((s) => children.some((c) => c.id === s));
  }
  if (level === 'area') {
    const feeder = await db.selectFrom('feeders').select('station_id').where('code', '=', parent).executeTakeFirst();
    return feeder ? actor.stationIds.filter((s) => s === feeder.station_id) : [];
  }
  return actor.stationIds;
}

export function lineLossRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get(
    '/api/metering/lineloss',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary:
          'Line loss of a month by county, station (comprehensive), feeder (HV) or transformer area (LV), classed by the active policy; `parent` narrows to one step of the drill-down',
        querystring: LossListQuery,
        response: { 200: LossList },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const level = req.query.level ?? 'area';
      const { policy } = await activeMeteringPolicy(db);
      const stations = await stationsUnder(ctx, actor, level, req.query.parent);
      let items = stations.length ? await lineLoss(db, level, req.query.period, stations, policy.lineLoss) : [];
      if (req.query.parent && level !== 'county') items = items.filter((r) => r.parentCode === req.query.parent);
      return { period: req.query.period, level, runAt: await lastRunAt(db, req.query.period, level, actor.stationIds), items, total: items.length };
    },
  );

  app.get(
    '/api/metering/lineloss/customers',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Customer meters of one transformer area for a month: readings, consumption and flags (the last drill-down step)',
        querystring: AreaCustomersQuery,
        response: { 200: AreaCustomers },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return areaCustomers(db, req.query.period, req.query.area, actor.stationIds);
    },
  );

  app.get(
    '/api/metering/lineloss/trend',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Persisted monthly loss of one point over a range of months (R-MTR-05)',
        querystring: LossTrendQuery,
        response: { 200: LossTrend },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const to = req.query.to ?? dayKeyOf(req.now).slice(0, 7);
      const from = req.query.from ?? periodMinus(to, 11);
      if (from > to) throw errors.validation([{ field: 'from', reason: 'must not be after `to`', reasonZh: '不能晚于结束月份' }]);
      return lossTrend(db, req.query.level, req.query.code, from, to, actor.stationIds);
    },
  );

  app.get(
    '/api/metering/lineloss/watchlist',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Transformer areas not qualified for consecutive months, with the person responsible (R-MTR-05 分片管理)',
        querystring: WatchListQuery,
        response: { 200: WatchList },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const minStreak = req.query.minStreak ?? (await activeMeteringPolicy(db)).policy.watch.minStreak;
      const items = await lossWatchlist(db, req.query.period, minStreak, actor.stationIds);
      return { period: req.query.period, minStreak, items, total: items.length };
    },
  );

  app.post(
    '/api/metering/lineloss/runs',
    {
      config: { permission: 'metering.run' },
      schema: {
        tags: ['metering'],
        summary:
          'Queue the monthly line-loss job: compute, class and persist every level for the stations in scope; 202 with the job, whose result is the run (GET /api/jobs/{jobId})',
        body: LossRunBody,
        response: { 202: JobStarted },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const params = { period: req.body.period, stationIds: actor.stationIds };
      const jobId = await ctx.jobs.start(commandContext(db, req), lineLossJob.kind, params, { stationIds: actor.stationIds });
      return reply.status(202).send({ jobId });
    },
  );
}
