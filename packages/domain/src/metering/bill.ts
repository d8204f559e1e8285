// R-MTR-03: a bill from a month's kWh and the tariff: residential tiers over the calendar year
// (crossing a threshold inside a month splits the month's kWh), optional time-of-use adjustments,
// each line rounded to fen by the rule documented in tariff.ts; and the billing error rate.
import { energyAmountFen, FEN_SCALE, KWH_SCALE, kwhText, priceText, roundDiv, toKwhUnits, type TariffDefinition, type TouPeriod } from './tariff';

export interface BillLine {
  /** 1, 2, 3 for tiers (1 for flat tariffs); 'peak' | 'flat' | 'valley' for a TOU adjustment line */
  tier: number | TouPeriod;
  kwh: string;
  /** yuan per kWh, 4 decimals */
  priceDisplay: string;
  amountFen: number;
}

export interface TierPosition {
  /** kWh over the calendar year including this bill */
  yearToDateKwh: string;
  /** the tier the year-to-date total is in (1 for flat tariffs) */
  tier: number;
  /** upper bound of that tier, null in the last tier or for flat tariffs */
  nextThresholdKwh: number | null;
}

export interface BillResult {
  amountFen: number;
  lines: BillLine[];
  tierPosition: TierPosition;
}

export interface BillInput {
  tariff: TariffDefinition;
  kwh: string | number;
  /** kWh billed earlier in the same calendar year (tiered tariffs only) */
  yearToDateKwhBefore?: string | number;
  /** the same kWh split by time-of-use period, when the meter records it */
  touKwh?: Partial<Record<TouPeriod, string | number>>;
}

export function computeBill(input: BillInput): BillResult {
  const { tariff } = input;
  const kwh = toKwhUnits(input.kwh);
  if (kwh < 0n) throw new RangeError(`negative consumption: ${input.kwh}`);
  const before = toKwhUnits(input.yearToDateKwhBefore ?? 0);
  if (before < 0n) throw new RangeError('negative year-to-date consumption');
  const after = before + kwh;
  const lines: BillLine[] = [];
  let position: TierPosition;

  const steps = tariff.tiers?.steps;
  if (steps?.length) {
    let lower = 0n;
    let tierAt = steps.length;
    let nextThreshold: number | null = null;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      const upper = step.upToKwh === null ? null : BigInt(step.upToKwh) * KWH_SCALE;
      const from = before > lower ? before : lower;
      const to = upper === null || after < upper ? after : upper;
      const inTier = to > from ? to - from : 0n;
      if (inTier > 0n || (kwh === 0n && i === 0)) {
        const price = tariff.basePrice + step.addPrice;
        lines.push({ tier: i + 1, kwh: kwhText(inTier), priceDisplay: priceText(price), amountFen: energyAmountFen(inTier, price) });
      }
      if (tierAt === steps.length && (upper === null || after <= upper)) {
        tierAt = i + 1;
        nextThreshold = step.upToKwh;
      }
      if (upper !== null) lower = upper;
    }
    position = { yearToDateKwh: kwhText(after), tier: tierAt, nextThresholdKwh: nextThreshold };
  } else {
    lines.push({ tier: 1, kwh: kwhText(kwh), priceDisplay: priceText(tariff.basePrice), amountFen: energyAmountFen(kwh, tariff.basePrice) });
    position = { yearToDateKwh: kwhText(after), tier: 1, nextThresholdKwh: null };
  }

  // TOU stacks on the tier prices as an adjustment per period: kWh × (base × (m − 1) + add).
  if (input.touKwh && tariff.tou?.length) {
    let split = 0n;
    for (const period of ['peak', 'flat', 'valley'] as const) {
      const v = input.touKwh[period];
      if (v === undefined) continue;
      const units = toKwhUnits(v);
      split += units;
      const w = tariff.tou.find((x) => x.period === period);
      if (!w) {
        if (units > 0n) throw new RangeError(`tariff ${tariff.code} has no ${period} period`);
        continue;
      }
      const m = w.multiplierPermille ?? 1000;
      // adjustment per kWh in 1/10 000 000 yuan: base × (m − 1000) + add × 1000
      const adjMilli = tariff.basePrice * (m - 1000) + (w.addPrice ?? 0) * 1000;
      if (adjMilli === 0) continue;
      const exact = units * BigInt(adjMilli); // 1e-11 yuan
      const fen = roundDiv(exact, FEN_SCALE * 1000n);
      lines.push({ tier: period, kwh: kwhText(units), priceDisplay: priceText(Math.round(adjMilli / 1000)), amountFen: fen });
    }
    if (split !== kwh) throw new RangeError(`time-of-use kWh (${kwhText(split)}) do not add up to the bill's kWh (${kwhText(kwh)})`);
  }

  return { amountFen: lines.reduce((s, l) => s + l.amountFen, 0), lines, tierPosition: position };
}

/** The year-to-date cycle start for a period: tiers run over the calendar year. */
export function cycleStart(period: string): string {
  return `${period.slice(0, 4)}-01`;
}

/** 电费差错率: bills corrected at least once / bills issued, in the period. */
export function billingErrorRate(bills: number, corrected: number): number | null {
  return bills > 0 ? corrected / bills : null;
}
