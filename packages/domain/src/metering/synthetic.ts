// R-MTR-06: a deterministic generator of realistic daily load for the theft screening's tests and
// benchmark, with the documented theft patterns injected into part of it. Pure: no I/O, and the
// same options (seed included) always give the same rows.
//
// Load model (per customer, per day, kWh):
//   base × climate(day) × week(day) × holiday(day) × noise(day), rounded to 0.01 kWh.
// * climate — central China (Wuhan-like): a daily mean temperature of 4 °C in mid-January and
//   29 °C in mid-July, plus a weather anomaly shared by every customer (AR(1), sd ≈ 2.5 °C).
//   Each customer has its own cooling (per °C above 22) and heating (per °C below 12)
//   sensitivity, so both a summer (air conditioning) and a winter (electric heating) peak appear,
//   of a size that differs from customer to customer.
// * week — residential use is a little higher at weekends, commercial use much lower on
//   Saturday and Sunday.
// * holiday — the official days off of CN_SPECIAL_DAYS (make-up workdays count as workdays):
//   commercial use falls as on a Sunday; residential use dips over the Spring Festival (people go
//   home) and rises a little on other holidays. Years outside that table use fixed-date holidays.
// * base — lognormal: residential median 6 kWh/day (σ 0.6), commercial median 40 kWh/day (σ 0.8);
//   15 % of customers are commercial.
// * noise — multiplicative AR(1) in the logarithm (σ 0.08–0.25 residential, 0.05–0.15
//   commercial), and a spike (×1.5–2.5) on 1 % of days.
// Honest confounders, drawn for every customer, thief or not, so they say nothing about the label:
//   5 % have a vacancy (7–45 days at 5–25 % of normal use), 1.5 % switch off completely for 4–25
//   days, 5 % change level for good from some day (×0.55–1.5: a household moves, an appliance is
//   bought or retired).
// Missing days (applied last, to thieves and normal customers alike): 30 % of customers lose
// 0.5–2 % of days at random, 10 % lose 5–15 %, and 8 % have one outage of 3–40 days in a row.
//
// Theft patterns (thieves only, from a start day drawn uniformly in the middle half of the
// period, 25 %–75 %, so that the customer's own earlier use is there to compare with):
//   reduce_factor    x × α, α ∈ U(0.2, 0.8)
//   cap              min(x, cap), cap = the q-quantile of the customer's own days, q ∈ U(0.3, 0.7)
//   zero_windows     2–6 windows of 3–20 days at 0 kWh
//   flatten_mean     a constant: the mean of the period, rounded like any reading
//   random_fraction  x × U(0.1, 0.8), drawn anew every day
//   gradual_reduce   the factor falls linearly from 1 to α ∈ U(0.2, 0.6) over 30–90 days, then stays
// Thieves are chosen at random (round(customers × thiefShare)) and take the patterns in turn, so
// each pattern has the same number of thieves (±1).
import { CN_SPECIAL_DAYS, CN_SPECIAL_DAYS_YEARS } from '../calendar/cn-special-days';
import { addDays, weekday } from '../time/shanghai';
import { Rng } from './prng';

export const THEFT_PATTERNS = ['reduce_factor', 'cap', 'zero_windows', 'flatten_mean', 'random_fraction', 'gradual_reduce'] as const;
export type TheftPattern = (typeof THEFT_PATTERNS)[number];

export type CustomerKind = 'residential' | 'commercial';

export interface SyntheticRow {
  consNo: string;
  /** 1 = an injected thief, 0 = normal */
  flag: 0 | 1;
  pattern: TheftPattern | null;
  kind: CustomerKind;
  /** the first day of the theft (index into days), null for normal customers */
  startDay: number | null;
  /** kWh per day from startDate; null = missing */
  days: (number | null)[];
}

export interface DatasetOptions {
  customers: number;
  days: number;
  /** share of customers made thieves, 0–1 */
  thiefShare: number;
  seed: number;
  /** the first day, YYYY-MM-DD */
  startDate: string;
  /** patterns to inject (default all six, in turn) */
  patterns?: readonly TheftPattern[];
  /** draw the confounders and missing days described above (default true) */
  realistic?: boolean;
}

/** The calendar days of a dataset, YYYY-MM-DD. */
export function datasetDates(startDate: string, days: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < days; i++) out.push(addDays(startDate, i));
  return out;
}

interface DayInfo {
  /** daily mean temperature, °C */
  temp: number;
  /** 0 Sunday … 6 Saturday, as a working week sees it (a make-up workday counts as Monday) */
  dow: number;
  off: boolean;
  springFestival: boolean;
}

