// R-MTR-06: the electricity-theft screening — a ranked, explained list of suspects.
//
// Each customer gets a set of signals, each with a strength in [0, 1] and an explanation in
// Chinese and English; the score combines them as a "noisy OR": score = 1 − Π (1 − weight × strength),
// so one strong signal is enough to rank a customer high, several weaker ones add up, and the score
// stays within [0, 1). Weights (DEFAULT_THEFT_WEIGHTS) and thresholds (DEFAULT_THEFT_THRESHOLDS) are
// data: a station can tune them without touching the code. No label is used anywhere: nothing here
// is trained, every signal is a rule an inspector can check on the customer's curve.
//
// Signals from the daily series alone (the plain daily-consumption file has nothing else):
//   own_drop        the customer's level after a change point vs its own level before it, with the
//                   seasonality every customer shares divided out (the population's median profile)
//   peer_drop       the same change compared with all customers' changes over the same dates:
//                   how unusual the drop is among peers (robust z, percentile)
//   zero_windows    stretches of (near-)zero use amid otherwise normal use
//   flat            stretches of nearly constant use (a curve flattened to its mean)
//   capped          many days sitting at exactly the same maximum (a curve cut at a cap)
//   pattern_loss    day-to-day swings far larger than before: the weekday and seasonal pattern is
//                   replaced by noise (random daily fractions)
// Signals from other records, when the caller has them:
//   reversed_reading  negative daily use (the register went backwards) or reversal events
//   meter_events      meter events (cover opened, magnetic interference, phase loss …)
//   area_loss_rise    the customer's transformer area's line-loss rate rose (stronger when the
//                     customer's own use dropped at the same time)
// Missing data is never evidence: missing days are skipped by every signal, and a customer with
// too few observed days is not scored at all (score 0, `insufficientData`).
import { THEFT_SIGNALS, type TheftSignalName } from '@griddesk/shared';
import { addDays } from '../time/shanghai';
import {
  adjusted,
  ceiling,
  coCorrelation,
  coPrefix,
  flatStretches,
  grid,
  jumpiness,
  median,
  medianProfile,
  prefix,
  ramp,
  split,
  zeroRuns,
  type Split,
} from './theft-signals';

// the signal names are the API's (packages/shared metering/theft.ts)
export { THEFT_SIGNALS, type TheftSignalName };

/** How much a signal at full strength contributes (0–1): its "probability" in the noisy OR. */
export type TheftWeights = Record<TheftSignalName, number>;

export const DEFAULT_THEFT_WEIGHTS: TheftWeights = {
  own_drop: 0.55,
  peer_drop: 0.45,
  zero_windows: 0.75,
  flat: 0.9,
  capped: 0.85,
  pattern_loss: 0.7,
  reversed_reading: 0.85,
  meter_events: 0.6,
  area_loss_rise: 0.35,
};

export interface TheftThresholds {
  /** customers with fewer observed days (or a smaller share of the period) are not scored */
  minObservedDays: number;
  minObservedShare: number;
  /** change points are tried every `scanStepDays`, with at least `minSegmentDays` observed days each side */
  scanStepDays: number;
  minSegmentDays: number;
  /** the seasonally adjusted series is capped at this multiple of its median (one-day spikes) */
  winsorize: number;
  /** drop = 1 − after/before; strength ramps from `dropFrom` to `dropFull`, scaled by the t of the split */
  ownDrop: { dropFrom: number; dropFull: number; tFrom: number; tFull: number };
  /** robust z of the customer's after/before ratio among all customers' ratios over the same dates */
  peerDrop: { zFrom: number; zFull: number; minCustomers: number };
  /** a day is near zero at or below max(absLevel, relLevel × the customer's median use) */
  zero: { absLevel: number; relLevel: number; minRun: number; minActiveShare: number; shareFrom: number; shareFull: number; singleRunFactor: number };
  /** windows of `window` observed days with a coefficient of variation at most `maxCv` */
  flat: { window: number; maxCv: number; shareFrom: number; shareFull: number };
  /** days within ±tolerance of the most repeated upper value; few above it, enough clearly below it */
  capped: {
    tolerance: number;
    minQuantile: number;
    belowMargin: number;
    maxAboveShare: number;
    minBelowShare: number;
    minDays: number;
    shareFrom: number;
    shareFull: number;
  };
  /**
   * ratio of day-to-day jumpiness after / before the split, scaled by the t of that rise; and the robust z, among all customers
   * over the same split, of the fall in correlation with the common (weekday + seasonal) profile
   */
  patternLoss: { ratioFrom: number; ratioFull: number; tFrom: number; tFull: number; corrZFrom: number; corrZFull: number };
  /** number of reversals for full strength */
  reversed: { countFull: number };
  /** per-kind weight of a meter event (unknown kinds weigh `otherKind`); the sum for full strength */
  events: { kinds: Record<string, number>; otherKind: number; full: number };
  /** rise of the area loss rate (fraction, 0.01 = one percentage point) */
  areaLoss: { riseFrom: number; riseFull: number; withoutDropFactor: number };
}

