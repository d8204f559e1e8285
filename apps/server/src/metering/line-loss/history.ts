// Reading back the persisted line-loss results (R-MTR-05): a point's trend, and the watch list of
// transformer areas not qualified for consecutive months with the person responsible for each
// (分片管理). Only what the monthly job wrote is read; a month never run is a gap, not a guess.
import { sql, type Kysely } from 'kysely';
import { periodMinus, previousPeriod, type LossClass, type LossLevel } from '@griddesk/domain';
import type { LossTrend, LossTrendPoint, WatchItem } from '@griddesk/shared';
import type { DB } from '../../db/schema';
import { countiesOf } from './monthly-run';

const rate = (v: string | null) => (v === null ? null : Number(v).toFixed(4));
const kwh = (v: string | null) => (v === null ? null : Number(v).toFixed(2));

async function inScope(db: Kysely<DB>, level: LossLevel, stationIds: number[]) {
  return level === 'county' ? { column: 'point_id' as const, ids: await countiesOf(db, stationIds) } : { column: 'station_id' as const, ids: stationIds };
}

export async function lastRunAt(db: Kysely<DB>, period: string, level: LossLevel, stationIds: number[]): Promise<string | null> {
  const scope = await inScope(db, level, stationIds);
  if (!scope.ids.length) return null;
  const row = await db
    .selectFrom('line_loss_results')
    .select((eb) => eb.fn.max('run_at').as('at'))
    .where('period', '=', period)
    .where('level', '=', level)
    .where(scope.column, 'in', scope.ids)
    .executeTakeFirst();
  return row?.at ? new Date(row.at as unknown as string).toISOString() : null;
}

export async function lossTrend(db: Kysely<DB>, level: LossLevel, code: string, from: string, to: string, stationIds: number[]): Promise<LossTrend> {
  const scope = await inScope(db, level, stationIds);
  const rows = scope.ids.length
    ? await db
        .selectFrom('line_loss_results')
        .select(['period', 'supply_kwh', 'sales_kwh', 'loss_kwh', 'loss_rate', 'class', 'target'])
        .where('level', '=', level)
        .where('code', '=', code)
        .where('period', '>=', from)
        .where('period', '<=', to)
        .where(scope.column, 'in', scope.ids)
        .orderBy('period')
        .execute()
    : [];
  const points: LossTrendPoint[] = rows.map((r) => ({
    period: r.period,
    supplyKwh: kwh(r.supply_kwh),
    salesKwh: kwh(r.sales_kwh),
    lossKwh: kwh(r.loss_kwh),
    lossRate: rate(r.loss_rate),
    class: r.class,
  }));
  const last = rows.at(-1);
  return { level, code, target: last?.target == null ? null : Number(last.target), points };
}

/** Areas whose class was other than qualified in each of the `minStreak` months up to `period`. */
export async function lossWatchlist(db: Kysely<DB>, period: string, minStreak: number, stationIds: number[], lookback = 24): Promise<WatchItem[]> {
  if (!stationIds.length) return [];
  const from = periodMinus(period, lookback - 1);
  const rows = await sql<{
    point_id: number;
    code: string;
    name: string;
    feeder_code: string;
    manager_id: number | null;
    manager_name: string | null;
    period: string;
    class: LossClass;
    loss_rate: string | null;
  }>`
    select r.point_id, a.code, a.name, f.code as feeder_code, a.manager_id, u.display_name as manager_name, r.period, r.class, r.loss_rate
    from line_loss_results r join areas a on a.id = r.point_id join feeders f on f.id = a.feeder_id left join users u on u.id = a.manager_id
    where r.level = 'area' and r.period between ${from} and ${period} and r.station_id = any(${stationIds}::int[])
      and exists (select 1 from line_loss_results x where x.level = 'area' and x.point_id = r.point_id and x.period = ${period} and x.class <> 'qualified')
    order by a.code, r.period desc`.execute(db);
  const byArea = new Map<number, typeof rows.rows>();
  for (const r of rows.rows) byArea.set(r.point_id, [...(byArea.get(r.point_id) ?? []), r]);
  const items: WatchItem[] = [];
  for (const list of byArea.values()) {
    // newest first; the streak stops at the first qualified month or the first month not run
    let streak = 0;
    let expected = period;
    for (const r of list) {
      if (r.period !== expected || r.class === 'qualified') break;
      streak++;
      expected = previousPeriod(expected);
    }
    if (streak < minStreak) continue;
    const head = list[0]!;
    items.push({
      code: head.code,
      name: head.name,
      feederCode: head.feeder_code,
      manager: head.manager_id === null ? null : { id: head.manager_id, name: head.manager_name ?? '' },
      streak,
      lossRate: rate(head.loss_rate),
      class: head.class,
      history: list
        .slice(0, 12)
        .reverse()
        .map((r) => ({ period: r.period, class: r.class, lossRate: rate(r.loss_rate) })),
    });
  }
  return items.sort((a, b) => b.streak - a.streak || a.code.localeCompare(b.code));
}
