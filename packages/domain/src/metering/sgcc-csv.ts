// R-MTR-06: the plain daily-consumption file of the theft screening, in the layout of the public
// SGCC electricity-theft dataset: a header `CONS_NO`, optional `FLAG`, then one column per date
// `YYYY/M/D` (any order; `YYYY-MM-DD` is accepted too), one row per customer with daily kWh.
// Pure string in, string out: the command line does the I/O.
//
// Tolerated: a UTF-8 BOM, CRLF or LF line ends, quoted fields ("a,b", doubled quotes), blank lines
// at the end, whitespace around fields, dates missing from the header (those days are missing).
// A blank cell, or NaN / NA / null (any case), is a missing day. A negative number is kept: it is a
// reversed reading (the register went backwards), which the screening counts as evidence. Anything
// else that is not a number is an error naming the line and the column — as are an unknown or
// duplicated column, a duplicated CONS_NO, a FLAG other than 0/1 and a row with the wrong number
// of fields. FLAG is read (for evaluation) and never used for scoring.

import { csvTextField } from '../files/csv-text';

export interface SgccRow {
  consNo: string;
  /** FLAG: 1 = known thief, 0 = normal, null = no FLAG column or a blank cell */
  flag: 0 | 1 | null;
  /** one entry per calendar day from dates[0] to dates[last]; null = missing */
  days: (number | null)[];
}

export interface SgccTable {
  /** every calendar day from the first to the last date of the header, YYYY-MM-DD */
  dates: string[];
  hasFlag: boolean;
  rows: SgccRow[];
}

export class SgccFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column?: string,
  ) {
    super(`line ${line}${column !== undefined ? `, column "${column}"` : ''}: ${message}`);
  }
}

/** The longest period accepted (about ten years), so that a mistyped year cannot allocate millions of days. */
export const SGCC_MAX_DAYS = 3700;

const DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;
const MISSING = /^(nan|na|null|none)?$/i;
const DAY_MS = 86_400_000;

/** Records of a CSV text with the line each starts on (RFC 4180 quoting, CR/LF/CRLF). */
export function* csvRecords(text: string): Generator<{ line: number; fields: string[] }> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (;;) {
      if (i >= n) {
        fields.push(field);
        break;
      }
      const ch = text.charCodeAt(i);
      if (quoted) {
        if (ch === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (ch === 10) line++;
          field += text[i];
          i++;
        }
        continue;
      }
      if (ch === 44) {
        fields.push(field);
        field = '';
        i++;
      } else if (ch === 10 || ch === 13) {
        fields.push(field);
        i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        line++;
        break;
      } else if (ch === 34 && field.trim() === '') {
        quoted = true;
        field = '';
        i++;
      } else {
        // fast path: copy up to the next delimiter at once
        let j = i + 1;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13 || c === 34) break;
          j++;
        }
        field += text.slice(i, j);
        i = j;
      }
    }
    if (quoted) throw new SgccFormatError('a quoted field is not closed', start);
    yield { line: start, fields };
  }
}

function dayNumber(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / DAY_MS);
}

