// `griddesk import <kind> FILE`: the same all-or-nothing import as the web page, run as the
// system on every station in the database. `daily` takes daily consumption series in the SGCC
// layout (CONS_NO, optional FLAG, one column per date).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { IMPORT_FILE_KINDS, type ImportFileKind } from '@griddesk/shared';
import { loadConfig } from '../config';
import { openAndMigrate } from '../main';
import { importLedger, type ImportResult } from '../ledger/import';
import { importDailyConsumption } from '../metering/readings/daily-import';
import { ensureRootCounty } from '../org/bootstrap';
import { UsageError } from './args';

const KINDS = [...IMPORT_FILE_KINDS, 'daily'];
const USAGE = `griddesk import ${KINDS.join('|')} FILE`;

export async function run(args: string[]): Promise<number> {
  const [kind, file] = args;
  if (!kind || !file || args.length > 2) throw new UsageError(`usage: ${USAGE}`);
  if (!KINDS.includes(kind)) throw new UsageError(`unknown ledger kind "${kind}"\nusage: ${USAGE}`);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const database = await openAndMigrate(loadConfig());
  try {
    const stations = await database.db.selectFrom('org_units').select('id').where('kind', '=', 'station').execute();
    const countyId = await ensureRootCounty(database.db);
    const t0 = Date.now();
    const actor = { audit: { id: null, name: 'cli', orgUnitId: null }, stationIds: stations.map((s) => s.id), createStationsUnder: countyId };
    const result: ImportResult =
      kind === 'daily'
        ? await importDailyConsumption(database.db, actor.audit, actor.stationIds, basename(file), data.toString('utf8'))
        : await importLedger(database.db, actor, kind as ImportFileKind, basename(file), data);
    if (result.status === 'rejected') {
      console.error(`rejected: nothing was imported / 导入被拒绝，未写入任何数据 (${result.errors.length} problem(s))`);
      console.error('row,record,column,value,reason,原因');
      for (const e of result.errors) console.error([e.row, e.record, e.field, JSON.stringify(e.value ?? ''), JSON.stringify(e.reason), e.reasonZh].join(','));
      return 1;
    }
    console.log(
      `imported ${kind}: ${result.rows} ${kind === 'daily' ? 'customers' : 'rows'} (${result.inserted} new, ${result.updated} changed) in ${Date.now() - t0} ms`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
