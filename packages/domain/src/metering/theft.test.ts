// R-MTR-06: the theft screening — each injected pattern raises its signal and the score above a
// normal customer's, missing data is not evidence, the ranking is deterministic and explained.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from './prng';
import { parseSgcc, SgccFormatError, writeScores, writeSgcc, formatScore } from './sgcc-csv';
import { datasetDates, injectTheft, makeDataset, THEFT_PATTERNS, type TheftPattern } from './synthetic';
import { DEFAULT_THEFT_WEIGHTS, scoreCustomers, THEFT_SIGNALS, type TheftInput, type TheftScore } from './theft';
import { mapAtN, rocAuc } from './theft-metrics';

const START = '2024-01-01';
const BASE = makeDataset({ customers: 200, days: 365, thiefShare: 0, seed: 7, startDate: START });
const baseInput: TheftInput[] = BASE.map((r) => ({ consNo: r.consNo, days: r.days }));
const baseScores = new Map(scoreCustomers(baseInput, { startDate: START }).map((s) => [s.consNo, s]));
const byNo = (scores: TheftScore[], consNo: string) => scores.find((s) => s.consNo === consNo)!;
const strength = (s: TheftScore, name: string) => s.signals.find((q) => q.name === name)?.strength ?? 0;
const round2 = (v: number) => Math.round(v * 100) / 100;

/** The customer's own series with a pattern injected from day 180, scored among the 200 normal customers. */
function injected(base: number, pattern: TheftPattern): { thief: TheftScore; normal: TheftScore } {
  const x = BASE[base]!.days.map((v) => v ?? NaN);
  injectTheft(x, pattern, 180, new Rng(100 + base));
  const days = x.map((v) => (Number.isNaN(v) ? null : round2(v)));
  const scores = scoreCustomers([...baseInput, { consNo: 'THIEF', days }], { startDate: START });
  return { thief: byNo(scores, 'THIEF'), normal: baseScores.get(BASE[base]!.consNo)! };
}

const EXPECTED: Record<TheftPattern, string> = {
  reduce_factor: 'own_drop',
  cap: 'capped',
  zero_windows: 'zero_windows',
  flatten_mean: 'flat',
  random_fraction: 'pattern_loss',
  gradual_reduce: 'own_drop',
};

describe('R-MTR-06 theft screening: injected patterns', () => {
  const normalScores = [...baseScores.values()].map((s) => s.score).sort((a, b) => a - b);
  const p90 = normalScores[Math.floor(0.9 * normalScores.length)]!;

  it.each(THEFT_PATTERNS.flatMap((p) => [0, 2, 3].map((b) => [p, b] as const)))(
    'R-MTR-06 %s on customer %i raises its signal and the score',
    (pattern, base) => {
      const { thief, normal } = injected(base, pattern);
      expect(strength(thief, EXPECTED[pattern])).toBeGreaterThanOrEqual(0.5);
      expect(strength(thief, EXPECTED[pattern])).toBeGreaterThan(strength(normal, EXPECTED[pattern]));
      expect(thief.score).toBeGreaterThan(normal.score + 0.3);
      expect(thief.score).toBeGreaterThan(p90);
    },
  );

  it('R-MTR-06 drops fire both the own-history and the peer signal; the peers carry the season', () => {
    const { thief } = injected(0, 'reduce_factor');
    expect(strength(thief, 'own_drop')).toBeGreaterThan(0.5);
    expect(strength(thief, 'peer_drop')).toBeGreaterThan(0.5);
    // Normal customers all follow the summer and winter peaks: the season alone fires no drop.
    const seasonalDrops = [...baseScores.values()].filter((s) => strength(s, 'own_drop') > 0.5).length;
    expect(seasonalDrops).toBeLessThanOrEqual(0.05 * BASE.length);
  });

  it('R-MTR-06 a mixed population of 1,000 ranks the injected thieves first (AUC ≥ 0.85, every pattern)', () => {
    const rows = makeDataset({ customers: 1000, days: 365, thiefShare: 0.1, seed: 11, startDate: START });
    const scores = scoreCustomers(
      rows.map((r) => ({ consNo: r.consNo, days: r.days })),
      { startDate: START },
    );
    const flag = new Map(rows.map((r) => [r.consNo, r]));
    expect(
      rocAuc(
        scores.map((s) => s.score),
        scores.map((s) => flag.get(s.consNo)!.flag),
      ),
    ).toBeGreaterThanOrEqual(0.85);
    expect(
      mapAtN(
        scores.map((s) => flag.get(s.consNo)!.flag),
        100,
      ),
    ).toBeGreaterThan(0.8);
    for (const p of THEFT_PATTERNS) {
      const sub = scores.filter((s) => flag.get(s.consNo)!.flag === 0 || flag.get(s.consNo)!.pattern === p);
      expect(
        rocAuc(
          sub.map((s) => s.score),
          sub.map((s) => flag.get(s.consNo)!.flag),
        ),
        p,
      ).toBeGreaterThanOrEqual(0.85);
    }
  });
});

