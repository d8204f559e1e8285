import { generateLedger, writeLedgerCsv } from '../demo/generator';
import { DEFAULT_START, writeReadingsCsv } from '../demo/readings-generator';
import { parse, positiveInt, UsageError } from './args';

const USAGE = `griddesk generate --customers N --areas M [--feeders F] --seed S --out DIR [--months K [--start YYYY-MM]]
  --months K   also write readings.csv: one reading per meter for K consecutive months (none when 0 or absent)
  --start      the first month of the readings (default ${DEFAULT_START})`;

export async function run(args: string[]): Promise<number> {
  const { values } = parse(
    args,
    {
      customers: { type: 'string' },
      areas: { type: 'string' },
      feeders: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      months: { type: 'string' },
      start: { type: 'string' },
    },
    USAGE,
  );
  if (!values.out) throw new UsageError(`--out is required\nusage: ${USAGE}`);
  const customers = positiveInt('customers', values.customers, USAGE);
  const areas = positiveInt('areas', values.areas, USAGE);
  if (areas < 1) throw new UsageError(`--areas must be at least 1\nusage: ${USAGE}`);
  const seed = positiveInt('seed', values.seed, USAGE, 1);
  const feeders = values.feeders === undefined ? undefined : positiveInt('feeders', values.feeders, USAGE);
  const months = positiveInt('months', values.months, USAGE, 0);
  const start = values.start ?? DEFAULT_START;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(start)) throw new UsageError(`--start must be a month as YYYY-MM (got "${start}")\nusage: ${USAGE}`);
  const t0 = Date.now();
  const ledger = generateLedger({ customers, areas, seed, ...(feeders ? { feeders } : {}) });
  const counts = await writeLedgerCsv(values.out, ledger);
  if (months > 0) {
    const r = await writeReadingsCsv(values.out, ledger, { months, start, seed });
    counts.readings = r.rows;
    const p = r.planted;
    console.log(
      `planted: high loss ${p.highLossArea ?? '-'}, negative loss ${p.negativeLossArea ?? '-'}, ` +
        `not computable ${p.notComputable ? `${p.notComputable.area} in ${p.notComputable.period}` : '-'}, ` +
        `${p.estimated.length} estimated, ${p.missed.length} missed, ${p.lower.length} lower readings in ${p.hostAreas.join(' ')}`,
    );
  }
  console.log(
    `wrote ${Object.entries(counts)
      .map(([k, n]) => `${k}.csv ${n}`)
      .join(', ')} to ${values.out} in ${Date.now() - t0} ms`,
  );
  return 0;
}
