// Line-loss benchmark (issue 4 item 9): on a generated county with 12 months of readings,
//  (a) readings import — the product's importLedger(readings) against raw COPY of the same,
//      already id-resolved rows into the readings table, each on a fresh, equally prepared
//      database (station, feeders, areas, customers, meters imported untimed)
//      → bench/results/readings-import-<backend>.json;
//  (b) the monthly line-loss job at area level for one period — runLineLossJob(…, ['area']):
//      read the active policy, compute, classify and persist the areas' results — against the bare
//      single GROUP BY query computing the same rates, both on the same loaded database
//      → bench/results/lineloss-<backend>.json.
//
// Readings are imported the way a station delivers them: one file per month (K imports of one
// month each); the baseline COPYs the same K monthly payloads. Each backend runs in a child
// process of its own (maxRSS per backend). Default scale: PostgreSQL 500,000 customers in 5,000
// areas, PGlite 200,000 in 2,000, 12 months; --customers/--areas override both.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { previousPeriod, type Raw } from '@griddesk/domain';
import { IMPORT_COLUMNS, type LossRow } from '@griddesk/shared';
import type { Backend } from '../apps/server/src/db/connection';
import type { DB } from '../apps/server/src/db/schema';
import { copyCsv } from '../apps/server/src/db/copy';
import { generateLedger, toCsv } from '../apps/server/src/demo/generator';
import { generateReadings, type PlantedAnomalies } from '../apps/server/src/demo/readings-generator';
import { csvField, parseCsv } from '../apps/server/src/ledger/files';
import { importLedger, type ImportActor } from '../apps/server/src/ledger/import';
import { IMPORT_KINDS } from '../apps/server/src/ledger/import-kinds';
import { loadRefs } from '../apps/server/src/ledger/refs';
import { lineLoss } from '../apps/server/src/metering/line-loss/compute';
import { runLineLossJob } from '../apps/server/src/metering/line-loss/monthly-run';
import { BENCH_DIR, freshDatabase, maxRssMb, postgresUnreachable, prepareStation, writeResult } from './support';

