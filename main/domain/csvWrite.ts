/**
 * The one CSV writer of Assembly Desk: every CSV the app exports is written here.
 *
 * Two dialects (CSV_DIALECTS in preload/vocabulary.ts), chosen where a CSV is exported:
 *  - excel (the default): what Excel set to Belgian (or most European) regional settings opens
 *    as columns on a double click: semicolon-separated, numbers with a decimal comma, UTF-8 with
 *    a byte-order mark (without it Excel reads "Élodie" as "Ã‰lodie").
 *  - plain: comma-separated, decimal point, no byte-order mark: what R, Python, databases and
 *    an English-language Excel expect (a mark would end up in the first column's name there).
 * Both: CRLF line ends (RFC 4180, Excel), the file ends with one; a field is quoted (quotes
 * doubled) when it holds the separator, a quote or a line break; numbers carry no thousands
 * grouping (a grouping character would read as a second decimal mark in the other dialect).
 *
 * Text fields are defused against formula injection (neutraliseFormula) in both dialects.
 *
 * Files in a fixed external format (the Sortition Foundation's categories and people files, the
 * rejected rows of an import given back in the delimiter of the file they came from) use
 * csvField / csvLines with that format's delimiter, not a dialect.
 */

import type { CsvDialectName } from '../../preload/vocabulary';

export type CsvDialect = CsvDialectName;

/** A number written with a fixed count of decimals (money: 2). */
export interface CsvNumber {
  value: number;
  decimals: number;
}

/** A cell: text (defused, quoted as needed), a number (in the dialect's decimal mark), or empty. */
export type CsvCell = string | number | CsvNumber | null | undefined;

export interface CsvFormat {
  separator: ';' | ',';
  decimalMark: ',' | '.';
  bom: boolean;
}

export const CSV_FORMATS: Record<CsvDialect, CsvFormat> = {
  excel: { separator: ';', decimalMark: ',', bom: true },
  plain: { separator: ',', decimalMark: '.', bom: false },
};

export const DEFAULT_CSV_DIALECT: CsvDialect = 'excel';

/**
 * Defuses spreadsheet formula injection: a cell starting with =, @, tab or CR, or with + or -
 * followed by anything but a plain number, gets a leading apostrophe. A respondent could type
 * `=HYPERLINK(…)` or `-2+cmd|…` in a free-text field, and an officer opening the export in Excel
 * would run it. Plain numbers ("-5", "+32 475 12 34 56") and a lone "-" or "+" are left alone.
 */
export function neutraliseFormula(field: string): string {
  if (/^[=@\t\r]/.test(field)) return `'${field}`;
  if (/^[+-][^]/.test(field) && !/^[+-]\d[\d .,]*$/.test(field)) return `'${field}`;
  return field;
}

/**
 * One text field: formula injection defused (neutraliseFormula), then quoted by RFC 4180 (quotes
 * doubled) when it holds the delimiter, a quote or a line break.
 */
export function csvField(field: string, delimiter = ','): string {
  const safe = neutraliseFormula(field);
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Lines of text fields with a delimiter: CRLF after every line, the last one too. */
export function csvLines(lines: readonly (readonly string[])[], delimiter = ','): string {
  return lines.map((l) => `${l.map((f) => csvField(f, delimiter)).join(delimiter)}\r\n`).join('');
}

/**
 * A number as the dialect writes it: no grouping, the dialect's decimal mark; at most 6 decimals
 * unless a count is fixed; never in exponent notation. Not finite: empty.
 */
export function csvNumber(value: number, decimalMark: ',' | '.', decimals?: number): string {
  if (!Number.isFinite(value)) return '';
  let text: string;
  if (decimals !== undefined) text = value.toFixed(decimals);
  else {
    // toFixed(6) then trimmed: 0.1 + 0.2 is "0.3", 1e-7 is "0", 1e21 stays digits.
    text = value.toFixed(6).replace(/\.?0+$/, '');
    if (text === '-0') text = '0';
  }
  if (/e/i.test(text)) text = BigInt(Math.round(value)).toString();
  return decimalMark === '.' ? text : text.replace('.', decimalMark);
}

function cellText(cell: CsvCell, f: CsvFormat): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return csvNumber(cell, f.decimalMark);
  if (typeof cell === 'object') return csvNumber(cell.value, f.decimalMark, cell.decimals);
  return csvField(cell, f.separator);
}

/** A whole CSV file in a dialect: the byte-order mark when the dialect has one, then the lines. */
export function writeCsv(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect = DEFAULT_CSV_DIALECT): string {
  const f = CSV_FORMATS[dialect];
  const body = rows.map((r) => `${r.map((c) => cellText(c, f)).join(f.separator)}\r\n`).join('');
  return f.bom ? `\uFEFF${body}` : body;
}
