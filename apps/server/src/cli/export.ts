import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { LEDGER_KINDS, type LedgerKind } from '@griddesk/shared';
import { loadConfig } from '../config';
import { openAndMigrate } from '../main';
import { exportCsv, exportXlsx } from '../ledger/export';
import { parse, UsageError } from './args';

const USAGE = `griddesk export ${LEDGER_KINDS.join('|')} [--format csv|xlsx] [--out FILE]`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string', default: 'csv' }, out: { type: 'string' } }, USAGE);
  const kind = positionals[0];
  if (!kind || !(LEDGER_KINDS as readonly string[]).includes(kind)) throw new UsageError(`usage: ${USAGE}`);
  if (values.format !== 'csv' && values.format !== 'xlsx') throw new UsageError(`--format must be csv or xlsx\nusage: ${USAGE}`);
  if (values.format === 'xlsx' && !values.out) throw new UsageError('--out FILE is required for xlsx');
  const database = await openAndMigrate(loadConfig());
  try {
    const stations = (await database.db.selectFrom('org_units').select('id').where('kind', '=', 'station').execute()).map((s) => s.id);
    // The operator at the server's console holds the database itself: the export is the full ledger.
    const scope = { stationIds: stations, reveal: true };
    const stream = values.format === 'xlsx' ? await exportXlsx(database.db, kind as LedgerKind, scope) : exportCsv(database.db, kind as LedgerKind, scope);
    await pipeline(stream, values.out ? createWriteStream(values.out) : process.stdout);
    return 0;
  } finally {
    await database.close();
  }
}
