// Metering API shapes (R-MTR-01..07). kWh arrive as decimal strings with 2 decimals and
// loss rates as decimal-string fractions with 4 decimals, so that no figure is rounded twice.
import type { CustomerClass, TariffVoltage, TouPeriod } from '../../tariffs/types';

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

// ── Tariff tables (R-MTR-03) ──────────────────────────────────────────────────────────────────
// Prices are integer price units, 1 unit = 1/10000 yuan per kWh (0.538 yuan = 5380), so that a
// published price is stored exactly.

export interface TariffTier {
  /** upper bound over the calendar year, inclusive; null for the last tier */
  upToKwh: number | null;
  /** price units added to the base price */
  addPrice: number;
}

export interface TouWindow {
  period: TouPeriod;
  /** 'HH:MM', half-open [from, to), may wrap midnight */
  from: string;
  to: string;
  /** on the base price, 1000 = ×1 */
  multiplierPermille?: number;
  /** price units */
  addPrice?: number;
}

export interface TariffDefinition {
  code: string;
  version: number;
  name: string;
  nameEn: string;
  customerClass: CustomerClass;
  voltageLevel: TariffVoltage;
  basePrice: number;
  tiers?: { cycle: 'calendar_year'; steps: TariffTier[] };
  tou?: TouWindow[];
  source: string;
}

export interface TariffVersion {
  code: string;
  version: number;
  active: boolean;
  definition: TariffDefinition;
  createdAt: string;
}
