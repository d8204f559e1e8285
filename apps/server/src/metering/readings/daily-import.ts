// Daily consumption series (R-MTR-01 "also import daily consumption series for analysis"), in the
// layout of the public SGCC dataset that the theft screening also reads: CONS_NO (the account
// number), optional FLAG (ignored here), one column per date YYYY/M/D, blank = missing.
// All-or-nothing like every import: a format error or any unknown account rejects the file, with
// every unknown account's line named. A day already stored for a customer is replaced.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ApiErrorField } from '@griddesk/shared';
import { parseSgcc, SgccFormatError } from '@griddesk/domain/metering/sgcc-csv';
import type { DB } from '../../db/schema';
import { copyCsv } from '../../db/copy';
import { refreshStatistics } from '../../db/statistics';
import { writeAudit, type AuditActor } from '../../audit/write';
import type { ImportResult } from '../../ledger/import';

const CHUNK_ROWS = 200_000;

export async function importDailyConsumption(db: Kysely<DB>, actor: AuditActor, stationIds: number[], filename: string, text: string): Promise<ImportResult> {
  let table: ReturnType<typeof parseSgcc>;
  try {
    table = parseSgcc(text);
  } catch (e) {
    if (!(e instanceof SgccFormatError)) throw e;
    return {
      status: 'rejected',
      rows: 0,
      inserted: 0,
      updated: 0,
      errors: [{ row: e.line, field: e.column ?? 'file', reason: e.message, reasonZh: `文件格式错误：${e.message}` }],
    };
  }
  // rows are named by position (header = row 1), which is the file line when it has no blank lines
  const accounts = table.rows.map((r) => r.consNo);
  const known = new Map<string, { id: number; station_id: number }>();
  for (let i = 0; i < accounts.length; i += 10_000) {
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'account_no', 'station_id'])
      .where('account_no', 'in', accounts.slice(i, i + 10_000))
      .execute();
    for (const r of rows) known.set(r.account_no, r);
  }
  const errors: ApiErrorField[] = [];
  table.rows.forEach((r, i) => {
    const c = known.get(r.consNo);
    if (!c)
      errors.push({
        row: i + 2,
        record: i + 1,
        field: 'CONS_NO',
        value: r.consNo,
        reason: 'no customer has this account number',
        reasonZh: '没有此户号的客户',
      });
    else if (!stationIds.includes(c.station_id))
      errors.push({
        row: i + 2,
        record: i + 1,
        field: 'CONS_NO',
        value: r.consNo,
        reason: 'the customer belongs to a station outside your organisation',
        reasonZh: '该客户不属于您管辖的供电所',
      });
  });
  if (errors.length) return { status: 'rejected', rows: table.rows.length, inserted: 0, updated: 0, errors };

  let values = 0;
  let replaced = 0;
  await db.transaction().execute(async (tx) => {
    await sql`create temp table gd_daily_stage (customer_id int, day date, kwh numeric, station_id int) on commit drop`.execute(tx);
    let buf: string[] = [];
    const flush = async () => {
      if (buf.length) await copyCsv(tx, 'gd_daily_stage', ['customer_id', 'day', 'kwh', 'station_id'], `${buf.join('\n')}\n`);
      buf = [];
    };
    for (const r of table.rows) {
      const c = known.get(r.consNo)!;
      for (let d = 0; d < r.days.length; d++) {
        const v = r.days[d];
        if (v === null || v === undefined) continue;
        buf.push(`${c.id},${table.dates[d]},${v},${c.station_id}`);
        values++;
        if (buf.length >= CHUNK_ROWS) await flush();
      }
    }
    await flush();
    const existing = await sql<{ n: number }>`select count(*)::int as n from gd_daily_stage s join daily_consumption d using (customer_id, day)`.execute(tx);
    replaced = Number(existing.rows[0]?.n ?? 0);
    await sql`insert into daily_consumption (customer_id, day, kwh, station_id) select customer_id, day, kwh, station_id from gd_daily_stage
      on conflict (customer_id, day) do update set kwh = excluded.kwh`.execute(tx);
    await writeAudit(tx, actor, {
      entity: 'daily_consumption',
      action: 'import',
      after: { filename, customers: table.rows.length, from: table.dates[0], to: table.dates.at(-1), values, replaced },
    });
  });
  await refreshStatistics(db, 'daily_consumption', values);
  return { status: 'succeeded', rows: table.rows.length, inserted: values - replaced, updated: replaced, errors: [] };
}
