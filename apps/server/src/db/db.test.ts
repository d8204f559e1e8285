import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../testing/databases';
import { migrate } from './migrator';
import { writeAudit } from '../audit/write';

describe.each(BACKENDS)('database on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(async () => t?.drop());

  it('migrations are applied once and re-running them is a no-op', async () => {
    expect(await migrate(t.db)).toEqual([]);
    const rows = await sql<{ name: string }>`select name from schema_migrations`.execute(t.db);
    expect(rows.rows.map((r) => r.name)).toContain('20261123_0001_foundation.sql');
  });

  it('R-SYS-02 the audit trail refuses UPDATE, DELETE and TRUNCATE', async () => {
    await writeAudit(t.db, { id: null, name: 'test', orgUnitId: null }, { entity: 'x', action: 'create', after: { a: 1 } });
    await expect(sql`update audit_log set actor_name = 'forged'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    const n = await sql<{ n: number }>`select count(*) as n from audit_log where actor_name = 'test'`.execute(t.db);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('an audit row written in a rolled-back transaction disappears with the change', async () => {
    await expect(
      t.db.transaction().execute(async (tx) => {
        await writeAudit(tx, { id: null, name: 'rollback-test', orgUnitId: null }, { entity: 'x', action: 'create' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const n = await sql<{ n: number }>`select count(*) as n from audit_log where actor_name = 'rollback-test'`.execute(t.db);
    expect(n.rows[0]!.n).toBe(0);
  });

  it('concurrent callers never see each other’s uncommitted rows', async () => {
    await sql`create table if not exists conc (v int)`.execute(t.db);
    let sawUncommitted = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const writer = t.db.transaction().execute(async (tx) => {
      await sql`insert into conc values (1)`.execute(tx);
      await gate;
      throw new Error('roll back');
    });
    const reader = (async () => {
      // On PGlite this waits for the transaction to finish; on PostgreSQL it runs beside it.
      const r = await sql<{ n: number }>`select count(*) as n from conc`.execute(t.db);
      sawUncommitted = r.rows[0]!.n > 0;
    })();
    setTimeout(release, 50);
    await expect(writer).rejects.toThrow('roll back');
    await reader;
    expect(sawUncommitted).toBe(false);
  });

  it('numeric comes back as an exact string, int8 as a number, date as its day key', async () => {
    const r = await sql<{
      n: number;
      x: string;
      d: string;
    }>`select count(*) as n, 0.1::numeric + 0.2::numeric as x, date '2026-02-17' as d from (values (1), (2)) v(a)`.execute(t.db);
    expect(r.rows[0]).toEqual({ n: 2, x: '0.3', d: '2026-02-17' });
  });
});
