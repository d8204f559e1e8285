// R-MTR-06: the theft screening over the database's own records. Each customer's daily
// consumption series (daily_consumption) is scored by the domain's explainable signals, joined
// by two facts only the database knows: register readings that went backwards (a meter event)
// and a rise of the customer's transformer-area line loss over the window (persisted monthly
// results). The ranked suspects of a run are kept with their explanations.
import { sql, type Kysely } from 'kysely';
import type { AreaLossChange, MeterEvent, TheftInput } from '@griddesk/domain/metering/theft';
import { daysInPeriod, periodMinus } from '@griddesk/domain';
import type { SuspectList, SuspectSignal, TheftRunResult } from '@griddesk/shared';
import type { DB } from '../../db/schema';
import { AppError } from '../../errors';
import { writeAudit, type AuditActor } from '../../audit/write';
import { activeMeteringPolicy } from '../policy-repo';
import { compute } from '../../platform/threads/compute';
import { forEachIdRange, forEachKeyRange, type NextIds } from '../../platform/jobs/id-ranges';

const DAY_MS = 86_400_000;
const dayNo = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const lastDayOf = (period: string) => `${period}-${String(daysInPeriod(period)).padStart(2, '0')}`;

/** Reports how far a long run is; a job's ctx.progress (it also yields and ends the run on shutdown). */
export type Progress = (done: number, total: number, phase: string) => Promise<void>;
const noProgress: Progress = async () => {};

async function windowEnd(db: Kysely<DB>, stationIds: number[], period: string | undefined): Promise<string> {
  if (period) return lastDayOf(period);
  // per station, so each is one backward step of the (station_id, day) index
  const row = await sql<{ last: string | null }>`
    select max((select max(day) from daily_consumption where station_id = s))::text as last from unnest(${stationIds}::int[]) s`.execute(db);
  const last = row.rows[0]?.last;
  if (!last) throw new AppError('conflict', '尚无日用电量数据，请先导入日电量序列', 'No daily consumption yet: import the daily series first');
  return last;
}

