// Demo ledger generator: R-LED-01 (customer file fields) and R-LED-02 (network ledger).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS, LEDGER_KINDS } from '@griddesk/shared';
import {
  AREA_METER_MULTIPLIERS,
  CAPACITIES_KVA,
  GATEWAY_MULTIPLIERS,
  HV_MULTIPLIERS,
  generateLedger,
  mulberry32,
  toCsv,
  writeLedgerCsv,
  type CustomerRow,
  type GenerateOptions,
  type Ledger,
} from './generator';
import { SURNAMES, TOWNS } from './names';

const BIG: GenerateOptions = { customers: 20_000, areas: 200, seed: 42 };
const big = generateLedger(BIG);

const CODE = /^[A-Za-z0-9_-]{1,32}$/; // what the importer accepts as a code (R-LED-03)
const PHONE = /^1[3-9]\d{9}$/;

function csvOf(l: Ledger): Record<string, string> {
  return Object.fromEntries(LEDGER_KINDS.map((k) => [k, toCsv(k, l[k])]));
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    if (seen.has(v)) return true;
    seen.add(v);
    return false;
  });
}

const SHAPES: { name: string; opts: GenerateOptions; feeders: number }[] = [
  { name: 'tiny: one customer, one area', opts: { customers: 1, areas: 1, seed: 1 }, feeders: 1 },
  { name: 'no customers', opts: { customers: 0, areas: 3, seed: 2 }, feeders: 1 },
  { name: 'small county', opts: { customers: 1_000, areas: 50, seed: 3 }, feeders: 3 },
  { name: '20k customers, default feeders', opts: BIG, feeders: 13 },
  { name: 'explicit feeders, three stations', opts: { customers: 5_000, areas: 100, feeders: 7, seed: 4, stationCodes: ['ST01', 'ST02', 'ST03'] }, feeders: 7 },
  { name: 'more feeders than areas', opts: { customers: 300, areas: 2, feeders: 5, seed: 5 }, feeders: 5 },
];

