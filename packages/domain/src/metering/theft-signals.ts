// R-MTR-06: the signals of the theft screening, each computed from one customer's daily series
// (and, for the peer signals, from the population's median profile). Pure arithmetic; theft.ts
// turns the facts these return into strengths, a score and the explanation.
//
// Conventions: a series is a Float64Array of daily kWh with NaN for a missing day. Missing days
// are never evidence: every count, mean and window below is taken over observed days only, and a
// missing day neither starts, ends nor breaks a run.

/** Median of the finite values (NaN when there are none). Sorts a copy. */
export function median(values: ArrayLike<number>): number {
  const a: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) a.push(v);
  }
  if (!a.length) return NaN;
  a.sort((x, y) => x - y);
  const m = a.length >> 1;
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
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
    for (let t = 0; t < x.length; t++) if (Number.isFinite(x[t]!)) { s += x[t]!; n++; }
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
  for (let t = 0; t < days; t++) if (Number.isFinite(p[t]!) && p[t]! > 0) { s += p[t]!; n++; }
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
  pairs: Float64Array;
}

export function prefix(r: Float64Array): Prefix {
  const T = r.length;
  const n = new Float64Array(T + 1);
  const s1 = new Float64Array(T + 1);
  const s2 = new Float64Array(T + 1);
  const jump = new Float64Array(T + 1);
  const pairs = new Float64Array(T + 1);
  for (let t = 0; t < T; t++) {
    const v = r[t]!;
    const ok = Number.isFinite(v);
    n[t + 1] = n[t]! + (ok ? 1 : 0);
    s1[t + 1] = s1[t]! + (ok ? v : 0);
    s2[t + 1] = s2[t]! + (ok ? v * v : 0);
    const prev = t > 0 ? r[t - 1]! : NaN;
    const pair = ok && Number.isFinite(prev);
    jump[t + 1] = jump[t]! + (pair ? Math.abs(v - prev) : 0);
    pairs[t + 1] = pairs[t]! + (pair ? 1 : 0);
  }
  return { n, s1, s2, jump, pairs };
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

/** Day-to-day jumpiness (mean |Δr| / mean r) before and after day k. */
export function jumpiness(pf: Prefix, k: number): { before: number; after: number } {
  const T = pf.n.length - 1;
  const pb = pf.pairs[k]!;
  const pa = pf.pairs[T]! - pf.pairs[Math.min(T, k + 1)]!;
  const jb = pb ? pf.jump[k]! / pb : NaN;
  const ja = pa ? (pf.jump[T]! - pf.jump[Math.min(T, k + 1)]!) / pa : NaN;
  const nb = pf.n[k]!;
  const na = pf.n[T]! - nb;
  const mb = nb ? pf.s1[k]! / nb : NaN;
  const ma = na ? (pf.s1[T]! - pf.s1[k]!) / na : NaN;
  return { before: mb > 0 ? jb / mb : NaN, after: ma > 0 ? ja / ma : NaN };
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
  /** among the observed days from its first to its last occurrence: share above it, share clearly below it */
  aboveShare: number;
  belowShare: number;
}

/**
 * The most repeated value among the customer's upper days (at or above the `minQuantile` of its
 * own use): a cap shows up as many days at exactly the same maximum, with ordinary variation below
 * it and almost nothing above it.
 */
export function ceiling(x: Float64Array, tolerance: number, minQuantile: number, belowMargin: number): Ceiling | null {
  const vals: number[] = [];
  for (let t = 0; t < x.length; t++) if (Number.isFinite(x[t]!) && x[t]! > 0) vals.push(x[t]!);
  if (vals.length < 10) return null;
  vals.sort((a, b) => a - b);
  const floor = vals[Math.floor(minQuantile * (vals.length - 1))]!;
  let best = 0;
  let bestValue = NaN;
  let lo = 0;
  for (let hi = 0; hi < vals.length; hi++) {
    while (vals[hi]! > vals[lo]! * (1 + tolerance)) lo++;
    const count = hi - lo + 1;
    if (vals[lo]! >= floor && count > best) {
      best = count;
      bestValue = vals[hi]!;
    }
  }
  if (best < 2) return null;
  const near = (v: number) => v >= bestValue * (1 - tolerance) && v <= bestValue * (1 + tolerance);
  let first = -1;
  let last = -1;
  let days = 0;
  for (let t = 0; t < x.length; t++) {
    if (Number.isFinite(x[t]!) && near(x[t]!)) {
      if (first < 0) first = t;
      last = t;
      days++;
    }
  }
  let n = 0;
  let above = 0;
  let below = 0;
  for (let t = first; t <= last; t++) {
    const v = x[t]!;
    if (!Number.isFinite(v)) continue;
    n++;
    if (v > bestValue * (1 + tolerance)) above++;
    else if (v < bestValue * (1 - belowMargin)) below++;
  }
  return { value: bestValue, days, firstDay: first, aboveShare: n ? above / n : 0, belowShare: n ? below / n : 0 };
}
