// `griddesk lineloss --period YYYY-MM --level area|feeder|station|county --format csv [--persist]`
// (R-MTR-04). Classes come from the database's active metering policy. --persist runs the monthly
// job (every level computed, classed and stored for trends and the watch list) before printing.
import { isPeriod, LOSS_LEVELS, type LossLevel } from '@griddesk/domain';
import { loadConfig } from '../config';
import { openAndMigrate } from '../main';
import { lineLoss, lossCsv } from '../metering/line-loss/compute';
import { runLineLossJob } from '../metering/line-loss/monthly-run';
import { activeMeteringPolicy } from '../metering/policy-repo';
import { allStationIds } from '../metering/readings/consumption';
import { parse, UsageError } from './args';

const USAGE = `griddesk lineloss --period YYYY-MM --level ${[...LOSS_LEVELS].reverse().join('|')} [--format csv] [--persist]`;

export async function run(args: string[]): Promise<number> {
  const { values } = parse(
    args,
    {
      period: { type: 'string' },
      level: { type: 'string', default: 'area' },
      format: { type: 'string', default: 'csv' },
      persist: { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (!values.period || !isPeriod(values.period)) throw new UsageError(`--period must be a month as YYYY-MM (got "${values.period ?? ''}")\nusage: ${USAGE}`);
  if (!(LOSS_LEVELS as readonly string[]).includes(values.level!)) throw new UsageError(`--level must be one of ${LOSS_LEVELS.join(', ')}\nusage: ${USAGE}`);
  if (values.format !== 'csv') throw new UsageError(`--format must be csv\nusage: ${USAGE}`);
  const database = await openAndMigrate(loadConfig());
  try {
    const db = database.db;
    const stations = await allStationIds(db);
    if (values.persist) {
      const run = await runLineLossJob(db, { id: null, name: 'cli', orgUnitId: null }, values.period, stations);
      console.error(`line-loss job ${values.period}: ${JSON.stringify(run.counts)} (policy v${run.policyVersion})`);
    }
    const { policy } = await activeMeteringPolicy(db);
    process.stdout.write(lossCsv(await lineLoss(db, values.level as LossLevel, values.period, stations, policy.lineLoss)));
    return 0;
  } finally {
    await database.close();
  }
}
