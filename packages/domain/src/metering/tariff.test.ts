import { describe, expect, it } from 'vitest';
import { fenText, kwhText, parsePrice, priceText, roundToFen, toKwhUnits } from './tariff';

describe('R-MTR-03 exact money and energy helpers', () => {
  it.each([
    ['0', 0n],
    ['1', 10000n],
    ['1.5', 15000n],
    ['2760.0001', 27600001n],
    ['500.000000', 5000000n],
    ['-3', -30000n],
  ] as const)('R-MTR-03 kWh %s → %s ten-thousandths', (text, units) => {
    expect(toKwhUnits(text)).toBe(units);
  });
  it('R-MTR-03 kWh with more than 4 significant decimals or junk is refused', () => {
    for (const bad of ['1.00001', '1e3', 'abc', '']) expect(() => toKwhUnits(bad), bad).toThrow(RangeError);
    expect(toKwhUnits(12.5)).toBe(125000n);
  });
  it('R-MTR-03 texts round-trip', () => {
    expect(kwhText(27600001n)).toBe('2760.0001');
    expect(kwhText(15000n)).toBe('1.5');
    expect(parsePrice('0.538')).toBe(5380);
    expect(parsePrice('1')).toBe(10000);
    expect(priceText(5380)).toBe('0.5380');
    expect(priceText(-2500)).toBe('-0.2500');
    expect(fenText(3903000)).toBe('39030.00');
    expect(() => parsePrice('0.53801')).toThrow(RangeError);
  });
  it('R-MTR-03 rounding to fen is half away from zero', () => {
    expect(roundToFen(500_000n)).toBe(1); // 0.5 fen
    expect(roundToFen(499_999n)).toBe(0);
    expect(roundToFen(-500_000n)).toBe(-1);
    expect(roundToFen(-499_999n)).toBe(0);
  });
});
