// Export of every ledger in the import formats (R-LED-03), so an exported file re-imports as is:
// CSV with machine headers, XLSX with the Chinese headers of the templates.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import {
  CUSTOMER_CLASSES,
  IMPORT_COLUMNS,
  LEDGER_COLUMNS,
  METER_ROLES,
  READING_METHODS,
  VOLTAGE_LEVELS,
  type ImportFileKind,
  type LedgerKind,
} from '@griddesk/shared';
import { csvTextField, maskAddress, maskPhone } from '@griddesk/domain';
import type { DB } from '../db/schema';
import { csvField } from './files';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ChunkSizer } from '../platform/jobs/chunks';

type Row = Record<string, string>;

/**
 * Rows of one kind in machine-header shape, in id order, in batches (keyset pagination) sized so
 * each batch's statement takes about 20 ms (ChunkSizer): a large export never holds the embedded
 * database for long.
 */
async function* ledgerRows(db: Kysely<DB>, kind: LedgerKind, stationIds: number[], reveal: boolean): AsyncGenerator<Row[]> {
  const ids = stationIds.length ? stationIds : [-1];
  const sizer = new ChunkSizer(200, { targetMs: 20, min: 100, max: 1000 });
  let after = 0;
  for (;;) {
    const BATCH = sizer.size;
    const started = performance.now();
    let rows: Row[];
    let last = 0;
    if (kind === 'feeders') {
      const r = await db
        .selectFrom('feeders as f')
        .innerJoin('org_units as s', 's.id', 'f.station_id')
        .select(['f.id', 'f.code', 'f.name', 's.code as station_code'])
        .where('f.station_id', 'in', ids)
        .where('f.id', '>', after)
        .orderBy('f.id')
        .limit(BATCH)
        .execute();
      rows = r.map((x) => ({ feeder_code: x.code, name: x.name, station_code: x.station_code }));
      last = r.at(-1)?.id ?? 0;
    } else if (kind === 'areas') {
      const r = await db
        .selectFrom('areas as a')
        .innerJoin('feeders as f', 'f.id', 'a.feeder_id')
        .select(['a.id', 'a.code', 'a.name', 'f.code as feeder_code', 'a.capacity_kva'])
        .where('a.station_id', 'in', ids)
        .where('a.id', '>', after)
        .orderBy('a.id')
        .limit(BATCH)
        .execute();
      rows = r.map((x) => ({ area_code: x.code, name: x.name, feeder_code: x.feeder_code, capacity_kva: x.capacity_kva ?? '' }));
      last = r.at(-1)?.id ?? 0;
    } else if (kind === 'customers') {
      const r = await db
        .selectFrom('customers as c')
        .innerJoin('feeders as f', 'f.id', 'c.feeder_id')
        .leftJoin('areas as a', 'a.id', 'c.area_id')
        .select([
          'c.id',
          'c.account_no',
          'c.name',
          'c.address',
          'c.phone',
          'c.customer_class',
          'c.voltage_level',
          'c.tariff_code',
          'a.code as area_code',
          'f.code as feeder_code',
          'c.important',
          'c.dual_supply',
        ])
        .where('c.station_id', 'in', ids)
        .where('c.id', '>', after)
        .orderBy('c.id')
        .limit(BATCH)
        .execute();
      rows = r.map((x) => ({
        account_no: x.account_no,
        name: x.name,
        address: reveal ? x.address : (maskAddress(x.address) ?? ''),
        phone: (reveal ? x.phone : maskPhone(x.phone)) ?? '',
        customer_class: x.customer_class,
        voltage_level: x.voltage_level,
        tariff_code: x.tariff_code,
        area_code: x.area_code ?? '',
        feeder_code: x.feeder_code,
        important: x.important ? '1' : '0',
        dual_supply: x.dual_supply ? '1' : '0',
      }));
      last = r.at(-1)?.id ?? 0;
    } else {
      const r = await db
        .selectFrom('meters as m')
        .leftJoin('customers as c', 'c.id', 'm.customer_id')
        .leftJoin('areas as a', 'a.id', 'm.area_id')
        .leftJoin('feeders as f', 'f.id', 'm.feeder_id')
        .select(['m.id', 'm.meter_no', 'm.role', 'c.account_no', 'a.code as area_code', 'f.code as feeder_code', 'm.multiplier'])
        .where('m.station_id', 'in', ids)
        .where('m.id', '>', after)
        .orderBy('m.id')
        .limit(BATCH)
        .execute();
      rows = r.map((x) => ({
        meter_no: x.meter_no,
        role: x.role,
        account_no: x.account_no ?? '',
        area_code: x.role === 'customer' ? '' : (x.area_code ?? ''),
        feeder_code: x.role === 'gateway' || x.role === 'area' ? (x.feeder_code ?? '') : '',
        multiplier: x.multiplier.replace(/\.00$/, ''),
      }));
      last = r.at(-1)?.id ?? 0;
    }
    sizer.took(rows.length, performance.now() - started);
    if (rows.length === 0) return;
    yield rows;
    after = last;
    if (rows.length < BATCH) return;
  }
}

export interface ExportScope {
  stationIds: number[];
  /** R-SYS-03: phone and address in full only for a role with personal.export; masked otherwise */
  reveal: boolean;
}

