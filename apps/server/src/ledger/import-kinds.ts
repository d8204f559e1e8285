// Per ledger kind: which column is the key, how a row is checked, and how checked records are
// staged and merged into the table. The merge is an upsert on the key; a key that exists under
// a station outside the importer's scope is refused, never overwritten.
import { checkArea, checkCustomer, checkFeeder, checkMeter, type Checked, type LedgerRefs, type Raw } from '@griddesk/domain';
import type { ImportFileKind } from '@griddesk/shared';
import { checkReading } from '@griddesk/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { csvField } from './files';

type Cell = string | number | boolean | null;

export interface ImportKind<R> {
  keyField: string;
  table: 'feeders' | 'areas' | 'customers' | 'meters' | 'readings';
  keyColumn: string;
  check(raw: Raw, refs: LedgerRefs): Checked<R>;
  key(record: R): string;
  /** staged columns after `line`; the first is the key column */
  columns: readonly string[];
  /** SQL types of the staged columns, same order */
  types: readonly string[];
  cells(record: R): Cell[];
  /**
   * Optional fast path for the import loop: exactly csvRecord(cells(record)), written out for a
   * kind whose checked cells never need CSV quoting.
   */
  record?(record: R): string;
  /** extra assignments when an existing row changes (SQL, qualified by the table name) */
  onChange?: string;
  /**
   * For a table that grows by period (readings): a staged text column whose values in a file
   * bound where the file's keys can already be, with an index leading on it, because the key
   * embeds it ('<meter id>:<period>' lies in period <period>). The merge then asks that index
   * whether any row of those values exists at all — usually not: a month's file is new — and
   * otherwise restricts its key joins to those values, so its cost follows the file, not the
   * ever larger table.
   */
  partition?: { column: string; value(record: R): string };
  /** run in the import's transaction when it inserted or changed rows, with the file's partitions */
  afterWrite?(tx: Kysely<DB>, partitions: readonly string[]): Promise<void>;
}

const feeders: ImportKind<ReturnType<typeof checkFeeder> extends Checked<infer R> ? R : never> = {
  keyField: 'feeder_code',
  table: 'feeders',
  keyColumn: 'code',
  check: checkFeeder,
  key: (r) => r.code,
  columns: ['code', 'name', 'station_id'],
  types: ['text', 'text', 'integer'],
  cells: (r) => [r.code, r.name, r.stationId],
};

const areas: ImportKind<ReturnType<typeof checkArea> extends Checked<infer R> ? R : never> = {
  keyField: 'area_code',
  table: 'areas',
  keyColumn: 'code',
  check: checkArea,
  key: (r) => r.code,
  columns: ['code', 'name', 'feeder_id', 'station_id', 'capacity_kva'],
  types: ['text', 'text', 'integer', 'integer', 'numeric'],
  cells: (r) => [r.code, r.name, r.feederId, r.stationId, r.capacityKva],
};

const customers: ImportKind<ReturnType<typeof checkCustomer> extends Checked<infer R> ? R : never> = {
  keyField: 'account_no',
  table: 'customers',
  keyColumn: 'account_no',
  check: checkCustomer,
  key: (r) => r.accountNo,
  columns: [
    'account_no',
    'name',
    'address',
    'phone',
    'customer_class',
    'voltage_level',
    'tariff_code',
    'area_id',
    'feeder_id',
    'station_id',
    'important',
    'dual_supply',
  ],
  types: ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'integer', 'integer', 'integer', 'boolean', 'boolean'],
  cells: (r) => [
    r.accountNo,
    r.name,
    r.address,
    r.phone,
    r.customerClass,
    r.voltageLevel,
    r.tariffCode,
    r.areaId,
    r.feederId,
    r.stationId,
    r.important,
    r.dualSupply,
  ],
};

const meters: ImportKind<ReturnType<typeof checkMeter> extends Checked<infer R> ? R : never> = {
  keyField: 'meter_no',
  table: 'meters',
  keyColumn: 'meter_no',
  check: checkMeter,
  key: (r) => r.meterNo,
  columns: ['meter_no', 'role', 'customer_id', 'area_id', 'feeder_id', 'station_id', 'multiplier'],
  types: ['text', 'text', 'integer', 'integer', 'integer', 'integer', 'numeric'],
  cells: (r) => [r.meterNo, r.role, r.customerId, r.areaId, r.feederId, r.stationId, r.multiplier],
};

const readings: ImportKind<ReturnType<typeof checkReading> extends Checked<infer R> ? R : never> = {
  keyField: 'meter_no',
  table: 'readings',
  keyColumn: 'meter_period',
  check: (raw, refs) => checkReading(raw, refs.meters),
  key: (r) => `${r.meterId}:${r.period}`,
  columns: ['meter_period', 'meter_id', 'station_id', 'period', 'reading', 'read_at', 'method'],
  types: ['text', 'integer', 'integer', 'text', 'numeric', 'timestamptz', 'text'],
  cells: (r) => [`${r.meterId}:${r.period}`, r.meterId, r.stationId, r.period, r.reading, r.readAt ? isoOf(r.readAt) : null, r.method],
  // every cell is checked: digits, YYYY-MM, a decimal, an ISO instant, a method — none needs quoting
  record: (r) => `${r.meterId}:${r.period},${r.meterId},${r.stationId},${r.period},${r.reading},${r.readAt ? isoOf(r.readAt) : ''},${r.method}`,
  // R-MTR-02: a second, different reading of a meter for a month is kept as a correction (重抄)
  onChange: 'revision = readings.revision + 1',
  partition: { column: 'period', value: (r) => r.period },
  // the months whose line loss must be computed again (metering/line-loss-refresh.ts)
  afterWrite: async (tx, periods) => {
    await tx
      .insertInto('reading_periods')
      .values(periods.map((period) => ({ period, changed_at: sql<Date>`clock_timestamp()` })))
      .onConflict((oc) => oc.column('period').doUpdateSet({ changed_at: sql<Date>`clock_timestamp()` }))
      .execute();
  },
};

// A month's readings share a few dozen reading dates: format each instant once.
const isoCache = new Map<number, string>();
function isoOf(d: Date): string {
  const ms = d.getTime();
  let iso = isoCache.get(ms);
  if (iso === undefined) {
    if (isoCache.size >= 4096) isoCache.clear();
    iso = d.toISOString();
    isoCache.set(ms, iso);
  }
  return iso;
}

// biome-ignore lint/suspicious/noExplicitAny: each kind has its own row type; callers use them through the kind's own functions
export const IMPORT_KINDS: Record<ImportFileKind, ImportKind<any>> = { feeders, areas, customers, meters, readings };

/** One CSV record for COPY (no newline): the record's cells. */
export function csvRecord(cells: Cell[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (i > 0) out += ',';
    out += typeof c === 'number' ? String(c) : csvField(c);
  }
  return out;
}
