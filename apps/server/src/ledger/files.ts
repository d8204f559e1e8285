// Reading and writing ledger files: CSV (machine headers) and XLSX (Chinese headers; machine
// headers are accepted too). Both come out as header keys plus string cells per row.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, type ImportFileKind } from '@griddesk/shared';
import { restoreCsvText } from '@griddesk/domain';
import { AppError } from '../errors';

export interface Table {
  /** column keys in file order; unknown columns keep their header text and are ignored later */
  keys: string[];
  rows: string[][];
}

export type FileFormat = 'csv' | 'xlsx';

export function detectFormat(filename: string, head: Buffer): FileFormat {
  // XLSX is a zip: it starts with "PK\x03\x04" whatever the file is called.
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (/\.xlsx$/i.test(filename)) {
    throw new AppError('unsupported_file', '文件扩展名为 .xlsx 但内容不是 Excel 文件', 'The file is named .xlsx but is not an Excel workbook');
  }
  return 'csv';
}

function headerKey(kind: ImportFileKind, header: string): string {
  const h = header.replace(/^\uFEFF/, '').trim();
  const col = IMPORT_COLUMNS[kind].find((c) => c.key === h.toLowerCase() || c.zh === h);
  return col ? col.key : h;
}

export function parseCsv(kind: ImportFileKind, data: Buffer): Table {
  let records: string[][];
  try {
    records = parse(data, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new AppError('import_rejected', `CSV 格式错误（第 ${err.lines ?? '?'} 行）`, `Malformed CSV (line ${err.lines ?? '?'}): ${err.message}`, [
      { field: 'file', row: err.lines, reason: `malformed CSV: ${err.message}`, reasonZh: 'CSV 格式错误' },
    ]);
  }
  const [header, ...rows] = records;
  restoreText(rows);
  return { keys: (header ?? []).map((h) => headerKey(kind, h)), rows };
}

/**
 * Takes off the quote a CSV export puts before a cell that would otherwise read as a formula
 * (`'=x` → `=x`, issue 9 item 5), so an exported file re-imports as is; also in XLSX, for an
 * exported CSV that a spreadsheet saved again as a workbook.
 */
function restoreText(rows: string[][]): void {
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = row[i]!;
      if (cell.charCodeAt(0) === 39) row[i] = restoreCsvText(cell);
    }
  }
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return v.toISOString();
  return cell.text ?? '';
}

export async function parseXlsx(kind: ImportFileKind, data: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('unsupported_file', '无法读取 Excel 文件', `Cannot read the Excel workbook: ${(e as Error).message}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) return { keys: [], rows: [] };
  const width = ws.getRow(1).cellCount;
  const keys: string[] = [];
  for (let c = 1; c <= width; c++) keys.push(headerKey(kind, cellText(ws.getRow(1).getCell(c))));
  const rows: string[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    // A row that only carries formatting is kept empty so row numbers still match the sheet.
    rows.push(cells.some((c) => c.trim() !== '') ? cells : []);
  }
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  restoreText(rows);
  return { keys, rows };
}

export async function readTable(kind: ImportFileKind, filename: string, data: Buffer): Promise<Table> {
  return detectFormat(filename, data.subarray(0, 4)) === 'xlsx' ? parseXlsx(kind, data) : parseCsv(kind, data);
}

/** RFC 4180 field: quoted only when it has to be. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
