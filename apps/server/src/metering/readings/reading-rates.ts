// R-MTR-02: the actual-reading rate (实抄率) per station and per team, residential and
// non-residential apart: meters read on site / customer meters in service. A customer belongs to
// the team of its area's manager (分片管理), or, without an area, to the team of its own manager.
import { sql, type Kysely } from 'kysely';
import type { ReadingCounts as RateCell, ReadingRateRow as RateRow } from '@griddesk/shared';
import type { DB } from '../../db/schema';

const empty = (): RateCell => ({ meters: 0, actual: 0, estimated: 0, missed: 0, rate: null });

export async function readingRates(db: Kysely<DB>, period: string, stationIds: number[]): Promise<RateRow[]> {
  if (!stationIds.length) return [];
  const groups = await sql<{
    station_id: number;
    team_id: number | null;
    customer_class: 'residential' | 'non_residential';
    meters: number;
    actual: number;
    estimated: number;
    missed: number;
  }>`
    select m.station_id, t.id as team_id, cu.customer_class,
           count(*)::int as meters,
           (count(*) filter (where r.method = 'actual'))::int as actual,
           (count(*) filter (where r.method = 'estimated'))::int as estimated,
           (count(*) filter (where r.id is null))::int as missed
    from meters m
    join customers cu on cu.id = m.customer_id
    left join areas a on a.id = cu.area_id
    left join users u on u.id = coalesce(a.manager_id, cu.manager_id)
    left join org_units t on t.id = u.org_unit_id and t.kind = 'team'
    left join readings r on r.meter_id = m.id and r.period = ${period}
    where m.role = 'customer' and m.status = 'in_service' and m.station_id = any(${stationIds}::int[])
    group by 1, 2, 3`.execute(db);
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'kind', 'parent_id'])
    .where((eb) => eb.or([eb('id', 'in', stationIds), eb.and([eb('parent_id', 'in', stationIds), eb('kind', '=', 'team')])]))
    .orderBy('path')
    .orderBy('code')
    .execute();
  const rows = new Map<number, RateRow>(
    units.map((u) => [
      u.id,
      {
        unitId: u.id,
        code: u.code,
        name: u.name,
        kind: u.kind === 'team' ? 'team' : 'station',
        parentId: u.kind === 'team' ? u.parent_id : null,
        residential: empty(),
        nonResidential: empty(),
      },
    ]),
  );
  const add = (unit: number | null, g: (typeof groups.rows)[number]) => {
    const row = unit === null ? undefined : rows.get(unit);
    if (!row) return;
    const cell = g.customer_class === 'residential' ? row.residential : row.nonResidential;
    cell.meters += Number(g.meters);
    cell.actual += Number(g.actual);
    cell.estimated += Number(g.estimated);
    cell.missed += Number(g.missed);
  };
  for (const g of groups.rows) {
    add(g.station_id, g);
    add(g.team_id, g);
  }
  const out = [...rows.values()];
  for (const r of out) for (const c of [r.residential, r.nonResidential]) c.rate = c.meters ? c.actual / c.meters : null;
  // each station followed by its teams
  return out.filter((r) => r.kind === 'station').flatMap((s) => [s, ...out.filter((t) => t.parentId === s.unitId)]);
}
