// The monthly line-loss job (R-MTR-04, R-MTR-05): compute and class every level with the active
// metering policy and persist the results, replacing an earlier run of the same period. Trends,
// rankings and the watch list read what this wrote.
import type { Kysely } from 'kysely';
import { LOSS_LEVELS, type LossLevel } from '@griddesk/domain';
import type { LineLossRun, LossClassCounts } from '@griddesk/shared';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../audit/write';
import { copyCsv } from '../../db/copy';
import { lineLossLevels } from './compute';
import { activeMeteringPolicy } from '../policy-repo';

const emptyCounts = (): LossClassCounts => ({ qualified: 0, high_loss: 0, negative_loss: 0, not_computable: 0 });
const COLUMNS = [
  'period',
  'level',
  'point_id',
  'code',
  'station_id',
  'supply_kwh',
  'sales_kwh',
  'loss_kwh',
  'loss_rate',
  'coverage',
  'class',
  'target',
  'manager_id',
  'policy_version',
  'run_at',
] as const;
const csvText = (v: string) => (/[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);

/** The counties above the given stations: county rows belong to whoever sees one of its stations. */
export async function countiesOf(db: Kysely<DB>, stationIds: number[]): Promise<number[]> {
  if (!stationIds.length) return [];
  const rows = await db.selectFrom('org_units').select('parent_id').distinct().where('id', 'in', stationIds).where('parent_id', 'is not', null).execute();
  return rows.map((r) => r.parent_id!);
}

/** Reports how far a long run is (a job's ctx.progress). */
export type Progress = (done: number, total: number, phase: string) => Promise<void>;

export async function runLineLossJob(
  db: Kysely<DB>,
  actor: AuditActor,
  period: string,
  stationIds: number[],
  levels: readonly LossLevel[] = LOSS_LEVELS,
  opts: { now?: Date; progress?: Progress } = {},
): Promise<LineLossRun> {
  // stamped before reading: a run never claims readings committed while it was computing
  const runAt = opts.now ?? new Date();
  const progress = opts.progress ?? (async () => {});
  const { version, policy } = await activeMeteringPolicy(db);
  // one statement per level, then one short transaction per level replacing its rows: no
  // statement or transaction covers more than one level's points
  const steps = levels.length * 2;
  let step = 0;
  const computed = await lineLossLevels(db, levels, period, stationIds, policy.lineLoss, () => progress(++step, steps, 'computing'));
  // a county's stored figure is replaced only by one computed from all its stations
  const counties = (computed.get('county') ?? []).map((r) => r.pointId);
  const runAtText = runAt.toISOString();
  const counts: LineLossRun['counts'] = {};
  const entries = [...computed];
  for (const [i, [level, rows]] of entries.entries()) {
    await db.transaction().execute(async (tx) => {
      let del = tx.deleteFrom('line_loss_results').where('period', '=', period).where('level', '=', level);
      del =
        level === 'county'
          ? del.where('point_id', 'in', counties.length ? counties : [-1])
          : del.where('station_id', 'in', stationIds.length ? stationIds : [-1]);
      await del.execute();
      const c = emptyCounts();
      for (const r of rows) c[r.class]++;
      counts[level] = c;
      // COPY rather than multi-row INSERTs: a county's thousands of areas in one round trip
      const csv = rows
        .map((r) =>
          [
            period,
            level,
            r.pointId,
            csvText(r.code),
            r.stationId ?? '',
            r.supplyKwh ?? '',
            r.salesKwh,
            r.lossKwh ?? '',
            r.lossRate ?? '',
            r.coverage.toFixed(6),
            r.class,
            r.target,
            r.manager?.id ?? '',
            version,
            runAtText,
          ].join(','),
        )
        .join('\n');
      if (rows.length) await copyCsv(tx, 'line_loss_results', COLUMNS, `${csv}\n`);
      // the run's audit row lands with its last level
      if (i === entries.length - 1) {
        await writeAudit(tx, actor, {
          entity: 'line_loss_run',
          entityId: period,
          action: 'run',
          after: { period, stations: stationIds.length, policyVersion: version, counts },
        });
      }
    });
    await progress(++step, steps, 'saving');
  }
  return { period, runAt: runAt.toISOString(), policyVersion: version, counts };
}
