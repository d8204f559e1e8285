// Metering API shapes (R-MTR-02, R-MTR-04..07). kWh arrive as decimal strings with 2 decimals and
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

export const CAMPAIGN_KINDS = ['night_patrol', 'meter_box_opening', 'special_check', 'routine_check'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** The server's list (packages/domain metering/inspection.ts), which the web may not import. */
export const VIOLATION_TYPES = [
  'change_category',
  'excess_capacity',
  'use_suspended_equipment',
  'exceed_quota',
  'tamper_utility_equipment',
  'unauthorised_source',
] as const;
export type ViolationType = (typeof VIOLATION_TYPES)[number];

export interface Campaign {
  id: number;
  kind: CampaignKind;
  stationId: number;
  /** 'YYYY-MM-DD' */
  startedOn: string;
  endedOn: string | null;
  boxesOpened: number;
  note: string | null;
  findings: number;
  recoveredFen: number;
}

export type FindingKind = 'theft' | 'violation';

export interface FindingBody {
  kind: FindingKind;
  accountNo?: string;
  violationType?: ViolationType;
  energyKwh?: string;
  priceYuan?: string;
  penaltyMultiple?: number;
  capacityKw?: number;
  times?: number;
  residential?: boolean;
  note?: string;
}

export interface FindingView {
  id: number;
  campaignId: number;
  accountNo: string | null;
  kind: FindingKind;
  violationType: ViolationType | null;
  energyKwh: string;
  unpaidFen: number;
  penaltyFen: number;
}

export interface FindingTotals {
  households: number;
  findings: number;
  energyKwh: string;
  unpaidFen: number;
  penaltyFen: number;
  /** back-paid charges plus penalties */
  recoveredFen: number;
}

export interface InspectionSummary {
  campaigns: number;
  boxesOpened: number;
  theft: FindingTotals;
  violations: FindingTotals & { byType: Partial<Record<ViolationType, FindingTotals>> };
  energyKwh: string;
  totalRecoveredFen: number;
}