const BACKENDS: Backend[] = ['postgres', 'pglite'];
const SCALE: Record<Backend, { customers: number; areas: number }> = {
  postgres: { customers: 500_000, areas: 5_000 },
  pglite: { customers: 200_000, areas: 2_000 },
};
const USAGE = `usage: npm run bench -- lineloss [--customers N --areas M] [--months 12] [--seed 20261123] [--runs 1] [--loss-runs 3] [--backend postgres,pglite]
  default scale: postgres 500000 customers / 5000 areas, pglite 200000 / 2000`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      customers: { type: 'string' },
      areas: { type: 'string' },
      months: { type: 'string', default: '12' },
      seed: { type: 'string', default: '20261123' },
      runs: { type: 'string', default: '1' },
      'loss-runs': { type: 'string', default: '3' },
      backend: { type: 'string', default: BACKENDS.join(',') },
      worker: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const runs = Number(values.runs);
  const lossRuns = Number(values['loss-runs']);
  const months = Number(values.months);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(lossRuns) || lossRuns < 1)
    throw new Error(`--runs and --loss-runs must be positive integers\n${USAGE}`);
  if (!Number.isInteger(months) || months < 2) throw new Error(`--months must be at least 2 (line loss needs a previous month)\n${USAGE}`);
  if (values.worker) {
    const backend = values.worker as Backend;
    const gen = {
      customers: Number(values.customers ?? SCALE[backend].customers),
      areas: Number(values.areas ?? SCALE[backend].areas),
      seed: Number(values.seed),
    };
    return worker(backend, gen, months, runs, lossRuns);
  }
  const backends = values.backend.split(',').map((b) => b.trim());
  const unknown = backends.filter((b) => !BACKENDS.includes(b as Backend));
  if (unknown.length) throw new Error(`unknown backend ${unknown.join(', ')}\n${USAGE}`);
  const started = performance.now();
  let failed = 0;
  for (const backend of backends) {
    if (backend === 'postgres') {
      const why = await postgresUnreachable();
      if (why) {
        console.log(`postgres: SKIPPED — cannot reach the database (${why}); set BENCH_DATABASE_URL to measure it`);
        continue;
      }
    }
    const pass = (k: 'customers' | 'areas') => (values[k] ? [`--${k}`, values[k]!] : []);
    const child = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=8192',
        ...process.execArgv,
        process.argv[1] ?? join(BENCH_DIR, 'run.ts'),
        'lineloss',
        '--worker',
        backend,
        ...pass('customers'),
        ...pass('areas'),
        '--months',
        values.months,
        '--seed',
        values.seed,
        '--runs',
        String(runs),
        '--loss-runs',
        String(lossRuns),
      ],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) {
      failed++;
      console.error(`${backend}: benchmark failed (exit ${child.status ?? child.signal})`);
    }
  }
  console.log(`lineloss benchmark: wall ${(ms(performance.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

interface Data {
  feeders: Buffer;
  areas: Buffer;
  customers: Buffer;
  meters: Buffer;
  /** one readings file per month, header included */
  months: { period: string; csv: Buffer; rows: number }[];
  planted: PlantedAnomalies;
}

function generate(gen: { customers: number; areas: number; seed: number }, months: number): Data {
  const ledger = generateLedger(gen);
  const g = generateReadings(ledger, { months, seed: gen.seed });
  const header = `${IMPORT_COLUMNS.readings.map((c) => c.key).join(',')}\n`;
  const out: Data['months'] = [];
  let current: { period: string; parts: Buffer[]; rows: number } | null = null;
  const flush = () => current && out.push({ period: current.period, csv: Buffer.concat(current.parts), rows: current.rows });
  let first = true;
  for (const chunk of g.chunks()) {
    if (first) {
      first = false;
      continue;
    } // the header; each month file gets its own
    const period = chunk.slice(chunk.indexOf(',') + 1, chunk.indexOf(',') + 8);
    if (!current || current.period !== period) {
      flush();
      current = { period, parts: [Buffer.from(header)], rows: 0 };
    }
    current.parts.push(Buffer.from(chunk));
    let n = 0;
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) n++;
    current.rows += n;
  }
  flush();
  return {
    feeders: Buffer.from(toCsv('feeders', ledger.feeders)),
    areas: Buffer.from(toCsv('areas', ledger.areas)),
    customers: Buffer.from(toCsv('customers', ledger.customers)),
    meters: Buffer.from(toCsv('meters', ledger.meters)),
    months: out,
    planted: g.planted,
  };
}

async function prepare(db: Kysely<DB>, data: Data): Promise<ImportActor> {
  const actor = await prepareStation(db, data.feeders, data.areas);
  for (const kind of ['customers', 'meters'] as const) {
    const r = await importLedger(db, actor, kind, `${kind}.csv`, data[kind]);
    if (r.status !== 'succeeded') throw new Error(`setup: ${kind} rejected: ${JSON.stringify(r.errors.slice(0, 3))}`);
  }
  return actor;
}

async function checkpoint(db: Kysely<DB>, backend: Backend): Promise<void> {
  await sql`checkpoint`.execute(db).catch((e) => {
    if (backend === 'postgres') console.warn(`checkpoint refused (${(e as Error).message}); timings may be noisier`);
  });
}

/** The monthly files' rows as the product would stage them, resolved to ids; built untimed. */
async function resolved(db: Kysely<DB>, actor: ImportActor, data: Data): Promise<Buffer[]> {
  const spec = IMPORT_KINDS.readings;
  const refs = await loadRefs(db, 'readings', actor.stationIds);
  return data.months.map((m) => {
    const table = parseCsv('readings', m.csv);
    const parts: string[] = [];
    for (const cells of table.rows) {
      const raw: Record<string, string> = {};
      for (const [i, k] of table.keys.entries()) raw[k] = cells[i] ?? '';
      const checked = spec.check(raw as Raw, refs);
      if (!checked.ok) throw new Error(`baseline: readings row does not check: ${JSON.stringify(checked.problems)}`);
      parts.push(spec.cells(checked.value).map(csvField).join(','));
    }
    return Buffer.from(`${parts.join('\n')}\n`);
  });
}

async function digest(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ d: string }>`
    select count(*) || ':' || md5(string_agg(concat_ws('|', m.meter_no, r.period, r.reading, r.read_at, r.method, r.station_id, r.revision), E'\n'
      order by m.meter_no, r.period)) as d from readings r join meters m on m.id = r.meter_id`.execute(db);
  return rows[0]!.d;
}

// ------------------------------------------------------------------------------------------------
// (b) line loss: the baseline

/** The bare single GROUP BY: per area supply, sales, coverage counts and rate — no classing. */
function baselineQuery(period: string, stationIds: number[]) {
  return sql<{ code: string; supply: string | null; sales: string | null; meters: number; read: number; rate: string | null }>`
    select a.code,
           sum(x.kwh) filter (where x.role = 'area') as supply,
           sum(x.kwh) filter (where x.role = 'customer') as sales,
           count(*) filter (where x.role = 'customer') as meters,
           count(*) filter (where x.role = 'customer' and x.has_reading) as read,
           (sum(x.kwh) filter (where x.role = 'area') - coalesce(sum(x.kwh) filter (where x.role = 'customer'), 0))
             / nullif(sum(x.kwh) filter (where x.role = 'area'), 0) as rate
    from (
      select m.role, coalesce(m.area_id, cu.area_id) as area_id, (cur.reading is not null) as has_reading,
             (cur.reading - prev.reading) * m.multiplier as kwh
      from meters m
      left join customers cu on cu.id = m.customer_id
      left join readings cur on cur.meter_id = m.id and cur.period = ${period}
      left join readings prev on prev.meter_id = m.id and prev.period = ${previousPeriod(period)}
      where m.status = 'in_service' and m.station_id = any(${stationIds}::int[]) and m.role in ('area', 'customer')
    ) x join areas a on a.id = x.area_id
    group by a.code order by a.code`;
}

const fixed = (v: number, d: number) => (Object.is(Math.round(v * 10 ** d) / 10 ** d, -0) ? 0 : Math.round(v * 10 ** d) / 10 ** d).toFixed(d);

// ------------------------------------------------------------------------------------------------

async function worker(
  backend: Backend,
  gen: { customers: number; areas: number; seed: number },
  months: number,
  runs: number,
  lossRuns: number,
): Promise<number> {
  const loadBefore = loadavg()[0]!;
  let t = performance.now();
  const data = generate(gen, months);
  const readingRows = data.months.reduce((n, m) => n + m.rows, 0);
  console.log(
    `${backend}: generated ${gen.customers} customers, ${gen.areas} areas, ${readingRows} readings over ${months} months in ${ms(performance.now() - t)} ms`,
  );
  const period = data.months.at(-1)!.period;

  const ours: { total: number; perMonth: number[] }[] = [];
  const base: { total: number; perMonth: number[] }[] = [];
  let serverVersion = '';
  let loss: Record<string, unknown> | null = null; // set in run 1
  for (let i = 0; i < runs; i++) {
    // baseline first in run 1, so the long line-loss timing (on ours' database) comes last
    const order = i % 2 === 0 ? ['baseline', 'ours'] : ['ours', 'baseline'];
    const digests: Record<string, string> = {};
    for (const side of order) {
      const database = await freshDatabase(backend);
      try {
        const db = database.db;
        serverVersion ||= (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]!.v;
        t = performance.now();
        const actor = await prepare(db, data);
        console.log(`${backend} run ${i + 1}/${runs} ${side}: prepared (ledger imported) in ${ms(performance.now() - t)} ms`);
        const perMonth: number[] = [];
        if (side === 'ours') {
          for (const m of data.months) {
            await checkpoint(db, backend);
            const t0 = performance.now();
            const r = await importLedger(db, actor, 'readings', `readings-${m.period}.csv`, m.csv);
            perMonth.push(performance.now() - t0);
            if (r.status !== 'succeeded') throw new Error(`readings ${m.period} rejected: ${JSON.stringify(r.errors.slice(0, 3))}`);
          }
          ours.push({ total: perMonth.reduce((a, b) => a + b, 0), perMonth });
        } else {
          const payloads = await resolved(db, actor, data);
          const spec = IMPORT_KINDS.readings;
          for (const p of payloads) {
            await checkpoint(db, backend);
            const t0 = performance.now();
            await copyCsv(db, spec.table, spec.columns, p);
            perMonth.push(performance.now() - t0);
          }
          base.push({ total: perMonth.reduce((a, b) => a + b, 0), perMonth });
        }
        console.log(`${backend} run ${i + 1}/${runs} ${side.padEnd(8)} readings import ${ms(perMonth.reduce((a, b) => a + b, 0))} ms`);
        if (i === 0) digests[side] = await digest(db);
        // (b) once, on the database the product's import loaded
        if (i === 0 && side === 'ours') loss = await timeLineLoss(db, actor.stationIds, period, lossRuns, data.planted, backend);
      } finally {
        await database.drop();
      }
    }
    if (i === 0 && digests.ours !== digests.baseline)
      throw new Error(`ours and baseline landed different readings:\n  ours     ${digests.ours}\n  baseline ${digests.baseline}`);
  }

  const best = <T extends { total: number }>(xs: T[]) => xs.reduce((a, b) => (b.total < a.total ? b : a));
  const o = best(ours);
  const b = best(base);
  const common = {
    generator: { ...gen, months, start: data.months[0]!.period },
    server_version: serverVersion,
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    max_rss_mb: maxRssMb(),
    loadavg_1m: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0]! * 100) / 100 },
    date: new Date().toISOString(),
  };
  const imp = {
    name: 'readings-import',
    backend,
    rows: readingRows,
    ours_ms: ms(o.total),
    baseline_ms: ms(b.total),
    ratio: Math.round((o.total / b.total) * 100) / 100,
    target_ratio: 2,
    statistic: `best of ${runs} run(s) per side, each on a fresh database prepared with the same ledger`,
    method: `${months} monthly files: ours = importLedger(readings) per month; baseline = COPY of the same id-resolved rows per month (resolved untimed)`,
    ours_per_month_ms: o.perMonth.map(ms),
    baseline_per_month_ms: b.perMonth.map(ms),
    ours_samples_ms: ours.map((r) => ms(r.total)),
    baseline_samples_ms: base.map((r) => ms(r.total)),
    ...common,
  };
  let path = writeResult(`readings-import-${backend}.json`, imp);
  console.log(`${backend}: readings import ours ${imp.ours_ms} ms, baseline ${imp.baseline_ms} ms, ratio ${imp.ratio} (target ≤ 2) → ${path}`);
  const ll: Record<string, unknown> = { ...loss!, ...common };
  path = writeResult(`lineloss-${backend}.json`, ll);
  console.log(`${backend}: line loss ours ${ll.ours_ms} ms, baseline ${ll.baseline_ms} ms, ratio ${ll.ratio} (target ≤ 1.5) → ${path}`);
  return 0;
}

async function timeLineLoss(
  db: Kysely<DB>,
  stations: number[],
  period: string,
  lossRuns: number,
  planted: PlantedAnomalies,
  backend: Backend,
): Promise<Record<string, unknown>> {
  await sql`analyze`.execute(db);
  await checkpoint(db, backend);
  const samples: Record<'ours' | 'baseline', number[]> = { ours: [], baseline: [] };
  let oursRows: LossRow[] = [];
  let baseRows: { code: string; rate: string | null }[] = [];
  const sides = ['ours', 'baseline'] as const;
  for (let i = 0; i < lossRuns; i++) {
    // rotate the order so no side always runs first (cold cache)
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(i + k) % sides.length]!;
      const t0 = performance.now();
      if (side === 'ours') await runLineLossJob(db, { id: null, name: 'bench', orgUnitId: null }, period, stations, ['area']);
      else baseRows = (await baselineQuery(period, stations).execute(db)).rows;
      samples[side].push(performance.now() - t0);
      console.log(`  line loss ${period} ${side.padEnd(8)} ${ms(samples[side].at(-1)!)} ms`);
    }
  }
  // both compute the same rates (the job's own output is what was persisted; recomputed here untimed)
  oursRows = await lineLoss(db, 'area', period, stations);
  const persisted = (await sql<{ n: number }>`select count(*)::int as n from line_loss_results where period = ${period} and level = 'area'`.execute(db))
    .rows[0]!.n;
  if (persisted !== oursRows.length) throw new Error(`the job persisted ${persisted} area rows for ${oursRows.length} areas`);
  const t1 = performance.now();
  await runLineLossJob(db, { id: null, name: 'bench', orgUnitId: null }, period, stations);
  const allLevelsMs = performance.now() - t1;
  const baseRate = new Map(baseRows.map((r) => [r.code, r.rate === null ? null : fixed(Number(r.rate), 4)]));
  const mismatched = oursRows.filter((r) => r.supplyKwh !== null && Number(r.supplyKwh) > 0 && baseRate.get(r.code) !== r.lossRate);
  if (mismatched.length)
    throw new Error(
      `baseline rates differ from lineLoss for ${mismatched.length} areas, e.g. ${JSON.stringify(mismatched[0])} vs ${baseRate.get(mismatched[0]!.code)}`,
    );
  const classes: Record<string, number> = {};
  for (const r of oursRows) classes[r.class] = (classes[r.class] ?? 0) + 1;
  const best = (xs: number[]) => Math.min(...xs);
  const [meters] = (await sql<{ n: number }>`select count(*)::int as n from meters`.execute(db)).rows;
  const [readings] = (await sql<{ n: number }>`select count(*)::int as n from readings`.execute(db)).rows;
  return {
    name: 'lineloss',
    backend,
    rows: oursRows.length,
    ours_ms: ms(best(samples.ours)),
    baseline_ms: ms(best(samples.baseline)),
    ratio: Math.round((best(samples.ours) / best(samples.baseline)) * 100) / 100,
    target_ratio: 1.5,
    level: 'area',
    period,
    statistic: `best of ${lossRuns} runs per side on the same loaded database (after ANALYZE)`,
    note:
      'ours = runLineLossJob(db, actor, period, stations, ["area"]): read the active policy, compute, classify, replace the period\'s persisted area rows, audit. ' +
      'baseline = one bare GROUP BY over meters ⟕ customers ⟕ readings(period) ⟕ readings(previous) giving supply, sales, coverage counts and rate per area.',
    rows_meaning: 'areas classed and persisted',
    all_levels_job_ms: ms(allLevelsMs),
    all_levels_note: 'one run of the job for every level (county, station, feeder, area), for information; not part of the ratio',
    meters: meters!.n,
    readings: readings!.n,
    classes,
    planted: { high_loss: planted.highLossArea, negative_loss: planted.negativeLossArea, not_computable: planted.notComputable?.area ?? null },
    ours_samples_ms: samples.ours.map(ms),
    baseline_samples_ms: samples.baseline.map(ms),
  };
}

function ms(x: number): number {
  return Math.round(x * 10) / 10;
}
