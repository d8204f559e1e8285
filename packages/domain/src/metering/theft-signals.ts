// R-MTR-06: the signals of the theft screening, each computed from one customer's daily series
// (and, for the peer signals, from the population's median profile). Pure arithmetic; theft.ts
// turns the facts these return into strengths, a score and the explanation.
//
// Conventions: a series is a Float64Array of daily kWh with NaN for a missing day. Missing days
// are never evidence: every count, mean and window below is taken over observed days only, and a
// missing day neither starts, ends nor breaks a run.

/** Median of the finite values (NaN when there are none). Sorts a typed copy. */
export function median(values: ArrayLike<number>): number {
  const a = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) a[n++] = v;
  }
  if (!n) return NaN;
  const s = a.subarray(0, n).sort();
  const m = n >> 1;
  return n % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** linear ramp: 0 at or below `from`, 1 at or above `full` */
export function ramp(v: number, from: number, full: number): number {
  if (!Number.isFinite(v)) return 0;
  if (full === from) return v >= full ? 1 : 0;
  return Math.max(0, Math.min(1, (v - from) / (full - from)));
}

/**
 * The population's median profile: for each day, the median over customers of the day's use
 * divided by that customer's mean use, rescaled to mean 1 over the days. It carries what every
 * customer shares — season, weather, weekday, holidays — so dividing a customer's series by it
 * leaves the customer's own level. Days with no data at all get NaN.
 */
export function medianProfile(series: readonly Float64Array[], days: number, minCustomers = 1): Float64Array {
  const level = series.map((x) => {
    let s = 0;
    let n = 0;
    for (let t = 0; t < x.length; t++)
      if (Number.isFinite(x[t]!)) {
        s += x[t]!;
        n++;
      }
    return n ? s / n : 0;
  });
  const p = new Float64Array(days).fill(NaN);
  const col = new Float64Array(series.length);
  for (let t = 0; t < days; t++) {
    let n = 0;
    for (let i = 0; i < series.length; i++) {
      const v = series[i]![t];
      if (v !== undefined && Number.isFinite(v) && level[i]! > 0) col[n++] = v / level[i]!;
    }
    if (n < minCustomers) continue;
    const sorted = col.subarray(0, n).sort();
    const m = n >> 1;
    p[t] = n % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
  }
  let s = 0;
  let n = 0;
  for (let t = 0; t < days; t++)
    if (Number.isFinite(p[t]!) && p[t]! > 0) {
      s += p[t]!;
      n++;
    }
  const mean = n ? s / n : 1;
  for (let t = 0; t < days; t++) p[t] = Number.isFinite(p[t]!) && p[t]! > 0 ? p[t]! / mean : NaN;
  return p;
}

/** The series divided by the profile (seasonally adjusted), winsorised at `cap` × its median. */
export function adjusted(x: Float64Array, profile: Float64Array, cap: number): Float64Array {
  const r = new Float64Array(x.length);
  for (let t = 0; t < x.length; t++) {
    const p = profile[t];
    r[t] = p !== undefined && Number.isFinite(p) && Number.isFinite(x[t]!) ? x[t]! / p : NaN;
  }
  const m = median(r);
  if (m > 0) for (let t = 0; t < r.length; t++) if (r[t]! > cap * m) r[t] = cap * m;
  return r;
}

/** Running sums over observed days, so any before/after split costs O(1). */
export interface Prefix {
  n: Float64Array;
  s1: Float64Array;
  s2: Float64Array;
  /** |r[t] − r[t−1]| over pairs of consecutive observed days, and the number of such pairs */
  jump: Float64Array;
  jump2: Float64Array;
  pairs: Float64Array;
}

