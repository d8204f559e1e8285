// R-MTR-02: reading quality flags for a period — estimated (估抄), missed (漏抄), wrong (错抄: lower
// than the previous reading, no meter change being recorded yet, or an implausible jump against
// the meter's own history), duplicate (重抄: read again with a different value, kept as a correction).
import { sql, type Kysely } from 'kysely';
import { DEFAULT_READING_FLAG_POLICY, type ReadingFlagPolicy } from '@griddesk/domain';
import type { ReadingFlag, ReadingFlagRow } from '@griddesk/shared';
import type { DB } from '../../db/schema';

export async function readingFlags(
  db: Kysely<DB>,
  period: string,
  stationIds: number[],
  policy: ReadingFlagPolicy = DEFAULT_READING_FLAG_POLICY,
): Promise<ReadingFlagRow[]> {
  const rows = await sql<{ meter_no: string; flag: ReadingFlag }>`
    with cur as (select * from readings where period = ${period} and station_id = any(${stationIds}::int[])),
    prev as (
      select distinct on (r.meter_id) r.meter_id, r.reading, r.period from readings r
      where r.period < ${period} and r.station_id = any(${stationIds}::int[]) order by r.meter_id, r.period desc
    ),
    hist as (
      select r.meter_id, r.period, r.reading - lag(r.reading) over (partition by r.meter_id order by r.period) as used
      from readings r where r.period < ${period} and r.period >= to_char(to_date(${period}, 'YYYY-MM') - make_interval(months => ${policy.historyMonths + 1}), 'YYYY-MM')
        and r.station_id = any(${stationIds}::int[])
    ),
    med as (select meter_id, percentile_cont(0.5) within group (order by used) as median from hist where used is not null and used >= 0 group by meter_id)
    select m.meter_no, 'estimated' as flag from cur join meters m on m.id = cur.meter_id where cur.method = 'estimated'
    union all
    select m.meter_no, 'missed' from meters m left join cur on cur.meter_id = m.id
      where m.status = 'in_service' and m.station_id = any(${stationIds}::int[]) and cur.id is null
    union all
    select m.meter_no, 'wrong' from cur join meters m on m.id = cur.meter_id join prev on prev.meter_id = cur.meter_id
      left join med on med.meter_id = cur.meter_id
      where cur.reading < prev.reading
         or (med.median is not null and (cur.reading - prev.reading) > greatest(${policy.jumpFactor}::numeric * med.median::numeric, ${policy.jumpMinKwh}::numeric))
    union all
    select m.meter_no, 'duplicate' from cur join meters m on m.id = cur.meter_id where cur.revision > 1
    order by 1, 2`.execute(db);
  return rows.rows.map((r) => ({ meterNo: r.meter_no, flag: r.flag }));
}
