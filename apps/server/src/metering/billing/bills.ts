// R-MTR-03: monthly bills from the readings and the active tariff table, bill corrections with a
// reason, and the billing error rate (电费差错率). Every write is audited in its own transaction.
import { sql, type Insertable, type Kysely } from 'kysely';
import { isPeriod, previousPeriod } from '@griddesk/domain';
import { kwhText, toKwhUnits, type TariffDefinition } from '@griddesk/domain/metering/tariff';
import { billingErrorRate, computeBill } from '@griddesk/domain/metering/bill';
import type { BillComputeResult, BillCorrection, BillCorrectionInput, BillDetail, BillingErrorRate, BillPage } from '@griddesk/shared';
import type { DB } from '../../db/schema';
import type { BillTable } from '../../db/schema-billing';
import { allInForce } from '../../platform/documents/service';
import { TARIFFS } from '../kinds';
import { writeAudit, writeAudits, type AuditActor } from '../../audit/write';
import { forEachIdRange } from '../../platform/jobs/id-ranges';
import { AppError, errors } from '../../errors';

/** The tariff table in force of every code (R-MTR-03); bills keep the version they were computed with. */
export async function activeTariffs(db: Kysely<DB>): Promise<Map<string, TariffDefinition>> {
  const all = await allInForce(db, TARIFFS);
  return new Map([...all].map(([code, t]) => [code, t.definition]));
}

interface ConsumptionRow {
  customer_id: number;
  station_id: number;
  account_no: string;
  tariff_code: string;
  kwh: string;
  negative: boolean;
  meters: BillDetail['meters'] | string;
}

/** Reports how far a long run is (a job's ctx.progress: it also gives way to requests there). */
export type Progress = (done: number, total: number, phase: string) => Promise<void>;

/**
 * Bills every customer with consumption in the period (customer meters with both readings),
 * in the given stations. Tiers use the kWh of earlier bills of the same calendar year, so months
 * must be billed in order. A customer's kWh is the sum over its meters, rounded to 4 decimals
 * (reading × multiplier can carry more). Re-running a period updates bills whose figures changed.
 *
 * The customers are billed in chunks, each in a short transaction of its own (read consumption,
 * year-to-date and existing bills of the chunk; one multi-row upsert; the audit rows of bills
 * that changed), sized to take about 30 ms: the embedded database is never held for long. A run
 * that stops half-way leaves the chunks it finished, each complete; running it again finishes
 * the rest and changes nothing in those (they come out `unchanged`). The run's own audit row,
 * with the totals, is written at the end.
 */
export async function computeBills(
  db: Kysely<DB>,
  actor: AuditActor,
  period: string,
  stationIds: number[],
  opts: { progress?: Progress } = {},
): Promise<BillComputeResult> {
  if (!isPeriod(period)) throw errors.validation([{ field: 'period', reason: 'must be a month as YYYY-MM', reasonZh: '须为 YYYY-MM 格式的月份' }]);
  const progress = opts.progress ?? (async () => {});
  const tariffs = await activeTariffs(db);
  const ids = stationIds.length ? stationIds : [-1];
  const result: BillComputeResult = { period, computed: 0, unchanged: 0, keptCorrected: 0, noTariff: [], negative: [], totalFen: 0 };
  await progress(0, 0, 'billing');
  // the customers of the stations in id ranges; each range billed in a short transaction of its own
  await forEachIdRange(
    db,
    'customers',
    stationIds,
    (lo, hi) => db.transaction().execute((tx) => billChunk(tx, actor, period, ids, tariffs, lo, hi, result)),
    (done, total) => progress(done, total, 'billing'),
  );
  result.noTariff.sort();
  result.negative.sort();
  await writeAudit(db, actor, { entity: 'bills', entityId: period, action: 'compute', after: { stationIds, ...result } });
  return result;
}

