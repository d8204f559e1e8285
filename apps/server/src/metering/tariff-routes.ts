// Tariff tables as published, versioned data (R-MTR-03): a new version of a tariff code is
// checked, stored whole and activated at once; bills keep the version they were computed with.
// The portal shows the active tables to everyone (R-PUB: published prices).
import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { checkTariff, priceText, type TariffDefinition } from '@griddesk/domain/metering/tariff';
import type { DB } from '../db/schema';
import { errors } from '../errors';
import { actorOf, type App, type AppContext } from '../http/context';
import { auditActor, writeAudit, type AuditActor } from '../audit/write';

const Tier = Type.Object({ upToKwh: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]), addPrice: Type.Integer() }, { additionalProperties: false });
const Tou = Type.Object(
  {
    period: Type.Union([Type.Literal('peak'), Type.Literal('flat'), Type.Literal('valley')]),
    from: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
    to: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
    multiplierPermille: Type.Optional(Type.Integer({ minimum: 0 })),
    addPrice: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
const Definition = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9-]{1,20}$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.String({ minLength: 1, maxLength: 100 }),
    customerClass: Type.Union([Type.Literal('residential'), Type.Literal('non_residential')]),
    voltageLevel: Type.Union([Type.Literal('LV'), Type.Literal('HV'), Type.Literal('any')]),
    basePrice: Type.Integer({ minimum: 0, maximum: 1_000_000, description: '1/10000 yuan per kWh' }),
    tiers: Type.Optional(
      Type.Object({ cycle: Type.Literal('calendar_year'), steps: Type.Array(Tier, { minItems: 1, maxItems: 10 }) }, { additionalProperties: false }),
    ),
    tou: Type.Optional(Type.Array(Tou, { maxItems: 12 })),
    source: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export async function publishTariff(db: Kysely<DB>, actor: AuditActor, body: Omit<TariffDefinition, 'version'>): Promise<TariffDefinition> {
  return db.transaction().execute(async (tx) => {
    const last = await tx
      .selectFrom('tariffs')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('code', '=', body.code)
      .executeTakeFirst();
    const def: TariffDefinition = { ...body, version: Number(last?.v ?? 0) + 1 };
    const problems = checkTariff(def);
    if (problems.length) throw errors.validation(problems.map((p) => ({ ...p, field: `definition.${p.field}` })));
    const before = await tx.selectFrom('tariffs').select(['version', 'definition']).where('code', '=', def.code).where('active', '=', true).executeTakeFirst();
    await tx.updateTable('tariffs').set({ active: false }).where('code', '=', def.code).where('active', '=', true).execute();
    await tx
      .insertInto('tariffs')
      .values({ code: def.code, version: def.version, definition: JSON.stringify(def), active: true })
      .execute();
    await writeAudit(tx, actor, {
      entity: 'tariff',
      entityId: `${def.code}:${def.version}`,
      action: 'publish',
      before: before?.definition ?? null,
      after: def,
    });
    return def;
  });
}

/** A tariff as the public reads it: prices in yuan per kWh. */
function published(t: TariffDefinition) {
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
      schema: { tags: ['metering'], summary: 'Every version of every tariff table, the active ones marked (R-MTR-03)' },
    },
    async () => {
      const rows = await db
        .selectFrom('tariffs')
        .select(['code', 'version', 'active', 'definition', 'created_at'])
        .orderBy('code')
        .orderBy('version', 'desc')
        .execute();
      return {
        items: rows.map((r) => ({
          code: r.code,
          version: r.version,
          active: r.active,
          definition: r.definition,
          createdAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/tariffs',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['metering'],
        summary: 'Publish a new version of a tariff table; it is active at once, bills already computed keep theirs',
        body: Type.Object({ definition: Definition }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(await publishTariff(db, auditActor(actor), req.body.definition));
    },
  );

  app.get(
    '/api/portal/tariffs',
    {
      config: { permission: 'public' },
      schema: { tags: ['portal'], summary: 'Public: the tariff tables in force, with residential tiers and time-of-use windows', security: [] },
    },
    async () => {
      const rows = await db.selectFrom('tariffs').select('definition').where('active', '=', true).orderBy('code').execute();
      return { items: rows.map((r) => published(r.definition as TariffDefinition)) };
    },
  );
}
