// The line-loss API's request and answer schemas (TypeBox), shared by the server routes and the web
// console (R-MTR-04, R-MTR-05): the drill-down county → station → feeder → area → customers, a
// point's persisted trend, the watch list and the monthly run. kWh are decimal text with 2
// decimals, loss rates decimal-text fractions with 4; targets and coverage are fractions.
import { type Static, Type } from '@sinclair/typebox';
import { Count, DateTime, Decimal, Nullable, StringEnum } from '../api';
import { READING_METHODS } from '../ledger';
import { keyedBy } from './keyed';
import { MeteringMonth, ReadingFlagSchema, StaffRef } from './readings';

/** Comprehensive loss by county and station, high voltage by feeder, low voltage by transformer area; top down. */
export const LOSS_LEVELS = ['county', 'station', 'feeder', 'area'] as const;
export type LossLevel = (typeof LOSS_LEVELS)[number];
export const LossLevelSchema = StringEnum(LOSS_LEVELS);

export const LOSS_CLASSES = ['qualified', 'high_loss', 'negative_loss', 'not_computable'] as const;
export type LossClass = (typeof LOSS_CLASSES)[number];
export const LossClassSchema = StringEnum(LOSS_CLASSES);

const PointCode = Type.String({ minLength: 1, maxLength: 64 });

// ---- the drill-down ---------------------------------------------------------------------------------

export const LossListQuery = Type.Object({
  period: MeteringMonth,
  /** default: area */
  level: Type.Optional(LossLevelSchema),
  /** the code of the point one level up: narrows to one step of the drill-down */
  parent: Type.Optional(PointCode),
});
export type LossListQuery = Static<typeof LossListQuery>;

/** One loss point of a month, classed by the policy in force. */
export const LossRow = Type.Object({
  /** the point's row: an org unit, feeder or transformer area by level */
  pointId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  /** the point one level up: county for a station, station for a feeder, feeder for an area */
  parentCode: Nullable(Type.String()),
  /** null for a county */
  stationId: Nullable(Type.Integer()),
  /** null when the supply meter has no computable consumption */
  supplyKwh: Nullable(Decimal),
  salesKwh: Decimal,
  lossKwh: Nullable(Decimal),
  lossRate: Nullable(Decimal),
  /** share of the meters behind the figure that were read, 0..1 */
  coverage: Type.Number(),
  class: LossClassSchema,
  /** the level's target loss rate */
  target: Type.Number(),
  /** an area's responsible person (分片管理) */
  manager: Nullable(StaffRef),
});
export type LossRow = Static<typeof LossRow>;

export const LossList = Type.Object({
  period: MeteringMonth,
  level: LossLevelSchema,
  /** when the monthly run last persisted this level; null until one has */
  runAt: Nullable(DateTime),
  items: Type.Array(LossRow),
  total: Count,
});
export type LossList = Static<typeof LossList>;

export const AreaCustomersQuery = Type.Object({ period: MeteringMonth, area: PointCode });
export type AreaCustomersQuery = Static<typeof AreaCustomersQuery>;

/** A customer meter of the area with both readings, the consumption and its reading flags. */
export const AreaCustomerRow = Type.Object({
  accountNo: Type.String(),
  name: Type.String(),
  meterNo: Type.String(),
  multiplier: Decimal,
  previousReading: Nullable(Decimal),
  reading: Nullable(Decimal),
  method: Nullable(StringEnum(READING_METHODS)),
  /** null without both readings */
  kwh: Nullable(Decimal),
  flags: Type.Array(ReadingFlagSchema),
});
export type AreaCustomerRow = Static<typeof AreaCustomerRow>;

export const AreaCustomers = Type.Object({
  period: MeteringMonth,
  area: Type.Object({ code: Type.String(), name: Type.String() }),
  items: Type.Array(AreaCustomerRow),
  total: Count,
});
export type AreaCustomers = Static<typeof AreaCustomers>;

// ---- what the monthly run persisted -----------------------------------------------------------------

export const LossTrendQuery = Type.Object({
  level: LossLevelSchema,
  code: PointCode,
  /** default: eleven months before `to` */
  from: Type.Optional(MeteringMonth),
  /** default: this month */
  to: Type.Optional(MeteringMonth),
});
export type LossTrendQuery = Static<typeof LossTrendQuery>;

export const LossTrendPoint = Type.Object({
  period: MeteringMonth,
  supplyKwh: Nullable(Decimal),
  salesKwh: Nullable(Decimal),
  lossKwh: Nullable(Decimal),
  lossRate: Nullable(Decimal),
  class: LossClassSchema,
});
export type LossTrendPoint = Static<typeof LossTrendPoint>;

export const LossTrend = Type.Object({
  level: LossLevelSchema,
  code: Type.String(),
  /** the target of the newest month run; null when none was */
  target: Nullable(Type.Number()),
  /** oldest first; a month never run is absent, not a zero */
  points: Type.Array(LossTrendPoint),
});
export type LossTrend = Static<typeof LossTrend>;

export const WatchListQuery = Type.Object({
  period: MeteringMonth,
  /** default: the policy's */
  minStreak: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 })),
});
export type WatchListQuery = Static<typeof WatchListQuery>;

/** An area not qualified for `streak` months in a row up to the period. */
export const WatchItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  feederCode: Type.String(),
  manager: Nullable(StaffRef),
  streak: Count,
  lossRate: Nullable(Decimal),
  class: LossClassSchema,
  /** up to twelve months, oldest first */
  history: Type.Array(Type.Object({ period: MeteringMonth, class: LossClassSchema, lossRate: Nullable(Decimal) })),
});
export type WatchItem = Static<typeof WatchItem>;

export const WatchList = Type.Object({ period: MeteringMonth, minStreak: Count, items: Type.Array(WatchItem), total: Count });
export type WatchList = Static<typeof WatchList>;

// ---- the monthly run, a job -------------------------------------------------------------------------

export const LossRunBody = Type.Object({ period: MeteringMonth }, { additionalProperties: false });
export type LossRunBody = Static<typeof LossRunBody>;

/** The points of a level in each class. */
export const LossClassCounts = keyedBy(LOSS_CLASSES, Count);
export type LossClassCounts = Static<typeof LossClassCounts>;

/** The line-loss job's result (GET /api/jobs/{id} of a `metering.lineloss` job): the levels it ran. */
export const LineLossRun = Type.Object({
  period: MeteringMonth,
  runAt: DateTime,
  policyVersion: Type.Integer(),
  counts: Type.Partial(keyedBy(LOSS_LEVELS, LossClassCounts)),
});
export type LineLossRun = Static<typeof LineLossRun>;
