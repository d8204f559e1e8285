// Prices are integer price units, 1 unit = 1/10000 yuan per kWh (packages/domain metering/tariff.ts,
// which the web may not import). People read and type yuan with up to 4 decimals; the conversion is
// done on the text so that 0.538 is 5380 and never 5379.999….
import type { TariffTou } from '@griddesk/shared';

const UNITS_PER_YUAN = 10_000;
const YUAN = /^(-?)(\d{1,6})(?:\.(\d{1,4}))?$/;

/** '0.5380' from 5380; '-0.2500' from -2500. */
export function yuanText(units: number): string {
  const a = Math.abs(units);
  return `${units < 0 ? '-' : ''}${Math.floor(a / UNITS_PER_YUAN)}.${String(a % UNITS_PER_YUAN).padStart(4, '0')}`;
}

export const isYuan = (text: string) => YUAN.test(text.trim());

/** 5380 from '0.538'; null for anything that is not yuan with at most 4 decimals. */
export function yuanToUnits(text: string): number | null {
  const m = YUAN.exec(text.trim());
  if (!m) return null;
  const units = Number(m[2]) * UNITS_PER_YUAN + Number((m[3] ?? '').padEnd(4, '0'));
  return m[1] ? -units : units;
}

/**
 * A time-of-use window's price at the first tier: the base × the multiplier, plus the adjustment
 * (the bill's own arithmetic), to the nearest price unit.
 */
export function touPriceText(basePrice: number, w: TariffTou): string {
  const milli = basePrice * (w.multiplierPermille ?? 1000) + (w.addPrice ?? 0) * 1000;
  return yuanText(Math.round(milli / 1000));
}
