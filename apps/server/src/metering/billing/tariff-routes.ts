// Tariff tables as published, versioned documents (R-MTR-03): a new version of a tariff code is
// checked, stored whole and put in force at once; bills keep the version they were computed with.
// The portal shows the tables in force to everyone (R-PUB: published prices).
import { priceText } from '@griddesk/domain/metering/tariff';
import { type PublicTariff, PublicTariffPage, TariffDefinition, type TariffDefinitionInput, TariffPublishInput, TariffVersionPage } from '@griddesk/shared';
import type { App, AppContext } from '../../http/context';
import { type CommandContext, commandContext } from '../../platform/commands';
import { listVersions } from '../../platform/documents/repo';
import { allInForce, publishNew } from '../../platform/documents/service';
import { TARIFFS } from '../kinds';

/** Publishes a new version of a tariff code, in force at once (bills computed earlier keep theirs). */
export async function publishTariff(ctx: CommandContext, body: TariffDefinitionInput): Promise<TariffDefinition> {
  return (await publishNew(ctx, TARIFFS, body.code, body)).definition;
}

/** A tariff as the public reads it: prices in yuan per kWh. */
function published(t: TariffDefinition): PublicTariff {
  return {
    code: t.code,
    version: t.version,
    name: t.name,
    nameEn: t.nameEn,
    customerClass: t.customerClass,
    voltageLevel: t.voltageLevel,
    basePriceYuan: priceText(t.basePrice),
    tiers: (t.tiers?.steps ?? []).map((s) => ({ upToKwh: s.upToKwh, priceYuan: priceText(t.basePrice + s.addPrice) })),
    timeOfUse: (t.tou ?? []).map((w) => ({ period: w.period, from: w.from, to: w.to })),
  };
}

export function tariffRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get(
    '/api/tariffs',
    {
      config: { permission: 'metering.read' },
      schema: {
        tags: ['metering'],
        summary: 'Every version of every tariff table, the active ones marked (R-MTR-03)',
        response: { 200: TariffVersionPage },
      },
    },
    async () => {
      const rows = (await listVersions(db, TARIFFS.kind)).filter((r) => r.status !== 'draft');
      const items = rows.map((r) => ({
        code: r.key,
        version: r.version,
        active: r.active,
        definition: TARIFFS.normalise(r.definition, r.key, r.version),
        createdAt: r.createdAt.toISOString(),
      }));
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/tariffs',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['metering'],
        summary: 'Publish a new version of a tariff table; it is active at once, bills already computed keep theirs',
        body: TariffPublishInput,
        response: { 201: TariffDefinition },
      },
    },
    async (req, reply) => reply.status(201).send(await publishTariff(commandContext(db, req), req.body.definition)),
  );

  app.get(
    '/api/portal/tariffs',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'Public: the tariff tables in force, with residential tiers and time-of-use windows',
        security: [],
        response: { 200: PublicTariffPage },
      },
    },
    async () => {
      const items = [...(await allInForce(db, TARIFFS)).values()].map((t) => published(t.definition)).sort((a, b) => a.code.localeCompare(b.code));
      return { items, total: items.length };
    },
  );
}
