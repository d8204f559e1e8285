// Tariff tables as the API carries them (R-MTR-03): prices are integer 1/10000 yuan per kWh.
import { type Static, Type } from '@sinclair/typebox';
import { pageOf } from '../api';
import { CUSTOMER_CLASSES } from '../ledger';

/** The voltage a tariff applies to: a customer's level, or either. */
export const TARIFF_VOLTAGES = ['LV', 'HV', 'any'] as const;
export type TariffVoltage = (typeof TARIFF_VOLTAGES)[number];

export const TOU_PERIODS = ['peak', 'flat', 'valley'] as const;
export type TouPeriod = (typeof TOU_PERIODS)[number];

export const TouPeriodSchema = Type.Union(TOU_PERIODS.map((p) => Type.Literal(p)));
const CustomerClassSchema = Type.Union(CUSTOMER_CLASSES.map((c) => Type.Literal(c)));
const TariffVoltageSchema = Type.Union(TARIFF_VOLTAGES.map((v) => Type.Literal(v)));

const Hhmm = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

export const TariffTier = Type.Object(
  { upToKwh: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]), addPrice: Type.Integer() },
  { additionalProperties: false },
);
export type TariffTier = Static<typeof TariffTier>;

export const TariffTou = Type.Object(
  {
    period: TouPeriodSchema,
    from: Hhmm,
    to: Hhmm,
    multiplierPermille: Type.Optional(Type.Integer({ minimum: 0 })),
    addPrice: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type TariffTou = Static<typeof TariffTou>;

/** A tariff table as an administrator sends it; the version is given by the server. */
export const TariffDefinitionInput = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9-]{1,20}$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.String({ minLength: 1, maxLength: 100 }),
    customerClass: CustomerClassSchema,
    voltageLevel: TariffVoltageSchema,
    basePrice: Type.Integer({ minimum: 0, maximum: 1_000_000, description: '1/10000 yuan per kWh' }),
    tiers: Type.Optional(
      Type.Object({ cycle: Type.Literal('calendar_year'), steps: Type.Array(TariffTier, { minItems: 1, maxItems: 10 }) }, { additionalProperties: false }),
    ),
    tou: Type.Optional(Type.Array(TariffTou, { maxItems: 12 })),
    source: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type TariffDefinitionInput = Static<typeof TariffDefinitionInput>;

/** POST /api/tariffs: a new version of a table, or the first of a new code. */
export const TariffPublishInput = Type.Object({ definition: TariffDefinitionInput }, { additionalProperties: false });
export type TariffPublishInput = Static<typeof TariffPublishInput>;

/** A stored version: the input and its version number. */
export const TariffDefinition = Type.Composite([TariffDefinitionInput, Type.Object({ version: Type.Integer({ minimum: 1 }) })], {
  additionalProperties: false,
});
export type TariffDefinition = Static<typeof TariffDefinition>;

/** One version of a tariff table in the console's list. */
export const TariffVersionView = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  active: Type.Boolean(),
  definition: TariffDefinition,
  createdAt: Type.String({ format: 'date-time' }),
});
export type TariffVersionView = Static<typeof TariffVersionView>;

export const TariffVersionPage = pageOf(TariffVersionView);
export type TariffVersionPage = Static<typeof TariffVersionPage>;

/** A tariff table in force as the public reads it: prices in yuan per kWh as decimal text. */
export const PublicTariff = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  nameEn: Type.String(),
  customerClass: CustomerClassSchema,
  voltageLevel: TariffVoltageSchema,
  basePriceYuan: Type.String(),
  /** the price of each tier itself (base included); upToKwh null for the last */
  tiers: Type.Array(Type.Object({ upToKwh: Type.Union([Type.Integer(), Type.Null()]), priceYuan: Type.String() })),
  timeOfUse: Type.Array(Type.Object({ period: TouPeriodSchema, from: Type.String(), to: Type.String() })),
});
export type PublicTariff = Static<typeof PublicTariff>;

export const PublicTariffPage = pageOf(PublicTariff);
export type PublicTariffPage = Static<typeof PublicTariffPage>;
