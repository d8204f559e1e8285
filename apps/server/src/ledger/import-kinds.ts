// Per ledger kind: which column is the key, how a row is checked, and how checked records are
// staged and merged into the table. The merge is an upsert on the key; a key that exists under
// a station outside the importer's scope is refused, never overwritten.
import {
  checkArea,
  checkCustomer,
  checkFeeder,
  checkMeter,
  type Checked,
  type LedgerRefs,
  type Raw,
} from '@griddesk/domain';
import type { ImportFileKind } from '@griddesk/shared';
import { checkReading } from '@griddesk/domain';
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
  /** extra assignments when an existing row changes (SQL, qualified by the table name) */
  onChange?: string;
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
  columns: ['account_no', 'name', 'address', 'phone', 'customer_class', 'voltage_level', 'tariff_code', 'area_id', 'feeder_id', 'station_id', 'important', 'dual_supply'],
  types: ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'integer', 'integer', 'integer', 'boolean', 'boolean'],
  cells: (r) => [r.accountNo, r.name, r.address, r.phone, r.customerClass, r.voltageLevel, r.tariffCode, r.areaId, r.feederId, r.stationId, r.important, r.dualSupply],
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
  cells: (r) => [`${r.meterId}:${r.period}`, r.meterId, r.stationId, r.period, r.reading, r.readAt?.toISOString() ?? null, r.method],
  // R-MTR-02: a second, different reading of a meter for a month is kept as a correction (重抄)
  onChange: 'revision = readings.revision + 1',
};

export const IMPORT_KINDS: Record<ImportFileKind, ImportKind<any>> = { feeders, areas, customers, meters, readings };

/** One CSV line for COPY: the file line number, then the record's cells. */
export function stageLine(line: number, cells: Cell[]): string {
  let out = String(line);
  for (const c of cells) out += ',' + csvField(c);
  return out + '\n';
}