export function prefix(r: Float64Array): Prefix {
  const T = r.length;
  const n = new Float64Array(T + 1);
  const s1 = new Float64Array(T + 1);
  const s2 = new Float64Array(T + 1);
  const jump = new Float64Array(T + 1);
  const jump2 = new Float64Array(T + 1);
  const pairs = new Float64Array(T + 1);
  for (let t = 0; t < T; t++) {
    const v = r[t]!;
    const ok = Number.isFinite(v);
    n[t + 1] = n[t]! + (ok ? 1 : 0);
    s1[t + 1] = s1[t]! + (ok ? v : 0);
    s2[t + 1] = s2[t]! + (ok ? v * v : 0);
    const prev = t > 0 ? r[t - 1]! : NaN;
    const pair = ok && Number.isFinite(prev);
    const d = pair ? Math.abs(v - prev) : 0;
    jump[t + 1] = jump[t]! + d;
    jump2[t + 1] = jump2[t]! + d * d;
    pairs[t + 1] = pairs[t]! + (pair ? 1 : 0);
  }
  return { n, s1, s2, jump, jump2, pairs };
}

export interface Split {
  /** first day of the "after" segment */
  day: number;
  nBefore: number;
  nAfter: number;
  meanBefore: number;
  meanAfter: number;
  /** after / before */
  ratio: number;
  /** Welch t of before − after */
  t: number;
}

export function split(pf: Prefix, k: number): Split {
  const T = pf.n.length - 1;
  const nb = pf.n[k]!;
  const na = pf.n[T]! - nb;
  const mb = nb ? pf.s1[k]! / nb : NaN;
  const ma = na ? (pf.s1[T]! - pf.s1[k]!) / na : NaN;
  const vb = nb > 1 ? Math.max(0, (pf.s2[k]! - nb * mb * mb) / (nb - 1)) : NaN;
  const va = na > 1 ? Math.max(0, (pf.s2[T]! - pf.s2[k]! - na * ma * ma) / (na - 1)) : NaN;
  const se = Math.sqrt(vb / nb + va / na);
  const t = se > 0 ? (mb - ma) / se : mb > ma ? Infinity : 0;
  return { day: k, nBefore: nb, nAfter: na, meanBefore: mb, meanAfter: ma, ratio: mb > 0 ? ma / mb : NaN, t };
}

/**
 * Day-to-day jumpiness (mean |Δr| / mean r) before and after day k, the number of day pairs behind
 * each, and the Welch t of the rise in mean |Δr| (after − before, each scaled by its segment's mean).
 */
export function jumpiness(pf: Prefix, k: number): { before: number; after: number; pairsBefore: number; pairsAfter: number; t: number } {
  const T = pf.n.length - 1;
  const k1 = Math.min(T, k + 1);
  const pb = pf.pairs[k]!;
  const pa = pf.pairs[T]! - pf.pairs[k1]!;
  const nb = pf.n[k]!;
  const na = pf.n[T]! - nb;
  const mb = nb ? pf.s1[k]! / nb : NaN;
  const ma = na ? (pf.s1[T]! - pf.s1[k]!) / na : NaN;
  if (!(pb > 1 && pa > 1 && mb > 0 && ma > 0)) return { before: NaN, after: NaN, pairsBefore: pb, pairsAfter: pa, t: NaN };
  const jb = pf.jump[k]! / pb;
  const ja = (pf.jump[T]! - pf.jump[k1]!) / pa;
  const vb = Math.max(0, (pf.jump2[k]! - pb * jb * jb) / (pb - 1)) / (mb * mb);
  const va = Math.max(0, (pf.jump2[T]! - pf.jump2[k1]! - pa * ja * ja) / (pa - 1)) / (ma * ma);
  const se = Math.sqrt(vb / pb + va / pa);
  const t = se > 0 ? (ja / ma - jb / mb) / se : NaN;
  return { before: jb / mb, after: ja / ma, pairsBefore: pb, pairsAfter: pa, t };
}

/** Split days on the scan grid: every `step` days, leaving at least `minSeg` observed days each side. */
export function grid(T: number, step: number): number[] {
  const ks: number[] = [];
  for (let k = step; k < T; k += step) ks.push(k);
  return ks;
}