const SPECIAL = new Map(CN_SPECIAL_DAYS.map(([day, off, name]) => [day, { off, name }]));
const FIXED_HOLIDAYS = /-(01-01|05-0[1-3]|10-0[1-7])$/;

function dayInfo(dates: readonly string[], seed: number): DayInfo[] {
  const weather = new Rng((seed ^ 0x5eed_c11a) >>> 0);
  let anomaly = 0;
  return dates.map((date) => {
    const start = Date.UTC(Number(date.slice(0, 4)), 0, 1);
    const doy = Math.round((Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - start) / 86_400_000);
    anomaly = 0.8 * anomaly + 1.5 * weather.normal();
    const temp = 16.5 - 12.5 * Math.cos((2 * Math.PI * (doy - 15)) / 365) + anomaly;
    const wd = weekday(date);
    const special = CN_SPECIAL_DAYS_YEARS.includes(Number(date.slice(0, 4))) ? SPECIAL.get(date) : undefined;
    let off = wd === 0 || wd === 6;
    let springFestival = false;
    if (special) {
      off = special.off;
      springFestival = special.off && special.name === '春节';
    } else if (!CN_SPECIAL_DAYS_YEARS.includes(Number(date.slice(0, 4))) && FIXED_HOLIDAYS.test(date)) {
      off = true;
    }
    const dow = !off && (wd === 0 || wd === 6) ? 1 : wd;
    return { temp, dow, off, springFestival };
  });
}

function customerRng(seed: number, i: number, salt: number): Rng {
  return new Rng((seed ^ Math.imul(i + 1, 0x9e3779b1) ^ salt) >>> 0);
}

/** Normal load of one customer (before confounders, theft and missing days). */
function normalLoad(rng: Rng, kind: CustomerKind, info: readonly DayInfo[]): number[] {
  const res = kind === 'residential';
  const base = res ? rng.lognormal(6, 0.6) : rng.lognormal(40, 0.8);
  const cool = res ? rng.uniform(0.03, 0.12) : rng.uniform(0.04, 0.1);
  const heat = res ? rng.uniform(0.02, 0.08) : rng.uniform(0.01, 0.05);
  const weekend = res ? rng.uniform(1, 1.12) : 0;
  const sat = res ? weekend : rng.uniform(0.55, 0.95);
  const sun = res ? weekend : rng.uniform(0.4, 0.9);
  const festival = res ? rng.uniform(0.6, 0.95) : rng.uniform(0.25, 0.6);
  const holiday = res ? rng.uniform(0.95, 1.1) : sun;
  const sigma = res ? rng.uniform(0.08, 0.25) : rng.uniform(0.05, 0.15);
  const rho = rng.uniform(0.2, 0.6);
  const innov = sigma * Math.sqrt(1 - rho * rho);
  let e = sigma * rng.normal();
  return info.map((d) => {
    e = rho * e + innov * rng.normal();
    const climate = 1 + cool * Math.max(0, d.temp - 22) + heat * Math.max(0, 12 - d.temp);
    let week = d.dow === 6 ? sat : d.dow === 0 ? sun : 1;
    if (d.off && d.dow !== 0 && d.dow !== 6) week = d.springFestival ? festival : holiday;
    else if (d.springFestival) week *= festival;
    const spike = rng.chance(0.01) ? rng.uniform(1.5, 2.5) : 1;
    return base * climate * week * Math.exp(e) * spike;
  });
}

function confound(rng: Rng, x: number[]): void {
  const n = x.length;
  if (rng.chance(0.05)) {
    const len = Math.min(n, rng.int(7, 45));
    const at = rng.int(0, n - len);
    const level = rng.uniform(0.05, 0.25);
    for (let t = at; t < at + len; t++) x[t]! *= level;
  }
  if (rng.chance(0.015)) {
    const len = Math.min(n, rng.int(4, 25));
    const at = rng.int(0, n - len);
    for (let t = at; t < at + len; t++) x[t] = 0;
  }
  if (rng.chance(0.05)) {
    const at = rng.int(1, Math.max(1, n - 1));
    const f = rng.uniform(0.55, 1.5);
    for (let t = at; t < n; t++) x[t]! *= f;
  }
}

