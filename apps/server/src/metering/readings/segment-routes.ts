// Reading segments, the reading schedule and the large-customer swing list over HTTP (R-MTR-01,
// R-MTR-06). Reads need ledger.read, changes ledger.write; all limited to the actor's stations.
import {
  AssignAreasBody,
  AssignAreasResult,
  LargeCustomers,
  MeteringMonthQuery,
  ReadingSchedule,
  SegmentBody,
  SegmentPage,
  SegmentParams,
  SegmentSaved,
} from '@griddesk/shared';
import { actorOf, type App, type AppContext } from '../../http/context';
import { auditActor } from '../../audit/write';
import { activeMeteringPolicy } from '../policy-repo';
import { assignAreas, listSegments, readingSchedule, saveSegment } from './segments';
import { largeCustomers } from './large-customers';

export function segmentRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get(
    '/api/metering/segments',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Reading segments (抄表段) with their reading day, reader and number of customers (R-MTR-01)',
        response: { 200: SegmentPage },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const items = await listSegments(db, actor.stationIds);
      return { items, total: items.length };
    },
  );

  app.put(
    '/api/metering/segments/:code',
    {
      config: { permission: 'metering.write' },
      schema: {
        tags: ['metering'],
        summary: 'Create or change a reading segment: its name, day of the month (31 = the last day) and reader',
        params: SegmentParams,
        body: SegmentBody,
        response: { 200: SegmentSaved },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return saveSegment(db, auditActor(actor), actor.stationIds, { code: req.params.code, ...req.body }, req.now);
    },
  );

  app.post(
    '/api/metering/segments/:code/areas',
    {
      config: { permission: 'metering.write' },
      schema: {
        tags: ['metering'],
        summary: 'Put every customer of the given transformer areas into the segment',
        params: SegmentParams,
        body: AssignAreasBody,
        response: { 200: AssignAreasResult },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return assignAreas(db, auditActor(actor), actor.stationIds, req.params.code, req.body.areaCodes, req.now);
    },
  );

  app.get(
    '/api/metering/reading-schedule',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Per segment: meters read on the scheduled day (within the policy tolerance), off it, or not at all (R-MTR-01 统一抄表时间)',
        querystring: MeteringMonthQuery,
        response: { 200: ReadingSchedule },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { policy } = await activeMeteringPolicy(db);
      const items = await readingSchedule(db, req.query.period, actor.stationIds, policy.schedule.toleranceDays);
      return { period: req.query.period, toleranceDays: policy.schedule.toleranceDays, items, total: items.length };
    },
  );

  app.get(
    '/api/metering/large-customers',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Large and dedicated-transformer customers with month-on-month and year-on-year change; large swings first (R-MTR-06)',
        querystring: MeteringMonthQuery,
        response: { 200: LargeCustomers },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { policy } = await activeMeteringPolicy(db);
      const items = await largeCustomers(db, req.query.period, actor.stationIds, policy.largeCustomers);
      const { minMonthlyKwh, swing } = policy.largeCustomers;
      return { period: req.query.period, minMonthlyKwh, swing, items, total: items.length };
    },
  );
}