/** Bills the customers with ids in [lo, hi], adding to `result`. */
async function billChunk(
  tx: Kysely<DB>,
  actor: AuditActor,
  period: string,
  stationIds: number[],
  tariffs: Map<string, TariffDefinition>,
  lo: number,
  hi: number,
  result: BillComputeResult,
): Promise<void> {
  const yearStart = `${period.slice(0, 4)}-01`;
  const rows = (
    await sql<ConsumptionRow>`
      select cu.id as customer_id, cu.station_id, cu.account_no, cu.tariff_code,
             round(sum((cur.reading - prev.reading) * m.multiplier), 4)::text as kwh,
             bool_or((cur.reading - prev.reading) * m.multiplier < 0) as negative,
             json_agg(json_build_object('meterNo', m.meter_no, 'previous', prev.reading::text, 'current', cur.reading::text, 'multiplier', m.multiplier::text) order by m.meter_no) as meters
      from meters m
      join customers cu on cu.id = m.customer_id
      join readings cur on cur.meter_id = m.id and cur.period = ${period}
      join readings prev on prev.meter_id = m.id and prev.period = ${previousPeriod(period)}
      where m.customer_id between ${lo} and ${hi} and m.role = 'customer' and m.status = 'in_service'
        and m.station_id = any(${stationIds}::int[])
      group by cu.id, cu.station_id, cu.account_no, cu.tariff_code`.execute(tx)
  ).rows;
  if (!rows.length) return;
  const [ytdRows, existingRows] = [
    await tx
      .selectFrom('bills')
      .select(['customer_id', sql<string>`sum(kwh)::text`.as('kwh')])
      .where('customer_id', '>=', lo)
      .where('customer_id', '<=', hi)
      .where('period', '>=', yearStart)
      .where('period', '<', period)
      .groupBy('customer_id')
      .execute(),
    await tx
      .selectFrom('bills as b')
      .select([
        'b.customer_id',
        'b.kwh',
        'b.amount_fen',
        'b.tariff_version',
        sql<boolean>`exists (select 1 from bill_corrections bc where bc.bill_id = b.id)`.as('corrected'),
      ])
      .where('b.customer_id', '>=', lo)
      .where('b.customer_id', '<=', hi)
      .where('b.period', '=', period)
      .execute(),
  ];
  const ytd = new Map(ytdRows.map((r) => [r.customer_id, r.kwh]));
  const existing = new Map(existingRows.map((b) => [b.customer_id, b]));
  const upserts: Insertable<BillTable>[] = [];
  const recomputed = new Map<number, { before: object; after: object }>();
  for (const r of rows) {
    if (r.negative) {
      result.negative.push(r.account_no);
      continue;
    }
    const tariff = tariffs.get(r.tariff_code);
    if (!tariff) {
      result.noTariff.push(r.account_no);
      continue;
    }
    const old = existing.get(r.customer_id);
    if (old?.corrected) {
      result.keptCorrected++;
      continue;
    }
    const before = ytd.get(r.customer_id) ?? '0';
    const kwh = kwhText(toKwhUnits(r.kwh));
    const bill = computeBill({ tariff, kwh, yearToDateKwhBefore: before });
    result.totalFen += bill.amountFen;
    if (old && toKwhUnits(old.kwh) === toKwhUnits(kwh) && old.amount_fen === bill.amountFen && old.tariff_version === tariff.version) {
      result.unchanged++;
      continue;
    }
    const meters = typeof r.meters === 'string' ? JSON.parse(r.meters) : r.meters;
    const detail: BillDetail = { lines: bill.lines, tierPosition: bill.tierPosition, yearToDateKwhBefore: kwhText(toKwhUnits(before)), meters };
    upserts.push({
      customer_id: r.customer_id,
      station_id: r.station_id,
      period,
      kwh,
      amount_fen: bill.amountFen,
      tariff_code: tariff.code,
      tariff_version: tariff.version,
      detail: JSON.stringify(detail),
    });
    if (old) {
      recomputed.set(r.customer_id, {
        before: { kwh: old.kwh, amountFen: old.amount_fen, tariffVersion: old.tariff_version },
        after: { kwh, amountFen: bill.amountFen, tariffVersion: tariff.version },
      });
    }
    result.computed++;
  }
  if (!upserts.length) return;
  const written = await tx
    .insertInto('bills')
    .values(upserts)
    .onConflict((oc) =>
      oc.columns(['customer_id', 'period']).doUpdateSet((eb) => ({
        kwh: eb.ref('excluded.kwh'),
        amount_fen: eb.ref('excluded.amount_fen'),
        tariff_code: eb.ref('excluded.tariff_code'),
        tariff_version: eb.ref('excluded.tariff_version'),
        detail: eb.ref('excluded.detail'),
        updated_at: sql`now()`,
      })),
    )
    .returning(['id', 'customer_id'])
    .execute();
  const audits = written
    .filter((w) => recomputed.has(w.customer_id))
    .map((w) => ({ entity: 'bill', entityId: w.id, action: 'recompute', ...recomputed.get(w.customer_id)! }));
  await writeAudits(tx, actor, audits);
}

