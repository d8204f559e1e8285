// Exports that cannot run formulas (issue 9 item 5, OWASP's CSV-injection rule): a spreadsheet
// opening a CSV reads a cell that begins with `=`, `+`, `-` or `@` as a formula (=HYPERLINK(…),
// @SUM(…), -2+3…), and TAB or CR as a way to hide one after whitespace. A text cell that begins
// so is written with a single quote in front, which makes Excel and LibreOffice show it as text.
//
// Only text goes through here (names, addresses, codes a user typed): a number the server formats
// itself, such as a loss rate of -0.1000, is a number and must still read as one.

/** A cell that starts with a formula trigger, after any quotes already in front of it. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * The cell as a CSV export writes it: `=1+1` → `'=1+1`; plain text is left alone, and a number
 * (a JavaScript number, not text that looks like one) is written as the number it is.
 */
export function neutraliseCsvText(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The inverse, for an import reading back an exported file: `'=1+1` → `=1+1`. Quotes already in
 * front are counted in the rule both ways, so a name that really begins with `'=` survives the
 * round trip (`'=x` → `''=x` → `'=x`) and text without a trigger is never touched.
 */
export function restoreCsvText(cell: string): string {
  return cell.charCodeAt(0) === 39 /* ' */ && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** A text cell of a CSV export: neutralised, then quoted as RFC 4180 asks when it has to be. */
export function csvTextField(text: string): string {
  const cell = neutraliseCsvText(text);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
