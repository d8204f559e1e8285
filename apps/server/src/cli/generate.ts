import { generateLedger, writeLedgerCsv } from '../demo/generator';
import { parse, positiveInt, UsageError } from './args';

const USAGE = 'griddesk generate --customers N --areas M [--feeders F] --seed S --out DIR';

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, {
    customers: { type: 'string' }, areas: { type: 'string' }, feeders: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' },
  }, USAGE);
  if (!values.out) throw new UsageError(`--out is required\nusage: ${USAGE}`);
  const customers = positiveInt('customers', values.customers, USAGE);
  const areas = positiveInt('areas', values.areas, USAGE);
  if (areas < 1) throw new UsageError(`--areas must be at least 1\nusage: ${USAGE}`);
  const seed = positiveInt('seed', values.seed, USAGE, 1);
  const feeders = values.feeders === undefined ? undefined : positiveInt('feeders', values.feeders, USAGE);
  const t0 = Date.now();
  const ledger = generateLedger({ customers, areas, seed, ...(feeders ? { feeders } : {}) });
  const counts = await writeLedgerCsv(values.out, ledger);
  console.log(`wrote ${Object.entries(counts).map(([k, n]) => `${k}.csv ${n}`).join(', ')} to ${values.out} in ${Date.now() - t0} ms`);
  return 0;
}
