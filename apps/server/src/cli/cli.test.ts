// The command line as a user runs it: a child process per command, on a database of its own.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../testing/databases';
import { openDatabase } from '../db/connection';
import { lineLossFixture } from '../testing/line-loss-fixture';

const run = promisify(execFile);
const BIN = new URL('../../bin/griddesk.js', import.meta.url).pathname;

async function griddesk(args: string[], env: Record<string, string>) {
  try {
    const r = await run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const dataLines = (file: string) => readFileSync(file, 'utf8').trim().split('\n').length - 1;

describe('griddesk command line', () => {
  it('an unknown command or bad option exits 2 with a message', async () => {
    const unknown = await griddesk(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command');
    const bad = await griddesk(['generate', '--customers', 'many', '--areas', '2', '--out', '/tmp/x'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--customers must be a non-negative integer');
  });

  it('generate is deterministic for a seed', async () => {
    const a = mkdtempSync(join(tmpdir(), 'gd-gen-'));
    const b = mkdtempSync(join(tmpdir(), 'gd-gen-'));
    try {
      for (const out of [a, b]) expect((await griddesk(['generate', '--customers', '500', '--areas', '10', '--seed', '3', '--out', out], {})).code).toBe(0);
      for (const f of ['feeders.csv', 'areas.csv', 'customers.csv', 'meters.csv'])
        expect(readFileSync(join(a, f), 'utf8')).toBe(readFileSync(join(b, f), 'utf8'));
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});

describe('griddesk deadline (issue 3 acceptance)', () => {
  it.each([
    [['--profile', 'seed', '--rule', 'complaint.feedback', '--from', '2025-09-30T10:00:00+08:00'], '2025-10-16T00:00:00+08:00'],
    [['--profile', 'sgcc-2011', '--rule', 'application.plan_reply.residential', '--from', '2025-09-30T10:00:00+08:00'], '2025-10-12T00:00:00+08:00'],
    [['--profile', 'seed', '--rule', 'repair.lv_drop', '--from', '2025-06-01T23:00:00+08:00', '--area', 'rural'], '2025-06-02T19:00:00+08:00'],
    [
      [
        '--profile',
        'seed',
        '--rule',
        'repair.lv_drop',
        '--from',
        '2025-06-01T10:00:00+08:00',
        '--pause',
        '2025-06-01T11:00:00+08:00/2025-06-01T12:30:00+08:00',
      ],
      '2025-06-01T15:30:00+08:00',
    ],
  ])('%j prints %s', async (args, expected) => {
    const r = await griddesk(['deadline', ...args], {});
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${expected}\n`);
  });

  it.each([
    [['--profile', 'nope', '--rule', 'complaint.feedback', '--from', '2025-09-30T10:00:00+08:00'], 'unknown profile'],
    [['--profile', 'seed', '--rule', 'nope', '--from', '2025-09-30T10:00:00+08:00'], 'unknown rule'],
    [['--profile', 'seed', '--rule', 'complaint.feedback', '--from', '2025-09-31T10:00:00+08:00'], 'not an ISO-8601 instant'],
    [['--profile', 'seed', '--rule', 'repair.lv_drop', '--from', '2025-06-01T10:00:00+08:00', '--area', 'moon'], '--area'],
  ])('%j exits 2 with a message', async (args, message) => {
    const r = await griddesk(['deadline', ...args], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe.each(BACKENDS)('generate then import on %s (acceptance of issue 2)', (backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-cli-'));
  let target: TestDatabase | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    if (backend === 'postgres') {
      target = await createTestDatabase('postgres', { migrate: false });
      env = { DATABASE_URL: target.url! };
    } else {
      env = { DATA_DIR: join(dir, 'data') };
    }
  });
  afterAll(async () => {
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports feeders, areas, customers and meters; the database counts match the files', async () => {
    const out = join(dir, 'csv');
    expect((await griddesk(['generate', '--customers', '1000', '--areas', '20', '--seed', '7', '--out', out], {})).code).toBe(0);
    for (const kind of ['feeders', 'areas', 'customers', 'meters']) {
      const r = await griddesk(['import', kind, join(out, `${kind}.csv`)], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`imported ${kind}: ${dataLines(join(out, `${kind}.csv`))} rows`);
    }
    const database = target ?? (await openDatabase({ dataDir: env.DATA_DIR }));
    try {
      for (const table of ['feeders', 'areas', 'customers', 'meters'] as const) {
        const n = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db);
        expect(n.rows[0]!.n, table).toBe(dataLines(join(out, `${table}.csv`)));
      }
    } finally {
      if (!target) await database.close();
    }
  });

  it('issue 4: readings import, line loss by level and reading flags from the command line', async () => {
    const fx = lineLossFixture();
    const fdir = join(dir, 'fx');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(fdir, { recursive: true });
    for (const kind of ['feeders', 'areas', 'customers', 'meters', 'readings'] as const) {
      writeFileSync(join(fdir, `${kind}.csv`), fx[kind]);
    }
    for (const kind of ['feeders', 'areas', 'customers', 'meters', 'readings']) {
      const r = await griddesk(['import', kind, join(fdir, `${kind}.csv`)], env);
      expect(r.code, r.stderr).toBe(0);
    }
    const area = await griddesk(['lineloss', '--period', '2025-06', '--level', 'area', '--format', 'csv'], env);
    expect(area.code, area.stderr).toBe(0);
    expect(area.stdout).toContain('code,supply_kwh,sales_kwh,loss_kwh,loss_rate,class\n');
    expect(area.stdout).toContain('A1,1000.00,900.00,100.00,0.1000,qualified\n');
    expect(area.stdout).toContain('A2,1000.00,810.00,190.00,0.1900,not_computable\n');
    expect(area.stdout).toContain('A3,1000.00,1100.00,-100.00,-0.1000,negative_loss\n');
    const flags = await griddesk(['readings', 'flags', '--period', '2025-06', '--format', 'csv'], env);
    expect(flags.stdout).toContain('meter_no,flag\n');
    expect(flags.stdout).toContain('M-A1C1,estimated\n');
    expect(flags.stdout).toContain('M-A2C0,missed\n');
    expect(flags.stdout).toContain('M-A4C9,wrong\n');

    // the county's comprehensive loss, and the monthly job persisting every level; station ST01
    // also holds the ledger an earlier test generated, whose gateways have no readings, so the
    // station and the county above it sum the fixture's sales but have no supply to compare
    const station = await griddesk(['lineloss', '--period', '2025-06', '--level', 'station'], env);
    expect(station.stdout).toBe('code,supply_kwh,sales_kwh,loss_kwh,loss_rate,class\nST01,,3659.00,,,not_computable\n');
    const county = await griddesk(['lineloss', '--period', '2025-06', '--level', 'county', '--persist'], env);
    expect(county.code, county.stderr).toBe(0);
    expect(county.stdout).toMatch(/^code,supply_kwh,sales_kwh,loss_kwh,loss_rate,class\n[^,\n]+,,3659\.00,,,not_computable\n$/);
    expect(county.stderr).toContain('"qualified":1,"high_loss":1,"negative_loss":1,"not_computable":');
    // daily series in the SGCC layout: an unknown account rejects the file whole, the row named
    const daily = join(fdir, 'daily.csv');
    writeFileSync(daily, 'CONS_NO,2025/6/1,2025/6/2\nA1C0,3.1,2.9\nNOPE,1,1\n');
    const rejected = await griddesk(['import', 'daily', daily], env);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('3,2,CONS_NO,"NOPE"');
    writeFileSync(daily, 'CONS_NO,2025/6/1,2025/6/2\nA1C0,3.1,2.9\nA1C1,,4\n');
    const ok = await griddesk(['import', 'daily', daily], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('imported daily: 2 customers (3 new, 0 changed)');
  }, 180_000); // twelve command-line runs, each opening and migrating the database

  it('a bad file is rejected whole with exit code 1 and the row named', async () => {
    const bad = join(dir, 'bad.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, 'feeder_code,name,station_code\nZ1,ok,ST01\nZ 2,bad code,ST01\n');
    const r = await griddesk(['import', 'feeders', bad], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3,2,feeder_code,"Z 2"');
  });
});
