/**
 * One entry point from a chosen file (CSV or .xlsx) to a header and data rows of strings, with
 * the row numbers a person sees in Excel so every later message can point at the right row.
 * Nothing is validated against persons here: that is mapRows' job.
 */
import { searchKey } from '../text';
import { detectDelimiter, parseCsv, sepHint, type Delimiter } from './csv';
import { decodeText, sniffKind, type TextEncodingName } from './decode';
import { recordsOfLines } from './lineEncoding';
import { fileErrors, IMPORT_LIMITS, type ImportFileError } from './errors';
import { readXlsx, type XlsxSheet } from './xlsx';

export interface ParsedTable {
  kind: 'csv' | 'xlsx';
  /** CSV only: the encoding the bytes were decoded with. */
  encoding: TextEncodingName | null;
  /** CSV only: the detected separator. */
  delimiter: Delimiter | null;
  /** xlsx: all sheet names, in workbook order; CSV: []. */
  sheets: string[];
  /** The sheet read (xlsx only). */
  sheet: string | null;
  /** Trimmed; blank header cells become "Column N" (1-based); repeated names get " (2)", " (3)". */
  header: string[];
  /** Data rows, not padded, so short rows can be reported. Trailing empty cells past the header are dropped. */
  rows: string[][];
  /** The Excel row number of each data row (header on row 1 makes the first data row 2). */
  rowNumbers: number[];
  /**
   * A mixed-encoding CSV (encoding "mixed"): the rows, as numbered above, read as Windows-1252
   * while the rest of the file is UTF-8. The officer confirms them before the import. [] otherwise.
   */
  legacyRows: number[];
}

const isBlankCell = (cell: string | undefined): boolean => cell === undefined || cell.trim() === '';
const isBlankRow = (cells: string[]): boolean => cells.every(isBlankCell);

/** Index of the last non-blank cell among the first `limit` cells; -1 when there is none. */
function lastNonBlank(cells: string[], limit = cells.length): number {
  for (let i = Math.min(cells.length, limit) - 1; i >= 0; i--) if (!isBlankCell(cells[i])) return i;
  return -1;
}

/**
 * Column names a person can tell apart in the mapping screen. Names that differ only in case or
 * accents count as the same, because the officer would not see them as different columns.
 */
function headerNames(cells: string[]): string[] {
  const seen = new Set<string>();
  return cells.map((cell, i) => {
    const base = cell.replace(/\s+/g, ' ').trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(searchKey(name)); n++) name = `${base} (${n})`;
    seen.add(searchKey(name));
    return name;
  });
}

/**
 * Header and data rows from all records of a file or sheet, where records[i] is row i + 1.
 * Blank rows are skipped but keep their number. The table's width is the header's, less trailing
 * header columns that are blank in every row: exports often end every line with a separator.
 * Values beyond the header's own cells do not widen it; they make their row too long instead.
 */
function toTable(records: string[][], noData: () => ImportFileError): Pick<ParsedTable, 'header' | 'rows' | 'rowNumbers'> {
  const headerIndex = records.findIndex((r) => !isBlankRow(r));
  const rawHeader = records[headerIndex];
  if (headerIndex === -1 || !rawHeader) throw noData();

  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let width = lastNonBlank(rawHeader) + 1;
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i]!;
    if (isBlankRow(cells)) continue;
    rows.push(cells);
    rowNumbers.push(i + 1);
    if (rows.length > IMPORT_LIMITS.maxRows) throw fileErrors.tooManyRows(rows.length);
    width = Math.max(width, lastNonBlank(cells, rawHeader.length) + 1);
  }

  if (width > IMPORT_LIMITS.maxColumns) throw fileErrors.tooManyColumns(headerIndex + 1, width);
  for (const [r, cells] of rows.entries()) {
    // Empty cells past the header's last column are not data ("a;b;c;" under "A;B;C"): dropping
    // them spares the officer a "wrong column count" for every row of such an export.
    if (cells.length > width) {
      const end = Math.max(width, lastNonBlank(cells) + 1);
      if (end < cells.length) cells.length = end;
    }
    if (cells.length > IMPORT_LIMITS.maxColumns) throw fileErrors.tooManyColumns(rowNumbers[r]!, cells.length);
  }
  return { header: headerNames(rawHeader.slice(0, width)), rows, rowNumbers };
}

function chooseSheet(sheets: XlsxSheet[], wanted: string | undefined): XlsxSheet {
  if (wanted !== undefined) {
    const sheet = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => searchKey(s.name) === searchKey(wanted));
    if (!sheet) throw fileErrors.sheetNotFound(wanted, sheets.map((s) => s.name));
    if (!sheet.rows.some((r) => !isBlankRow(r))) throw fileErrors.emptySheet(sheet.name);
    return sheet;
  }
  const withData = sheets.find((s) => s.rows.some((r) => !isBlankRow(r)));
  if (!withData) throw fileErrors.emptyWorkbook();
  return withData;
}

/**
 * Reads a respondent-pool file. Throws ImportFileError when the file as a whole cannot be used
 * (empty, not text, old .xls, broken quoting, over the limits); problems in single rows are left
 * for mapRows so they can all be shown at once.
 */
export async function readTable(bytes: Uint8Array, fileName: string, options: { sheet?: string } = {}): Promise<ParsedTable> {
  if (bytes.length === 0) throw fileErrors.empty();
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw fileErrors.tooLarge(bytes.length);

  if (sniffKind(bytes, fileName) === 'xlsx') {
    const { sheets } = await readXlsx(bytes);
    const sheet = chooseSheet(sheets, options.sheet);
    const table = toTable(sheet.rows, () => fileErrors.emptySheet(sheet.name));
    return { kind: 'xlsx', encoding: null, delimiter: null, sheets: sheets.map((s) => s.name), sheet: sheet.name, ...table, legacyRows: [] };
  }

  const { text, encoding, legacyLines } = decodeText(bytes);
  if (text.trim() === '') throw fileErrors.noHeader();
  const delimiter = detectDelimiter(text);
  const table = toTable(parseCsv(text, delimiter), fileErrors.noHeader);
  return { kind: 'csv', encoding, delimiter, sheets: [], sheet: null, ...table, legacyRows: legacyRowNumbers(text, delimiter, legacyLines ?? []) };
}

/**
 * Row numbers (as the table numbers them: records[i] is row i + 1) of the lines read as
 * Windows-1252. parseCsv hides an Excel "sep=" first line, so records start one line later.
 */
function legacyRowNumbers(text: string, delimiter: Delimiter, lines: number[]): number[] {
  if (lines.length === 0) return [];
  const hidden = sepHint(text)?.delimiter === delimiter ? 1 : 0;
  return recordsOfLines(text, delimiter, lines)
    .map((record) => record + 1 - hidden)
    .filter((row) => row >= 1);
}