describe('R-MTR-06 theft screening: missing data is not evidence', () => {
  it('R-MTR-06 punching holes into normal customers does not raise their scores', () => {
    const rng = new Rng(5);
    const holed = baseInput.map((r) => {
      const d = [...r.days];
      for (let t = 0; t < d.length; t++) if (rng.chance(0.3)) d[t] = null;
      const at = rng.int(0, 300);
      for (let t = at; t < at + 40; t++) d[t] = null;
      return { consNo: r.consNo, days: d };
    });
    const after = scoreCustomers(holed, { startDate: START });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(after.map((s) => s.score))).toBeLessThanOrEqual(mean([...baseScores.values()].map((s) => s.score)) + 0.01);
    for (const s of after) expect(s.score, s.consNo).toBeLessThanOrEqual(baseScores.get(s.consNo)!.score + 0.2);
  });

  it('R-MTR-06 a long gap in the data is not a zero window, a flat stretch or a cap, and raises no score', () => {
    for (const [from, len] of [
      [150, 90],
      [270, 95],
      [0, 120],
    ] as const) {
      const input = baseInput.map((r, i) => (i < 20 ? { consNo: r.consNo, days: r.days.map((v, t) => (t >= from && t < from + len ? null : v)) } : r));
      const scores = scoreCustomers(input, { startDate: START });
      for (const r of input.slice(0, 20)) {
        const s = byNo(scores, r.consNo);
        const before = baseScores.get(r.consNo)!;
        for (const name of ['zero_windows', 'flat', 'capped'])
          if (strength(before, name) === 0) expect(strength(s, name), `${name} ${r.consNo} gap ${from}+${len}`).toBe(0);
        expect(s.score).toBeLessThanOrEqual(baseScores.get(r.consNo)!.score + 0.1);
      }
    }
  });

  it('R-MTR-06 a customer with too few observed days is not scored', () => {
    const sparse = { consNo: 'SPARSE', days: BASE[0]!.days.map((_v, t) => (t % 10 === 0 ? 0 : null)) };
    const s = byNo(scoreCustomers([...baseInput, sparse]), 'SPARSE');
    expect(s.insufficientData).toBe(true);
    expect(s.score).toBe(0);
  });
});

