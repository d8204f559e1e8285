// Loads the references an import row may point to, restricted to the importer's stations.
import { sql, type Kysely } from 'kysely';
import type { ImportFileKind } from '@griddesk/shared';
import type { LedgerRefs } from '@griddesk/domain';
import type { DB } from '../db/schema';

export async function loadRefs(db: Kysely<DB>, kind: ImportFileKind, stationIds: number[]): Promise<LedgerRefs> {
  const none = stationIds.length === 0;
  const stations = none ? [] : await db.selectFrom('org_units').select(['id', 'code']).where('kind', '=', 'station').where('id', 'in', stationIds).execute();
  const feeders =
    none || kind === 'feeders' || kind === 'readings'
      ? []
      : await db.selectFrom('feeders').select(['id', 'code', 'station_id']).where('station_id', 'in', stationIds).execute();
  const areas =
    none || (kind !== 'customers' && kind !== 'meters')
      ? []
      : await db
          .selectFrom('areas')
          .innerJoin('feeders', 'feeders.id', 'areas.feeder_id')
          .select(['areas.id', 'areas.code', 'areas.feeder_id', 'feeders.code as feeder_code', 'areas.station_id'])
          .where('areas.station_id', 'in', stationIds)
          .execute();
  // Meters of a large county reference hundreds of thousands of customers: three arrays in one
  // row cost a fraction of as many row objects (notably on PGlite).
  const customerArrays =
    none || kind !== 'meters'
      ? undefined
      : (
          await sql<{ nos: string[] | null; ids: number[] | null; stations: number[] | null }>`
        select array_agg(account_no) as nos, array_agg(id) as ids, array_agg(station_id) as stations
        from customers where station_id = any(${stationIds}::int[])`.execute(db)
        ).rows[0];
  const nos = customerArrays?.nos ?? [];
  const meterArrays =
    none || kind !== 'readings'
      ? undefined
      : (
          await sql<{ nos: string[] | null; ids: number[] | null; stations: number[] | null }>`
        select array_agg(meter_no) as nos, array_agg(id) as ids, array_agg(station_id) as stations
        from meters where station_id = any(${stationIds}::int[])`.execute(db)
        ).rows[0];
  const meterNos = meterArrays?.nos ?? [];
  return {
    stations: new Map(stations.map((s) => [s.code, s.id])),
    feeders: new Map(feeders.map((f) => [f.code, { id: f.id, stationId: f.station_id }])),
    areas: new Map(areas.map((a) => [a.code, { id: a.id, feederId: a.feeder_id, feederCode: a.feeder_code, stationId: a.station_id }])),
    customers: new Map(nos.map((no, i) => [no, { id: customerArrays!.ids![i]!, stationId: customerArrays!.stations![i]! }])),
    meters: new Map(meterNos.map((no, i) => [no, { id: meterArrays!.ids![i]!, stationId: meterArrays!.stations![i]! }])),
  };
}
