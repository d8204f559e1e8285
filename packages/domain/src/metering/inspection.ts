// R-MTR-07: anti-theft inspections (反窃电 / 用电检查). Each finding's money follows the supply
// rules (供电营业规则 1996, utility-rules.md §2.1), kept as data:
// - theft (窃电, 第102条): the unpaid charges (补交电费) = stolen kWh × price, plus 违约使用电费 of
//   a configurable multiple of those charges (default 3×);
// - violations (违约用电, 第100条): per type, a multiple of the price difference / capacity charge,
//   or a fixed amount per kW or per occurrence.
// Money is integer fen; a price is integer 1/10000 yuan per kWh (see tariff.ts for the rounding rule).
import { VIOLATION_TYPES, type ViolationType } from '@griddesk/shared';
import { asObject, checkNumber, checkObject, type Problem } from '../policy/check';
import { energyAmountFen, kwhText, toKwhUnits } from './tariff';

export const DEFAULT_THEFT_PENALTY_MULTIPLE = 3;

// The types are part of the API (the console lists them), so their list lives in @griddesk/shared.
export { VIOLATION_TYPES, type ViolationType };

export interface ViolationRule {
  zh: string;
  en: string;
  /** 第100条 item number (1996 edition) */
  item: number;
  /** penalty as a multiple of the back-paid energy charges (price difference × kWh, or tariff × over-used kWh) */
  energyMultiple?: number;
  /** fixed penalty per kW (kVA) of the equipment concerned, fen; (non two-part customers) */
  perKwFen?: number;
  /** fixed penalty per occurrence, fen: residential / others */
  perTimeFen?: { residential: number; other: number };
  /** months assumed when the period of the violation is unknown */
  assumedMonthsIfUnknown?: number;
}

/** 1996 rule defaults (utility-rules.md §2.1 第100条), configurable. */
export const DEFAULT_VIOLATION_RULES: Record<ViolationType, ViolationRule> = {
  change_category: {
    zh: '擅自改变用电类别',
    en: 'Changing the use category (higher-price load on a lower-price line)',
    item: 1,
    energyMultiple: 2,
    assumedMonthsIfUnknown: 3,
  },
  excess_capacity: { zh: '私增容量', en: 'Exceeding contracted capacity', item: 2, perKwFen: 5_000 },
  use_suspended_equipment: { zh: '擅自使用已暂停或封存的设备', en: 'Using suspended or sealed equipment', item: 4, perKwFen: 3_000 },
  exceed_quota: { zh: '擅自超过计划分配的用电指标', en: 'Exceeding the allocated rationing quota', item: 3, perKwFen: 100, energyMultiple: 5 },
  tamper_utility_equipment: {
    zh: '擅自迁移、更动或操作供电企业的计量装置等',
    en: 'Moving or operating utility meters or devices',
    item: 5,
    perTimeFen: { residential: 50_000, other: 500_000 },
  },
  unauthorised_source: { zh: '擅自引入、供出电源或并网', en: 'Connecting or supplying an external source without consent', item: 6, perKwFen: 50_000 },
};

/** The anti-theft rules as one policy document: the theft penalty multiple and each violation's rule. */
export interface ViolationRules {
  theftPenaltyMultiple: number;
  violations: Record<ViolationType, ViolationRule>;
}

export const DEFAULT_SUPPLY_RULES: ViolationRules = { theftPenaltyMultiple: DEFAULT_THEFT_PENALTY_MULTIPLE, violations: DEFAULT_VIOLATION_RULES };

export function checkViolationRules(def: unknown): Problem[] {
  const out: Problem[] = [];
  if (!checkObject(def, 'definition', out)) return out;
  const d = asObject(def);
  checkNumber(d.theftPenaltyMultiple, 'definition.theftPenaltyMultiple', 0, 10, out);
  const v = asObject(d.violations);
  for (const type of VIOLATION_TYPES) {
    const field = `definition.violations.${type}`;
    if (!checkObject(v[type], field, out)) continue;
    const r = asObject(v[type]);
    if (typeof r.zh !== 'string' || !r.zh.trim()) out.push({ field: `${field}.zh`, reason: 'is required', reasonZh: '必填' });
    if (typeof r.en !== 'string' || !r.en.trim()) out.push({ field: `${field}.en`, reason: 'is required', reasonZh: '必填' });
    checkNumber(r.item, `${field}.item`, 1, 99, out, true);
    if (r.energyMultiple !== undefined) checkNumber(r.energyMultiple, `${field}.energyMultiple`, 0, 20, out);
    if (r.perKwFen !== undefined) checkNumber(r.perKwFen, `${field}.perKwFen`, 0, 100_000_000, out, true);
    if (r.assumedMonthsIfUnknown !== undefined) checkNumber(r.assumedMonthsIfUnknown, `${field}.assumedMonthsIfUnknown`, 1, 36, out, true);
    if (r.perTimeFen !== undefined) {
      const t = asObject(r.perTimeFen);
      checkNumber(t.residential, `${field}.perTimeFen.residential`, 0, 100_000_000, out, true);
      checkNumber(t.other, `${field}.perTimeFen.other`, 0, 100_000_000, out, true);
    }
  }
  for (const k of Object.keys(v)) {
    if (!(VIOLATION_TYPES as readonly string[]).includes(k))
      out.push({ field: `definition.violations.${k}`, reason: 'is not a violation type', reasonZh: '不是违约用电类别' });
  }
  return out;
}