export interface ZeroRuns {
  /** observed days inside runs of near-zero use */
  days: number;
  runs: number;
  longest: number;
  firstDay: number | null;
}

/** Runs of at least `minRun` observed days at or below `level` (missing days skipped). */
export function zeroRuns(x: Float64Array, level: number, minRun: number): ZeroRuns {
  let days = 0;
  let runs = 0;
  let longest = 0;
  let firstDay: number | null = null;
  let len = 0;
  let start = -1;
  const close = () => {
    if (len >= minRun) {
      days += len;
      runs++;
      longest = Math.max(longest, len);
      if (firstDay === null) firstDay = start;
    }
    len = 0;
  };
  for (let t = 0; t < x.length; t++) {
    const v = x[t]!;
    if (!Number.isFinite(v)) continue;
    if (v <= level) {
      if (len === 0) start = t;
      len++;
    } else close();
  }
  close();
  return { days, runs, longest, firstDay };
}

export interface FlatStretch {
  /** observed days covered by a flat window */
  days: number;
  firstDay: number | null;
  /** the mean use over the flat days */
  level: number;
}

/**
 * Windows of `window` consecutive observed days whose coefficient of variation is at most `maxCv`
 * and whose mean is above `minLevel` (near-zero stretches belong to the zero signal).
 */
export function flatStretches(x: Float64Array, window: number, maxCv: number, minLevel: number): FlatStretch {
  const idx: number[] = [];
  for (let t = 0; t < x.length; t++) if (Number.isFinite(x[t]!)) idx.push(t);
  const covered = new Uint8Array(idx.length);
  let s1 = 0;
  let s2 = 0;
  for (let j = 0; j < idx.length; j++) {
    const v = x[idx[j]!]!;
    s1 += v;
    s2 += v * v;
    if (j >= window) {
      const o = x[idx[j - window]!]!;
      s1 -= o;
      s2 -= o * o;
    }
    if (j >= window - 1) {
      const mean = s1 / window;
      const sd = Math.sqrt(Math.max(0, s2 / window - mean * mean));
      if (mean > minLevel && sd <= maxCv * mean) for (let q = j - window + 1; q <= j; q++) covered[q] = 1;
    }
  }
  let days = 0;
  let sum = 0;
  let firstDay: number | null = null;
  for (let j = 0; j < idx.length; j++) {
    if (!covered[j]) continue;
    days++;
    sum += x[idx[j]!]!;
    if (firstDay === null) firstDay = idx[j]!;
  }
  return { days, firstDay, level: days ? sum / days : 0 };
}

export interface Ceiling {
  /** the value many days sit at */
  value: number;
  /** observed days at it (within the tolerance) */
  days: number;
  firstDay: number;
  /** among the observed days from firstDay on: share above it, share clearly below it */
  aboveShare: number;
  belowShare: number;
}

/**
 * The most repeated value among the customer's upper days (at or above the `minQuantile` of its
 * own use): a cap shows up as many days at exactly the same maximum, with ordinary variation below
 * it and almost nothing above it. The span is measured from the earliest day at the value after
 * which at most `maxAboveShare` of the observed days exceed it.
 */
