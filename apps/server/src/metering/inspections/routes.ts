// Anti-theft inspection campaigns over HTTP (R-MTR-07): campaigns, findings with charges and
// penalties by the supply rules, and summaries. Limited to the actor's stations.
import {
  Campaign,
  CampaignInput,
  CampaignListQuery,
  CampaignPage,
  FindingBody,
  FindingView,
  IdParams,
  InspectionSummary,
  InspectionSummaryQuery,
} from '@griddesk/shared';
import { actorOf, type App, type AppContext } from '../../http/context';
import { auditActor } from '../../audit/write';
import { addFinding, createCampaign, listCampaigns, summarise } from './campaigns';

export function inspectionRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.post(
    '/api/inspections',
    {
      config: { permission: 'metering.write' },
      schema: {
        tags: ['metering'],
        summary: 'Register an anti-theft inspection campaign (R-MTR-07)',
        body: CampaignInput,
        response: { 201: Campaign },
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
        summary: 'Inspection campaigns in scope, latest first',
        querystring: CampaignListQuery,
        response: { 200: CampaignPage },
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
        querystring: InspectionSummaryQuery,
        response: { 200: InspectionSummary },
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
        params: IdParams,
        body: FindingBody,
        response: { 201: FindingView },
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
        params: IdParams,
        response: { 200: InspectionSummary },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return summarise(db, actor.stationIds, { campaignId: req.params.id });
    },
  );
}