describe('mulberry32', () => {
  it('is deterministic, in [0, 1), and seed-dependent', () => {
    const a = mulberry32(9);
    const b = mulberry32(9);
    const c = mulberry32(10);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('R-LED-01/R-LED-02 determinism', () => {
  it('same options give byte-identical CSV', () => {
    expect(csvOf(generateLedger(BIG))).toEqual(csvOf(big));
  });

  it.each([1, 2, 43])('seed %i gives different data than seed 42', (seed) => {
    const other = generateLedger({ ...BIG, seed });
    const mine = csvOf(big);
    const theirs = csvOf(other);
    expect(theirs.customers).not.toBe(mine.customers);
    expect(theirs.meters).not.toBe(mine.meters);
    expect(theirs.areas).not.toBe(mine.areas);
  });

  it('writeLedgerCsv writes the four files, identical to toCsv, and returns the row counts', async () => {
    const small = generateLedger({ customers: 2_000, areas: 30, seed: 8 });
    const dir = await mkdtemp(join(tmpdir(), 'griddesk-gen-'));
    try {
      const out = join(dir, 'nested', 'ledger');
      const counts = await writeLedgerCsv(out, small);
      expect(counts).toEqual({ feeders: 2, areas: 30, customers: 2_000, meters: 2_032 });
      for (const kind of LEDGER_KINDS) {
        expect(await readFile(join(out, `${kind}.csv`), 'utf8')).toBe(toCsv(kind, small[kind]));
      }
      // a second run overwrites with the same bytes
      await writeLedgerCsv(out, generateLedger({ customers: 2_000, areas: 30, seed: 8 }));
      expect(await readFile(join(out, 'customers.csv'), 'utf8')).toBe(toCsv('customers', small.customers));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('R-LED-02 network ledger', () => {
  it.each(SHAPES)('counts: $name', ({ opts, feeders }) => {
    const l = generateLedger(opts);
    expect(l.feeders).toHaveLength(feeders);
    expect(l.areas).toHaveLength(opts.areas);
    expect(l.customers).toHaveLength(opts.customers);
    expect(l.meters).toHaveLength(opts.customers + opts.areas + feeders);
    const byRole = (role: string) => l.meters.filter((m) => m.role === role).length;
    expect([byRole('customer'), byRole('area'), byRole('gateway')]).toEqual([opts.customers, opts.areas, feeders]);
  });

  it.each(SHAPES)('codes are unique and well-formed: $name', ({ opts }) => {
    const l = generateLedger(opts);
    const cases: [string, string[], RegExp][] = [
      ['feeder_code', l.feeders.map((f) => f.feeder_code), /^F\d{3}$/],
      ['area_code', l.areas.map((a) => a.area_code), /^TA\d{5}$/],
      ['account_no', l.customers.map((c) => c.account_no), /^\d{10}$/],
      ['meter_no', l.meters.map((m) => m.meter_no), /^\d{12,}$/],
    ];
    for (const [field, values, shape] of cases) {
      expect(duplicates(values), field).toEqual([]);
      expect(
        values.filter((v) => !shape.test(v) || !CODE.test(v)),
        field,
      ).toEqual([]);
    }
    for (const c of l.customers) expect(Number(c.account_no)).toBeGreaterThanOrEqual(3100000001);
  });

  it.each(SHAPES)('referential integrity: $name', ({ opts }) => {
    const l = generateLedger(opts);
    const stations = new Set(opts.stationCodes ?? ['ST01']);
    const feeders = new Set(l.feeders.map((f) => f.feeder_code));
    const areaFeeder = new Map(l.areas.map((a) => [a.area_code, a.feeder_code]));
    const accounts = new Set(l.customers.map((c) => c.account_no));
    expect(l.feeders.filter((f) => !stations.has(f.station_code))).toEqual([]);
    expect(l.areas.filter((a) => !feeders.has(a.feeder_code))).toEqual([]);
    // LV: an existing area and that area's feeder; HV: an existing feeder and no area
    expect(
      l.customers.filter((c) =>
        c.voltage_level === 'LV' ? areaFeeder.get(c.area_code) !== c.feeder_code || !c.area_code : c.area_code !== '' || !feeders.has(c.feeder_code),
      ),
    ).toEqual([]);
    const badMeter = l.meters.filter((m) => {
      if (m.role === 'customer') return !accounts.has(m.account_no) || m.area_code !== '' || m.feeder_code !== '';
      if (m.role === 'area') return m.account_no !== '' || !m.area_code || areaFeeder.get(m.area_code) !== m.feeder_code;
      if (m.role === 'gateway') return m.account_no !== '' || m.area_code !== '' || !feeders.has(m.feeder_code);
      return true;
    });
    expect(badMeter).toEqual([]);
    // exactly one customer meter per customer, one area meter per area, one gateway per feeder
    const targets = (role: string, key: 'account_no' | 'area_code' | 'feeder_code') => l.meters.filter((m) => m.role === role).map((m) => m[key]);
    for (const [role, key, all] of [
      ['customer', 'account_no', accounts],
      ['area', 'area_code', areaFeeder],
      ['gateway', 'feeder_code', feeders],
    ] as const) {
      const t = targets(role, key);
      expect(duplicates(t), role).toEqual([]);
      expect(t.length, role).toBe(all.size);
    }
  });

  it('spreads feeders over the stations round-robin', () => {
    const l = generateLedger({ customers: 100, areas: 100, feeders: 7, seed: 4, stationCodes: ['ST01', 'ST02', 'ST03'] });
    expect(l.feeders.map((f) => f.station_code)).toEqual(['ST01', 'ST02', 'ST03', 'ST01', 'ST02', 'ST03', 'ST01']);
  });

  it('names feeders as 10 kV lines and areas after their street or village, with standard capacities', () => {
    expect(duplicates(big.feeders.map((f) => f.name))).toEqual([]);
    for (const f of big.feeders) expect(f.name).toMatch(/^10kV[\u4e00-\u9fa5]{2,4}线$/);
    expect(big.feeders[0]!.name).toBe('10kV城关一线');
    for (const a of big.areas) {
      expect(a.name).toMatch(/^[\u4e00-\u9fa5]+\d+号台区$/);
      expect((CAPACITIES_KVA as readonly number[]).includes(Number(a.capacity_kva)), a.capacity_kva).toBe(true);
    }
    expect(big.areas.some((a) => a.name.startsWith('城关镇'))).toBe(true); // county-seat streets
    expect(big.areas.some((a) => /村\d+号台区$/.test(a.name))).toBe(true); // villages
    expect(new Set(big.areas.map((a) => a.capacity_kva)).size).toBeGreaterThanOrEqual(4);
  });

  it('gives every feeder several areas and every area an uneven but bounded share of customers', () => {
    const perFeeder = new Map<string, number>();
    for (const a of big.areas) perFeeder.set(a.feeder_code, (perFeeder.get(a.feeder_code) ?? 0) + 1);
    expect(perFeeder.size).toBe(big.feeders.length);
    expect(Math.min(...perFeeder.values())).toBeGreaterThanOrEqual(3);

    const perArea = new Map<string, number>(big.areas.map((a) => [a.area_code, 0]));
    for (const c of big.customers) if (c.area_code) perArea.set(c.area_code, perArea.get(c.area_code)! + 1);
    const sizes = [...perArea.values()];
    const mean = sizes.reduce((s, n) => s + n, 0) / sizes.length;
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(0.25 * mean);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1.9 * mean);
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(2); // uneven
  });

  it('gives meters multipliers by role', () => {
    const hv = new Set(big.customers.filter((c) => c.voltage_level === 'HV').map((c) => c.account_no));
    for (const m of big.meters) {
      if (m.role === 'gateway') expect(GATEWAY_MULTIPLIERS).toContain(m.multiplier);
      else if (m.role === 'area') expect(AREA_METER_MULTIPLIERS).toContain(m.multiplier);
      else if (hv.has(m.account_no)) expect(HV_MULTIPLIERS).toContain(m.multiplier);
      else expect(m.multiplier).toBe('1');
    }
  });

  it.each([
    { customers: -1, areas: 1 },
    { customers: 1.5, areas: 1 },
    { customers: 10, areas: 0 },
    { customers: 10, areas: 1, feeders: 0 },
    { customers: 10, areas: 1, stationCodes: [] },
    { customers: 10, areas: 1, seed: Number.NaN },
  ])('rejects bad options %j', (bad) => {
    expect(() => generateLedger({ seed: 1, ...bad })).toThrow(RangeError);
  });
});

describe('R-LED-01 customer file fields', () => {
  const customers = big.customers;
  const share = (pred: (c: CustomerRow) => boolean) => customers.filter(pred).length / customers.length;

  it.each([
    { field: 'customer_class', ok: (c: CustomerRow) => c.customer_class === 'residential' || c.customer_class === 'non_residential' },
    { field: 'voltage_level', ok: (c: CustomerRow) => c.voltage_level === 'LV' || c.voltage_level === 'HV' },
    { field: 'important', ok: (c: CustomerRow) => c.important === '0' || c.important === '1' },
    { field: 'dual_supply', ok: (c: CustomerRow) => c.dual_supply === '0' || c.dual_supply === '1' },
    { field: 'phone', ok: (c: CustomerRow) => c.phone === '' || PHONE.test(c.phone) },
    { field: 'tariff_code', ok: (c: CustomerRow) => ['RES-1', 'COM-LV', 'AGR', 'IND-10KV'].includes(c.tariff_code) && CODE.test(c.tariff_code) },
    { field: 'name', ok: (c: CustomerRow) => c.name.length >= 2 && c.name.length <= 100 },
    { field: 'address', ok: (c: CustomerRow) => c.address.length > 0 && c.address.length <= 200 },
  ])('keeps $field in its domain', ({ ok }) => {
    expect(customers.filter((c) => !ok(c))).toEqual([]);
  });

  it.each([
    { rule: 'residential ⇒ LV, RES-1', bad: (c: CustomerRow) => c.customer_class === 'residential' && (c.voltage_level !== 'LV' || c.tariff_code !== 'RES-1') },
    {
      rule: 'HV ⇒ non-residential, IND-10KV',
      bad: (c: CustomerRow) => c.voltage_level === 'HV' && (c.customer_class !== 'non_residential' || c.tariff_code !== 'IND-10KV'),
    },
    {
      rule: 'non-residential LV ⇒ COM-LV or AGR',
      bad: (c: CustomerRow) => c.customer_class === 'non_residential' && c.voltage_level === 'LV' && !['COM-LV', 'AGR'].includes(c.tariff_code),
    },
    { rule: 'dual supply ⇒ important and HV', bad: (c: CustomerRow) => c.dual_supply === '1' && (c.important !== '1' || c.voltage_level !== 'HV') },
    { rule: 'residential ⇒ not important', bad: (c: CustomerRow) => c.customer_class === 'residential' && c.important === '1' },
  ])('consistency: $rule', ({ bad }) => {
    expect(customers.filter(bad)).toEqual([]);
  });

  it.each([
    { what: 'residential LV', pred: (c: CustomerRow) => c.customer_class === 'residential', lo: 0.86, hi: 0.9 },
    { what: 'non-residential LV', pred: (c: CustomerRow) => c.customer_class === 'non_residential' && c.voltage_level === 'LV', lo: 0.1, hi: 0.12 },
    { what: 'HV', pred: (c: CustomerRow) => c.voltage_level === 'HV', lo: 0.008, hi: 0.012 },
    { what: 'important', pred: (c: CustomerRow) => c.important === '1', lo: 0.015, hi: 0.025 },
    { what: 'dual supply', pred: (c: CustomerRow) => c.dual_supply === '1', lo: 0.004, hi: 0.006 },
    { what: 'agricultural (AGR)', pred: (c: CustomerRow) => c.tariff_code === 'AGR', lo: 0.002, hi: 0.02 },
    { what: 'no phone', pred: (c: CustomerRow) => c.phone === '', lo: 0.02, hi: 0.04 },
  ])('proportion of $what is within [$lo, $hi] of 20,000', ({ pred, lo, hi }) => {
    const s = share(pred);
    expect(s).toBeGreaterThanOrEqual(lo);
    expect(s).toBeLessThanOrEqual(hi);
  });

  it('makes important customers mostly HV customers and public institutions', () => {
    const important = customers.filter((c) => c.important === '1');
    const publicBody = /(医院|卫生|水厂|供水|自来水|污水|学|幼儿园|政府|派出所|公安|敬老院|法院|消防|应急|疾病|广播|看守所|客运站|天然气)/;
    const explained = important.filter((c) => c.voltage_level === 'HV' || publicBody.test(c.name));
    expect(explained).toHaveLength(important.length);
    expect(important.filter((c) => c.voltage_level === 'LV').every((c) => publicBody.test(c.name))).toBe(true);
  });

  it('names residents like people, with the common surnames most frequent', () => {
    const surnames = new Set(SURNAMES.map(([s]) => s));
    const residents = customers.filter((c) => c.customer_class === 'residential');
    for (const c of residents) {
      expect(c.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(surnames.has(c.name[0]!), c.name).toBe(true);
    }
    const top3 = residents.filter((c) => '王李张'.includes(c.name[0]!)).length / residents.length;
    expect(top3).toBeGreaterThan(0.15);
    expect(top3).toBeLessThan(0.4);
    expect(new Set(residents.map((c) => c.name)).size).toBeGreaterThan(residents.length / 4);
  });

  it('names non-residential customers like shops, companies and institutions', () => {
    const nonRes = customers.filter((c) => c.customer_class === 'non_residential');
    const business = /(超市|店|部|馆|楼|驿站|吧|室|所|厂|坊|场|站|公司|合作社|大棚|机井|工厂|加工点|学|园|院|会|政府|社|城|广场|台|中心|队|局|行|校)$/;
    expect(nonRes.filter((c) => !business.test(c.name)).map((c) => c.name)).toEqual([]);
    expect(customers.filter((c) => c.voltage_level === 'HV').every((c) => c.name.startsWith('示范县') || TOWNS.some((t) => c.name.startsWith(t.name)))).toBe(
      true,
    );
    expect(nonRes.some((c) => c.name === '示范县人民医院')).toBe(true);
  });

  it.each([
    { countyName: undefined, county: '示范县' },
    { countyName: '清河县', county: '清河县' },
  ])('writes addresses as {county}{town}{village or street}{n}号 ($county)', ({ countyName, county }) => {
    const l = countyName ? generateLedger({ ...BIG, customers: 3_000, countyName }) : big;
    const towns = TOWNS.map((t) => t.name);
    const shaped = (address: string) => {
      if (!address.startsWith(county)) return false;
      const rest = address.slice(county.length);
      return towns.some((t) => rest.startsWith(t) && /^[\u4e00-\u9fa5]+\d+号$/.test(rest.slice(t.length)));
    };
    expect(l.customers.filter((c) => !shaped(c.address)).map((c) => c.address)).toEqual([]);
    // residents live in the street or village their area is named after
    const areaPlace = new Map(l.areas.map((a) => [a.area_code, a.name.replace(/\d+号台区$/, '')]));
    const misplaced = l.customers.filter((c) => c.customer_class === 'residential' && !c.address.replace(/\d+号$/, '').endsWith(areaPlace.get(c.area_code)!));
    expect(misplaced).toEqual([]);
  });
});

describe('R-LED-01/R-LED-02 CSV', () => {
  it.each(LEDGER_KINDS)('%s header equals LEDGER_COLUMNS in order, one line per row', (kind) => {
    const csv = toCsv(kind, big[kind]);
    const lines = csv.split('\n');
    expect(lines[0]).toBe(LEDGER_COLUMNS[kind].map((c) => c.key).join(','));
    expect(lines.at(-1)).toBe(''); // ends with a newline
    expect(lines).toHaveLength(big[kind].length + 2);
    expect(csv).not.toContain('\r');
    expect(csv).not.toContain('"'); // nothing generated needs quoting
  });

  it.each(LEDGER_KINDS)('%s parses back to the same rows', (kind) => {
    const rows = big[kind].slice(0, 500);
    const parsed = parse(toCsv(kind, rows), { columns: true }) as Record<string, string>[];
    expect(parsed).toEqual(rows.map((r) => ({ ...r })));
  });

  it.each([
    { name: '王,伟', address: '示范县城关镇人民路1号', cells: '"王,伟",示范县城关镇人民路1号' },
    { name: '示范县"宏达"建材有限公司', address: '人民路2号, 3号', cells: '"示范县""宏达""建材有限公司","人民路2号, 3号"' },
    { name: 'line\nbreak', address: 'cr\r\nlf', cells: '"line\nbreak","cr\r\nlf"' },
    { name: 'plain', address: '"', cells: 'plain,""""' },
  ])('quotes only where needed and round-trips $cells', ({ name, address, cells }) => {
    const row: CustomerRow = { ...big.customers[0]!, name, address };
    const csv = toCsv('customers', [row]);
    expect(csv).toContain(`\n${row.account_no},${cells},${row.phone},`);
    expect(parse(csv, { columns: true })).toEqual([{ ...row }]);
  });

  it('renders missing fields as empty cells', () => {
    expect(toCsv('feeders', [{ feeder_code: 'F001', name: '10kV城关线' }])).toBe('feeder_code,name,station_code\nF001,10kV城关线,\n');
    expect(toCsv('areas', [])).toBe('area_code,name,feeder_code,capacity_kva\n');
  });
});
