// Import benchmark: the product's all-or-nothing ledger import of customers.csv + meters.csv
// against raw COPY of the same, already id-resolved rows into the same tables (see README.md).
//
// The parent generates the files once, then runs each backend in a child process of its own so
// that maxRSS (a process high-water mark) is per backend and neither inherits the other's heap.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { Backend } from '../apps/server/src/db/connection';
import type { DB } from '../apps/server/src/db/schema';
import { copyCsv } from '../apps/server/src/db/copy';
import { generateLedger, writeLedgerCsv } from '../apps/server/src/demo/generator';
import { csvField, parseCsv } from '../apps/server/src/ledger/files';
import { importLedger, type ImportActor, type ImportPhase } from '../apps/server/src/ledger/import';
import { IMPORT_KINDS } from '../apps/server/src/ledger/import-kinds';
import { loadRefs } from '../apps/server/src/ledger/refs';
import type { Raw } from '@griddesk/domain';
import { BENCH_DIR, WORK_DIR, freshDatabase, maxRssMb, postgresUnreachable, prepareStation, writeResult } from './support';

const BACKENDS: Backend[] = ['postgres', 'pglite'];
const TIMED = ['customers', 'meters'] as const;
type Timed = (typeof TIMED)[number];
export type Files = Record<'feeders' | 'areas' | Timed, Buffer>;