export interface TheftInput {
  kind: 'theft';
  /** a household key (customer id); findings with the same key count as one household */
  household?: string | number | null;
  energyKwh: string | number;
  /** the price applied, 1/10000 yuan per kWh */
  price: number;
  penaltyMultiple?: number;
}

export interface ViolationInput {
  kind: 'violation';
  household?: string | number | null;
  violationType: ViolationType;
  /** energy back-billed, kWh (category change: the kWh used under the wrong category) */
  energyKwh?: string | number;
  /** price applied to that energy, 1/10000 yuan per kWh (category change: the price difference) */
  price?: number;
  /** kW (kVA) concerned, for per-kW penalties */
  capacityKw?: number;
  /** occurrences, for per-time penalties */
  times?: number;
  residential?: boolean;
}

export type FindingInput = TheftInput | ViolationInput;

export interface FindingMoney {
  energyKwh: string;
  unpaidFen: number;
  penaltyFen: number;
}

/** The money of one finding under the rules: back-paid charges and the penalty. */
export function findingMoney(f: FindingInput, rules: ViolationRules = DEFAULT_SUPPLY_RULES): FindingMoney {
  const kwh = toKwhUnits(f.energyKwh ?? 0);
  if (kwh < 0n) throw new RangeError('energy must not be negative');
  if (f.kind === 'theft') {
    const multiple = f.penaltyMultiple ?? rules.theftPenaltyMultiple;
    if (!Number.isInteger(f.price) || f.price < 0) throw new RangeError('price must be a non-negative integer (1/10000 yuan per kWh)');
    if (!(multiple >= 0) || !Number.isFinite(multiple)) throw new RangeError('penalty multiple must be ≥ 0');
    const unpaidFen = energyAmountFen(kwh, f.price);
    return { energyKwh: kwhText(kwh), unpaidFen, penaltyFen: Math.round(unpaidFen * multiple) };
  }
  const rule = rules.violations[f.violationType];
  if (!rule) throw new RangeError(`unknown violation type: ${f.violationType}`);
  const price = f.price ?? 0;
  if (!Number.isInteger(price) || price < 0) throw new RangeError('price must be a non-negative integer (1/10000 yuan per kWh)');
  const unpaidFen = energyAmountFen(kwh, price);
  let penaltyFen = Math.round(unpaidFen * (rule.energyMultiple ?? 0));
  if (rule.perKwFen) penaltyFen += Math.round(rule.perKwFen * (f.capacityKw ?? 0));
  if (rule.perTimeFen) penaltyFen += (f.residential ? rule.perTimeFen.residential : rule.perTimeFen.other) * (f.times ?? 1);
  return { energyKwh: kwhText(kwh), unpaidFen, penaltyFen };
}

export interface Finding extends FindingMoney {
  kind: 'theft' | 'violation';
  household?: string | number | null;
  violationType?: ViolationType | null;
}

export interface FindingTotals {
  households: number;
  findings: number;
  energyKwh: string;
  unpaidFen: number;
  penaltyFen: number;
  /** 补回金额: back-paid charges plus penalties */
  recoveredFen: number;
}

export interface CampaignSummary {
  boxesOpened: number;
  theft: FindingTotals;
  violations: FindingTotals & { byType: Partial<Record<ViolationType, FindingTotals>> };
  energyKwh: string;
  /** 共计挽回经济损失 */
  totalRecoveredFen: number;
}

function totals(fs: readonly Finding[]): FindingTotals {
  const keys = new Set<string>();
  let anonymous = 0;
  let kwh = 0n;
  let unpaid = 0;
  let penalty = 0;
  for (const f of fs) {
    if (f.household === undefined || f.household === null || f.household === '') anonymous++;
    else keys.add(String(f.household));
    kwh += toKwhUnits(f.energyKwh);
    unpaid += f.unpaidFen;
    penalty += f.penaltyFen;
  }
  return {
    households: keys.size + anonymous,
    findings: fs.length,
    energyKwh: kwhText(kwh),
    unpaidFen: unpaid,
    penaltyFen: penalty,
    recoveredFen: unpaid + penalty,
  };
}

/** Sums a campaign (or several: pass the total boxes opened) from its findings. */
export function summariseCampaign(boxesOpened: number, findings: readonly Finding[]): CampaignSummary {
  const theft = totals(findings.filter((f) => f.kind === 'theft'));
  const violationFindings = findings.filter((f) => f.kind === 'violation');
  const byType: Partial<Record<ViolationType, FindingTotals>> = {};
  for (const t of VIOLATION_TYPES) {
    const of = violationFindings.filter((f) => f.violationType === t);
    if (of.length) byType[t] = totals(of);
  }
  const violations = { ...totals(violationFindings), byType };
  return {
    boxesOpened,
    theft,
    violations,
    energyKwh: kwhText(toKwhUnits(theft.energyKwh) + toKwhUnits(violations.energyKwh)),
    totalRecoveredFen: theft.recoveredFen + violations.recoveredFen,
  };
}
