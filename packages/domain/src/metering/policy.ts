// The metering policy: every threshold the line-loss job, the reading flags, the watch list and
// the theft screening use, as one versioned document an administrator can change (R-MTR-02,
// R-MTR-04, R-MTR-05, R-MTR-06). checkMeteringPolicy names each bad field in zh and en.
import { DEFAULT_LINE_LOSS_POLICY, LOSS_LEVELS, type LineLossPolicy } from './line-loss';
import { DEFAULT_THEFT_WEIGHTS, THEFT_SIGNALS, type TheftWeights } from './theft';

export interface ReadingFlagPolicy {
  /** a consumption above this multiple of the meter's own median monthly consumption is implausible */
  jumpFactor: number;
  /** … and above this many kWh, so that small meters are not flagged for noise */
  jumpMinKwh: number;
  /** months of history the median is taken over */
  historyMonths: number;
}

export interface MeteringPolicy {
  lineLoss: LineLossPolicy;
  readingFlags: ReadingFlagPolicy;
  /** an area not qualified for this many consecutive months goes on the watch list (R-MTR-05) */
  watch: { minStreak: number };
  /** a reading taken more than this many days from its segment's scheduled day is off schedule (R-MTR-01) */
  schedule: { toleranceDays: number };
  /** large customers (R-MTR-06 大宗用户): HV, or at least this many kWh in the month; a month-on-month
   *  or year-on-year change beyond `swing` (a fraction) marks a large swing to analyse */
  largeCustomers: { minMonthlyKwh: number; swing: number };
  theft: {
    weights: TheftWeights;
    /** months of history a screening run looks at */
    windowMonths: number;
    /** suspects below this score are not listed */
    minScore: number;
  };
}

export const DEFAULT_READING_FLAG_POLICY: ReadingFlagPolicy = { jumpFactor: 5, jumpMinKwh: 200, historyMonths: 12 };

export const DEFAULT_METERING_POLICY: MeteringPolicy = {
  lineLoss: DEFAULT_LINE_LOSS_POLICY,
  readingFlags: DEFAULT_READING_FLAG_POLICY,
  watch: { minStreak: 2 },
  schedule: { toleranceDays: 1 },
  largeCustomers: { minMonthlyKwh: 10_000, swing: 0.3 },
  theft: { weights: DEFAULT_THEFT_WEIGHTS, windowMonths: 12, minScore: 0.3 },
};

/**
 * A stored policy read with today's shape: sections added in a later release take their defaults,
 * so a version published before them still works.
 */
export function withPolicyDefaults(stored: Partial<MeteringPolicy>): MeteringPolicy {
  const d = DEFAULT_METERING_POLICY;
  return {
    lineLoss: { ...d.lineLoss, ...stored.lineLoss, target: { ...d.lineLoss.target, ...stored.lineLoss?.target } },
    readingFlags: { ...d.readingFlags, ...stored.readingFlags },
    watch: { ...d.watch, ...stored.watch },
    schedule: { ...d.schedule, ...stored.schedule },
    largeCustomers: { ...d.largeCustomers, ...stored.largeCustomers },
    theft: { ...d.theft, ...stored.theft, weights: { ...d.theft.weights, ...stored.theft?.weights } },
  };
}

/** Exactly the policy's fields: keys a client adds are not stored. Call after checkMeteringPolicy. */
export function pickPolicy(p: MeteringPolicy): MeteringPolicy {
  const t = p.lineLoss.target;
  const w = p.theft.weights;
  return {
    lineLoss: { minCoverage: p.lineLoss.minCoverage, target: { area: t.area, feeder: t.feeder, station: t.station, county: t.county } },
    readingFlags: { jumpFactor: p.readingFlags.jumpFactor, jumpMinKwh: p.readingFlags.jumpMinKwh, historyMonths: p.readingFlags.historyMonths },
    watch: { minStreak: p.watch.minStreak },
    schedule: { toleranceDays: p.schedule.toleranceDays },
    largeCustomers: { minMonthlyKwh: p.largeCustomers.minMonthlyKwh, swing: p.largeCustomers.swing },
    theft: { weights: Object.fromEntries(THEFT_SIGNALS.map((k) => [k, w[k]])) as TheftWeights, windowMonths: p.theft.windowMonths, minScore: p.theft.minScore },
  };
}

export interface PolicyProblem {
  field: string;
  reason: string;
  reasonZh: string;
}

function num(v: unknown, field: string, min: number, max: number, out: PolicyProblem[], integer = false): void {
  const ok = typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
  if (!ok) {
    const kind = integer ? 'a whole number' : 'a number';
    out.push({ field, reason: `must be ${kind} from ${min} to ${max}`, reasonZh: `须为 ${min} 至 ${max} 之间的${integer ? '整数' : '数值'}` });
  }
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

export function checkMeteringPolicy(def: unknown): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  if (typeof def !== 'object' || def === null) return [{ field: 'definition', reason: 'must be an object', reasonZh: '须为对象' }];
  const p = obj(def);
  const ll = obj(p.lineLoss);
  num(ll.minCoverage, 'definition.lineLoss.minCoverage', 0, 1, out);
  for (const level of LOSS_LEVELS) num(obj(ll.target)[level], `definition.lineLoss.target.${level}`, 0, 1, out);
  const rf = obj(p.readingFlags);
  num(rf.jumpFactor, 'definition.readingFlags.jumpFactor', 1, 1000, out);
  num(rf.jumpMinKwh, 'definition.readingFlags.jumpMinKwh', 0, 1e9, out);
  num(rf.historyMonths, 'definition.readingFlags.historyMonths', 1, 60, out, true);
  num(obj(p.watch).minStreak, 'definition.watch.minStreak', 1, 24, out, true);
  num(obj(p.schedule).toleranceDays, 'definition.schedule.toleranceDays', 0, 15, out, true);
  const lc = obj(p.largeCustomers);
  num(lc.minMonthlyKwh, 'definition.largeCustomers.minMonthlyKwh', 0, 1e9, out);
  num(lc.swing, 'definition.largeCustomers.swing', 0.01, 10, out);
  const th = obj(p.theft);
  for (const s of THEFT_SIGNALS) num(obj(th.weights)[s], `definition.theft.weights.${s}`, 0, 1, out);
  num(th.windowMonths, 'definition.theft.windowMonths', 3, 36, out, true);
  num(th.minScore, 'definition.theft.minScore', 0, 1, out);
  return out;
}
