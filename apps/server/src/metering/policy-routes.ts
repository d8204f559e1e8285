// The metering policy (line-loss targets, reading-flag thresholds, watch list, theft weights) over
// HTTP: read by anyone with metering.read, a new version published with policy.write.
import { MeteringPolicyActive, MeteringPolicyBody, MeteringPolicyView } from '@griddesk/shared';
import { actorOf, type App, type AppContext } from '../http/context';
import { commandContext } from '../platform/commands';
import { activeMeteringPolicy, listMeteringPolicies, publishMeteringPolicy } from './policy-repo';

export function meteringPolicyRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get(
    '/api/metering/policy',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'The active metering policy (line-loss targets, reading-flag thresholds, watch list, theft weights) and its versions',
        response: { 200: MeteringPolicyView },
      },
    },
    async (req) => {
      actorOf(req);
      const active = await activeMeteringPolicy(db);
      return { ...active, versions: await listMeteringPolicies(db) };
    },
  );

  app.post(
    '/api/metering/policy',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['metering'],
        summary: 'Publish a new version of the metering policy; it becomes active at once',
        body: MeteringPolicyBody,
        response: { 201: MeteringPolicyActive },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await publishMeteringPolicy(commandContext(db, req), req.body.definition, req.body.note));
    },
  );
}
