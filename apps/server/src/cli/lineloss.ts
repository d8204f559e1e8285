// `griddesk lineloss --period YYYY-MM --level area|feeder|station --format csv` (R-MTR-04).
import { isPeriod } from '@griddesk/domain';
import { loadConfig } from '../config';
import { openAndMigrate } from '../main';
import { lineLoss, lossCsv } from '../metering/line-loss';
import { allStationIds } from '../metering/consumption';
import { parse, UsageError } from './args';

const USAGE = 'griddesk lineloss --period YYYY-MM --level area|feeder|station [--format csv]';
const LEVELS = ['area', 'feeder', 'station'] as const;

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, { period: { type: 'string' }, level: { type: 'string', default: 'area' }, format: { type: 'string', default: 'csv' } }, USAGE);
  if (!values.period || !isPeriod(values.period)) throw new UsageError(`--period must be a month as YYYY-MM (got "${values.period ?? ''}")\nusage: ${USAGE}`);
  if (!(LEVELS as readonly string[]).includes(values.level!)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}\nusage: ${USAGE}`);
  if (values.format !== 'csv') throw new UsageError(`--format must be csv\nusage: ${USAGE}`);
  const database = await openAndMigrate(loadConfig());
  try {
    const rows = await lineLoss(database.db, values.level as (typeof LEVELS)[number], values.period, await allStationIds(database.db));
    process.stdout.write(lossCsv(rows));
    return 0;
  } finally {
    await database.close();
  }
}
