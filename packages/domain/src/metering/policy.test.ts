import { describe, expect, it } from 'vitest';
import { checkMeteringPolicy, DEFAULT_METERING_POLICY, withPolicyDefaults, pickPolicy, type MeteringPolicy } from './policy';
import { classifyLoss } from './line-loss';

const withPatch = (patch: (p: MeteringPolicy) => void): MeteringPolicy => {
  const p = structuredClone(DEFAULT_METERING_POLICY);
  patch(p);
  return p;
};

describe('metering policy (R-MTR-02, R-MTR-04, R-MTR-05, R-MTR-06)', () => {
  it('the shipped defaults are valid and carry the SPEC figures: 98 % coverage, 10 % LV target, 2 months on the watch list', () => {
    expect(checkMeteringPolicy(DEFAULT_METERING_POLICY)).toEqual([]);
    expect(DEFAULT_METERING_POLICY.lineLoss).toMatchObject({ minCoverage: 0.98, target: { area: 0.1 } });
    expect(DEFAULT_METERING_POLICY.watch.minStreak).toBe(2);
  });

  it.each([
    [
      'a target above 100 %',
      (p: MeteringPolicy) => {
        p.lineLoss.target.area = 1.5;
      },
      'definition.lineLoss.target.area',
    ],
    [
      'a missing county target',
      (p: MeteringPolicy) => {
        delete (p.lineLoss.target as Partial<typeof p.lineLoss.target>).county;
      },
      'definition.lineLoss.target.county',
    ],
    [
      'coverage as a percentage',
      (p: MeteringPolicy) => {
        p.lineLoss.minCoverage = 98;
      },
      'definition.lineLoss.minCoverage',
    ],
    [
      'a jump factor below 1',
      (p: MeteringPolicy) => {
        p.readingFlags.jumpFactor = 0.5;
      },
      'definition.readingFlags.jumpFactor',
    ],
    [
      'months of history not whole',
      (p: MeteringPolicy) => {
        p.readingFlags.historyMonths = 6.5;
      },
      'definition.readingFlags.historyMonths',
    ],
    [
      'a streak of 0',
      (p: MeteringPolicy) => {
        p.watch.minStreak = 0;
      },
      'definition.watch.minStreak',
    ],
    [
      'a theft weight as text',
      (p: MeteringPolicy) => {
        (p.theft.weights as Record<string, unknown>).flat = '0.9';
      },
      'definition.theft.weights.flat',
    ],
    [
      'a screening window of 1 month',
      (p: MeteringPolicy) => {
        p.theft.windowMonths = 1;
      },
      'definition.theft.windowMonths',
    ],
  ])('refuses %s, naming the field in zh and en', (_name, patch, field) => {
    const problems = checkMeteringPolicy(withPatch(patch));
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0]!.reason).toMatch(/must be/);
    expect(problems[0]!.reasonZh).toMatch(/须为/);
  });

  it('refuses something that is not an object', () => {
    expect(checkMeteringPolicy(null).map((p) => p.field)).toEqual(['definition']);
  });

  it.each([
    // level, rate, class under the defaults (R-MTR-04: each level against its own target)
    ['area', 0.1, 'qualified'],
    ['area', 0.1001, 'high_loss'],
    ['feeder', 0.07, 'high_loss'],
    ['station', 0.07, 'qualified'],
    ['county', 0.081, 'high_loss'],
    ['county', -0.01, 'negative_loss'],
  ] as const)('R-MTR-04 %s at a loss rate of %d is %s', (level, rate, cls) => {
    expect(classifyLoss(level, { supply: 10_000, sales: 10_000 * (1 - rate), coverage: 1 }, DEFAULT_METERING_POLICY.lineLoss).class).toBe(cls);
  });
});

describe('a policy version stored before a section existed', () => {
  it('reads with that section at its defaults, and passes the check', () => {
    const { schedule: _s, largeCustomers: _l, ...older } = structuredClone(DEFAULT_METERING_POLICY);
    const read = withPolicyDefaults({ ...older, lineLoss: { minCoverage: 0.95, target: { area: 0.12 } as MeteringPolicy['lineLoss']['target'] } });
    expect(read.schedule).toEqual(DEFAULT_METERING_POLICY.schedule);
    expect(read.largeCustomers).toEqual(DEFAULT_METERING_POLICY.largeCustomers);
    expect(read.lineLoss).toEqual({ minCoverage: 0.95, target: { ...DEFAULT_METERING_POLICY.lineLoss.target, area: 0.12 } });
    expect(checkMeteringPolicy(read)).toEqual([]);
  });
});

describe('pickPolicy', () => {
  it('keeps exactly the policy fields, dropping what a client added', () => {
    const sent = { ...structuredClone(DEFAULT_METERING_POLICY), extra: 1, watch: { minStreak: 3, colour: 'red' } } as unknown as MeteringPolicy;
    expect(pickPolicy(sent)).toEqual({ ...DEFAULT_METERING_POLICY, watch: { minStreak: 3 } });
  });
});