export async function runTheftScreening(
  db: Kysely<DB>,
  actor: AuditActor,
  stationIds: number[],
  opts: { period?: string; progress?: Progress } = {},
): Promise<TheftRunResult> {
  const progress = opts.progress ?? noProgress;
  const { version, policy } = await activeMeteringPolicy(db);
  const to = await windowEnd(db, stationIds, opts.period);
  const firstPeriod = periodMinus(to.slice(0, 7), policy.theft.windowMonths - 1);
  const from = `${firstPeriod}-01`;
  const T = dayNo(to) - dayNo(from) + 1;

  // one row per customer with its days packed as "offset:kWh" pairs, so memory stays per customer;
  // read in chunks of customers
  // parsed as each chunk arrives, so the parsing is spread between the chunks too
  const input: (TheftInput & { customerId: number })[] = [];
  // only the customers with days in the window: their cost per customer is alike, so the chunks
  // stay even (most customers of a station may have no daily series at all)
  const seriesTotal =
    // one probe of the (customer_id, day) key per customer, not a scan of every day in the window
    (
      await sql<{ n: number }>`
      select count(*) as n from customers c
      where c.station_id = any(${stationIds}::int[])
        and exists (select 1 from daily_consumption d where d.customer_id = c.id and d.day between ${from}::date and ${to}::date)`.execute(db)
    ).rows[0]!.n;
  const withSeries: NextIds = async (after, limit) =>
    (
      await sql<{ customer_id: number }>`
        select customer_id from daily_consumption
        where customer_id > ${after} and station_id = any(${stationIds}::int[]) and day between ${from}::date and ${to}::date
        group by customer_id order by customer_id limit ${limit}`.execute(db)
    ).rows.map((r) => r.customer_id);
  await forEachKeyRange(
    withSeries,
    Number(seriesTotal),
    async (lo, hi) => {
      const r = await sql<{ customer_id: number; account_no: string; area_code: string | null; packed: string }>`
        select d.customer_id, cu.account_no, a.code as area_code,
               string_agg((d.day - ${from}::date)::text || ':' || coalesce(d.kwh::text, ''), ',') as packed
        from daily_consumption d join customers cu on cu.id = d.customer_id left join areas a on a.id = cu.area_id
        where d.customer_id between ${lo} and ${hi} and d.station_id = any(${stationIds}::int[]) and d.day between ${from}::date and ${to}::date
        group by d.customer_id, cu.account_no, a.code`.execute(db);
      for (const row of r.rows) {
        const days: (number | null)[] = new Array(T).fill(null);
        for (const pair of row.packed.split(',')) {
          const k = pair.indexOf(':');
          const v = pair.slice(k + 1);
          if (v !== '') days[Number(pair.slice(0, k))] = Number(v);
        }
        input.push({ customerId: row.customer_id, consNo: String(row.customer_id), days, ...(row.area_code ? { area: row.area_code } : {}) });
      }
    },
    (done, total) => progress(done, total, 'reading_series'),
  );
  if (!input.length) throw new AppError('conflict', `${from} 至 ${to} 没有日用电量数据`, `No daily consumption between ${from} and ${to}`);

  // registers that went backwards: each reading against the one before it of the same meter, when
  // that is the month before; in chunks of meters
  const reversed: { customer_id: number; period: string }[] = [];
  await forEachIdRange(
    db,
    'meters',
    stationIds,
    async (lo, hi) => {
      const r = await sql<{ customer_id: number; period: string }>`
        select m.customer_id, r.period from (
          select meter_id, period, station_id, reading,
                 lag(reading) over w as prev_reading, lag(period) over w as prev_period
          from readings
          where meter_id between ${lo} and ${hi} and period between ${periodMinus(firstPeriod, 1)} and ${to.slice(0, 7)}
          window w as (partition by meter_id order by period)
        ) r join meters m on m.id = r.meter_id
        where m.role = 'customer' and r.station_id = any(${stationIds}::int[]) and r.period >= ${firstPeriod}
          and r.reading < r.prev_reading
          and r.prev_period = to_char(to_date(r.period, 'YYYY-MM') - interval '1 month', 'YYYY-MM')`.execute(db);
      reversed.push(...r.rows);
    },
    (done, total) => progress(done, total, 'reading_meters'),
  );
  const events = new Map<number, MeterEvent[]>();
  for (const r of reversed) {
    const day = Math.max(0, dayNo(`${r.period}-01`) - dayNo(from));
    events.set(r.customer_id, [...(events.get(r.customer_id) ?? []), { kind: 'reversed_reading', day }]);
  }

  // area loss rise: mean computable rate of the window's second half against its first half
  const losses = await sql<{ code: string; period: string; loss_rate: string }>`
    select code, period, loss_rate from line_loss_results
    where level = 'area' and station_id = any(${stationIds}::int[]) and period between ${firstPeriod} and ${to.slice(0, 7)}
      and class <> 'not_computable' and loss_rate is not null order by code, period`.execute(db);
  const byArea = new Map<string, { period: string; rate: number }[]>();
  for (const l of losses.rows) byArea.set(l.code, [...(byArea.get(l.code) ?? []), { period: l.period, rate: Number(l.loss_rate) }]);
  const areaLoss: Record<string, AreaLossChange> = {};
  for (const [code, list] of byArea) {
    if (list.length < 4) continue;
    const half = Math.floor(list.length / 2);
    const mean = (xs: { rate: number }[]) => xs.reduce((s, x) => s + x.rate, 0) / xs.length;
    const before = mean(list.slice(0, half));
    const after = mean(list.slice(half));
    if (after > before) areaLoss[code] = { before, after, day: Math.max(0, dayNo(`${list[half]!.period}-01`) - dayNo(from)) };
  }

  await progress(0, input.length, 'scoring');
  for (const c of input) {
    const ev = events.get(c.customerId);
    if (ev) c.events = ev;
  }
  // the scoring compares every customer with the population: seconds for a county, so it runs in
  // the compute thread while the event loop keeps answering
  const scores = await compute(
    'scoreTheft',
    input.map(({ customerId: _, ...c }) => c),
    { weights: policy.theft.weights, startDate: from, areaLoss },
  );
  await progress(input.length, input.length, 'saving');
  const suspects = scores.filter((s) => !s.insufficientData && s.score >= policy.theft.minScore);
  const insufficient = scores.filter((s) => s.insufficientData).length;

  return db.transaction().execute(async (tx) => {
    const run = await tx
      .insertInto('theft_runs')
      .values({
        source: 'daily',
        window_from: from,
        window_to: to,
        station_ids: stationIds,
        scored: scores.length - insufficient,
        insufficient,
        policy_version: version,
        created_by: actor.name,
      })
      .returning(['id', 'run_at'])
      .executeTakeFirstOrThrow();
    for (let i = 0; i < suspects.length; i += 200) {
      await tx
        .insertInto('theft_suspects')
        .values(
          suspects.slice(i, i + 200).map((s, k) => ({
            run_id: run.id,
            rank: i + k + 1,
            customer_id: Number(s.consNo),
            score: s.score,
            signals: JSON.stringify(s.signals),
          })),
        )
        .execute();
    }
    await writeAudit(tx, actor, {
      entity: 'theft_run',
      entityId: run.id,
      action: 'run',
      after: { from, to, scored: scores.length - insufficient, insufficient, suspects: suspects.length, policyVersion: version },
    });
    return {
      runId: run.id,
      runAt: new Date(run.run_at).toISOString(),
      source: 'daily',
      window: { from, to },
      scored: scores.length - insufficient,
      insufficient,
      suspects: suspects.length,
    };
  });
}

/** The latest run covering any of the caller's stations, its suspects limited to those stations. */
export async function latestSuspects(db: Kysely<DB>, stationIds: number[], limit: number): Promise<SuspectList> {
  const run = stationIds.length
    ? await db
        .selectFrom('theft_runs')
        .selectAll()
        .where(sql<boolean>`station_ids && ${sql.val(stationIds)}::int[]`)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  if (!run) return { runId: null, runAt: null, source: null, window: null, items: [], total: 0 };
  const inScope = db
    .selectFrom('theft_suspects as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .where('s.run_id', '=', run.id)
    .where('c.station_id', 'in', stationIds);
  const rows = await inScope
    .leftJoin('areas as a', 'a.id', 'c.area_id')
    .select(['s.rank', 's.score', 's.signals', 'c.account_no', 'c.name', 'a.code as area_code'])
    .orderBy('s.rank')
    .limit(limit)
    .execute();
  const total = rows.length < limit ? rows.length : Number((await inScope.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    runId: run.id,
    runAt: new Date(run.run_at).toISOString(),
    source: run.source,
    window: { from: String(run.window_from).slice(0, 10), to: String(run.window_to).slice(0, 10) },
    items: rows.map((r, i) => ({
      rank: i + 1,
      accountNo: r.account_no,
      customerName: r.name,
      areaCode: r.area_code,
      score: Number(r.score.toFixed(4)),
      signals: r.signals as SuspectSignal[],
    })),
    total,
  };
}
