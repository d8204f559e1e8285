// R-MTR-04: line loss per transformer area (LV), feeder (HV) and station (comprehensive) for a
// period. SQL sums the energy exactly; the domain function classes each point by the policy.
import { sql, type Kysely } from 'kysely';
import { classifyLoss, DEFAULT_LINE_LOSS_POLICY, type LineLossPolicy, type LossClass, type LossLevel } from '@griddesk/domain';
import type { DB } from '../db/schema';
import { consumptionCte } from './consumption';

export interface LossRow {
  code: string;
  supplyKwh: string | null;
  salesKwh: string;
  lossKwh: string | null;
  lossRate: string | null;
  coverage: number;
  class: LossClass;
}

interface Agg {
  code: string;
  supply: string | null;
  supply_missing: boolean;
  sales: string | null;
  meters: number;
  read: number;
}

function query(level: LossLevel, period: string, stationIds: number[]) {
  const c = consumptionCte(period, stationIds);
  if (level === 'area') {
    return sql<Agg>`
      with c as (${c})
      select a.code,
             (select sum(kwh) from c where c.role = 'area' and c.area_id = a.id) as supply,
             coalesce((select bool_or(kwh is null) from c where c.role = 'area' and c.area_id = a.id), true) as supply_missing,
             (select sum(c.kwh) from c join customers cu on cu.id = c.customer_id where c.role = 'customer' and cu.area_id = a.id) as sales,
             (select count(*) from c join customers cu on cu.id = c.customer_id where c.role = 'customer' and cu.area_id = a.id) as meters,
             (select count(*) filter (where c.has_reading) from c join customers cu on cu.id = c.customer_id where c.role = 'customer' and cu.area_id = a.id) as read
      from areas a where a.station_id = any(${stationIds}::int[]) order by a.code`;
  }
  if (level === 'feeder') {
    // out of a feeder: its transformer-area meters and its high-voltage customers' meters
    return sql<Agg>`
      with c as (${c}),
      outm as (
        select a.feeder_id, c.kwh, c.has_reading from c join areas a on a.id = c.area_id where c.role = 'area'
        union all
        select cu.feeder_id, c.kwh, c.has_reading from c join customers cu on cu.id = c.customer_id where c.role = 'customer' and cu.voltage_level = 'HV'
      )
      select f.code,
             (select sum(kwh) from c where c.role = 'gateway' and c.feeder_id = f.id) as supply,
             coalesce((select bool_or(kwh is null) from c where c.role = 'gateway' and c.feeder_id = f.id), true) as supply_missing,
             (select sum(kwh) from outm where outm.feeder_id = f.id) as sales,
             (select count(*) from outm where outm.feeder_id = f.id) as meters,
             (select count(*) filter (where has_reading) from outm where outm.feeder_id = f.id) as read
      from feeders f where f.station_id = any(${stationIds}::int[]) order by f.code`;
  }
  return sql<Agg>`
    with c as (${c})
    select s.code,
           (select sum(kwh) from c where c.role = 'gateway' and c.station_id = s.id) as supply,
           coalesce((select bool_or(kwh is null) from c where c.role = 'gateway' and c.station_id = s.id), true) as supply_missing,
           (select sum(kwh) from c where c.role = 'customer' and c.station_id = s.id) as sales,
           (select count(*) from c where c.role = 'customer' and c.station_id = s.id) as meters,
           (select count(*) filter (where has_reading) from c where c.role = 'customer' and c.station_id = s.id) as read
    from org_units s where s.kind = 'station' and s.id = any(${stationIds}::int[]) order by s.code`;
}

const fixed = (v: number, d: number) => (Object.is(Math.round(v * 10 ** d) / 10 ** d, -0) ? 0 : Math.round(v * 10 ** d) / 10 ** d).toFixed(d);

export async function lineLoss(db: Kysely<DB>, level: LossLevel, period: string, stationIds: number[], policy: LineLossPolicy = DEFAULT_LINE_LOSS_POLICY): Promise<LossRow[]> {
  const rows = (await query(level, period, stationIds).execute(db)).rows;
  return rows.map((r) => {
    const supply = r.supply_missing || r.supply === null ? null : Number(r.supply);
    const sales = r.sales === null ? 0 : Number(r.sales);
    const coverage = Number(r.meters) === 0 ? 1 : Number(r.read) / Number(r.meters);
    const res = classifyLoss(level, { supply, sales, coverage }, policy);
    return {
      code: r.code,
      supplyKwh: supply === null ? null : fixed(supply, 2),
      salesKwh: fixed(sales, 2),
      lossKwh: res.loss === null ? null : fixed(res.loss, 2),
      lossRate: res.rate === null ? null : fixed(res.rate, 4),
      coverage,
      class: res.class,
    };
  });
}

export function lossCsv(rows: LossRow[]): string {
  const lines = rows.map((r) => [r.code, r.supplyKwh ?? '', r.salesKwh, r.lossKwh ?? '', r.lossRate ?? '', r.class].join(','));
  return ['code,supply_kwh,sales_kwh,loss_kwh,loss_rate,class', ...lines].join('\n') + '\n';
}
