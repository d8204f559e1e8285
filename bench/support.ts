// Shared by the benchmarks: fresh databases on either backend, the org a ledger needs, result files.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Backend, type Database } from '../apps/server/src/db/connection';
import { migrate } from '../apps/server/src/db/migrator';
import { ensureRootCounty } from '../apps/server/src/org/bootstrap';
import { importLedger, type ImportActor } from '../apps/server/src/ledger/import';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const WORK_DIR = join(BENCH_DIR, '.work');
export const RESULTS_DIR = join(BENCH_DIR, 'results');

export const ADMIN_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** null when PostgreSQL answers, otherwise why not (the caller skips that backend). */
export async function postgresUnreachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message || String(e);
  } finally {
    await c.end().catch(() => {});
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface BenchDatabase extends Database {
  /** PostgreSQL: the connection URL of this database (a second pool can reach it) */
  url?: string;
  /** closes and deletes the database */
  drop(): Promise<void>;
}

/** A migrated, empty database of its own: CREATE DATABASE gd_bench_<random>, or PGlite on disk. */
export async function freshDatabase(backend: Backend): Promise<BenchDatabase> {
  const name = `gd_bench_${randomBytes(6).toString('hex')}`;
  if (backend === 'pglite') {
    const dataDir = join(WORK_DIR, name);
    const database = await openDatabase({ dataDir });
    await migrate(database.db);
    return {
      ...database,
      drop: async () => {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await migrate(database.db);
  return {
    ...database,
    url: url.toString(),
    async drop() {
      await database.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export const BENCH_AUDIT = { id: null, name: 'bench', orgUnitId: null };

/**
 * County → station ST01 (materialised path as the demo builds it), then feeders and areas through
 * the product's import, so every database a benchmark compares starts from the same state.
 */
export async function prepareStation(db: Database['db'], feedersCsv: Buffer, areasCsv: Buffer): Promise<ImportActor> {
  const countyId = await ensureRootCounty(db);
  const county = await db.selectFrom('org_units').select('path').where('id', '=', countyId).executeTakeFirstOrThrow();
  const station = await db
    .insertInto('org_units')
    .values({ code: 'ST01', name: '基准供电所', kind: 'station', parent_id: countyId, path: county.path })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('org_units')
    .set({ path: `${county.path}${station.id}/` })
    .where('id', '=', station.id)
    .execute();
  const actor: ImportActor = { audit: BENCH_AUDIT, stationIds: [station.id] };
  for (const [kind, data] of [
    ['feeders', feedersCsv],
    ['areas', areasCsv],
  ] as const) {
    const r = await importLedger(db, actor, kind, `${kind}.csv`, data);
    if (r.status !== 'succeeded') throw new Error(`setup: ${kind} rejected: ${JSON.stringify(r.errors.slice(0, 3))}`);
  }
  return actor;
}

/** Process high-water mark of resident memory so far, in MiB (maxRSS is in KiB). */
export function maxRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function writeResult(file: string, result: object): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, file);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
