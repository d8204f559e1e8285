// Keeps the persisted line loss true to the readings (R-MTR-04, R-MTR-05): a month whose readings
// changed after its last run (a late file, a correction) — or that was never run — is run again,
// so trends and the watch list never show figures the readings no longer support. Runs in the
// background every few minutes; only the recent months are looked at.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { allStationIds } from '../readings/consumption';
import { runLineLossJob } from './monthly-run';
import { startPeriodic, type Periodic } from '../../background';

const SYSTEM = { id: null, name: 'system', orgUnitId: null };

/** Months (of the newest `recent` with readings) whose readings changed after their line-loss run. */
export async function staleLossPeriods(db: Kysely<DB>, recent = 3): Promise<string[]> {
  const rows = await sql<{ period: string }>`
    with r as (select period, changed_at from reading_periods order by period desc limit ${recent}),
    l as (select period, max(run_at) as ran from line_loss_results where level = 'area' and period in (select period from r) group by period)
    select r.period from r left join l using (period) where l.ran is null or l.ran < r.changed_at order by r.period`.execute(db);
  return rows.rows.map((r) => r.period);
}

export async function refreshLineLoss(db: Kysely<DB>): Promise<string[]> {
  const periods = await staleLossPeriods(db);
  if (!periods.length) return [];
  const stations = await allStationIds(db);
  for (const p of periods) await runLineLossJob(db, SYSTEM, p, stations);
  return periods;
}

export function startLineLossRefresh(db: Kysely<DB>, opts: { intervalMs: number; log: { error(o: object, msg: string): void } }): Periodic {
  return startPeriodic('line-loss refresh', opts.intervalMs, () => refreshLineLoss(db), opts.log);
}