export const DEFAULT_THEFT_THRESHOLDS: TheftThresholds = {
  minObservedDays: 56,
  minObservedShare: 0.2,
  scanStepDays: 7,
  minSegmentDays: 28,
  winsorize: 4,
  ownDrop: { dropFrom: 0.15, dropFull: 0.6, tFrom: 2, tFull: 6 },
  peerDrop: { zFrom: 2, zFull: 5, minCustomers: 20 },
  zero: { absLevel: 0.01, relLevel: 0.03, minRun: 3, minActiveShare: 0.5, shareFrom: 0.01, shareFull: 0.1, singleRunFactor: 0.6 },
  flat: { window: 14, maxCv: 0.02, shareFrom: 0.03, shareFull: 0.2 },
  capped: { tolerance: 0.002, minQuantile: 0.25, belowMargin: 0.03, maxAboveShare: 0.02, minBelowShare: 0.15, minDays: 6, shareFrom: 0.03, shareFull: 0.15 },
  patternLoss: { ratioFrom: 1.8, ratioFull: 3, tFrom: 2, tFull: 4, corrZFrom: 3, corrZFull: 6 },
  reversed: { countFull: 2 },
  events: {
    kinds: {
      cover_open: 1,
      terminal_cover_open: 1,
      magnetic_interference: 1,
      reverse_power: 1,
      bypass: 1,
      phase_loss: 0.5,
      voltage_loss: 0.5,
      current_imbalance: 0.4,
      clock_error: 0.2,
      power_failure: 0.1,
    },
    otherKind: 0.3,
    full: 2,
  },
  areaLoss: { riseFrom: 0.01, riseFull: 0.05, withoutDropFactor: 0.4 },
};

const EVENT_ZH: Record<string, string> = {
  cover_open: '开表盖',
  terminal_cover_open: '开端钮盒',
  magnetic_interference: '恒定磁场干扰',
  reverse_power: '功率反向',
  bypass: '短接/旁路',
  phase_loss: '断相',
  voltage_loss: '失压',
  current_imbalance: '电流不平衡',
  clock_error: '时钟异常',
  power_failure: '停电',
  reversed_reading: '示数倒走',
};

export interface MeterEvent {
  /** e.g. cover_open, magnetic_interference, phase_loss, reversed_reading */
  kind: string;
  /** index into days, when known */
  day?: number;
}

export interface TheftInput {
  consNo: string;
  /** daily kWh from the first day on; null = missing; a negative value is a reversed reading */
  days: readonly (number | null)[];
  /** transformer area (台区) code, to match opts.areaLoss */
  area?: string;
  events?: readonly MeterEvent[];
}

export interface AreaLossChange {
  /** line-loss rate (fraction) before and after */
  before: number;
  after: number;
  /** the day index from which the higher loss holds, when known */
  day?: number;
}

export interface TheftOptions {
  weights?: Partial<TheftWeights>;
  thresholds?: { [K in keyof TheftThresholds]?: TheftThresholds[K] extends object ? Partial<TheftThresholds[K]> : TheftThresholds[K] };
  /** YYYY-MM-DD of days[0]: explanations then name dates instead of day numbers */
  startDate?: string;
  areaLoss?: Readonly<Record<string, AreaLossChange>>;
}

export interface Explanation {
  zh: string;
  en: string;
}

export interface TheftSignal {
  name: TheftSignalName;
  /** 0–1 */
  strength: number;
  /** weight × strength: what the signal adds in the noisy OR */
  contribution: number;
  detail: Explanation;
}