/** The bills in the stations matching the filter, latest month first, a page of them with their count. */
export async function listBills(
  db: Kysely<DB>,
  stationIds: number[],
  filter: { period?: string; accountNo?: string },
  limit = 100,
  offset = 0,
): Promise<BillPage> {
  let matching = db
    .selectFrom('bills as b')
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .where('b.station_id', 'in', stationIds.length ? stationIds : [-1]);
  if (filter.period) matching = matching.where('b.period', '=', filter.period);
  if (filter.accountNo) matching = matching.where('c.account_no', '=', filter.accountNo);
  const { total } = await matching.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const q = matching.select([
    'b.id',
    'b.customer_id',
    'c.account_no',
    'b.period',
    'b.kwh',
    'b.amount_fen',
    'b.tariff_code',
    'b.tariff_version',
    'b.detail',
    sql<number>`(select count(*) from bill_corrections bc where bc.bill_id = b.id)`.as('corrections'),
  ]);
  const rows = await q.orderBy('b.period', 'desc').orderBy('c.account_no').limit(limit).offset(offset).execute();
  const items = rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    accountNo: r.account_no,
    period: r.period,
    kwh: kwhText(toKwhUnits(r.kwh)),
    amountFen: r.amount_fen,
    tariffCode: r.tariff_code,
    tariffVersion: r.tariff_version,
    detail: r.detail as BillDetail,
    corrections: Number(r.corrections),
  }));
  return { items, total: Number(total) };
}

/** Corrects a bill (退补 / 差错更正): the reason is required; before and after are kept and audited. */
export async function correctBill(
  db: Kysely<DB>,
  actor: AuditActor,
  stationIds: number[],
  billId: number,
  input: BillCorrectionInput,
): Promise<BillCorrection> {
  const reason = input.reason.trim();
  if (!reason) throw errors.validation([{ field: 'reason', reason: 'is required', reasonZh: '必填' }]);
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen < 0)
    throw errors.validation([{ field: 'amountFen', reason: 'must be a non-negative whole number of fen', reasonZh: '须为非负整数（分）' }]);
  let kwh: string | undefined;
  if (input.kwh !== undefined) {
    try {
      kwh = kwhText(toKwhUnits(input.kwh));
    } catch {
      kwh = undefined;
    }
    if (kwh === undefined || kwh.startsWith('-'))
      throw errors.validation([{ field: 'kwh', reason: 'must be a non-negative number (at most 4 decimals)', reasonZh: '须为非负数（最多 4 位小数）' }]);
  }
  return db.transaction().execute(async (tx) => {
    const bill = await tx
      .selectFrom('bills')
      .selectAll()
      .where('id', '=', billId)
      .where('station_id', 'in', stationIds.length ? stationIds : [-1])
      .forUpdate()
      .executeTakeFirst();
    if (!bill) throw errors.notFound({ zh: '电费账单', en: 'Bill' });
    const before = { kwh: kwhText(toKwhUnits(bill.kwh)), amountFen: bill.amount_fen };
    const after = { kwh: kwh ?? before.kwh, amountFen: input.amountFen };
    if (after.kwh === before.kwh && after.amountFen === before.amountFen) {
      throw new AppError('conflict', '更正后的金额与电量与原账单相同', 'The correction does not change the bill');
    }
    await tx.updateTable('bills').set({ kwh: after.kwh, amount_fen: after.amountFen, updated_at: sql`now()` }).where('id', '=', billId).execute();
    const { id } = await tx
      .insertInto('bill_corrections')
      .values({ bill_id: billId, reason, before: JSON.stringify(before), after: JSON.stringify(after), actor_id: actor.id, actor_name: actor.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, actor, { entity: 'bill', entityId: billId, action: 'correct', before, after: { ...after, reason, correctionId: id } });
    return { correctionId: id, billId, before, after, reason };
  });
}

/** 电费差错率 for a period: bills corrected at least once / bills issued. */
export async function billingErrors(db: Kysely<DB>, period: string, stationIds: number[]): Promise<BillingErrorRate> {
  const row = await db
    .selectFrom('bills as b')
    .select([
      sql<number>`count(*)`.as('bills'),
      sql<number>`count(*) filter (where exists (select 1 from bill_corrections bc where bc.bill_id = b.id))`.as('corrected'),
    ])
    .where('b.period', '=', period)
    .where('b.station_id', 'in', stationIds.length ? stationIds : [-1])
    .executeTakeFirstOrThrow();
  const bills = Number(row.bills);
  const corrected = Number(row.corrected);
  return { period, bills, corrected, errorRate: billingErrorRate(bills, corrected) };
}
