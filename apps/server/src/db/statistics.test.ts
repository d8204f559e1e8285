import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../testing/databases';
import { refreshStatistics } from './statistics';

describe.each(BACKENDS)('planner statistics after a bulk write on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await sql`create table gd_stats_probe (id int)`.execute(t.db);
    await sql`insert into gd_stats_probe select generate_series(1, 1000)`.execute(t.db);
  });
  afterAll(async () => t?.drop());

  const tuples = async () =>
    Number((await sql<{ n: number }>`select reltuples::float8 as n from pg_class where relname = 'gd_stats_probe'`.execute(t.db)).rows[0]!.n);

  it('analyses a table never analysed, then only when a write touches more than a tenth of it', async () => {
    expect(await tuples()).toBeLessThan(0);
    expect(await refreshStatistics(t.db, 'gd_stats_probe', 1000)).toBe(true);
    expect(await tuples()).toBe(1000);
    expect(await refreshStatistics(t.db, 'gd_stats_probe', 100)).toBe(false);
    await sql`insert into gd_stats_probe select generate_series(1, 500)`.execute(t.db);
    expect(await refreshStatistics(t.db, 'gd_stats_probe', 500)).toBe(true);
    expect(await tuples()).toBe(1500);
    expect(await refreshStatistics(t.db, 'gd_stats_probe', 0)).toBe(false);
  });

  it('refuses a table name that is not a plain identifier', async () => {
    await expect(refreshStatistics(t.db, 'x; drop table users', 1)).rejects.toThrow(/unsafe/);
  });
});
