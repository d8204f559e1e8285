import { describe, expect, it } from 'vitest';
import { billingErrorRate, computeBill } from './bill';
import { checkTariff, DEFAULT_TARIFFS, energyAmountFen, parsePrice, toKwhUnits, type TariffDefinition } from './tariff';

const tariff = (code: string): TariffDefinition => DEFAULT_TARIFFS.find((t) => t.code === code)!;
const RES = tariff('RES-1');

describe('R-MTR-03 tariff tables', () => {
  it('R-MTR-03 every default tariff is well formed', () => {
    for (const t of DEFAULT_TARIFFS) expect(checkTariff(t), t.code).toEqual([]);
  });
  it('R-MTR-03 a bad tier table is reported', () => {
    expect(
      checkTariff({
        ...RES,
        tiers: {
          cycle: 'calendar_year',
          steps: [
            { upToKwh: 4800, addPrice: 0 },
            { upToKwh: 2760, addPrice: 500 },
            { upToKwh: null, addPrice: 3000 },
          ],
        },
      }),
    ).toContainEqual({
      field: 'tiers.steps[1].upToKwh',
      reason: 'tier 2: thresholds must be increasing whole kWh',
      reasonZh: '第 2 档：分档电量须为递增的整千瓦时',
    });
  });
  it('R-MTR-03 residential default: 0.538 base, +0.05 over 2,760, +0.30 over 4,800 kWh a year', () => {
    expect(RES.basePrice).toBe(parsePrice('0.538'));
    expect(RES.tiers!.steps).toEqual([
      { upToKwh: 2760, addPrice: 0 },
      { upToKwh: 4800, addPrice: 500 },
      { upToKwh: null, addPrice: 3000 },
    ]);
  });
});

describe.each([
  // name, kWh, ytd before, amount fen, lines [tier, kwh, price, fen], position
  ['R-MTR-03 below tier 1', '200', '1000', 10760, [[1, '200', '0.5380', 10760]], { yearToDateKwh: '1200', tier: 1, nextThresholdKwh: 2760 }],
  [
    'R-MTR-03 exactly at the tier-1 threshold stays in tier 1',
    '260',
    '2500',
    13988,
    [[1, '260', '0.5380', 13988]],
    { yearToDateKwh: '2760', tier: 1, nextThresholdKwh: 2760 },
  ],
  // 2,700 → 3,000: 60 at 0.538 = 32.28; 240 at 0.588 = 141.12
  [
    'R-MTR-03 crossing tier 1 within a month',
    '300',
    '2700',
    3228 + 14112,
    [
      [1, '60', '0.5380', 3228],
      [2, '240', '0.5880', 14112],
    ],
    { yearToDateKwh: '3000', tier: 2, nextThresholdKwh: 4800 },
  ],
  // 2,700 → 5,000: 60 × 0.538 = 32.28; 2,040 × 0.588 = 1,199.52; 200 × 0.838 = 167.60
  [
    'R-MTR-03 crossing both tiers',
    '2300',
    '2700',
    3228 + 119952 + 16760,
    [
      [1, '60', '0.5380', 3228],
      [2, '2040', '0.5880', 119952],
      [3, '200', '0.8380', 16760],
    ],
    { yearToDateKwh: '5000', tier: 3, nextThresholdKwh: null },
  ],
  ['R-MTR-03 already in tier 3', '100', '6000', 8380, [[3, '100', '0.8380', 8380]], { yearToDateKwh: '6100', tier: 3, nextThresholdKwh: null }],
  ['R-MTR-03 zero consumption is a zero bill', '0', '0', 0, [[1, '0', '0.5380', 0]], { yearToDateKwh: '0', tier: 1, nextThresholdKwh: 2760 }],
  // 0.0009 kWh × 0.538 = 0.04842 fen → 0; 1.0093 kWh × 0.538 = 54.30034 fen → 54
  [
    'R-MTR-03 rounding: fractions of a fen round per line',
    '1.0093',
    '0',
    54,
    [[1, '1.0093', '0.5380', 54]],
    { yearToDateKwh: '1.0093', tier: 1, nextThresholdKwh: 2760 },
  ],
] as const)('%s', (_name, kwh, before, amountFen, lines, position) => {
  it('computes the lines, the amount and the tier position', () => {
    const r = computeBill({ tariff: RES, kwh, yearToDateKwhBefore: before });
    expect(r.lines.map((l) => [l.tier, l.kwh, l.priceDisplay, l.amountFen])).toEqual(lines);
    expect(r.amountFen).toBe(amountFen);
    expect(r.amountFen).toBe(r.lines.reduce((s, l) => s + l.amountFen, 0));
    expect(r.tierPosition).toEqual(position);
  });
});