/** How many rows an export of `kind` in scope writes: the figure its audit row records. */
export async function exportRowCount(db: Kysely<DB>, kind: LedgerKind, stationIds: number[]): Promise<number> {
  const ids = stationIds.length ? stationIds : [-1];
  const row = await db
    .selectFrom(kind)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('station_id', 'in', ids)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ExportOptions {
  /**
   * Called with the rows written so far, every few hundred rows: a job reports progress there (and
   * gives way to requests); by default the writer just lets the event loop take a turn.
   */
  onRows?: (written: number) => Promise<void>;
}

const ROWS_PER_TURN = 250;
const giveWay = async () => {
  await yieldToLoop();
};

/** Columns the server writes as numbers itself; every other column is text a user imported. */
const NUMBER_COLUMNS = new Set(['capacity_kva', 'multiplier']);

/**
 * Issue 9 item 5: a text cell that a spreadsheet would read as a formula (=, +, -, @, TAB, CR in
 * front) is written behind a single quote; the import takes the quote off again (files.ts), so an
 * exported file still re-imports as is.
 */
function csvCell(key: string, value: string | undefined): string {
  return value === undefined || NUMBER_COLUMNS.has(key) ? csvField(value) : csvTextField(value);
}

export function exportCsv(db: Kysely<DB>, kind: LedgerKind, scope: ExportScope, opts: ExportOptions = {}): Readable {
  const keys = LEDGER_COLUMNS[kind].map((c) => c.key);
  const out = new PassThrough();
  const onRows = opts.onRows ?? giveWay;
  void (async () => {
    try {
      out.write(`\uFEFF${keys.join(',')}\n`); // BOM so Excel opens the UTF-8 file correctly
      let written = 0;
      for await (const rows of ledgerRows(db, kind, scope.stationIds, scope.reveal)) {
        for (let i = 0; i < rows.length; i += ROWS_PER_TURN) {
          const slice = rows.slice(i, i + ROWS_PER_TURN);
          out.write(`${slice.map((r) => keys.map((k) => csvCell(k, r[k])).join(',')).join('\n')}\n`);
          written += slice.length;
          await onRows(written);
        }
      }
      out.end();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}

function addNotesSheet(wb: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter, kind: ImportFileKind) {
  const notes = wb.addWorksheet('说明 Notes');
  notes.columns = [{ width: 20 }, { width: 16 }, { width: 10 }, { width: 70 }];
  notes.addRow(['表头 Header', '字段 Field', '必填 Required', '说明 Notes']);
  const allowed: Record<string, string> = {
    customer_class: `${CUSTOMER_CLASSES.join(' | ')}（居民 | 非居民）`,
    voltage_level: `${VOLTAGE_LEVELS.join(' | ')}（低压用户填台区编号，高压用户填线路编号）`,
    role: `${METER_ROLES.join(' | ')}（用户表填户号，台区总表填台区编号，关口表填线路编号）`,
    important: '0 | 1',
    dual_supply: '0 | 1',
    multiplier: '正数，默认 1 / positive number, default 1',
    period: 'YYYY-MM',
    method: `${READING_METHODS.join(' | ')}（实抄 | 估抄）`,
    reading: '累计示数，非负 / cumulative register value, non-negative',
  };
  for (const c of IMPORT_COLUMNS[kind]) notes.addRow([c.zh, c.key, c.required ? '是 yes' : '否 no', allowed[c.key] ?? c.en]);
}

// XLSX keeps every value a plain string cell (ExcelJS writes a cell as a formula only when given
// {formula}), so a name such as =HYPERLINK(…) is text there without any quote.
export async function exportXlsx(db: Kysely<DB>, kind: LedgerKind, scope: ExportScope, opts: ExportOptions = {}): Promise<Readable> {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const onRows = opts.onRows ?? giveWay;
  void (async () => {
    try {
      const cols = LEDGER_COLUMNS[kind];
      const ws = wb.addWorksheet(kind);
      ws.columns = cols.map((c) => ({ header: c.zh, key: c.key, width: Math.max(12, c.zh.length * 2 + 4) }));
      // building the sheet is CPU work: a few hundred rows at a time, the event loop in between
      let written = 0;
      for await (const rows of ledgerRows(db, kind, scope.stationIds, scope.reveal)) {
        for (const r of rows) {
          ws.addRow(r).commit();
          if (++written % ROWS_PER_TURN === 0) await onRows(written);
        }
      }
      await onRows(written);
      ws.commit();
      addNotesSheet(wb, kind);
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}

export function templateCsv(kind: ImportFileKind): string {
  return `\uFEFF${IMPORT_COLUMNS[kind].map((c) => c.key).join(',')}\n`;
}

export async function templateXlsx(kind: ImportFileKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(kind);
  ws.columns = IMPORT_COLUMNS[kind].map((c) => ({ header: c.zh, key: c.key, width: Math.max(12, c.zh.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  // Codes and account numbers are text: stop Excel from turning 0012 into 12.
  for (let i = 1; i <= IMPORT_COLUMNS[kind].length; i++) ws.getColumn(i).numFmt = '@';
  addNotesSheet(wb, kind);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
