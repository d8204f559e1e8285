// R-CMT-02: the working-day calendar. One entry per special date (holiday or make-up workday)
// overrides the weekday pattern; administrator overrides win over the bundled data.
import { addDays, weekday } from '../time/shanghai';
import { CN_SPECIAL_DAYS, CN_SPECIAL_DAYS_YEARS } from './cn-special-days';

export interface SpecialDay {
  day: string;
  /** true: a day off (holiday); false: a working day (调休 make-up workday) */
  off: boolean;
  name?: string;
}

export interface Calendar {
  readonly special: ReadonlyMap<string, SpecialDay>;
  /** years for which official data is present (bundled or declared by an administrator) */
  readonly years: ReadonlySet<number>;
}

export function makeCalendar(bundled: Iterable<SpecialDay>, overrides: Iterable<SpecialDay> = [], years: Iterable<number> = []): Calendar {
  const special = new Map<string, SpecialDay>();
  for (const s of bundled) special.set(s.day, s);
  for (const s of overrides) special.set(s.day, s);
  return { special, years: new Set(years) };
}

/** The calendar as shipped: official 2020–2026 data, no overrides. */
export function bundledSpecialDays(): SpecialDay[] {
  return CN_SPECIAL_DAYS.map(([day, off, name]) => ({ day, off, name }));
}

export function chinaCalendar(overrides: Iterable<SpecialDay> = [], extraYears: Iterable<number> = []): Calendar {
  return makeCalendar(bundledSpecialDays(), overrides, [...CN_SPECIAL_DAYS_YEARS, ...extraYears]);
}

export function isWorkday(cal: Calendar, day: string): boolean {
  const s = cal.special.get(day);
  if (s) return !s.off;
  const wd = weekday(day);
  return wd !== 0 && wd !== 6;
}

export function hasYear(cal: Calendar, year: number): boolean {
  return cal.years.has(year);
}

/** The n-th working day strictly after `day` (n ≥ 1); n = 0 gives `day` itself. */
export function nthWorkdayAfter(cal: Calendar, day: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer: ${n}`);
  let d = day;
  for (let found = 0; found < n; ) {
    d = addDays(d, 1);
    if (isWorkday(cal, d)) found++;
  }
  return d;
}
