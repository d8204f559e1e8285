// Demo readings generator: R-MTR-01 (readings file), R-MTR-02 (planted reading flags), R-MTR-04
// (planted line-loss classes), checked on the CSV and end to end through the import on PGlite.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, LEDGER_KINDS } from '@griddesk/shared';
import { generateLedger, toCsv } from './generator';
import { readingsCsv, writeReadingsCsv, type PlantedAnomalies } from './readings-generator';
import { createTestDatabase, type TestDatabase } from '../testing/databases';
import { ensureRootCounty } from '../org/bootstrap';
import { importLedger, type ImportActor } from '../ledger/import';
import { lineLoss } from '../metering/line-loss/compute';
import { readingFlags } from '../metering/readings/flags';
import { allStationIds } from '../metering/readings/consumption';

const OPTS = { customers: 600, areas: 12, seed: 11 };
const ledger = generateLedger(OPTS);
const MONTHS = 4;
const gen = readingsCsv(ledger, { months: MONTHS, seed: OPTS.seed });
const planted = gen.planted;

interface Row {
  meter: string;
  period: string;
  reading: number;
  readAt: string;
  method: string;
}
function rowsOf(csv: string): Row[] {
  const [header, ...lines] = csv.trimEnd().split('\n');
  expect(header).toBe(IMPORT_COLUMNS.readings.map((c) => c.key).join(','));
  return lines.map((l) => {
    const [meter, period, reading, readAt, method] = l.split(',');
    return { meter: meter!, period: period!, reading: Number(reading), readAt: readAt!, method: method! };
  });
}
const rows = rowsOf(gen.csv);
const key = (m: string, p: string) => `${m}@${p}`;

