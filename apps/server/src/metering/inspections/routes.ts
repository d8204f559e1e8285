// Anti-theft inspection campaigns over HTTP (R-MTR-07): campaigns, findings with charges and
// penalties by the supply rules, and summaries. Limited to the actor's stations.
import { Type } from '@sinclair/typebox';
import { VIOLATION_TYPES } from '@griddesk/domain/metering/inspection';
import { actorOf, type App, type AppContext } from '../../http/context';
import { Day } from '../../http/schemas';
import { auditActor } from '../../audit/write';
import { addFinding, createCampaign, listCampaigns, summarise } from './campaigns';

const Kwh = Type.String({ pattern: '^[0-9]{1,12}(\\.[0-9]{1,4})?$' });
const CampaignKind = Type.Union([
  Type.Literal('night_patrol'),
  Type.Literal('meter_box_opening'),
  Type.Literal('special_check'),
  Type.Literal('routine_check'),
]);

export function inspectionRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

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