describe('R-MTR-06 theft screening: determinism, weights as data, explanations', () => {
  it('R-MTR-06 the same input in any order gives the same scores and ranking', () => {
    const rows = makeDataset({ customers: 300, days: 200, thiefShare: 0.1, seed: 3, startDate: START });
    const input = rows.map((r) => ({ consNo: r.consNo, days: r.days }));
    const a = scoreCustomers(input);
    const b = scoreCustomers([...input].reverse());
    expect(b).toEqual(a);
    expect(makeDataset({ customers: 300, days: 200, thiefShare: 0.1, seed: 3, startDate: START })).toEqual(rows);
    for (let i = 1; i < a.length; i++) expect(a[i - 1]!.score).toBeGreaterThanOrEqual(a[i]!.score);
  });

  it('R-MTR-06 weights and thresholds are data: a zero weight removes a signal from the score', () => {
    const { thief } = injected(2, 'flatten_mean');
    expect(Object.keys(DEFAULT_THEFT_WEIGHTS).sort()).toEqual([...THEFT_SIGNALS].sort());
    const x = BASE[2]!.days.map((v) => v ?? NaN);
    injectTheft(x, 'flatten_mean', 180, new Rng(102));
    const days = x.map((v) => (Number.isNaN(v) ? null : round2(v)));
    const input = [...baseInput, { consNo: 'THIEF', days }];
    const muted = byNo(scoreCustomers(input, { weights: { flat: 0 }, startDate: START }), 'THIEF');
    expect(muted.score).toBeLessThan(thief.score - 0.5);
    const blind = byNo(scoreCustomers(input, { thresholds: { flat: { shareFrom: 2, shareFull: 3 } }, startDate: START }), 'THIEF');
    expect(strength(blind, 'flat')).toBe(0);
  });

  it('R-MTR-06 every fired signal explains itself in Chinese and English, with dates', () => {
    for (const p of THEFT_PATTERNS) {
      const { thief } = injected(0, p);
      expect(thief.signals.length).toBeGreaterThan(0);
      for (const s of thief.signals) {
        expect(s.strength).toBeGreaterThan(0);
        expect(s.strength).toBeLessThanOrEqual(1);
        expect(s.detail.en.length).toBeGreaterThan(10);
        expect(s.detail.zh).toMatch(/[\u4e00-\u9fff]/);
      }
      const top = thief.signals[0]!;
      expect(top.contribution).toBeCloseTo(DEFAULT_THEFT_WEIGHTS[top.name] * top.strength, 10);
      expect(thief.signals.map((s) => s.detail.en).join(' ')).toMatch(/2024-\d\d-\d\d/);
    }
    const { thief } = injected(0, 'flatten_mean');
    expect(thief.signals[0]!.detail).toEqual({
      en: expect.stringContaining('nearly constant'),
      zh: expect.stringContaining('几乎恒定'),
    });
  });

  it('R-MTR-06 reversed readings, meter events and a rise of the area loss count as signals', () => {
    const reversed = { consNo: 'REV', days: BASE[0]!.days.map((v, t) => (t === 200 || t === 230 ? -3.5 : v)) };
    const withEvents = { consNo: 'EVT', days: BASE[1]!.days, events: [{ kind: 'cover_open', day: 190 }, { kind: 'magnetic_interference' }] };
    const x = BASE[3]!.days.map((v) => v ?? NaN);
    injectTheft(x, 'reduce_factor', 180, new Rng(9));
    const dropping = { consNo: 'AREA-DROP', area: 'T01', days: x.map((v) => (Number.isNaN(v) ? null : round2(v))) };
    const steady = { consNo: 'AREA-STEADY', area: 'T01', days: BASE[4]!.days };
    const scores = scoreCustomers([...baseInput, reversed, withEvents, dropping, steady], { areaLoss: { T01: { before: 0.04, after: 0.09, day: 180 } } });
    expect(strength(byNo(scores, 'REV'), 'reversed_reading')).toBe(1);
    expect(byNo(scores, 'REV').signals[0]!.detail.zh).toContain('示数倒走');
    expect(strength(byNo(scores, 'EVT'), 'meter_events')).toBe(1);
    expect(byNo(scores, 'EVT').signals.find((s) => s.name === 'meter_events')!.detail.zh).toContain('开表盖');
    const drop = strength(byNo(scores, 'AREA-DROP'), 'area_loss_rise');
    const still = strength(byNo(scores, 'AREA-STEADY'), 'area_loss_rise');
    expect(still).toBeGreaterThan(0);
    expect(drop).toBeGreaterThan(still);
    for (const c of ['REV', 'EVT']) expect(byNo(scores, c).score).toBeGreaterThan(baseScores.get(BASE[c === 'REV' ? 0 : 1]!.consNo)!.score + 0.5);
  });
});