export interface TheftScore {
  consNo: string;
  /** 0–1, higher = more suspicious */
  score: number;
  /** the signals that fired (strength > 0), strongest contribution first */
  signals: TheftSignal[];
  /** too few observed days to judge: not scored */
  insufficientData?: boolean;
}

function resolve(opts: TheftOptions | undefined): { w: TheftWeights; th: TheftThresholds } {
  const w = { ...DEFAULT_THEFT_WEIGHTS, ...(opts?.weights ?? {}) };
  const th = { ...DEFAULT_THEFT_THRESHOLDS } as Record<string, unknown>;
  for (const [k, v] of Object.entries(opts?.thresholds ?? {})) {
    const d = (DEFAULT_THEFT_THRESHOLDS as unknown as Record<string, unknown>)[k];
    th[k] = d && typeof d === 'object' && v && typeof v === 'object' ? { ...d, ...v } : v;
  }
  return { w, th: th as unknown as TheftThresholds };
}

const pct = (v: number) => `${Math.round(v * 100)}%`;
const pct1 = (v: number) => `${(v * 100).toFixed(1)}%`;
const kwh = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** Per grid split: every scored customer's after/before ratio, sorted, with median and MAD. */
interface PeerStats {
  sorted: Float64Array;
  median: number;
  mad: number;
}

function quantileRank(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length ? lo / sorted.length : NaN;
}

/**
 * Score every customer. Deterministic: the same input (in any order) gives the same scores; the
 * result is sorted by score, highest first, ties by consNo.
 */
