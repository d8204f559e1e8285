import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPLY_RULES, DEFAULT_VIOLATION_RULES, findingMoney, summariseCampaign, type FindingInput } from './inspection';
import { fenText, parsePrice } from './tariff';

// Seed 000, first half of the year: 开箱检查149台, 窃电户9户, 补回电量4.1万千瓦时, 补回电费和违约金3.72万元;
// 违章用电17户, 补回电量3.1千KWH, 补回金额1.83千元; 共计挽回经济损失3.903万元.
// The 37,200 yuan is the back-paid charges AND the penalty together (电费和违约金): with the 3× rule it
// is 4 × the charges, so charges 9,300 yuan + penalty 27,900 yuan. The seed gives only totals;
// the households below are constructed to be consistent with them (prices per household as applied).
const theft = (household: string, energyKwh: number, price: string): FindingInput => ({ kind: 'theft', household, energyKwh, price: parsePrice(price) });
const SEED_000_FINDINGS: FindingInput[] = [
  // 19,000 kWh at 0.20 = 3,800 yuan; 22,000 kWh at 0.25 = 5,500 yuan → charges 9,300 yuan
  theft('T1', 3000, '0.20'),
  theft('T2', 4000, '0.20'),
  theft('T3', 5000, '0.20'),
  theft('T4', 7000, '0.20'),
  theft('T5', 2000, '0.25'),
  theft('T6', 3000, '0.25'),
  theft('T7', 4000, '0.25'),
  theft('T8', 5000, '0.25'),
  theft('T9', 8000, '0.25'),
  // 10 category changes, 3,100 kWh at a 0.10 yuan price difference: 310 + 2 × 310 = 930 yuan
  ...[200, 250, 300, 300, 300, 350, 350, 350, 400, 300].map(
    (kwh, i): FindingInput => ({ kind: 'violation', household: `V${i + 1}`, violationType: 'change_category', energyKwh: kwh, price: parsePrice('0.10') }),
  ),
  // 4 private capacity increases, 3 + 3 + 4 + 5 = 15 kW × 50 yuan = 750 yuan
  ...[3, 3, 4, 5].map((kw, i): FindingInput => ({ kind: 'violation', household: `V${11 + i}`, violationType: 'excess_capacity', capacityKw: kw })),
  // 3 uses of suspended equipment, 1 + 2 + 2 = 5 kW × 30 yuan = 150 yuan
  ...[1, 2, 2].map((kw, i): FindingInput => ({ kind: 'violation', household: `V${15 + i}`, violationType: 'use_suspended_equipment', capacityKw: kw })),
];

describe('R-MTR-07 inspection findings and the campaign summary', () => {
  it('R-MTR-07 theft: charges = kWh × price, penalty 3× by default, configurable', () => {
    expect(findingMoney({ kind: 'theft', energyKwh: '1000', price: 5380 })).toEqual({ energyKwh: '1000', unpaidFen: 53800, penaltyFen: 161400 });
    expect(findingMoney({ kind: 'theft', energyKwh: '1000', price: 5380, penaltyMultiple: 1 })).toMatchObject({ penaltyFen: 53800 });
  });
  it('R-MTR-07 violations follow their rule: 2× price difference, 50 yuan/kW, 30 yuan/kW, 500/5,000 yuan per time', () => {
    expect(findingMoney({ kind: 'violation', violationType: 'change_category', energyKwh: 100, price: 1000 })).toEqual({
      energyKwh: '100',
      unpaidFen: 1000,
      penaltyFen: 2000,
    });
    expect(findingMoney({ kind: 'violation', violationType: 'excess_capacity', capacityKw: 4 })).toMatchObject({ unpaidFen: 0, penaltyFen: 20000 });
    expect(findingMoney({ kind: 'violation', violationType: 'use_suspended_equipment', capacityKw: 2 })).toMatchObject({ penaltyFen: 6000 });
    expect(findingMoney({ kind: 'violation', violationType: 'tamper_utility_equipment', residential: true })).toMatchObject({ penaltyFen: 50000 });
    expect(findingMoney({ kind: 'violation', violationType: 'tamper_utility_equipment', times: 2 })).toMatchObject({ penaltyFen: 1000000 });
    expect(
      findingMoney(
        { kind: 'violation', violationType: 'excess_capacity', capacityKw: 4 },
        {
          ...DEFAULT_SUPPLY_RULES,
          violations: { ...DEFAULT_VIOLATION_RULES, excess_capacity: { ...DEFAULT_VIOLATION_RULES.excess_capacity, perKwFen: 6000 } },
        },
      ),
    ).toMatchObject({ penaltyFen: 24000 });
  });
  it('R-MTR-07 reproduces seed 000: 149 boxes, 9 theft households, 41,000 kWh and 37,200 yuan; 17 violations, 3,100 kWh and 1,830 yuan; 39,030 yuan in all', () => {
    const s = summariseCampaign(
      149,
      SEED_000_FINDINGS.map((f) => ({ ...f, violationType: f.kind === 'violation' ? f.violationType : null, ...findingMoney(f) })),
    );
    expect(s.boxesOpened).toBe(149);
    expect(s.theft).toEqual({ households: 9, findings: 9, energyKwh: '41000', unpaidFen: 930_000, penaltyFen: 2_790_000, recoveredFen: 3_720_000 });
    expect(s.violations).toMatchObject({ households: 17, findings: 17, energyKwh: '3100', unpaidFen: 31_000, penaltyFen: 152_000, recoveredFen: 183_000 });
    expect(s.violations.byType).toEqual({
      change_category: { households: 10, findings: 10, energyKwh: '3100', unpaidFen: 31_000, penaltyFen: 62_000, recoveredFen: 93_000 },
      excess_capacity: { households: 4, findings: 4, energyKwh: '0', unpaidFen: 0, penaltyFen: 75_000, recoveredFen: 75_000 },
      use_suspended_equipment: { households: 3, findings: 3, energyKwh: '0', unpaidFen: 0, penaltyFen: 15_000, recoveredFen: 15_000 },
    });
    expect(s.totalRecoveredFen).toBe(3_903_000);
    expect(fenText(s.totalRecoveredFen)).toBe('39030.00');
    expect(s.energyKwh).toBe('44100');
  });
  it('R-MTR-07 two findings for one household count it once', () => {
    const f = { kind: 'theft' as const, household: 7, energyKwh: '10', unpaidFen: 1, penaltyFen: 3 };
    expect(summariseCampaign(1, [f, f]).theft).toMatchObject({ households: 1, findings: 2, recoveredFen: 8 });
  });
});
