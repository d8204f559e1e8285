import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dayKeyOf, formatShanghai, minuteOfDay, parseInstant, startOfDay, weekday } from './shanghai';

describe('Asia/Shanghai day keys and instants (R-CMT-02)', () => {
  it.each([
    ['2025-09-30T10:00:00+08:00', '2025-09-30T10:00:00+08:00'],
    ['2025-09-30T16:00:00Z', '2025-10-01T00:00:00+08:00'],
    ['2025-09-30T10:00', '2025-09-30T10:00:00+08:00'],
    ['2025-09-30 10:00:05.250+0800', '2025-09-30T10:00:05+08:00'],
    ['2024-02-29T12:00:00-05:00', '2024-03-01T01:00:00+08:00'],
  ])('parses %s as %s', (text, expected) => {
    expect(formatShanghai(parseInstant(text)!)).toBe(expected);
  });

  it.each(['2025-02-30T10:00:00+08:00', '2025-13-01T00:00:00Z', '2025-09-30T24:00:00+08:00', 'yesterday', '2025-09-30', '2025-09-30T10:00:00+25:00', ''])(
    'rejects %j',
    (text) => {
      expect(parseInstant(text)).toBeNull();
    },
  );

  it('day arithmetic crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(weekday('2025-10-11')).toBe(6);
  });

  it('an instant, its day key and the start of that day agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2027, 11, 31) }), (ms) => {
        const t = new Date(ms);
        const day = dayKeyOf(t);
        const s = startOfDay(day);
        expect(s.getTime()).toBeLessThanOrEqual(ms);
        expect(ms - s.getTime()).toBeLessThan(86_400_000);
        expect(minuteOfDay(t)).toBe(Math.floor((ms - s.getTime()) / 60_000));
        expect(parseInstant(formatShanghai(t))!.getTime()).toBe(Math.floor(ms / 1000) * 1000);
      }),
    );
  });
});
