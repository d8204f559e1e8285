// Consumption of every in-service meter for a period: (reading P − reading P−1) × multiplier, in
// exact numeric arithmetic. A meter without both readings has no consumption (null).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { previousPeriod } from '@griddesk/domain';
import type { DB } from '../../db/schema';

/** A CTE body listing meter_id, role, area_id, feeder_id, customer_id, has_reading, kwh. */
export function consumptionCte(period: string, stationIds: number[]): RawBuilder<unknown> {
  return sql`
    select m.id as meter_id, m.role, m.area_id, m.feeder_id, m.customer_id, m.station_id,
           (cur.reading is not null) as has_reading,
           case when cur.reading is not null and prev.reading is not null then (cur.reading - prev.reading) * m.multiplier end as kwh
    from meters m
    left join readings cur on cur.meter_id = m.id and cur.period = ${period}
    left join readings prev on prev.meter_id = m.id and prev.period = ${previousPeriod(period)}
    where m.status = 'in_service' and m.station_id = any(${stationIds}::int[])`;
}

export async function allStationIds(db: Kysely<DB>): Promise<number[]> {
  return (await db.selectFrom('org_units').select('id').where('kind', '=', 'station').execute()).map((s) => s.id);
}