describe('R-MTR-03 non-residential and rounding rule', () => {
  it('R-MTR-03 non-residential flat: no tiers whatever the year-to-date total', () => {
    const r = computeBill({ tariff: tariff('COM-LV'), kwh: '12345.5', yearToDateKwhBefore: '99999' });
    // 12,345.5 × 0.70 = 8,641.85 yuan
    expect(r).toEqual({
      amountFen: 864185,
      lines: [{ tier: 1, kwh: '12345.5', priceDisplay: '0.7000', amountFen: 864185 }],
      tierPosition: { yearToDateKwh: '112344.5', tier: 1, nextThresholdKwh: null },
    });
  });
  it.each([
    ['0.0093', 5380, 1], // 0.0093 × 0.538 yuan = 0.50034 fen → 1
    ['0.0092', 5380, 0], // 0.49496 fen → 0
    ['0.5', 1, 0], // 0.00005 fen
    ['100', 1234, 1234], // 100 kWh × 0.1234 yuan = 12.34 yuan
    ['3', 5005, 150], // 3 × 0.5005 = 1.5015 yuan = 150.15 fen → 150
    ['1', 5005, 50], // 0.5005 yuan = 50.05 fen → 50
    ['1', 5050, 51], // 50.5 fen → 51 (half away from zero)
  ])('R-MTR-03 rounding: %s kWh at %i units', (kwh, price, fen) => {
    expect(energyAmountFen(toKwhUnits(kwh), price)).toBe(fen);
  });
  it('R-MTR-03 time-of-use stacks on the tier lines as adjustments', () => {
    // 100 kWh: 60 peak (+0.03) and 40 valley (−0.25) on tier 1 at 0.538
    const r = computeBill({ tariff: RES, kwh: '100', yearToDateKwhBefore: '0', touKwh: { peak: '60', valley: '40' } });
    expect(r.lines.map((l) => [l.tier, l.kwh, l.priceDisplay, l.amountFen])).toEqual([
      [1, '100', '0.5380', 5380],
      ['peak', '60', '0.0300', 180],
      ['valley', '40', '-0.2500', -1000],
    ]);
    expect(r.amountFen).toBe(60 * 56.8 + 40 * 28.8);
    const ind = computeBill({ tariff: tariff('IND-10KV'), kwh: '1000', touKwh: { peak: '300', flat: '400', valley: '300' } });
    // 1,000 × 0.65 + 300 × 0.325 − 300 × 0.325 = 650 yuan
    expect(ind.amountFen).toBe(65000);
    expect(() => computeBill({ tariff: RES, kwh: '100', touKwh: { peak: '50' } })).toThrow(/do not add up/);
  });
  it('R-MTR-03 negative or malformed consumption is refused', () => {
    expect(() => computeBill({ tariff: RES, kwh: '-1' })).toThrow(RangeError);
    expect(() => computeBill({ tariff: RES, kwh: '1.00001' })).toThrow(RangeError);
  });
  it('R-MTR-03 billing error rate = corrected / issued', () => {
    expect(billingErrorRate(200, 1)).toBe(0.005);
    expect(billingErrorRate(0, 0)).toBeNull();
  });
});
