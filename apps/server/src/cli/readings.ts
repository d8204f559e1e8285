// `griddesk readings flags --period YYYY-MM --format csv` (R-MTR-02): meter_no,flag rows.
import { csvTextField, isPeriod } from '@griddesk/domain';
import { loadConfig } from '../config';
import { openAndMigrate } from '../main';
import { readingFlags } from '../metering/readings/flags';
import { activeMeteringPolicy } from '../metering/policy-repo';
import { allStationIds } from '../metering/readings/consumption';
import { parse, UsageError } from './args';

const USAGE = 'griddesk readings flags --period YYYY-MM [--format csv]';

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'flags') throw new UsageError(`usage: ${USAGE}`);
  const { values } = parse(rest, { period: { type: 'string' }, format: { type: 'string', default: 'csv' } }, USAGE);
  if (!values.period || !isPeriod(values.period)) throw new UsageError(`--period must be a month as YYYY-MM (got "${values.period ?? ''}")\nusage: ${USAGE}`);
  if (values.format !== 'csv') throw new UsageError(`--format must be csv\nusage: ${USAGE}`);
  const database = await openAndMigrate(loadConfig());
  try {
    const { policy } = await activeMeteringPolicy(database.db);
    // meter numbers are text from the ledger: written so that a spreadsheet cannot run them (issue 9 item 5)
    const flags = await readingFlags(database.db, values.period, await allStationIds(database.db), policy.readingFlags);
    process.stdout.write(`${['meter_no,flag', ...flags.map((f) => `${csvTextField(f.meterNo)},${f.flag}`)].join('\n')}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
