// Reading segments, the reading schedule and the large-customer swing list over HTTP (R-MTR-01,
// R-MTR-06). Reads need ledger.read, changes ledger.write; all limited to the actor's stations.
import { Type } from '@sinclair/typebox';
import { actorOf, type App, type AppContext } from '../../http/context';
import { Period } from '../../http/schemas';
import { auditActor } from '../../audit/write';
import { activeMeteringPolicy } from '../policy-repo';
import { assignAreas, listSegments, readingSchedule, saveSegment } from './segments';
import { largeCustomers } from './large-customers';

const SegmentCode = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' });

export function segmentRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get(
    '/api/metering/segments',
    {
      config: { permission: 'metering.read' },
      schema: { tags: ['metering'], summary: 'Reading segments (抄表段) with their reading day, reader and number of customers (R-MTR-01)' },
    },
    async (req) => {
      const actor = actorOf(req);
      return { items: await listSegments(db, actor.stationIds) };
    },
  );

  app.put(
    '/api/metering/segments/:code',
    {
      config: { permission: 'metering.write' },
      schema: {
        tags: ['metering'],
        summary: 'Create or change a reading segment: its name, day of the month (31 = the last day) and reader',
        params: Type.Object({ code: SegmentCode }),
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            stationId: Type.Optional(Type.Integer()),
            readingDay: Type.Integer({ minimum: 1, maximum: 31 }),
            readerId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return saveSegment(db, auditActor(actor), actor.stationIds, { code: req.params.code, ...req.body });
    },
  );

  app.post(
    '/api/metering/segments/:code/areas',
    {
      config: { permission: 'metering.write' },
      schema: {
        tags: ['metering'],
        summary: 'Put every customer of the given transformer areas into the segment',
        params: Type.Object({ code: SegmentCode }),
        body: Type.Object(
          { areaCodes: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 1000 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return assignAreas(db, auditActor(actor), actor.stationIds, req.params.code, req.body.areaCodes);
    },
  );

  app.get(
    '/api/metering/reading-schedule',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Per segment: meters read on the scheduled day (within the policy tolerance), off it, or not at all (R-MTR-01 统一抄表时间)',
        querystring: Type.Object({ period: Period }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { policy } = await activeMeteringPolicy(db);
      return {
        period: req.query.period,
        toleranceDays: policy.schedule.toleranceDays,
        items: await readingSchedule(db, req.query.period, actor.stationIds, policy.schedule.toleranceDays),
      };
    },
  );

  app.get(
    '/api/metering/large-customers',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Large and dedicated-transformer customers with month-on-month and year-on-year change; large swings first (R-MTR-06)',
        querystring: Type.Object({ period: Period }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { policy } = await activeMeteringPolicy(db);
      return { period: req.query.period, ...policy.largeCustomers, items: await largeCustomers(db, req.query.period, actor.stationIds, policy.largeCustomers) };
    },
  );
}
