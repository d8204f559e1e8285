// The billing API's request and answer schemas (R-MTR-03), shared by the server routes and the web
// console: the computation of a month's bills as a job, the bill list, corrections and the error rate.
// Money is integer fen; kWh and prices are exact decimals as text.
import { type Static, Type } from '@sinclair/typebox';
import { Count, Decimal, Nullable, pageOf, pagingFields, RowId } from '../api';
import { TouPeriodSchema } from './tariffs';

/** A billing month, YYYY-MM. */
const BillingMonth = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'a month, YYYY-MM' });
/** kWh as typed: at most 12 digits and 4 decimals. */
const KwhInput = Type.String({ pattern: '^[0-9]{1,12}(\\.[0-9]{1,4})?$' });

export const BillComputeInput = Type.Object(
  {
    period: BillingMonth,
    /** one of the actor's stations; all of them when absent */
    stationId: Type.Optional(RowId),
  },
  { additionalProperties: false },
);
export type BillComputeInput = Static<typeof BillComputeInput>;

/** The result of the bill computation job (GET /api/jobs/{id} once it has succeeded). */
export const BillComputeResult = Type.Object({
  period: Type.String(),
  computed: Count,
  unchanged: Count,
  /** bills already corrected by hand are left alone */
  keptCorrected: Count,
  /** account numbers with consumption but without an active tariff for their code */
  noTariff: Type.Array(Type.String()),
  /** account numbers whose consumption is negative (a wrong reading): not billed */
  negative: Type.Array(Type.String()),
  totalFen: Type.Integer(),
});
export type BillComputeResult = Static<typeof BillComputeResult>;

/** One line of a bill: a tier (1, 2, 3) or a time-of-use adjustment ('peak' …). */
export const BillLine = Type.Object({
  tier: Type.Union([Type.Integer({ minimum: 1 }), TouPeriodSchema]),
  kwh: Decimal,
  /** yuan per kWh, 4 decimals */
  priceDisplay: Decimal,
  amountFen: Type.Integer(),
});
export type BillLine = Static<typeof BillLine>;

export const BillTierPosition = Type.Object({
  /** kWh over the calendar year including this bill */
  yearToDateKwh: Decimal,
  /** the tier the year-to-date total is in (1 for flat tariffs) */
  tier: Type.Integer({ minimum: 1 }),
  /** upper bound of that tier, null in the last tier or for flat tariffs */
  nextThresholdKwh: Nullable(Type.Integer()),
});
export type BillTierPosition = Static<typeof BillTierPosition>;

/** A meter behind a bill, with the two readings it was billed from. */
export const BillMeter = Type.Object({ meterNo: Type.String(), previous: Decimal, current: Decimal, multiplier: Decimal });
export type BillMeter = Static<typeof BillMeter>;

/** How a bill was computed, as stored with it. */
export const BillDetail = Type.Object({
  lines: Type.Array(BillLine),
  tierPosition: BillTierPosition,
  yearToDateKwhBefore: Decimal,
  meters: Type.Array(BillMeter),
});
export type BillDetail = Static<typeof BillDetail>;

export const BillView = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  accountNo: Type.String(),
  period: Type.String(),
  kwh: Decimal,
  amountFen: Type.Integer(),
  tariffCode: Type.String(),
  tariffVersion: Type.Integer(),
  detail: BillDetail,
  /** corrections made to the bill */
  corrections: Count,
});
export type BillView = Static<typeof BillView>;

export const BillPage = pageOf(BillView);
export type BillPage = Static<typeof BillPage>;

export const BillListQuery = Type.Object({
  period: Type.Optional(BillingMonth),
  accountNo: Type.Optional(Type.String({ maxLength: 32 })),
  ...pagingFields(100),
});
export type BillListQuery = Static<typeof BillListQuery>;

export const BillCorrectionInput = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    /** the corrected amount */
    amountFen: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
    /** the corrected kWh, when the energy was wrong too */
    kwh: Type.Optional(KwhInput),
  },
  { additionalProperties: false },
);
export type BillCorrectionInput = Static<typeof BillCorrectionInput>;

const BillFigures = Type.Object({ kwh: Decimal, amountFen: Type.Integer() });

/** A correction made (201): the bill's figures before and after, and why. */
export const BillCorrection = Type.Object({
  correctionId: Type.Integer(),
  billId: Type.Integer(),
  before: BillFigures,
  after: BillFigures,
  reason: Type.String(),
});
export type BillCorrection = Static<typeof BillCorrection>;

export const BillingErrorRateQuery = Type.Object({ period: BillingMonth });
export type BillingErrorRateQuery = Static<typeof BillingErrorRateQuery>;

/** 电费差错率 of a month: bills corrected at least once / bills issued. */
export const BillingErrorRate = Type.Object({
  period: Type.String(),
  bills: Count,
  corrected: Count,
  /** a fraction; null without bills */
  errorRate: Nullable(Type.Number()),
});
export type BillingErrorRate = Static<typeof BillingErrorRate>;
