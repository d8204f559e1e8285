// Metering API shapes (R-MTR-01..07). kWh arrive as decimal strings with 2 decimals and
// loss rates as decimal-string fractions with 4 decimals, so that no figure is rounded twice.
import type { Text } from '../../i18n';

/** 'YYYY-MM' */
export type Period = string;

export const LOSS_LEVELS = ['county', 'station', 'feeder', 'area'] as const;
export type LossLevel = (typeof LOSS_LEVELS)[number];

export type LossClass = 'qualified' | 'high_loss' | 'negative_loss' | 'not_computable';

export interface Manager {
  id: number;
  name: string;
}

export interface LossRow {
  code: string;
  name: string;
  parentCode: string | null;
  supplyKwh: string | null;
  salesKwh: string;
  lossKwh: string | null;
  lossRate: string | null;
  /** share of the meters behind the figure that were read, 0..1 */
  coverage: number;
  class: LossClass;
  /** fraction */
  target: number | null;
  manager: Manager | null;
}

export interface LossList {
  period: Period;
  level: LossLevel;
  /** null until a run persisted the month's results */
  runAt: string | null;
  items: LossRow[];
}

export type ReadingFlag = 'estimated' | 'missed' | 'wrong' | 'duplicate';
export type ReadingMethod = 'actual' | 'estimated';

export interface AreaCustomerRow {
  accountNo: string;
  /** masked */
  name: string;
  meterNo: string;
  multiplier: string;
  previousReading: string | null;
  reading: string | null;
  kwh: string | null;
  method: ReadingMethod | null;
  flags: ReadingFlag[];
}

export interface AreaCustomers {
  period: Period;
  area: { code: string; name: string };
  items: AreaCustomerRow[];
}

export interface TrendPoint {
  period: Period;
  supplyKwh: string | null;
  salesKwh: string;
  lossKwh: string | null;
  lossRate: string | null;
  class: LossClass;
}

export interface LossTrend {
  level: LossLevel;
  code: string;
  target: number | null;
  /** months without persisted results are absent */
  points: TrendPoint[];
}

export interface WatchRow {
  code: string;
  name: string;
  feederCode: string;
  manager: Manager | null;
  /** consecutive months not qualified, up to the period */
  streak: number;
  lossRate: string | null;
  class: LossClass;
  history: { period: Period; class: LossClass; lossRate: string | null }[];
}

export interface WatchList {
  period: Period;
  items: WatchRow[];
}

export interface LossRunResult {
  period: Period;
  runAt: string;
  counts: Record<LossLevel, Partial<Record<LossClass, number>>>;
}

export interface ReadingCounts {
  meters: number;
  actual: number;
  estimated: number;
  missed: number;
  /** actual / meters, 0..1; null without meters */
  rate: number | null;
}

export interface ReadingRateRow {
  unitId: number;
  code: string;
  name: string;
  kind: 'station' | 'team';
  parentId: number | null;
  residential: ReadingCounts;
  nonResidential: ReadingCounts;
}

export interface ReadingRates {
  period: Period;
  items: ReadingRateRow[];
}

export interface ReadingFlags {
  period: Period;
  items: { meterNo: string; flag: ReadingFlag }[];
}

export type SuspectSignalName =
  | 'own_drop'
  | 'peer_drop'
  | 'zero_windows'
  | 'flat'
  | 'capped'
  | 'pattern_loss'
  | 'reversed_reading'
  | 'meter_events'
  | 'area_loss_rise';

export interface SuspectSignal {
  name: SuspectSignalName;
  /** 0..1 */
  strength: number;
  /** this signal's share of the score */
  contribution: number;
  detail: Text;
}

export interface Suspect {
  rank: number;
  accountNo: string;
  /** masked */
  customerName: string;
  areaCode: string | null;
  /** 0..1 */
  score: number;
  signals: SuspectSignal[];
}

export type ScreeningSource = 'daily' | 'monthly';

export interface SuspectList {
  runId: number | null;
  runAt: string | null;
  source: ScreeningSource | null;
  /** the days screened, 'YYYY-MM-DD' */
  window: { from: string; to: string } | null;
  items: Suspect[];
}

export interface ScreeningRun {
  runId: number;
  runAt: string;
  source: ScreeningSource;
  window: { from: string; to: string };
  scored: number;
  suspects: number;
}

// ── Reading segments and the reading schedule (R-MTR-01) ──────────────────────────────────────

export interface Segment {
  id: number;
  code: string;
  name: string;
  stationId: number;
  /** 1–31; 31 reads on the month's last day whatever its length */
  readingDay: number;
  reader: Manager | null;
  customers: number;
}

export interface SegmentBody {
  name: string;
  stationId?: number;
  readingDay: number;
  readerId?: number | null;
}

export interface AssignAreasResult {
  code: string;
  areas: number;
  /** customers moved into the segment (those already in it are not counted) */
  customers: number;
}

export interface ScheduleRow {
  /** null for the meters of customers in no segment */
  code: string | null;
  name: string | null;
  readingDay: number | null;
  /** 'YYYY-MM-DD' */
  scheduledOn: string | null;
  reader: string | null;
  meters: number;
  onSchedule: number;
  offSchedule: number;
  unread: number;
  /** onSchedule / meters, 0..1; null without a segment or meters */
  rate: number | null;
}

export interface ReadingSchedule {
  period: Period;
  toleranceDays: number;
  items: ScheduleRow[];
}

// ── Large customers (R-MTR-06 大宗用户) ──────────────────────────────────────────────────────────

export interface LargeCustomer {
  accountNo: string;
  name: string;
  voltageLevel: 'LV' | 'HV';
  areaCode: string | null;
  feederCode: string;
  kwh: string | null;
  lastMonthKwh: string | null;
  lastYearKwh: string | null;
  /** fractions; null when the month compared with has no consumption */
  monthOnMonth: number | null;
  yearOnYear: number | null;
  swing: boolean;
}

export interface LargeCustomers {
  period: Period;
  minMonthlyKwh: number;
  /** fraction */
  swing: number;
  items: LargeCustomer[];
}

/** POST /api/metering/daily-consumption: rows are customers, inserted/updated are daily values. */
export interface DailyImportResult {
  status: 'succeeded';
  rows: number;
  inserted: number;
  updated: number;
}

// ── The metering policy, versioned data an administrator publishes ─────────────────────────────

export const THEFT_SIGNALS: readonly SuspectSignalName[] = [
  'own_drop',
  'peer_drop',
  'zero_windows',
  'flat',
  'capped',
  'pattern_loss',
  'reversed_reading',
  'meter_events',
  'area_loss_rise',
];

/** Fractions are fractions (0.1 = 10 %), as packages/domain metering/policy.ts keeps them. */
export interface MeteringPolicy {
  lineLoss: { minCoverage: number; target: Record<LossLevel, number> };
  readingFlags: { jumpFactor: number; jumpMinKwh: number; historyMonths: number };
  watch: { minStreak: number };
  schedule: { toleranceDays: number };
  largeCustomers: { minMonthlyKwh: number; swing: number };
  theft: { weights: Record<SuspectSignalName, number>; windowMonths: number; minScore: number };
}

export interface PolicyVersion {
  version: number;
  active: boolean;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

export interface MeteringPolicyView {
  version: number;
  policy: MeteringPolicy;
  versions: PolicyVersion[];
}
