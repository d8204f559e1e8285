// R-MTR-03: tariff tables as versioned data, and the exact bill arithmetic.
//
// Money representation (exact, no floating point anywhere):
// - a price is an integer number of PRICE UNITS, 1 unit = 1/10000 yuan per kWh (0.01 fen):
//   0.538 yuan/kWh = 5380 units;
// - energy is handled as an integer number of 1/10000 kWh (readings carry at most 4 decimals);
// - a line's exact amount is therefore an integer in 1e-8 yuan (1e-6 fen), computed with BigInt.
// Rounding rule: each bill line is rounded to whole fen, half away from zero (四舍五入), and the
// bill amount is the sum of its rounded lines, so a printed bill always adds up.

export const PRICE_UNITS_PER_YUAN = 10_000;
export const KWH_SCALE = 10_000n;
/** exact line amounts are in 1e-8 yuan; 1 fen = 1e6 of them */
export const FEN_SCALE = 1_000_000n;

export type TariffCode = 'RES-1' | 'COM-LV' | 'IND-10KV' | 'AGR' | (string & {});
export type TouPeriod = 'peak' | 'flat' | 'valley';

export interface TariffTier {
  /** upper bound of the tier in kWh over the cycle (inclusive); null for the last tier */
  upToKwh: number | null;
  /** added to the base price, in price units (1/10000 yuan per kWh) */
  addPrice: number;
}

export interface TouWindow {
  period: TouPeriod;
  /** 'HH:MM' local time, half-open [from, to); may wrap midnight */
  from: string;
  to: string;
  /** price multiplier on the base price in permille (1000 = ×1); default 1000 */
  multiplierPermille?: number;
  /** additive adjustment in price units; default 0. Tier increments stack on top (utility-rules §5). */
  addPrice?: number;
}

export interface TariffDefinition {
  code: TariffCode;
  version: number;
  name: string;
  nameEn: string;
  customerClass: 'residential' | 'non_residential';
  voltageLevel: 'LV' | 'HV' | 'any';
  /** base (tier-1, flat-period) price in price units */
  basePrice: number;
  /** residential tiers over the calendar year (一户一表 only) */
  tiers?: { cycle: 'calendar_year'; steps: TariffTier[] };
  /** optional time-of-use windows; applied only when a bill's kWh come split by period */
  tou?: TouWindow[];
  /** where the figures come from, with the reference doc's tags */
  source: string;
}

/**
 * Defaults, version 1. Residential from utility-rules.md §5 (Zhejiang annual, one meter per
 * household, [V]); the others are placeholders [BG] to be replaced by the published prices.
 */
export const DEFAULT_TARIFFS: readonly TariffDefinition[] = [
  {
    code: 'RES-1',
    version: 1,
    name: '居民生活用电（一户一表）',
    nameEn: 'Residential, one meter per household',
    customerClass: 'residential',
    voltageLevel: 'LV',
    basePrice: 5380,
    tiers: {
      cycle: 'calendar_year',
      steps: [
        { upToKwh: 2760, addPrice: 0 },
        { upToKwh: 4800, addPrice: 500 },
        { upToKwh: null, addPrice: 3000 },
      ],
    },
    // Zhejiang tier-1 TOU: peak 0.568, valley 0.288 over 0.538 → +0.03 / −0.25 [V]; window hours [BG]
    tou: [
      { period: 'peak', from: '08:00', to: '22:00', addPrice: 300 },
      { period: 'valley', from: '22:00', to: '08:00', addPrice: -2500 },
    ],
    source: 'utility-rules.md §5: Zhejiang annual tiers 2760/4800 kWh, 0.538 +0.05 +0.30 yuan/kWh [V]; TOU hours [BG]',
  },
  {
    code: 'COM-LV',
    version: 1,
    name: '一般工商业用电（不满1千伏）',
    nameEn: 'Commercial, low voltage',
    customerClass: 'non_residential',
    voltageLevel: 'LV',
    basePrice: 7000,
    tou: [
      { period: 'peak', from: '08:00', to: '22:00', multiplierPermille: 1500 },
      { period: 'valley', from: '22:00', to: '08:00', multiplierPermille: 500 },
    ],
    source: 'placeholder price [BG]; TOU ratio 3:1 per 发改价格〔2021〕1093号 [BG]',
  },
  {
    code: 'IND-10KV',
    version: 1,
    name: '大工业用电（10千伏）',
    nameEn: 'Industrial, 10 kV',
    customerClass: 'non_residential',
    voltageLevel: 'HV',
    basePrice: 6500,
    tou: [
      { period: 'peak', from: '08:00', to: '11:00', multiplierPermille: 1500 },
      { period: 'flat', from: '11:00', to: '18:00', multiplierPermille: 1000 },
      { period: 'peak', from: '18:00', to: '22:00', multiplierPermille: 1500 },
      { period: 'valley', from: '22:00', to: '08:00', multiplierPermille: 500 },
    ],
    source: 'placeholder price [BG]; TOU ratio 3:1 per 发改价格〔2021〕1093号 [BG]',
  },
  {
    code: 'AGR',
    version: 1,
    name: '农业生产用电',
    nameEn: 'Agricultural production',
    customerClass: 'non_residential',
    voltageLevel: 'any',
    basePrice: 5000,
    source: 'placeholder price [BG]',
  },
];