export function ceiling(x: Float64Array, tolerance: number, minQuantile: number, belowMargin: number, maxAboveShare: number): Ceiling | null {
  const buf = new Float64Array(x.length);
  let m = 0;
  for (let t = 0; t < x.length; t++) if (Number.isFinite(x[t]!) && x[t]! > 0) buf[m++] = x[t]!;
  if (m < 10) return null;
  const vals = buf.subarray(0, m).sort();
  const floor = vals[Math.floor(minQuantile * (vals.length - 1))]!;
  let best = 0;
  let bestValue = NaN;
  let lo = 0;
  for (let hi = 0; hi < vals.length; hi++) {
    while (vals[hi]! > vals[lo]! * (1 + tolerance)) lo++;
    const count = hi - lo + 1;
    if (vals[hi]! >= floor && count > best) {
      best = count;
      bestValue = vals[hi]!;
    }
  }
  if (best < 2) return null;
  const near = (v: number) => v >= bestValue * (1 - tolerance) && v <= bestValue * (1 + tolerance);
  // Suffix counts from each day on: observed days, days above the value, days at it, days clearly below.
  const T = x.length;
  const obs = new Int32Array(T + 1);
  const above = new Int32Array(T + 1);
  const at = new Int32Array(T + 1);
  const below = new Int32Array(T + 1);
  for (let t = T - 1; t >= 0; t--) {
    const v = x[t]!;
    const ok = Number.isFinite(v);
    obs[t] = obs[t + 1]! + (ok ? 1 : 0);
    above[t] = above[t + 1]! + (ok && v > bestValue * (1 + tolerance) ? 1 : 0);
    at[t] = at[t + 1]! + (ok && near(v) ? 1 : 0);
    below[t] = below[t + 1]! + (ok && v < bestValue * (1 - belowMargin) ? 1 : 0);
  }
  // The cap starts at the earliest day at the value after which (almost) nothing exceeds it; a
  // natural day at the same value long before the cap does not stretch the span.
  let first = -1;
  for (let t = 0; t < T; t++) {
    if (!(Number.isFinite(x[t]!) && near(x[t]!))) continue;
    if (first < 0) first = t;
    if (above[t]! <= maxAboveShare * obs[t]!) {
      first = t;
      break;
    }
  }
  const n = obs[first]!;
  const days = at[first]!;
  const aboveShare = n ? above[first]! / n : 0;
  const belowShare = n ? below[first]! / n : 0;
  return { value: bestValue, days, firstDay: first, aboveShare, belowShare };
}

/** Running sums for the correlation of a series with the common profile over observed days. */
export interface CoPrefix {
  n: Float64Array;
  sx: Float64Array;
  sp: Float64Array;
  sxx: Float64Array;
  spp: Float64Array;
  sxp: Float64Array;
}

export function coPrefix(x: Float64Array, profile: Float64Array): CoPrefix {
  const T = x.length;
  const a = () => new Float64Array(T + 1);
  const c: CoPrefix = { n: a(), sx: a(), sp: a(), sxx: a(), spp: a(), sxp: a() };
  for (let t = 0; t < T; t++) {
    const v = x[t]!;
    const p = profile[t]!;
    const ok = Number.isFinite(v) && Number.isFinite(p) ? 1 : 0;
    const vv = ok ? v : 0;
    const pp = ok ? p : 0;
    c.n[t + 1] = c.n[t]! + ok;
    c.sx[t + 1] = c.sx[t]! + vv;
    c.sp[t + 1] = c.sp[t]! + pp;
    c.sxx[t + 1] = c.sxx[t]! + vv * vv;
    c.spp[t + 1] = c.spp[t]! + pp * pp;
    c.sxp[t + 1] = c.sxp[t]! + vv * pp;
  }
  return c;
}

/** Pearson correlation of the series with the profile over days [from, to); NaN when undefined. */
export function coCorrelation(c: CoPrefix, from: number, to: number): number {
  const n = c.n[to]! - c.n[from]!;
  if (n < 3) return NaN;
  const sx = c.sx[to]! - c.sx[from]!;
  const sp = c.sp[to]! - c.sp[from]!;
  const vx = c.sxx[to]! - c.sxx[from]! - (sx * sx) / n;
  const vp = c.spp[to]! - c.spp[from]! - (sp * sp) / n;
  const cov = c.sxp[to]! - c.sxp[from]! - (sx * sp) / n;
  if (!(vx > 1e-12 * n) || !(vp > 0)) return NaN;
  return cov / Math.sqrt(vx * vp);
}