describe('readings generator (R-MTR-01)', () => {
  it('R-MTR-01 is deterministic for a seed and differs for another', () => {
    expect(readingsCsv(ledger, { months: MONTHS, seed: OPTS.seed }).csv).toBe(gen.csv);
    expect(readingsCsv(ledger, { months: MONTHS, seed: OPTS.seed + 1 }).csv).not.toBe(gen.csv);
    // and the ledger itself is untouched by generating readings
    expect(LEDGER_KINDS.map((k) => toCsv(k, ledger[k]))).toEqual(LEDGER_KINDS.map((k) => toCsv(k, generateLedger(OPTS)[k])));
  });

  it('R-MTR-01 one row per meter and month, minus the planted missed ones; well-formed cells', () => {
    const missed = planted.missed.length + (planted.notComputable?.meters.length ?? 0);
    expect(missed).toBeGreaterThan(0);
    expect(rows.length).toBe(ledger.meters.length * MONTHS - missed);
    expect(gen.rows).toBe(rows.length);
    expect(planted.periods).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    const seen = new Set<string>();
    for (const r of rows) {
      expect(seen.has(key(r.meter, r.period))).toBe(false);
      seen.add(key(r.meter, r.period));
      expect(r.readAt.startsWith(`${r.period}-`)).toBe(true);
      expect(Number(r.readAt.slice(8))).toBeGreaterThanOrEqual(25);
      expect(['actual', 'estimated']).toContain(r.method);
    }
    for (const p of [...planted.missed, ...planted.notComputable!.meters.map((m) => ({ meterNo: m, period: planted.notComputable!.period }))]) {
      expect(seen.has(key(p.meterNo, p.period))).toBe(false);
    }
    expect(
      gen.csv
        .split('\n')
        .slice(1, -1)
        .every((l) => /^\d+,\d{4}-\d{2},\d+\.\d{2},\d{4}-\d{2}-\d{2},(actual|estimated)$/.test(l)),
    ).toBe(true);
    const estimated = rows.filter((r) => r.method === 'estimated').map((r) => ({ meterNo: r.meter, period: r.period }));
    expect(new Set(estimated.map((e) => key(e.meterNo, e.period)))).toEqual(new Set(planted.estimated.map((e) => key(e.meterNo, e.period))));
  });

  it('R-MTR-01 registers never decrease except at the planted lower readings', () => {
    const byMeter = new Map<string, Row[]>();
    for (const r of rows) (byMeter.get(r.meter) ?? byMeter.set(r.meter, []).get(r.meter)!).push(r);
    const lower = new Set<string>();
    for (const list of byMeter.values()) {
      list.sort((a, b) => a.period.localeCompare(b.period));
      for (let i = 1; i < list.length; i++) if (list[i]!.reading < list[i - 1]!.reading) lower.add(key(list[i]!.meter, list[i]!.period));
    }
    expect(lower).toEqual(new Set(planted.lower.map((e) => key(e.meterNo, e.period))));
    expect(planted.lower.length).toBeGreaterThan(0);
  });

  it('R-MTR-01 realistic monthly kWh: residential median within 120–300, HV far larger', () => {
    const big = generateLedger({ customers: 5000, areas: 50, seed: 3 });
    const r = rowsOf(readingsCsv(big, { months: 2, seed: 3, start: '2025-07' }).csv);
    const reading = new Map(r.map((x) => [key(x.meter, x.period), x.reading]));
    const kwh = (cls: 'residential' | 'HV') => {
      const out: number[] = [];
      big.meters.forEach((m, i) => {
        if (m.role !== 'customer') return;
        const cu = big.customers[i - big.feeders.length - big.areas.length]!;
        if (cls === 'HV' ? cu.voltage_level !== 'HV' : cu.customer_class !== 'residential') return;
        const a = reading.get(key(m.meter_no, '2025-07'));
        const b = reading.get(key(m.meter_no, '2025-08'));
        if (a !== undefined && b !== undefined && b >= a) out.push((b - a) * Number(m.multiplier));
      });
      return out.sort((x, y) => x - y)[out.length >> 1]!;
    };
    const res = kwh('residential');
    expect(res).toBeGreaterThan(120 * 1.2); // August: summer peak
    expect(res).toBeLessThan(300 * 1.5);
    expect(kwh('HV')).toBeGreaterThan(20 * res);
  });

  it('R-MTR-01 writeReadingsCsv streams the same text, and writes nothing for 0 months', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gd-readings-'));
    try {
      const r = await writeReadingsCsv(dir, ledger, { months: MONTHS, seed: OPTS.seed });
      expect(await readFile(join(dir, 'readings.csv'), 'utf8')).toBe(gen.csv);
      expect(r.rows).toBe(gen.rows);
      await rm(join(dir, 'readings.csv'));
      expect((await writeReadingsCsv(dir, ledger, { months: 0, seed: 1 })).path).toBeNull();
      await expect(stat(join(dir, 'readings.csv'))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('generated readings through import, line loss and flags on PGlite (R-MTR-01, R-MTR-02, R-MTR-04)', () => {
  let t: TestDatabase;
  let stations: number[];
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    const actor: ImportActor = { audit: { id: null, name: 'test', orgUnitId: null }, stationIds: [], createStationsUnder: await ensureRootCounty(t.db) };
    const files: Record<string, string> = { ...Object.fromEntries(LEDGER_KINDS.map((k) => [k, toCsv(k, ledger[k])])), readings: gen.csv };
    for (const kind of [...LEDGER_KINDS, 'readings'] as const) {
      const r = await importLedger(t.db, actor, kind, `${kind}.csv`, Buffer.from(files[kind]!));
      expect(r.status, JSON.stringify(r.errors.slice(0, 3))).toBe('succeeded');
      if (kind === 'readings') expect(r.rows).toBe(gen.rows);
    }
    stations = await allStationIds(t.db);
  }, 120_000);
  afterAll(async () => t?.drop());

  const p: PlantedAnomalies = planted;

  it('R-MTR-04 planted areas come out in their classes; ordinary areas are qualified every month from the second', async () => {
    expect(p.highLossArea && p.negativeLossArea && p.notComputable).toBeTruthy();
    expect(p.ordinaryAreas.length).toBeGreaterThanOrEqual(5);
    for (const period of p.periods.slice(1)) {
      const byCode = new Map((await lineLoss(t.db, 'area', period, stations)).map((r) => [r.code, r]));
      expect(byCode.get(p.highLossArea!)!.class, period).toBe('high_loss');
      expect(byCode.get(p.negativeLossArea!)!.class, period).toBe('negative_loss');
      for (const a of p.ordinaryAreas) {
        const r = byCode.get(a)!;
        expect(r.class, `${a} ${period}`).toBe('qualified');
        expect(Number(r.lossRate)).toBeGreaterThanOrEqual(0.02);
        expect(Number(r.lossRate)).toBeLessThanOrEqual(0.09);
      }
      if (period === p.notComputable!.period) {
        const nc = byCode.get(p.notComputable!.area)!;
        expect(nc.class).toBe('not_computable');
        expect(nc.coverage).toBeLessThan(0.95);
      } else {
        expect(byCode.get(p.notComputable!.area)!.class, period).toBe('qualified');
      }
    }
    // the first month has no previous reading: nothing is computable
    const first = await lineLoss(t.db, 'area', p.periods[0]!, stations);
    expect(first.every((r) => r.class === 'not_computable')).toBe(true);
  });

  it('R-MTR-02 the planted estimated, missed and lower readings are flagged, and nothing else', async () => {
    for (const period of p.periods) {
      const flags = await readingFlags(t.db, period, stations);
      const got = (flag: string) => new Set(flags.filter((f) => f.flag === flag).map((f) => f.meterNo));
      const want = (list: { meterNo: string; period: string }[]) => new Set(list.filter((x) => x.period === period).map((x) => x.meterNo));
      expect(got('estimated'), period).toEqual(want(p.estimated));
      const missed = want(p.missed);
      if (period === p.notComputable!.period) for (const m of p.notComputable!.meters) missed.add(m);
      expect(got('missed'), period).toEqual(missed);
      expect(got('wrong'), period).toEqual(want(p.lower));
      expect(got('duplicate'), period).toEqual(new Set());
    }
  });
});