function dayKey(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Parse a file in the SGCC layout. Throws SgccFormatError naming the line (and column). */
export function parseSgcc(text: string): SgccTable {
  const records = csvRecords(text);
  const first = records.next();
  if (first.done) throw new SgccFormatError('the file is empty: expected a header CONS_NO[,FLAG],YYYY/M/D,…', 1);
  const header = first.value.fields.map((f) => f.trim());
  const headerLine = first.value.line;
  const consCol = header.findIndex((h) => h.toUpperCase() === 'CONS_NO');
  if (consCol < 0) throw new SgccFormatError('no CONS_NO column in the header', headerLine);
  let flagCol = -1;
  const dateCols: { col: number; day: number }[] = [];
  const seenDays = new Map<number, string>();
  header.forEach((h, col) => {
    if (col === consCol) return;
    if (h.toUpperCase() === 'FLAG') {
      if (flagCol >= 0) throw new SgccFormatError('FLAG appears twice', headerLine, h);
      flagCol = col;
      return;
    }
    if (h.toUpperCase() === 'CONS_NO') throw new SgccFormatError('CONS_NO appears twice', headerLine, h);
    const m = DATE.exec(h);
    const day = m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (day === null) throw new SgccFormatError('is neither CONS_NO, FLAG nor a date YYYY/M/D', headerLine, h);
    const dup = seenDays.get(day);
    if (dup !== undefined) throw new SgccFormatError(`the same date as column "${dup}"`, headerLine, h);
    seenDays.set(day, h);
    dateCols.push({ col, day });
  });
  if (!dateCols.length) throw new SgccFormatError('no date columns (YYYY/M/D) in the header', headerLine);
  const firstDay = Math.min(...dateCols.map((c) => c.day));
  const lastDay = Math.max(...dateCols.map((c) => c.day));
  const span = lastDay - firstDay + 1;
  if (span > SGCC_MAX_DAYS)
    throw new SgccFormatError(`the dates span ${span} days (${dayKey(firstDay)} to ${dayKey(lastDay)}); at most ${SGCC_MAX_DAYS} are accepted`, headerLine);
  const dates = Array.from({ length: span }, (_, k) => dayKey(firstDay + k));
  const slot = dateCols.map((c) => ({ col: c.col, idx: c.day - firstDay, name: header[c.col]! }));

  const rows: SgccRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of records) {
    if (fields.length === 1 && fields[0]!.trim() === '') continue; // blank line
    if (fields.length !== header.length) throw new SgccFormatError(`${fields.length} fields where the header has ${header.length}`, line);
    const consNo = fields[consCol]!.trim();
    if (!consNo) throw new SgccFormatError('CONS_NO is blank', line, header[consCol]);
    const before = seen.get(consNo);
    if (before !== undefined) throw new SgccFormatError(`CONS_NO ${consNo} already appears on line ${before}`, line, header[consCol]);
    seen.set(consNo, line);
    let flag: 0 | 1 | null = null;
    if (flagCol >= 0) {
      const f = fields[flagCol]!.trim();
      if (f === '1' || f === '1.0') flag = 1;
      else if (f === '0' || f === '0.0') flag = 0;
      else if (f !== '') throw new SgccFormatError(`FLAG must be 0 or 1 (got "${f}")`, line, header[flagCol]);
    }
    const days: (number | null)[] = new Array<number | null>(span).fill(null);
    for (const s of slot) {
      const raw = fields[s.col]!.trim();
      if (MISSING.test(raw)) continue;
      const v = Number(raw);
      if (!Number.isFinite(v)) throw new SgccFormatError(`"${raw}" is not a number of kWh (leave the cell blank for a missing day)`, line, s.name);
      days[s.idx] = v;
    }
    rows.push({ consNo, flag, days });
  }
  return { dates, hasFlag: flagCol >= 0, rows };
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A score as a plain decimal with at most 6 decimals (no exponent). */
export function formatScore(score: number): string {
  const s = Number(score.toFixed(6));
  return s === 0 ? '0' : s.toFixed(6).replace(/\.?0+$/, '');
}

/** `CONS_NO,score` lines, in the order given, with a trailing newline. */
export function writeScores(scores: readonly { consNo: string; score: number }[]): string {
  const out: string[] = ['CONS_NO,score'];
  // CONS_NO comes from the input file: it cannot start a formula in the scores (issue 9 item 5)
  for (const s of scores) out.push(`${csvTextField(s.consNo)},${formatScore(s.score)}`);
  return `${out.join('\n')}\n`;
}

/**
 * A table in the SGCC layout (for the benchmark and tests): dates written as YYYY/M/D and, like
 * the public file, date columns ordered as text ("2014/1/1", "2014/1/10", …), not by date.
 */
export function writeSgcc(
  dates: readonly string[],
  rows: readonly { consNo: string; flag?: 0 | 1 | null; days: readonly (number | null)[] }[],
  opts: { flag?: boolean } = {},
): string {
  const withFlag = opts.flag ?? rows.some((r) => r.flag !== undefined && r.flag !== null);
  const cols = dates.map((d, idx) => ({ idx, name: `${Number(d.slice(0, 4))}/${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}` }));
  cols.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [['CONS_NO', ...(withFlag ? ['FLAG'] : []), ...cols.map((c) => c.name)].join(',')];
  for (const r of rows) {
    const cells = [csvField(r.consNo)];
    if (withFlag) cells.push(r.flag === null || r.flag === undefined ? '' : String(r.flag));
    for (const c of cols) {
      const v = r.days[c.idx];
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    out.push(cells.join(','));
  }
  return `${out.join('\n')}\n`;
}
