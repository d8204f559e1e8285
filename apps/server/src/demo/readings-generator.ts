// Seeded generator of monthly meter readings (R-MTR-01) for a ledger made by generateLedger():
// readings.csv with the columns of IMPORT_COLUMNS.readings (meter_no,period,reading,read_at,method).
//
// Periods: `months` consecutive months from `start` (default DEFAULT_START = '2025-01'). There is
// ONE reading per meter and month and no extra reading before the first month, so the first month
// has no computable consumption (its line loss is not_computable); line loss and consumption are
// computable from the second month on.
//
// `reading` is the cumulative register value with 2 decimals, in register units: consumption kWh =
// Δreading × the meter's multiplier, so the register advances by kWh / multiplier per month. It
// never decreases except at the planted "lower" readings below. `read_at` is a date (YYYY-MM-DD) in
// the last four days of the month; `method` is `actual` except at the planted estimated readings.
//
// Energy model (per month, all drawn from one mulberry32 stream in a fixed order):
// * customers: a per-customer level drawn once (lognormal; residential median ≈ 180 kWh/month,
//   LV non-residential ≈ 900, HV ≈ 60,000), × a seasonal factor (summer peak Jul–Aug, winter peak
//   Dec–Jan, mild spring/autumn; damped for non-residential and HV) × monthly noise (lognormal σ 0.15);
// * area meter = Σ its customers' kWh × (1 + area loss), area loss 3–8 % (a per-area level with
//   ±0.3 % monthly jitter, kept within 2.5–8.5 %, so an ordinary area is always `qualified`);
// * gateway = (Σ its areas' meter kWh + Σ its HV customers' kWh) × (1 + HV loss 2–5 %).
//
// Planted anomalies (deterministic for the seed; returned as `planted` so tests can assert them).
// The three area-level ones go to distinct areas among the quarter with the most LV customers
// (at least 10 each), and only when there are at least 5 such areas:
// * highLossArea: one area whose loss is 12–18 % every month (→ high_loss from month 2);
// * negativeLossArea: one area whose meter under-reads by 3–6 % every month (→ negative_loss);
// * notComputable: one area where ~10 % of the customer meters have no reading in the LAST month
//   (rows omitted; → not_computable for that month, and each such meter is flagged `missed`);
// * estimated / missed / lower: a few single customer readings (≈ 1 per 1,000 customers of each
//   kind, at least 3), all on distinct customer meters of a few "host" areas, in any month
//   (lower: from the second month). An estimated reading carries the true register value (an
//   estimate that happened to be right). A missed reading is an omitted row. A lower reading is
//   the previous month's value minus 0.5–20 units (a misread, flagged `wrong`); the month after
//   it the register reads its true value again. These disturb the host areas' loss in the months
//   they touch, so host areas are not "ordinary".
// * ordinaryAreas: the areas with at least one LV customer and none of the anomalies above; their
//   loss is 3–8 %, i.e. `qualified`, in every month from the second.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IMPORT_COLUMNS } from '@griddesk/shared';
import { daysInPeriod } from '@griddesk/domain';
import { mulberry32, type Ledger } from './generator';

export const DEFAULT_START = '2025-01';

export interface ReadingsOptions {
  /** Number of months (periods); 0 gives no rows. */
  months: number;
  /** First period, YYYY-MM; default DEFAULT_START. */
  start?: string;
  seed: number;
}

export interface PlantedReading {
  meterNo: string;
  period: string;
}

export interface PlantedAnomalies {
  periods: string[];
  highLossArea: string | null;
  negativeLossArea: string | null;
  notComputable: { area: string; period: string; meters: string[] } | null;
  estimated: PlantedReading[];
  missed: PlantedReading[];
  lower: PlantedReading[];
  /** areas holding the estimated / missed / lower readings */
  hostAreas: string[];
  /** areas with LV customers and no planted anomaly: qualified in every month from the second */
  ordinaryAreas: string[];
}

