import { describe, expect, it } from 'vitest';
import { daysInPeriod, periodMinus, previousPeriod } from './readings';

describe('reading periods (R-MTR-01)', () => {
  it.each([
    ['2025-03', 0, '2025-03'],
    ['2025-03', 1, '2025-02'],
    ['2025-01', 1, '2024-12'],
    ['2026-10', 12, '2025-10'],
    ['2026-10', 25, '2024-09'],
  ])('%s minus %i months is %s', (p, n, want) => {
    expect(periodMinus(p, n)).toBe(want);
  });

  it.each([
    ['2025-01', 31],
    ['2025-02', 28],
    ['2024-02', 29],
    ['2000-02', 29],
    ['2100-02', 28],
    ['2025-04', 30],
    ['2025-12', 31],
  ])('%s has %i days', (p, n) => {
    expect(daysInPeriod(p)).toBe(n);
  });

  it('refuses what is not a period', () => {
    expect(() => daysInPeriod('2025-13')).toThrow(RangeError);
    expect(() => previousPeriod('2025-1')).toThrow(RangeError);
  });
});
