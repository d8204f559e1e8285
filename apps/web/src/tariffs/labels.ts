// Tariff words shared by the console's tariff tables and the portal's published prices.
import { formatNumber } from '../format';
import type { Text } from '../i18n';
import type { CustomerClass, TariffVoltage, TouPeriod } from '@griddesk/shared';

export const CUSTOMER_CLASS_LABELS: Record<CustomerClass, Text> = {
  residential: { zh: '居民', en: 'Residential' },
  non_residential: { zh: '非居民', en: 'Non-residential' },
};

export const TARIFF_VOLTAGE_LABELS: Record<TariffVoltage, Text> = {
  LV: { zh: '低压（不满 1 千伏）', en: 'Low voltage (below 1 kV)' },
  HV: { zh: '高压（1 千伏及以上）', en: 'High voltage (1 kV and above)' },
  any: { zh: '不分电压等级', en: 'Any voltage' },
};

export const TOU_PERIOD_LABELS: Record<TouPeriod, Text> = {
  peak: { zh: '高峰', en: 'Peak' },
  flat: { zh: '平段', en: 'Flat' },
  valley: { zh: '低谷', en: 'Valley' },
};

export const TOU_PERIOD_COLORS: Record<TouPeriod, string> = { peak: 'red', flat: 'blue', valley: 'green' };

/** A tier's annual kWh band: tiers run from the previous bound (exclusive) to their own (inclusive). */
export function tierBand(previous: number | null, upTo: number | null): Text {
  if (upTo === null) {
    const from = formatNumber(previous ?? 0);
    return { zh: `年用电量 ${from} kWh 以上`, en: `Over ${from} kWh a year` };
  }
  if (!previous) {
    const to = formatNumber(upTo);
    return { zh: `年用电量 ${to} kWh 及以下`, en: `Up to ${to} kWh a year` };
  }
  const from = formatNumber(previous + 1);
  const to = formatNumber(upTo);
  return { zh: `年用电量 ${from}–${to} kWh`, en: `${from} to ${to} kWh a year` };
}