export interface GeneratedReadings {
  planted: PlantedAnomalies;
  /** data rows (excluding the header) the chunks will yield */
  rows: number;
  /** The CSV in pieces: the header first, then a few thousand lines at a time, month by month. */
  chunks(): Generator<string>;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Residential seasonal factor by calendar month (Jan … Dec). */
export const SEASON = [1.25, 1.1, 0.92, 0.82, 0.85, 1.0, 1.35, 1.4, 1.02, 0.84, 0.9, 1.18] as const;
const CHUNK_LINES = 8192;

function periodsFrom(start: string, months: number): string[] {
  const m = PERIOD.exec(start);
  if (!m) throw new RangeError(`start must be YYYY-MM, got ${start}`);
  let y = Number(m[1]);
  let mo = Number(m[2]);
  const out: string[] = [];
  for (let i = 0; i < months; i++) {
    out.push(`${y}-${String(mo).padStart(2, '0')}`);
    if (++mo > 12) {
      mo = 1;
      y++;
    }
  }
  return out;
}

/** Register in hundredths of a unit → "1234.05". */
function fmt(centi: number): string {
  const whole = Math.floor(centi / 100);
  const frac = centi - whole * 100;
  return whole + (frac < 10 ? '.0' : '.') + frac;
}

export function generateReadings(ledger: Ledger, options: ReadingsOptions): GeneratedReadings {
  const { months, seed } = options;
  const start = options.start ?? DEFAULT_START;
  if (!Number.isSafeInteger(months) || months < 0) throw new RangeError(`months must be a whole number >= 0, got ${months}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  const periods = periodsFrom(start, months);
  const rnd = mulberry32((seed ^ 0x5eadb0b5) >>> 0); // its own stream: the ledger's is untouched
  const gauss = (): number => {
    const u = 1 - rnd();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const int = (n: number): number => Math.floor(rnd() * n);

  const { feeders, areas, customers, meters } = ledger;
  const F = feeders.length;
  const A = areas.length;
  const N = customers.length;
  const feederIdx = new Map(feeders.map((f, i) => [f.feeder_code, i]));
  const areaIdx = new Map(areas.map((a, i) => [a.area_code, i]));
  const customerIdx = new Map(customers.map((c, i) => [c.account_no, i]));

  // Customers: area (−1 for HV), feeder, kind (0 residential, 1 LV non-residential, 2 HV), level.
  const custArea = new Int32Array(N);
  const custFeeder = new Int32Array(N);
  const custKind = new Uint8Array(N);
  const custLevel = new Float64Array(N);
  const areaFeeder = new Int32Array(A);
  for (let a = 0; a < A; a++) areaFeeder[a] = feederIdx.get(areas[a]!.feeder_code) ?? -1;
  const areaCustomers: number[][] = Array.from({ length: A }, () => []);
  for (let c = 0; c < N; c++) {
    const cu = customers[c]!;
    const hv = cu.voltage_level === 'HV';
    const a = hv ? -1 : (areaIdx.get(cu.area_code) ?? -1);
    custArea[c] = a;
    custFeeder[c] = hv ? (feederIdx.get(cu.feeder_code) ?? -1) : a >= 0 ? areaFeeder[a]! : -1;
    custKind[c] = hv ? 2 : cu.customer_class === 'residential' ? 0 : 1;
    const [median, sigma] = hv ? [60000, 0.9] : custKind[c] === 1 ? [900, 0.8] : [180, 0.5];
    custLevel[c] = median * Math.exp(sigma * gauss());
    if (a >= 0) areaCustomers[a]!.push(c);
  }
  const areaLoss = new Float64Array(A);
  for (let a = 0; a < A; a++) areaLoss[a] = 0.03 + 0.05 * rnd();
  const feederLoss = new Float64Array(F);
  for (let f = 0; f < F; f++) feederLoss[f] = 0.02 + 0.03 * rnd();

  // Meters: kind 0 customer, 1 area, 2 gateway; `ref` the customer / area / feeder index.
  const M = meters.length;
  const meterKind = new Uint8Array(M);
  const meterRef = new Int32Array(M);
  const meterMult = new Float64Array(M);
  const register = new Float64Array(M); // hundredths of a register unit, exact integers
  const meterOfCustomer = new Int32Array(N).fill(-1);
  for (let i = 0; i < M; i++) {
    const m = meters[i]!;
    meterMult[i] = Number(m.multiplier) || 1;
    if (m.role === 'customer') {
      meterKind[i] = 0;
      const c = customerIdx.get(m.account_no) ?? -1;
      meterRef[i] = c;
      if (c >= 0) meterOfCustomer[c] = i;
    } else if (m.role === 'area') {
      meterKind[i] = 1;
      meterRef[i] = areaIdx.get(m.area_code) ?? -1;
    } else {
      meterKind[i] = 2;
      meterRef[i] = feederIdx.get(m.feeder_code) ?? -1;
    }
    register[i] = 100 * int(m.role === 'customer' ? 40000 : 20000) + int(100);
  }

  // ---- planted anomalies ------------------------------------------------------------------
  const K = periods.length;
  const plan = { highLoss: -1, negLoss: -1, notComp: -1 };
  // candidate areas for area-level anomalies: the ones with the most LV customers (≥ 10 each)
  const byCount = Array.from({ length: A }, (_, a) => a)
    .filter((a) => areaCustomers[a]!.length >= 10)
    .sort((x, y) => areaCustomers[y]!.length - areaCustomers[x]!.length || x - y);
  // (none in a ledger with fewer than 5 such areas, so a tiny demo is not mostly anomalies)
  const pool = byCount.length < 5 ? [] : byCount.slice(0, Math.max(3, Math.ceil(byCount.length / 4)));
  const take = (): number => (pool.length ? pool.splice(int(pool.length), 1)[0]! : -1);
  plan.highLoss = take();
  plan.negLoss = take();
  plan.notComp = K >= 1 ? take() : -1;
  if (plan.highLoss >= 0) areaLoss[plan.highLoss] = 0.12 + 0.06 * rnd();
  if (plan.negLoss >= 0) areaLoss[plan.negLoss] = -(0.03 + 0.03 * rnd());

  /** per meter: the month index of its anomaly (or -1) and which one (1 estimated, 2 missed, 3 lower) */
  const anomalyMonth = new Int16Array(M).fill(-1);
  const anomalyKind = new Uint8Array(M);
  const planted: PlantedAnomalies = {
    periods,
    highLossArea: plan.highLoss >= 0 ? areas[plan.highLoss]!.area_code : null,
    negativeLossArea: plan.negLoss >= 0 ? areas[plan.negLoss]!.area_code : null,
    notComputable: null,
    estimated: [],
    missed: [],
    lower: [],
    hostAreas: [],
    ordinaryAreas: [],
  };
  if (plan.notComp >= 0) {
    const cs = areaCustomers[plan.notComp]!.slice();
    const n = Math.max(1, Math.round(cs.length * 0.1));
    const chosen: string[] = [];
    for (let k = 0; k < n; k++) {
      const c = cs.splice(int(cs.length), 1)[0]!;
      const mi = meterOfCustomer[c]!;
      anomalyMonth[mi] = K - 1;
      anomalyKind[mi] = 2;
      chosen.push(meters[mi]!.meter_no);
    }
    planted.notComputable = { area: areas[plan.notComp]!.area_code, period: periods[K - 1]!, meters: chosen.sort() };
  }
  const special = new Set([plan.highLoss, plan.negLoss, plan.notComp]);
  const hostCandidates = byCount.filter((a) => !special.has(a));
  const hosts: number[] = [];
  const hostCount = Math.min(hostCandidates.length, Math.max(2, Math.ceil(A / 100)));
  for (let k = 0; k < hostCount; k++) hosts.push(hostCandidates.splice(int(hostCandidates.length), 1)[0]!);
  const perKind = K === 0 || hosts.length === 0 ? 0 : Math.max(3, Math.round(N / 1000));
  const hostMeters = hosts.flatMap((a) => areaCustomers[a]!.map((c) => meterOfCustomer[c]!)).filter((mi) => mi >= 0);
  const kinds: [1 | 2 | 3, PlantedReading[]][] = [
    [1, planted.estimated],
    [2, planted.missed],
    [3, planted.lower],
  ];
  for (const [kind, list] of kinds) {
    if (kind === 3 && K < 2) continue;
    for (let k = 0; k < perKind && hostMeters.length > 0; k++) {
      const mi = hostMeters.splice(int(hostMeters.length), 1)[0]!;
      const month = kind === 3 ? 1 + int(K - 1) : int(K);
      anomalyMonth[mi] = month;
      anomalyKind[mi] = kind;
      list.push({ meterNo: meters[mi]!.meter_no, period: periods[month]! });
    }
    list.sort((x, y) => x.period.localeCompare(y.period) || x.meterNo.localeCompare(y.meterNo));
  }
  planted.hostAreas = hosts.map((a) => areas[a]!.area_code).sort();
  const used = new Set([...special, ...hosts]);
  planted.ordinaryAreas = areas.filter((_, a) => !used.has(a) && areaCustomers[a]!.length > 0).map((x) => x.area_code);

  let rows = K * M;
  for (let i = 0; i < M; i++) if (anomalyMonth[i]! >= 0 && anomalyKind[i] === 2) rows--;

  // Month-by-month state; each month is drawn when chunks() reaches it, so only one month's
  // lines are held at a time. chunks() may run once.
  let consumed = false;
  function* chunks(): Generator<string> {
    if (consumed) throw new Error('generateReadings: chunks() already consumed');
    consumed = true;
    yield `${IMPORT_COLUMNS.readings.map((c) => c.key).join(',')}\n`;
    const custKwh = new Float64Array(N);
    const areaKwh = new Float64Array(A);
    const feederKwh = new Float64Array(F);
    const delta = new Float64Array(M);
    for (let k = 0; k < K; k++) {
      const period = periods[k]!;
      const s = SEASON[Number(period.slice(5, 7)) - 1]!;
      const season = [s, 1 + 0.5 * (s - 1), 1 + 0.2 * (s - 1)];
      areaKwh.fill(0);
      feederKwh.fill(0);
      for (let c = 0; c < N; c++) {
        const kwh = custLevel[c]! * season[custKind[c]!]! * Math.exp(0.15 * gauss());
        const mi = meterOfCustomer[c]!;
        let actual = kwh;
        if (mi >= 0) {
          delta[mi] = Math.round((kwh / meterMult[mi]!) * 100);
          actual = (delta[mi]! / 100) * meterMult[mi]!;
        }
        custKwh[c] = actual;
        if (custArea[c]! >= 0) areaKwh[custArea[c]!]! += actual;
        else if (custFeeder[c]! >= 0) feederKwh[custFeeder[c]!]! += actual;
      }
      for (let a = 0; a < A; a++) {
        let loss = areaLoss[a]!;
        if (a !== plan.highLoss && a !== plan.negLoss) loss = Math.min(0.085, Math.max(0.025, loss + 0.003 * gauss()));
        areaKwh[a] = areaKwh[a]! * (1 + loss);
      }
      for (let i = 0; i < M; i++) {
        if (meterKind[i] === 1 && meterRef[i]! >= 0) {
          delta[i] = Math.round((areaKwh[meterRef[i]!]! / meterMult[i]!) * 100);
          const f = areaFeeder[meterRef[i]!]!;
          if (f >= 0) feederKwh[f]! += (delta[i]! / 100) * meterMult[i]!;
        }
      }
      for (let i = 0; i < M; i++) {
        if (meterKind[i] === 2)
          delta[i] = meterRef[i]! >= 0 ? Math.round(((feederKwh[meterRef[i]!]! * (1 + feederLoss[meterRef[i]!]!)) / meterMult[i]!) * 100) : 0;
        else if (meterKind[i] === 0 && meterRef[i]! < 0) delta[i] = 0;
      }
      const last = daysInPeriod(period);
      const prefix = `,${period},`;
      let lines: string[] = [];
      for (let i = 0; i < M; i++) {
        const before = register[i]!;
        register[i] = before + delta[i]!;
        let value = register[i]!;
        let method = 'actual';
        if (anomalyMonth[i] === k) {
          const kind = anomalyKind[i];
          if (kind === 2) continue;
          if (kind === 1) method = 'estimated';
          else value = Math.max(0, before - 50 - int(1951));
        }
        const day = last - int(4);
        lines.push(`${meters[i]!.meter_no + prefix + fmt(value)},${period}${day < 10 ? '-0' : '-'}${day},${method}`);
        if (lines.length >= CHUNK_LINES) {
          yield `${lines.join('\n')}\n`;
          lines = [];
        }
      }
      if (lines.length) yield `${lines.join('\n')}\n`;
    }
  }
  return { planted, rows, chunks };
}

/** CSV text of the readings (header + rows); for small ledgers and tests. */
export function readingsCsv(ledger: Ledger, options: ReadingsOptions): { csv: string; planted: PlantedAnomalies; rows: number } {
  const g = generateReadings(ledger, options);
  return { csv: Array.from(g.chunks()).join(''), planted: g.planted, rows: g.rows };
}

/** Streams readings.csv into dir (creating it); nothing is written when months is 0. */
export async function writeReadingsCsv(
  dir: string,
  ledger: Ledger,
  options: ReadingsOptions,
): Promise<{ rows: number; planted: PlantedAnomalies; path: string | null }> {
  const g = generateReadings(ledger, options);
  if (options.months === 0) return { rows: 0, planted: g.planted, path: null };
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'readings.csv');
  await pipeline(Readable.from(g.chunks()), createWriteStream(path));
  return { rows: g.rows, planted: g.planted, path };
}
