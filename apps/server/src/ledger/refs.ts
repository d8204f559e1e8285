// Loads the references an import row may point to, restricted to the importer's stations.
import type { Kysely } from 'kysely';
import type { LedgerKind } from '@griddesk/shared';
import type { LedgerRefs } from '@griddesk/domain';
import type { DB } from '../db/schema';

export async function loadRefs(db: Kysely<DB>, kind: LedgerKind, stationIds: number[]): Promise<LedgerRefs> {
  const none = stationIds.length === 0;
  const stations = none ? [] : await db.selectFrom('org_units').select(['id', 'code']).where('kind', '=', 'station').where('id', 'in', stationIds).execute();
  const feeders = none || kind === 'feeders' ? [] : await db.selectFrom('feeders').select(['id', 'code', 'station_id']).where('station_id', 'in', stationIds).execute();
  const areas = none || (kind !== 'customers' && kind !== 'meters')
    ? []
    : await db.selectFrom('areas').innerJoin('feeders', 'feeders.id', 'areas.feeder_id').select(['areas.id', 'areas.code', 'areas.feeder_id', 'feeders.code as feeder_code', 'areas.station_id']).where('areas.station_id', 'in', stationIds).execute();
  const customers = none || kind !== 'meters' ? [] : await db.selectFrom('customers').select(['id', 'account_no', 'station_id']).where('station_id', 'in', stationIds).execute();
  return {
    stations: new Map(stations.map((s) => [s.code, s.id])),
    feeders: new Map(feeders.map((f) => [f.code, { id: f.id, stationId: f.station_id }])),
    areas: new Map(areas.map((a) => [a.code, { id: a.id, feederId: a.feeder_id, feederCode: a.feeder_code, stationId: a.station_id }])),
    customers: new Map(customers.map((c) => [c.account_no, { id: c.id, stationId: c.station_id }])),
  };
}