export interface TariffProblem {
  /** path inside the definition, e.g. tiers.steps[1].upToKwh */
  field: string;
  reason: string;
  reasonZh: string;
}

/** Problems with a tariff definition (empty when usable), each naming its field in zh and en. */
export function checkTariff(t: TariffDefinition): TariffProblem[] {
  const p: TariffProblem[] = [];
  const add = (field: string, reason: string, reasonZh: string) => p.push({ field, reason, reasonZh });
  if (!t.code) add('code', 'code is required', '电价代码必填');
  if (!Number.isInteger(t.version) || t.version < 1) add('version', 'version must be a positive integer', '版本号须为正整数');
  if (!Number.isInteger(t.basePrice) || t.basePrice < 0)
    add('basePrice', 'basePrice must be a non-negative integer (1/10000 yuan per kWh)', '基准电价须为非负整数（单位：万分之一元/千瓦时）');
  const steps = t.tiers?.steps ?? [];
  steps.forEach((s, i) => {
    const at = `tiers.steps[${i}]`;
    if (!Number.isInteger(s.addPrice)) add(`${at}.addPrice`, `tier ${i + 1}: addPrice must be an integer`, `第 ${i + 1} 档：加价须为整数`);
    const last = i === steps.length - 1;
    if (last !== (s.upToKwh === null)) add(`${at}.upToKwh`, `tier ${i + 1}: only the last tier is open-ended`, `第 ${i + 1} 档：只有最后一档可以不设上限`);
    const prev = i > 0 ? steps[i - 1]!.upToKwh : 0;
    if (s.upToKwh !== null && (!Number.isInteger(s.upToKwh) || prev === null || s.upToKwh <= prev))
      add(`${at}.upToKwh`, `tier ${i + 1}: thresholds must be increasing whole kWh`, `第 ${i + 1} 档：分档电量须为递增的整千瓦时`);
  });
  (t.tou ?? []).forEach((w, i) => {
    const at = `tou[${i}]`;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(w.from) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(w.to))
      add(at, `tou ${w.period}: times must be HH:MM`, `分时段 ${w.period}：时间须为 HH:MM`);
    if (w.multiplierPermille !== undefined && (!Number.isInteger(w.multiplierPermille) || w.multiplierPermille < 0))
      add(`${at}.multiplierPermille`, `tou ${w.period}: multiplierPermille must be a non-negative integer`, `分时段 ${w.period}：倍率（千分比）须为非负整数`);
    if (w.addPrice !== undefined && !Number.isInteger(w.addPrice))
      add(`${at}.addPrice`, `tou ${w.period}: addPrice must be an integer`, `分时段 ${w.period}：加价须为整数`);
  });
  return p;
}

// ---------------------------------------------------------------------------------------------
// exact decimal helpers

/** A non-negative decimal (string with ≤ 4 decimals, or a safe number) as 1/10000 kWh. */
export function toKwhUnits(v: string | number): bigint {
  const s = typeof v === 'number' ? v.toFixed(4) : v.trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,4})0*)?$/.exec(s);
  if (!m) throw new RangeError(`not a decimal kWh value with at most 4 decimals: ${v}`);
  const units = BigInt(m[2]!) * KWH_SCALE + BigInt((m[3] ?? '').padEnd(4, '0') || '0');
  return m[1] ? -units : units;
}

/** 1/10000 kWh back to a plain decimal string without trailing zeros ('1234.5'). */
export function kwhText(units: bigint): string {
  const neg = units < 0n;
  const a = neg ? -units : units;
  const int = a / KWH_SCALE;
  const frac = (a % KWH_SCALE).toString().padStart(4, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Price units as a yuan text with 4 decimals ('0.5380'). */
export function priceText(units: number): string {
  const neg = units < 0;
  const a = Math.abs(units);
  return `${neg ? '-' : ''}${Math.floor(a / PRICE_UNITS_PER_YUAN)}.${String(a % PRICE_UNITS_PER_YUAN).padStart(4, '0')}`;
}

/** A yuan price text with ≤ 4 decimals ('0.538') as price units (5380). */
export function parsePrice(yuan: string): number {
  const m = /^(-?)(\d{1,6})(?:\.(\d{1,4}))?$/.exec(yuan.trim());
  if (!m) throw new RangeError(`not a price in yuan with at most 4 decimals: ${yuan}`);
  const v = Number(m[2]) * PRICE_UNITS_PER_YUAN + Number((m[3] ?? '').padEnd(4, '0') || '0');
  return m[1] ? -v : v;
}

/** exact ÷ divisor rounded half away from zero. */
export function roundDiv(exact: bigint, divisor: bigint): number {
  const neg = exact < 0n;
  const a = neg ? -exact : exact;
  const q = (a * 2n + divisor) / (divisor * 2n);
  return Number(neg ? -q : q);
}

/** Round an exact amount in 1e-8 yuan to fen, half away from zero. */
export function roundToFen(exact: bigint): number {
  return roundDiv(exact, FEN_SCALE);
}

/** kWh (1/10000 units) × price units → fen, rounded by the documented rule. */
export function energyAmountFen(kwhUnits: bigint, priceUnits: number): number {
  return roundToFen(kwhUnits * BigInt(priceUnits));
}

export function fenText(fen: number): string {
  const neg = fen < 0;
  const a = Math.abs(fen);
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