function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return 0;
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Inject one theft pattern into x from day `start` on (in place). NaN days stay NaN (missing). */
export function injectTheft(x: number[], pattern: TheftPattern, start: number, rng: Rng): void {
  const n = x.length;
  switch (pattern) {
    case 'reduce_factor': {
      const a = rng.uniform(0.2, 0.8);
      for (let t = start; t < n; t++) x[t]! *= a;
      break;
    }
    case 'cap': {
      const cap = quantile(x.filter(Number.isFinite), rng.uniform(0.3, 0.7));
      for (let t = start; t < n; t++) x[t] = Math.min(x[t]!, cap);
      break;
    }
    case 'zero_windows': {
      const k = rng.int(2, 6);
      for (let w = 0; w < k; w++) {
        const len = rng.int(3, 20);
        const at = rng.int(start, Math.max(start, n - len));
        for (let t = at; t < Math.min(n, at + len); t++) if (Number.isFinite(x[t]!)) x[t] = 0;
      }
      break;
    }
    case 'flatten_mean': {
      let sum = 0;
      let count = 0;
      for (let t = start; t < n; t++)
        if (Number.isFinite(x[t]!)) {
          sum += x[t]!;
          count++;
        }
      const mean = round2(sum / Math.max(1, count));
      for (let t = start; t < n; t++) if (Number.isFinite(x[t]!)) x[t] = mean;
      break;
    }
    case 'random_fraction': {
      for (let t = start; t < n; t++) x[t]! *= rng.uniform(0.1, 0.8);
      break;
    }
    case 'gradual_reduce': {
      const a = rng.uniform(0.2, 0.6);
      const ramp = rng.int(30, 90);
      for (let t = start; t < n; t++) x[t]! *= 1 - (1 - a) * Math.min(1, (t - start) / ramp);
      break;
    }
  }
}

function dropDays(rng: Rng, days: (number | null)[]): void {
  const n = days.length;
  const u = rng.float();
  const rate = u < 0.6 ? 0 : u < 0.9 ? rng.uniform(0.005, 0.02) : rng.uniform(0.05, 0.15);
  for (let t = 0; t < n; t++) if (rate && rng.chance(rate)) days[t] = null;
  if (rng.chance(0.08)) {
    const len = Math.min(n, rng.int(3, 40));
    const at = rng.int(0, n - len);
    for (let t = at; t < at + len; t++) days[t] = null;
  }
}

/** A dataset of customers with daily kWh, round(customers × thiefShare) of them injected thieves. */
export function makeDataset(opts: DatasetOptions): SyntheticRow[] {
  const { customers, days, thiefShare, seed, startDate } = opts;
  if (!Number.isInteger(customers) || customers < 0) throw new RangeError(`customers must be a non-negative integer: ${customers}`);
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer: ${days}`);
  if (!(thiefShare >= 0 && thiefShare <= 1)) throw new RangeError(`thiefShare must be within 0–1: ${thiefShare}`);
  const patterns = opts.patterns ?? THEFT_PATTERNS;
  const realistic = opts.realistic ?? true;
  const info = dayInfo(datasetDates(startDate, days), seed);

  const pick = new Rng((seed ^ 0x7e1f_0001) >>> 0);
  const thieves = new Map<number, TheftPattern>();
  const order = pick.shuffle(Array.from({ length: customers }, (_, i) => i));
  const nThieves = Math.round(customers * thiefShare);
  for (let k = 0; k < nThieves; k++) thieves.set(order[k]!, patterns[k % patterns.length]!);

  const ids = new Set<string>();
  const rows: SyntheticRow[] = [];
  for (let i = 0; i < customers; i++) {
    const rng = customerRng(seed, i, 0x0001_10ad);
    let consNo = rng.hex8() + rng.hex8();
    while (ids.has(consNo)) consNo = rng.hex8() + rng.hex8();
    ids.add(consNo);
    const kind: CustomerKind = rng.chance(0.15) ? 'commercial' : 'residential';
    const x = normalLoad(rng, kind, info);
    if (realistic) confound(customerRng(seed, i, 0x0c0f_0a2d), x);
    const pattern = thieves.get(i) ?? null;
    let startDay: number | null = null;
    if (pattern) {
      const t = customerRng(seed, i, 0x7ef7);
      startDay = t.int(Math.round(days * 0.25), Math.max(Math.round(days * 0.25), Math.round(days * 0.75) - 1));
      injectTheft(x, pattern, startDay, t);
    }
    const out: (number | null)[] = x.map(round2);
    if (realistic) dropDays(customerRng(seed, i, 0x0d15_5edd), out);
    rows.push({ consNo, flag: pattern ? 1 : 0, pattern, kind, startDay, days: out });
  }
  return rows;
}