export function scoreCustomers(input: readonly TheftInput[], opts?: TheftOptions): TheftScore[] {
  const { w, th } = resolve(opts);
  const T = input.reduce((m, c) => Math.max(m, c.days.length), 0);
  const dayName = (d: number) => (opts?.startDate ? addDays(opts.startDate, d) : `day ${d + 1}`);
  const dayNameZh = (d: number) => (opts?.startDate ? addDays(opts.startDate, d) : `第 ${d + 1} 天`);

  // Series as numbers: missing and negative days are NaN (negatives are counted as reversals).
  const reversals: number[] = [];
  const series = input.map((c) => {
    const x = new Float64Array(T).fill(NaN);
    let rev = 0;
    c.days.forEach((v, t) => {
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      if (v < 0) rev++;
      else x[t] = v;
    });
    reversals.push(rev);
    return x;
  });
  const observed = series.map((x) => x.reduce((n, v) => n + (Number.isFinite(v) ? 1 : 0), 0));
  const scored = observed.map((n) => n >= th.minObservedDays && n >= th.minObservedShare * T);

  // The population's median profile over the customers that are scored.
  const profile = medianProfile(
    series.filter((_, i) => scored[i]),
    T,
  );
  const ks = grid(T, th.scanStepDays);
  // Per customer, the seasonally adjusted series and its running sums; rebuilt when needed rather
  // than kept for everyone, so memory stays at the series themselves (SGCC-sized files too).
  const prep = (i: number) => {
    if (!scored[i]) return null;
    const r = adjusted(series[i]!, profile, th.winsorize);
    return {
      pf: prefix(r),
      co: coPrefix(
        r.map((v, t) => v * profile[t]!),
        profile,
      ),
    };
  };
  // The fall in correlation with the common profile across a split, as a Fisher z statistic so that
  // a segment with few observed days (a gap, missing data) weighs as little as it deserves.
  const corrLoss = (c: ReturnType<typeof coPrefix>, k: number) => {
    const nb = c.n[k]!;
    const na = c.n[T]! - nb;
    const rb = coCorrelation(c, 0, k);
    const ra = coCorrelation(c, k, T);
    if (!(nb > 3 && na > 3) || !Number.isFinite(rb) || !Number.isFinite(ra)) return NaN;
    const fz = (r: number) => Math.atanh(Math.max(-0.999, Math.min(0.999, r)));
    return (fz(rb) - fz(ra)) / Math.sqrt(1 / (nb - 3) + 1 / (na - 3));
  };

  // Peers: at each split of the grid, the distribution over all scored customers of the
  // after/before ratio and of the fall in correlation with the common profile (before − after).
  const ratioAt: number[][] = ks.map(() => []);
  const lossAt: number[][] = ks.map(() => []);
  for (let i = 0; i < series.length; i++) {
    const pc = prep(i);
    if (!pc) continue;
    ks.forEach((k, j) => {
      const s = split(pc.pf, k);
      if (s.nBefore < th.minSegmentDays || s.nAfter < th.minSegmentDays) return;
      if (Number.isFinite(s.ratio)) ratioAt[j]!.push(s.ratio);
      const l = corrLoss(pc.co, k);
      if (Number.isFinite(l)) lossAt[j]!.push(l);
    });
  }
  const peer: (PeerStats | null)[] = ratioAt.map((ratios) => {
    if (ratios.length < th.peerDrop.minCustomers) return null;
    const sorted = Float64Array.from(ratios).sort();
    const med = median(sorted);
    const mad = median(sorted.map((v) => Math.abs(v - med)));
    return { sorted, median: med, mad };
  });
  const corrPeer = lossAt.map((v) => {
    if (v.length < th.peerDrop.minCustomers) return null;
    const med = median(v);
    return { median: med, mad: median(v.map((q) => Math.abs(q - med))) };
  });

  const results = input.map((c, i): TheftScore => {
    const x = series[i]!;
    const pc = prep(i);
    const pf = pc?.pf;
    const signals: { name: TheftSignalName; strength: number; detail: Explanation }[] = [];
    const add = (name: TheftSignalName, strength: number, detail: Explanation) => {
      if (strength > 0) signals.push({ name, strength, detail });
    };

    // Records other than the series count even when the series is too short to judge.
    const eventCounts = new Map<string, number>();
    for (const e of c.events ?? []) eventCounts.set(e.kind, (eventCounts.get(e.kind) ?? 0) + 1);
    const rev = reversals[i]! + (eventCounts.get('reversed_reading') ?? 0);
    if (rev > 0) {
      add('reversed_reading', ramp(rev, 0, th.reversed.countFull), {
        en: `${rev} reversed reading${rev > 1 ? 's' : ''} (negative daily use: the register went backwards)`,
        zh: `示数倒走 ${rev} 次（日用电量为负，电能表反转）`,
      });
    }
    eventCounts.delete('reversed_reading');
    if (eventCounts.size) {
      const kinds = [...eventCounts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const sum = kinds.reduce((s, [k, n]) => s + n * (Object.hasOwn(th.events.kinds, k) ? th.events.kinds[k]! : th.events.otherKind), 0);
      add('meter_events', ramp(sum, 0, th.events.full), {
        en: `meter events: ${kinds.map(([k, n]) => `${k} ×${n}`).join(', ')}`,
        zh: `电能表事件：${kinds.map(([k, n]) => `${Object.hasOwn(EVENT_ZH, k) ? EVENT_ZH[k] : k} ×${n}`).join('，')}`,
      });
    }

    let drop: Split | null = null;
    let dropStrength = 0;
    if (pf) {
      // own_drop: the strongest downward change point of the seasonally adjusted series.
      let best: Split | null = null;
      let bestJ = -1;
      for (let j = 0; j < ks.length; j++) {
        const s = split(pf, ks[j]!);
        if (s.nBefore < th.minSegmentDays || s.nAfter < th.minSegmentDays) continue;
        if (s.meanAfter < s.meanBefore && (!best || s.t > best.t)) {
          best = s;
          bestJ = j;
        }
      }
      if (best && best.meanBefore > 0) {
        drop = best;
        const d = 1 - best.ratio;
        dropStrength = ramp(d, th.ownDrop.dropFrom, th.ownDrop.dropFull) * ramp(best.t, th.ownDrop.tFrom, th.ownDrop.tFull);
        add('own_drop', dropStrength, {
          en: `from ${dayName(best.day)} use fell to ${pct(best.ratio)} of its own earlier level (seasonally adjusted; ${best.nAfter} days after vs ${best.nBefore} before, t = ${best.t.toFixed(1)})`,
          zh: `自 ${dayNameZh(best.day)} 起用电量降至自身此前水平的 ${pct(best.ratio)}（已剔除季节因素；之后 ${best.nAfter} 天、之前 ${best.nBefore} 天，t = ${best.t.toFixed(1)}）`,
        });
        const ps = peer[bestJ];
        if (ps && ps.mad > 0) {
          const z = (ps.median - best.ratio) / (1.4826 * ps.mad);
          const below = 1 - quantileRank(ps.sorted, best.ratio);
          const s = ramp(z, th.peerDrop.zFrom, th.peerDrop.zFull);
          dropStrength = Math.max(dropStrength, s);
          add('peer_drop', s, {
            en: `over the same dates peers kept ${pct(ps.median)} of their level (median); its ${pct(best.ratio)} is lower than ${pct1(below)} of them (robust z = ${z.toFixed(1)})`,
            zh: `同期全体用户（中位数）保持在自身水平的 ${pct(ps.median)}，该户 ${pct(best.ratio)}，低于 ${pct1(below)} 的用户（稳健 z 值 ${z.toFixed(1)}）`,
          });
        }
      }

      // zero_windows: near-zero runs amid normal use.
      const med = median(x);
      const level = Math.max(th.zero.absLevel, th.zero.relLevel * Math.max(med, 0));
      const zr = zeroRuns(x, level, th.zero.minRun);
      const n = observed[i]!;
      let active = 0;
      let activeSum = 0;
      for (let t = 0; t < T; t++)
        if (Number.isFinite(x[t]!) && x[t]! > level) {
          active++;
          activeSum += x[t]!;
        }
      if (zr.runs > 0 && active >= th.zero.minActiveShare * n) {
        const s = ramp(zr.days / n, th.zero.shareFrom, th.zero.shareFull) * (zr.runs >= 2 ? 1 : th.zero.singleRunFactor);
        add('zero_windows', s, {
          en: `${zr.runs} stretch${zr.runs > 1 ? 'es' : ''} of near-zero use (≤ ${kwh(level)} kWh/day), ${zr.days} days in all from ${dayName(zr.firstDay!)}, amid normal use of ${kwh(activeSum / active)} kWh/day`,
          zh: `自 ${dayNameZh(zr.firstDay!)} 起有 ${zr.runs} 段近零用电（≤ ${kwh(level)} kWh/日），共 ${zr.days} 天，其余日均 ${kwh(activeSum / active)} kWh`,
        });
      }

      // capped: many days at the same maximum, variation below it, nothing above.
      const cp = ceiling(x, th.capped.tolerance, th.capped.minQuantile, th.capped.belowMargin, th.capped.maxAboveShare);
      const capped = cp && cp.days >= th.capped.minDays && cp.aboveShare <= th.capped.maxAboveShare && cp.belowShare >= th.capped.minBelowShare ? cp : null;
      // Days held at a cap also look flat; when the flat stretches sit at the cap they are the cap.
      const fl = flatStretches(x, th.flat.window, th.flat.maxCv, level);
      const flatIsCap = capped !== null && fl.days > 0 && Math.abs(fl.level - capped.value) <= 0.02 * capped.value;
      if (capped) {
        const sCap = ramp(capped.days / n, th.capped.shareFrom, th.capped.shareFull);
        add('capped', flatIsCap ? Math.max(sCap, ramp(fl.days / n, th.flat.shareFrom, th.flat.shareFull)) : sCap, {
          en: `${capped.days} days sit at the same maximum of ${kwh(capped.value)} kWh from ${dayName(capped.firstDay)}, with ${pct(capped.aboveShare)} of days above it and ${pct(capped.belowShare)} clearly below`,
          zh: `自 ${dayNameZh(capped.firstDay)} 起有 ${capped.days} 天恰好停在同一上限 ${kwh(capped.value)} kWh，高于此值的仅 ${pct(capped.aboveShare)}，明显低于的 ${pct(capped.belowShare)}`,
        });
      }

      // flat: nearly constant stretches.
      if (fl.days > 0 && !flatIsCap) {
        add('flat', ramp(fl.days / n, th.flat.shareFrom, th.flat.shareFull), {
          en: `use is nearly constant (variation ≤ ${pct(th.flat.maxCv)}) on ${fl.days} days from ${dayName(fl.firstDay!)}, at about ${kwh(fl.level)} kWh/day`,
          zh: `自 ${dayNameZh(fl.firstDay!)} 起有 ${fl.days} 天用电几乎恒定（波动 ≤ ${pct(th.flat.maxCv)}），约 ${kwh(fl.level)} kWh/日`,
        });
      }

      // pattern_loss: day-to-day swings after a split far larger than before it, or the customer's
      // co-movement with the common weekday/seasonal profile lost far more than peers' over the split.
      let bestRatio = 0;
      let bestK = -1;
      let sJump = 0;
      let bestZ = 0;
      let zK = -1;
      let zCorr = { before: NaN, after: NaN };
      const co = pc!.co;
      ks.forEach((k, j) => {
        const s = split(pf, k);
        if (s.nBefore < th.minSegmentDays || s.nAfter < th.minSegmentDays) return;
        const jm = jumpiness(pf, k);
        // pairs of consecutive observed days: with many days missing there are too few to judge
        const ratio = jm.pairsBefore >= th.minSegmentDays && jm.pairsAfter >= th.minSegmentDays ? jm.after / jm.before : NaN;
        const sj = ramp(ratio, th.patternLoss.ratioFrom, th.patternLoss.ratioFull) * ramp(jm.t, th.patternLoss.tFrom, th.patternLoss.tFull);
        if (sj > sJump) {
          sJump = sj;
          bestRatio = ratio;
          bestK = k;
        }
        const cp = corrPeer[j];
        const l = corrLoss(co, k);
        if (cp && cp.mad > 0 && Number.isFinite(l)) {
          const z = (l - cp.median) / (1.4826 * cp.mad);
          if (z > bestZ) {
            bestZ = z;
            zK = k;
            zCorr = { before: coCorrelation(co, 0, k), after: coCorrelation(co, k, T) };
          }
        }
      });
      const sCorr = zK >= 0 ? ramp(bestZ, th.patternLoss.corrZFrom, th.patternLoss.corrZFull) : 0;
      if (sJump > 0 || sCorr > 0) {
        const en: string[] = [];
        const zh: string[] = [];
        if (sJump > 0) {
          en.push(`from ${dayName(bestK)} day-to-day swings are ${bestRatio.toFixed(1)}× those before`);
          zh.push(`自 ${dayNameZh(bestK)} 起日间波动为此前的 ${bestRatio.toFixed(1)} 倍`);
        }
        if (sCorr > 0) {
          en.push(
            `from ${dayName(zK)} its correlation with the common weekday/seasonal profile fell from ${zCorr.before.toFixed(2)} to ${zCorr.after.toFixed(2)} (robust z among peers over the same dates = ${bestZ.toFixed(1)})`,
          );
          zh.push(
            `自 ${dayNameZh(zK)} 起与全体用户共同的周内/季节曲线的相关系数由 ${zCorr.before.toFixed(2)} 降至 ${zCorr.after.toFixed(2)}（与同期用户相比稳健 z 值 ${bestZ.toFixed(1)}）`,
          );
        }
        add('pattern_loss', Math.max(sJump, sCorr), {
          en: `${en.join('; ')}: its weekday and seasonal pattern is lost`,
          zh: `${zh.join('；')}：周内及季节用电规律消失`,
        });
      }
    }

    // area_loss_rise: the area's loss rose; stronger when this customer's use dropped with it.
    const al = c.area !== undefined ? opts?.areaLoss?.[c.area] : undefined;
    if (al) {
      const rise = al.after - al.before;
      const coincide = dropStrength > 0 && (al.day === undefined || !drop || Math.abs(al.day - drop.day) <= 2 * th.scanStepDays + 14);
      const s =
        ramp(rise, th.areaLoss.riseFrom, th.areaLoss.riseFull) *
        (coincide ? Math.max(th.areaLoss.withoutDropFactor, dropStrength) : th.areaLoss.withoutDropFactor);
      add('area_loss_rise', s, {
        en: `area ${c.area} line loss rose from ${pct1(al.before)} to ${pct1(al.after)}${al.day !== undefined ? ` from ${dayName(al.day)}` : ''}${coincide ? ", as this customer's use dropped" : ''}`,
        zh: `所在台区 ${c.area} 线损率${al.day !== undefined ? `自 ${dayNameZh(al.day)} 起` : ''}由 ${pct1(al.before)} 升至 ${pct1(al.after)}${coincide ? '，与该户用电下降同时发生' : ''}`,
      });
    }

    let keep = 1;
    const out: TheftSignal[] = signals.map((s) => {
      const contribution = w[s.name] * s.strength;
      keep *= 1 - contribution;
      return { name: s.name, strength: s.strength, contribution, detail: s.detail };
    });
    out.sort((a, b) => b.contribution - a.contribution || (a.name < b.name ? -1 : 1));
    const result: TheftScore = { consNo: c.consNo, score: 1 - keep, signals: out };
    if (!scored[i]) result.insufficientData = true;
    return result;
  });

  return results.sort((a, b) => b.score - a.score || (a.consNo < b.consNo ? -1 : a.consNo > b.consNo ? 1 : 0));
}
