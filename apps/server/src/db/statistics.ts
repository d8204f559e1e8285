// Planner statistics after a bulk write. PGlite has no autovacuum, and PostgreSQL's comes later
// than the next query: a table that just grew by a large share would be planned on stale row
// counts (measured: reading flags on the demo 31 s before ANALYZE, 1.2 s after). The rule is
// autovacuum's own, applied at once: analyse when the table was never analysed or the write
// touched more than a tenth of it.
import type { DB } from './schema';
import { sql, type Kysely } from 'kysely';

export async function refreshStatistics(db: Kysely<DB>, table: string, rowsWritten: number): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`unsafe table name ${table}`);
  if (rowsWritten <= 0) return false;
  const row = await sql<{ tuples: number }>`select reltuples::float8 as tuples from pg_class where oid = ${table}::regclass`.execute(db);
  const tuples = Number(row.rows[0]?.tuples ?? -1);
  if (tuples >= 0 && rowsWritten <= 0.1 * tuples) return false;
  await sql.raw(`analyze ${table}`).execute(db);
  return true;
}
