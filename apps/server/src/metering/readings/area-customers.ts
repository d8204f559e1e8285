// The last step of the line-loss drill-down: the customer meters of one transformer area for a
// period, with both readings, the consumption and the reading-quality flags (R-MTR-02, R-MTR-04).
import { sql, type Kysely } from 'kysely';
import { previousPeriod } from '@griddesk/domain';
import type { AreaCustomers, ReadingFlag } from '@griddesk/shared';
import type { DB } from '../../db/schema';
import { errors } from '../../errors';
import { readingFlags } from './flags';

export async function areaCustomers(db: Kysely<DB>, period: string, areaCode: string, stationIds: number[]): Promise<AreaCustomers> {
  const area = await db
    .selectFrom('areas')
    .select(['id', 'code', 'name', 'station_id'])
    .where('code', '=', areaCode)
    .where('station_id', 'in', stationIds.length ? stationIds : [-1])
    .executeTakeFirst();
  if (!area) throw errors.notFound({ zh: '台区', en: 'Transformer area' });
  const rows = await sql<{
    account_no: string;
    name: string;
    meter_no: string;
    multiplier: string;
    prev: string | null;
    cur: string | null;
    method: 'actual' | 'estimated' | null;
  }>`
    select cu.account_no, cu.name, m.meter_no, m.multiplier::text as multiplier, prev.reading::text as prev, cur.reading::text as cur, cur.method
    from customers cu join meters m on m.customer_id = cu.id and m.role = 'customer' and m.status = 'in_service'
    left join readings cur on cur.meter_id = m.id and cur.period = ${period}
    left join readings prev on prev.meter_id = m.id and prev.period = ${previousPeriod(period)}
    where cu.area_id = ${area.id} order by cu.account_no, m.meter_no`.execute(db);
  const flags = new Map<string, ReadingFlag[]>();
  for (const f of await readingFlags(db, period, [area.station_id])) flags.set(f.meterNo, [...(flags.get(f.meterNo) ?? []), f.flag]);
  const items = rows.rows.map((r) => ({
    accountNo: r.account_no,
    name: r.name,
    meterNo: r.meter_no,
    multiplier: r.multiplier,
    previousReading: r.prev,
    reading: r.cur,
    method: r.method,
    kwh: r.prev !== null && r.cur !== null ? ((Number(r.cur) - Number(r.prev)) * Number(r.multiplier)).toFixed(2) : null,
    flags: flags.get(r.meter_no) ?? [],
  }));
  return { period, area: { code: area.code, name: area.name }, items, total: items.length };
}
