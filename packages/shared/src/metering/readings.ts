// The readings API's request and answer schemas (TypeBox), shared by the server routes and the web
// console: reading flags and actual-reading rates (R-MTR-02), daily consumption import (R-MTR-01),
// reading segments and the schedule (R-MTR-01), large customers (R-MTR-06).
// kWh arrive as decimal text with 2 decimals, so that no figure is rounded twice; rates and changes
// are fractions (0.95 = 95 %).
import { type Static, Type } from '@sinclair/typebox';
import { Count, Decimal, IsoDay, Nullable, pageOf, RowId, StringEnum } from '../api';
import { VOLTAGE_LEVELS } from '../ledger';

/** A month, YYYY-MM: the period of readings, line loss and bills. */
export const MeteringMonth = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'a month, YYYY-MM' });

/** A report of one month. */
export const MeteringMonthQuery = Type.Object({ period: MeteringMonth });
export type MeteringMonthQuery = Static<typeof MeteringMonthQuery>;

/** A member of staff a figure names: the reader of a segment, the person responsible for an area. */
export const StaffRef = Type.Object({ id: Type.Integer(), name: Type.String() });
export type StaffRef = Static<typeof StaffRef>;

// ---- reading quality (R-MTR-02) --------------------------------------------------------------------

export const READING_FLAGS = ['estimated', 'missed', 'wrong', 'duplicate'] as const;
export type ReadingFlag = (typeof READING_FLAGS)[number];
export const ReadingFlagSchema = StringEnum(READING_FLAGS);

export const ReadingFlagRow = Type.Object({ meterNo: Type.String(), flag: ReadingFlagSchema });
export type ReadingFlagRow = Static<typeof ReadingFlagRow>;

/** The month's flagged meters: a meter with two flags is listed twice. */
export const ReadingFlags = Type.Object({ period: MeteringMonth, items: Type.Array(ReadingFlagRow), total: Count });
export type ReadingFlags = Static<typeof ReadingFlags>;

/** Customer meters in service of one class under a unit, and how they were read. */
export const ReadingCounts = Type.Object({
  meters: Count,
  actual: Count,
  estimated: Count,
  missed: Count,
  /** actual / meters; null without meters */
  rate: Nullable(Type.Number()),
});
export type ReadingCounts = Static<typeof ReadingCounts>;

/** A station or one of its teams; each station is followed by its teams. */
export const ReadingRateRow = Type.Object({
  unitId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: StringEnum(['station', 'team'] as const),
  /** a team's station; null for a station */
  parentId: Nullable(Type.Integer()),
  residential: ReadingCounts,
  nonResidential: ReadingCounts,
});
export type ReadingRateRow = Static<typeof ReadingRateRow>;

export const ReadingRates = Type.Object({ period: MeteringMonth, items: Type.Array(ReadingRateRow), total: Count });
export type ReadingRates = Static<typeof ReadingRates>;

/** An accepted daily-consumption file: rows are customers, inserted and updated count daily values. A rejected one is a 422. */
export const DailyImportResult = Type.Object({ status: Type.Literal('succeeded'), rows: Count, inserted: Count, updated: Count });
export type DailyImportResult = Static<typeof DailyImportResult>;

// ---- reading segments and the schedule (R-MTR-01) --------------------------------------------------

export const SegmentParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }) });
export type SegmentParams = Static<typeof SegmentParams>;

export const Segment = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  stationId: Type.Integer(),
  /** 1–31; 31 reads on the month's last day whatever its length */
  readingDay: Type.Integer(),
  reader: Nullable(StaffRef),
  customers: Count,
});
export type Segment = Static<typeof Segment>;

export const SegmentPage = pageOf(Segment);
export type SegmentPage = Static<typeof SegmentPage>;

/** A segment created or changed; the station may be left out by who works for one station only. */
export const SegmentBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    stationId: Type.Optional(RowId),
    readingDay: Type.Integer({ minimum: 1, maximum: 31 }),
    readerId: Type.Optional(Nullable(RowId)),
  },
  { additionalProperties: false },
);
export type SegmentBody = Static<typeof SegmentBody>;

export const SegmentSaved = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  stationId: Type.Integer(),
  readingDay: Type.Integer(),
  readerId: Nullable(Type.Integer()),
});
export type SegmentSaved = Static<typeof SegmentSaved>;

export const AssignAreasBody = Type.Object(
  { areaCodes: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
export type AssignAreasBody = Static<typeof AssignAreasBody>;

export const AssignAreasResult = Type.Object({
  code: Type.String(),
  areas: Count,
  /** customers moved into the segment (those already in it are not counted) */
  customers: Count,
});
export type AssignAreasResult = Static<typeof AssignAreasResult>;

/** A segment's month; the last row (code null) holds the meters of customers in no segment. */
export const ScheduleRow = Type.Object({
  code: Nullable(Type.String()),
  name: Nullable(Type.String()),
  readingDay: Nullable(Type.Integer()),
  scheduledOn: Nullable(IsoDay),
  reader: Nullable(Type.String()),
  meters: Count,
  onSchedule: Count,
  offSchedule: Count,
  unread: Count,
  /** onSchedule / meters; null without a segment or meters */
  rate: Nullable(Type.Number()),
});
export type ScheduleRow = Static<typeof ScheduleRow>;

export const ReadingSchedule = Type.Object({
  period: MeteringMonth,
  /** the policy's days either side of the scheduled day that still count as on schedule */
  toleranceDays: Count,
  items: Type.Array(ScheduleRow),
  total: Count,
});
export type ReadingSchedule = Static<typeof ReadingSchedule>;

// ---- large customers (R-MTR-06) --------------------------------------------------------------------

export const LargeCustomer = Type.Object({
  accountNo: Type.String(),
  name: Type.String(),
  voltageLevel: StringEnum(VOLTAGE_LEVELS),
  areaCode: Nullable(Type.String()),
  feederCode: Type.String(),
  kwh: Nullable(Decimal),
  lastMonthKwh: Nullable(Decimal),
  lastYearKwh: Nullable(Decimal),
  /** fractions: (this − last month) / last month, (this − same month last year) / that; null when the month compared with has no consumption */
  monthOnMonth: Nullable(Type.Number()),
  yearOnYear: Nullable(Type.Number()),
  swing: Type.Boolean(),
});
export type LargeCustomer = Static<typeof LargeCustomer>;

/** The month's large customers, largest swings first, with the policy figures that chose them. */
export const LargeCustomers = Type.Object({
  period: MeteringMonth,
  minMonthlyKwh: Type.Number(),
  /** fraction */
  swing: Type.Number(),
  items: Type.Array(LargeCustomer),
  total: Count,
});
export type LargeCustomers = Static<typeof LargeCustomers>;
