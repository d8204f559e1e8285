import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, weekday } from '../time/shanghai';
import { chinaCalendar, hasYear, isWorkday, nthWorkdayAfter } from './calendar';

// The official data as published (holiday-cn JSON per year), read from the shared data set.
const HOLIDAY_CN = new URL('../../../../../shared/data/holiday-cn/', import.meta.url).pathname;
const official = new Map<string, boolean>();
for (const f of readdirSync(HOLIDAY_CN).filter((f) => /^20(2[0-6])\.json$/.test(f))) {
  const data = JSON.parse(readFileSync(join(HOLIDAY_CN, f), 'utf8')) as { days: { date: string; isOffDay: boolean }[] };
  for (const d of data.days) official.set(d.date, !d.isOffDay);
}

describe('R-CMT-02 the official working-day calendar 2020–2026', () => {
  it('agrees with the published notices on every day from 2020-01-01 to 2026-12-31', () => {
    const cal = chinaCalendar();
    let day = '2020-01-01';
    let checked = 0;
    const wrong: string[] = [];
    while (day <= '2026-12-31') {
      const wd = weekday(day);
      const expected = official.get(day) ?? (wd !== 0 && wd !== 6);
      if (isWorkday(cal, day) !== expected) wrong.push(day);
      day = addDays(day, 1);
      checked++;
    }
    expect(checked).toBe(2557);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['2025-10-01', false, 'National Day'],
    ['2025-10-11', true, 'Saturday make-up workday'],
    ['2025-09-28', true, 'Sunday make-up workday'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2024-02-04', true, 'Spring Festival make-up Sunday'],
    ['2026-02-17', false, 'Spring Festival 2026'],
  ])('%s is a working day: %s (%s)', (day, expected) => {
    expect(isWorkday(chinaCalendar(), day)).toBe(expected);
  });

  it('an administrator override wins over the bundled data', () => {
    const cal = chinaCalendar([
      { day: '2025-10-11', off: true, name: '本地调整' },
      { day: '2025-10-12', off: false },
    ]);
    expect(isWorkday(cal, '2025-10-11')).toBe(false);
    expect(isWorkday(cal, '2025-10-12')).toBe(true);
  });

  it('knows which years have data', () => {
    const cal = chinaCalendar();
    expect([2019, 2020, 2026, 2027].map((y) => hasYear(cal, y))).toEqual([false, true, true, false]);
  });

  it('counts working days strictly after the start day, skipping the break and using the make-up day', () => {
    expect(nthWorkdayAfter(chinaCalendar(), '2025-09-30', 3)).toBe('2025-10-11');
    expect(nthWorkdayAfter(chinaCalendar(), '2025-09-30', 0)).toBe('2025-09-30');
  });
});