const USAGE = `usage: npm run bench -- import [--customers 500000] [--areas 5000] [--seed 20261123] [--runs 3] [--backend postgres,pglite]`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      customers: { type: 'string', default: '500000' },
      areas: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '20261123' },
      runs: { type: 'string', default: '3' },
      backend: { type: 'string', default: BACKENDS.join(',') },
      // internal: the child that measures one backend over files the parent wrote
      worker: { type: 'string' },
      csv: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer\n${USAGE}`);
  const gen = { customers: Number(values.customers), areas: Number(values.areas), seed: Number(values.seed) };
  if (values.worker) return worker(values.worker as Backend, values.csv!, runs, gen);

  const backends = values.backend.split(',').map((b) => b.trim());
  const unknown = backends.filter((b) => !BACKENDS.includes(b as Backend));
  if (unknown.length) throw new Error(`unknown backend ${unknown.join(', ')}\n${USAGE}`);

  const started = performance.now();
  const dir = join(WORK_DIR, `import-${randomBytes(4).toString('hex')}`);
  let failed = 0;
  try {
    const t = performance.now();
    const counts = await writeLedgerCsv(dir, generateLedger(gen));
    console.log(
      `generated ${Object.entries(counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')} in ${ms(performance.now() - t)} ms`,
    );
    for (const backend of backends) {
      if (backend === 'postgres') {
        const why = await postgresUnreachable();
        if (why) {
          console.log(`postgres: SKIPPED — cannot reach the database (${why}); set BENCH_DATABASE_URL to measure it`);
          continue;
        }
      }
      // Same node flags (--import tsx) and the same generator parameters, recorded by the child.
      const child = spawnSync(
        process.execPath,
        [
          ...process.execArgv,
          join(BENCH_DIR, 'run.ts'),
          'import',
          '--worker',
          backend,
          '--csv',
          dir,
          '--runs',
          String(runs),
          '--customers',
          values.customers,
          '--areas',
          values.areas,
          '--seed',
          values.seed,
        ],
        { stdio: 'inherit' },
      );
      if (child.status !== 0) {
        failed++;
        console.error(`${backend}: benchmark failed (exit ${child.status ?? child.signal})`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`import benchmark: wall ${(ms(performance.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

export interface OursRun {
  total: number;
  files: Record<Timed, number>;
  phases: Record<Timed, Record<string, number>>;
  rows: Record<Timed, number>;
}
export interface BaseRun {
  total: number;
  files: Record<Timed, number>;
}

async function worker(backend: Backend, dir: string, runs: number, generator: { customers: number; areas: number; seed: number }): Promise<number> {
  const files = Object.fromEntries((['feeders', 'areas', ...TIMED] as const).map((k) => [k, readFileSync(join(dir, `${k}.csv`))])) as Files;
  const ours: OursRun[] = [];
  const base: BaseRun[] = [];
  const loadBefore = loadavg()[0]!;
  let serverVersion = '';
  for (let i = 0; i < runs; i++) {
    // Alternate which side goes first so neither always gets the warmer OS cache / JIT.
    const order = i % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
    const digests: Record<string, string> = {};
    for (const side of order) {
      const database = await freshDatabase(backend);
      try {
        serverVersion ||= (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db)).rows[0]!.v;
        const actor = await prepareStation(database.db, files.feeders, files.areas);
        if (side === 'ours') ours.push(await timeOurs(database.db, actor, files, backend));
        else base.push(await timeBaseline(database.db, actor, files, backend));
        // Proof that both sides landed the same rows; once is enough, it is not free at 1M rows.
        if (i === 0) digests[side] = await digest(database.db);
      } finally {
        await database.drop();
      }
      const last = side === 'ours' ? ours.at(-1)! : base.at(-1)!;
      console.log(
        `${backend} run ${i + 1}/${runs} ${side.padEnd(8)} ${ms(last.total)} ms  (customers ${ms(last.files.customers)}, meters ${ms(last.files.meters)})`,
      );
    }
    if (i === 0 && digests.ours !== digests.baseline) {
      throw new Error(`ours and baseline landed different rows:\n  ours     ${digests.ours}\n  baseline ${digests.baseline}`);
    }
  }

  const best = <T extends { total: number }>(xs: T[]) => xs.reduce((a, b) => (b.total < a.total ? b : a));
  const o = best(ours);
  const b = best(base);
  const result = {
    name: 'import',
    backend,
    rows: o.rows.customers + o.rows.meters,
    ours_ms: ms(o.total),
    baseline_ms: ms(b.total),
    ratio: Math.round((o.total / b.total) * 100) / 100,
    target_ratio: 2,
    statistic: `best of ${runs} runs per side, each on a fresh database`,
    per_file: Object.fromEntries(TIMED.map((k) => [k, { rows: o.rows[k], ours_ms: ms(o.files[k]), baseline_ms: ms(b.files[k]) }])),
    ours_phases_ms: o.phases,
    ours_samples_ms: ours.map((r) => ms(r.total)),
    baseline_samples_ms: base.map((r) => ms(r.total)),
    max_rss_mb: maxRssMb(),
    generator,
    file_bytes: { customers: files.customers.length, meters: files.meters.length },
    server_version: serverVersion,
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    // Other work on the machine only ever adds time; a high load here explains a noisy run.
    loadavg_1m: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0]! * 100) / 100 },
    date: new Date().toISOString(),
  };
  const path = writeResult(`import-${backend}.json`, result);
  console.log(
    `${backend}: ours ${result.ours_ms} ms, baseline ${result.baseline_ms} ms, ratio ${result.ratio} (target ≤ 2), max RSS ${result.max_rss_mb} MiB → ${path}`,
  );
  return 0;
}

async function checkpoint(db: Kysely<DB>, backend: Backend): Promise<void> {
  // Start each timed section with no dirty pages of the setup left to flush inside it.
  await sql`checkpoint`.execute(db).catch((e) => {
    if (backend === 'postgres') console.warn(`checkpoint refused (${(e as Error).message}); timings may be noisier`);
  });
}

/** `importer` lets a candidate change to importLedger (a scratch copy) be measured the same way. */
export async function timeOurs(db: Kysely<DB>, actor: ImportActor, files: Files, backend: Backend, importer = importLedger): Promise<OursRun> {
  const run: OursRun = { total: 0, files: { customers: 0, meters: 0 }, phases: { customers: {}, meters: {} }, rows: { customers: 0, meters: 0 } };
  for (const kind of TIMED) {
    const at: Partial<Record<ImportPhase, number>> = {};
    await checkpoint(db, backend);
    const t0 = performance.now();
    const r = await importer(db, actor, kind, `${kind}.csv`, files[kind], ({ phase }) => {
      at[phase] ??= performance.now();
    });
    const t1 = performance.now();
    if (r.status !== 'succeeded') throw new Error(`${kind} rejected: ${JSON.stringify(r.errors.slice(0, 3))}`);
    run.files[kind] = t1 - t0;
    run.rows[kind] = r.rows;
    // 'parsing' → 'validating' covers the CSV parse and loading the reference maps.
    run.phases[kind] = {
      parse_and_refs: ms(at.validating! - at.parsing!),
      validate: ms(at.writing! - at.validating!),
      write_transaction: ms(at.done! - at.writing!),
    };
  }
  run.total = run.files.customers + run.files.meters;
  return run;
}

/**
 * The rows exactly as the product would stage them (its own parser, reference maps and row
 * checks), prepared outside the timed section; what is timed is only COPY into the real table.
 */
async function resolvedRows(db: Kysely<DB>, actor: ImportActor, kind: Timed, data: Buffer): Promise<Buffer> {
  const spec = IMPORT_KINDS[kind];
  const table = parseCsv(kind, data);
  const refs = await loadRefs(db, kind, actor.stationIds);
  const lines: string[] = [];
  for (const cells of table.rows) {
    const raw: Record<string, string> = {};
    for (const [i, k] of table.keys.entries()) raw[k] = cells[i] ?? '';
    const checked = spec.check(raw as Raw, refs);
    if (!checked.ok) throw new Error(`baseline: ${kind} row does not check: ${JSON.stringify(checked.problems)}`);
    lines.push(spec.cells(checked.value).map(csvField).join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

export async function timeBaseline(db: Kysely<DB>, actor: ImportActor, files: Files, backend: Backend): Promise<BaseRun> {
  const run: BaseRun = { total: 0, files: { customers: 0, meters: 0 } };
  for (const kind of TIMED) {
    // Meters point at customer ids, which exist only once the customers are in: resolve in between.
    const payload = await resolvedRows(db, actor, kind, files[kind]);
    await checkpoint(db, backend);
    const t0 = performance.now();
    await copyCsv(db, IMPORT_KINDS[kind].table, IMPORT_KINDS[kind].columns, payload);
    run.files[kind] = performance.now() - t0;
  }
  run.total = run.files.customers + run.files.meters;
  return run;
}

/** Row count and md5 of the landed ledger, by business keys so surrogate ids do not matter. */
async function digest(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ c: string; m: string }>`
    select (select count(*) || ':' || md5(string_agg(concat_ws('|', account_no, name, address, phone, customer_class, voltage_level,
              tariff_code, area_id, feeder_id, station_id, important, dual_supply), E'\n' order by account_no)) from customers) as c,
           (select count(*) || ':' || md5(string_agg(concat_ws('|', m.meter_no, m.role, c.account_no, m.area_id, m.feeder_id,
              m.station_id, m.multiplier), E'\n' order by m.meter_no)) from meters m left join customers c on c.id = m.customer_id) as m`.execute(db);
  return `customers ${rows[0]!.c}, meters ${rows[0]!.m}`;
}

function ms(x: number): number {
  return Math.round(x * 10) / 10;
}