describe('R-MTR-06 SGCC daily-consumption file', () => {
  it('R-MTR-06 reads CONS_NO, FLAG and dates in any order, with BOM, CRLF, quotes and blanks', () => {
    const text = '\ufeffCONS_NO,FLAG,2014/1/10,2014/1/2,"2014/1/1",2014/1/3\r\n"A,1",1,5.5,,1.25,NaN\r\nB,0,0,2,3,-1\r\n\r\n';
    const t = parseSgcc(text);
    expect(t.hasFlag).toBe(true);
    expect(t.dates).toEqual(datasetDates('2014-01-01', 10));
    expect(t.rows).toEqual([
      { consNo: 'A,1', flag: 1, days: [1.25, null, null, null, null, null, null, null, null, 5.5] },
      { consNo: 'B', flag: 0, days: [3, 2, -1, null, null, null, null, null, null, 0] },
    ]);
    expect(parseSgcc('CONS_NO,2015-03-01\nX,4\n').rows[0]).toEqual({ consNo: 'X', flag: null, days: [4] });
  });

  it.each([
    ['CONS_NO,2014/1/1\nA,abc\n', 'line 2, column "2014/1/1"'],
    ['CONS_NO,2014/1/1,2014/1/2\nA,1\n', 'line 2: 2 fields'],
    ['CONS_NO,2014/1/1\nA,1\nA,2\n', 'line 3, column "CONS_NO": CONS_NO A already appears on line 2'],
    ['CONS_NO,2014/13/1\nA,1\n', 'line 1, column "2014/13/1"'],
    ['CONS_NO,FLAG,2014/1/1\nA,yes,1\n', 'line 2, column "FLAG"'],
    ['ID,2014/1/1\nA,1\n', 'no CONS_NO column'],
    ['CONS_NO,2014/1/1,2014/01/01\nA,1,2\n', 'the same date'],
    ['', 'empty'],
  ])('R-MTR-06 rejects %j naming the line and column', (text, message) => {
    expect(() => parseSgcc(text)).toThrow(SgccFormatError);
    expect(() => parseSgcc(text)).toThrow(message);
  });

  it('R-MTR-06 round-trips the layout and writes CONS_NO,score with at most 6 decimals', () => {
    const rows = makeDataset({ customers: 20, days: 40, thiefShare: 0.2, seed: 1, startDate: '2014-01-01' });
    const text = writeSgcc(datasetDates('2014-01-01', 40), rows, { flag: true });
    expect(text.split('\n')[0]!.startsWith('CONS_NO,FLAG,2014/1/1,2014/1/10,2014/1/11')).toBe(true);
    const back = parseSgcc(text);
    expect(back.rows).toEqual(rows.map((r) => ({ consNo: r.consNo, flag: r.flag, days: r.days })));
    expect(
      writeScores([
        { consNo: 'A', score: 0.123456789 },
        { consNo: 'B,2', score: 1e-9 },
        { consNo: 'C', score: 0.5 },
        { consNo: '=1+1', score: 0.25 },
      ]),
    ).toBe('CONS_NO,score\nA,0.123457\n"B,2",0\nC,0.5\n\'=1+1,0.25\n');
    expect(formatScore(0.0000019)).toBe('0.000002');
  });
});

// Real customer levels: the 55 single-phase customers of the IEEE PES European LV test feeder
// (one day of 1-minute load each, summed to kWh in shared/data). They set each series' level; the
// year around it (season, week, noise) comes from the generator, and the patterns are injected.
const IEEE = new URL('../../../../../shared/data/ieee-eu-lv-feeder/customer_daily_energy_kwh.csv', import.meta.url);
describe.skipIf(!existsSync(IEEE))('R-MTR-06 on real customer levels (IEEE European LV feeder)', () => {
  it('R-MTR-06 patterns injected into the 55 real customers outrank the untouched ones', () => {
    const lines = readFileSync(IEEE, 'utf8').trim().split('\n').slice(1);
    const kwh = lines.map((l) => Number(l.split(',')[4]));
    expect(kwh).toHaveLength(55);
    const shapes = makeDataset({ customers: 55, days: 365, thiefShare: 0, seed: 55, startDate: START, patterns: THEFT_PATTERNS });
    const rows = shapes.map((r, i) => {
      const level = r.days.filter((v): v is number => v !== null).reduce((a, b) => a + b, 0) / r.days.filter((v) => v !== null).length;
      const x = r.days.map((v) => (v === null ? NaN : (v / level) * kwh[i]!));
      const pattern = i % 5 === 0 ? THEFT_PATTERNS[(i / 5) % THEFT_PATTERNS.length]! : null;
      if (pattern) injectTheft(x, pattern, 120 + 15 * (i % 7), new Rng(i));
      return { consNo: `LOAD${i + 1}`, flag: (pattern ? 1 : 0) as 0 | 1, days: x.map((v) => (Number.isNaN(v) ? null : round2(v))) };
    });
    const scores = scoreCustomers(rows, { startDate: START });
    const flag = new Map(rows.map((r) => [r.consNo, r.flag]));
    expect(rows.filter((r) => r.flag).length).toBe(11);
    expect(
      rocAuc(
        scores.map((s) => s.score),
        scores.map((s) => flag.get(s.consNo)!),
      ),
    ).toBeGreaterThanOrEqual(0.85);
  });
});
