// R-MTR-06 "实时跟踪掌握大宗用户、专变用户用电情况，对电量波动大用户实行动态分析": the month's large
// customers — high-voltage (dedicated transformer) customers and any customer above the policy's
// monthly kWh — with their consumption against last month and the same month last year; a change
// beyond the policy's swing marks a customer to analyse.
import { sql, type Kysely } from 'kysely';
import { periodMinus, previousPeriod } from '@griddesk/domain';
import type { LargeCustomer } from '@griddesk/shared';
import type { DB } from '../../db/schema';

export async function largeCustomers(
  db: Kysely<DB>,
  period: string,
  stationIds: number[],
  policy: { minMonthlyKwh: number; swing: number },
): Promise<LargeCustomer[]> {
  if (!stationIds.length) return [];
  const p1 = previousPeriod(period);
  const y1 = periodMinus(period, 12);
  const y0 = previousPeriod(y1);
  // consumption per meter for the three months compared (each needs the reading before it), summed per customer
  const rows = await sql<{
    account_no: string;
    name: string;
    voltage_level: 'LV' | 'HV';
    area_code: string | null;
    feeder_code: string;
    cur: string | null;
    prev: string | null;
    ly: string | null;
  }>`
    with r as (
      select m.id as meter_id, m.customer_id, r.period, r.reading, m.multiplier from readings r join meters m on m.id = r.meter_id
      where m.role = 'customer' and m.status = 'in_service' and r.station_id = any(${stationIds}::int[])
        and r.period in (${period}, ${p1}, ${previousPeriod(p1)}, ${y1}, ${y0})
    ),
    mk as (
      select meter_id, customer_id, max(multiplier) as mult,
             max(reading) filter (where period = ${period}) - max(reading) filter (where period = ${p1}) as cur,
             max(reading) filter (where period = ${p1}) - max(reading) filter (where period = ${previousPeriod(p1)}) as prev,
             max(reading) filter (where period = ${y1}) - max(reading) filter (where period = ${y0}) as ly
      from r group by meter_id, customer_id
    ),
    k as (select customer_id, sum(cur * mult) as cur, sum(prev * mult) as prev, sum(ly * mult) as ly from mk group by customer_id)
    select c.account_no, c.name, c.voltage_level, a.code as area_code, f.code as feeder_code, k.cur::text as cur, k.prev::text as prev, k.ly::text as ly
    from k join customers c on c.id = k.customer_id left join areas a on a.id = c.area_id join feeders f on f.id = c.feeder_id
    where c.voltage_level = 'HV' or k.cur >= ${policy.minMonthlyKwh}`.execute(db);
  const change = (now: number | null, before: number | null) => (now === null || before === null || before <= 0 ? null : (now - before) / before);
  const num = (v: string | null) => (v === null ? null : Number(v));
  const out = rows.rows.map((r) => {
    const cur = num(r.cur);
    const mom = change(cur, num(r.prev));
    const yoy = change(cur, num(r.ly));
    return {
      accountNo: r.account_no,
      name: r.name,
      voltageLevel: r.voltage_level,
      areaCode: r.area_code,
      feederCode: r.feeder_code,
      kwh: cur === null ? null : cur.toFixed(2),
      lastMonthKwh: r.prev === null ? null : Number(r.prev).toFixed(2),
      lastYearKwh: r.ly === null ? null : Number(r.ly).toFixed(2),
      monthOnMonth: mom === null ? null : Number(mom.toFixed(4)),
      yearOnYear: yoy === null ? null : Number(yoy.toFixed(4)),
      swing: (mom !== null && Math.abs(mom) > policy.swing) || (yoy !== null && Math.abs(yoy) > policy.swing),
    };
  });
  // the largest swings first, then the largest consumers
  const size = (c: LargeCustomer) => Math.max(Math.abs(c.monthOnMonth ?? 0), Math.abs(c.yearOnYear ?? 0));
  return out.sort((a, b) => Number(b.swing) - Number(a.swing) || size(b) - size(a) || Number(b.kwh ?? 0) - Number(a.kwh ?? 0));
}
