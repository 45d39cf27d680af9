/**
 * Why a respondent-pool file cannot be read at all (as opposed to problems in single rows, which
 * mapRows reports per row). Each code has one English sentence a recruitment officer can act on;
 * the params carry the details (row, sheet name, limit) so the UI can translate by code.
 */

export type ImportFileErrorCode =
  | 'EMPTY'
  | 'BINARY'
  | 'OLD_XLS'
  | 'ENCRYPTED'
  | 'NOT_XLSX'
  | 'SHEET_NOT_FOUND'
  | 'EMPTY_SHEET'
  | 'UNTERMINATED_QUOTE'
  | 'TOO_MANY_COLUMNS'
  | 'TOO_LARGE'
  | 'TOO_MANY_ROWS';

export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** Limits that keep a mistaken file (a database dump, a whole-column formula) from freezing the app. */
export const IMPORT_LIMITS = {
  maxBytes: 100 * 1024 * 1024,
  maxColumns: 500,
  maxRows: 200_000,
} as const;

/** 200000 -> "200,000": these messages are English. */
const count = (n: number): string => n.toLocaleString('en-US');
const quoteList = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');

/** One constructor per code, so every module words the same failure the same way. */
export const fileErrors = {
  empty: () => new ImportFileError('EMPTY', 'The file is empty (0 bytes). Choose the file again, or export it again from the program that made it.'),
  noHeader: () =>
    new ImportFileError('EMPTY', 'The file contains no data: there is no header row with column names. Check that you chose the right file.'),
  emptyWorkbook: () =>
    new ImportFileError('EMPTY', 'The workbook contains no data: every sheet is empty. Check that you chose the right file.'),
  binary: () =>
    new ImportFileError('BINARY', 'This file is not text: it looks like binary data. Choose a CSV or an Excel (.xlsx) file.'),
  oldXls: () =>
    new ImportFileError(
      'OLD_XLS',
      'This file is in the old .xls format, which cannot be read. Open it in Excel and save it as .xlsx or CSV, then choose that file.',
    ),
  encrypted: () =>
    new ImportFileError(
      'ENCRYPTED',
      'This Excel file is protected with a password, so it cannot be read. Open it in Excel, remove the password (or save an unprotected copy as .xlsx or CSV), then choose that file.',
    ),
  notXlsx: (detail: string) =>
    new ImportFileError(
      'NOT_XLSX',
      'This file cannot be read as an Excel workbook: it may be damaged or be another kind of archive. Open it in Excel and save it again as .xlsx or CSV.',
      { detail },
    ),
  sheetNotFound: (sheet: string, sheets: string[]) =>
    new ImportFileError(
      'SHEET_NOT_FOUND',
      `The workbook has no sheet named "${sheet}". Its sheets are: ${quoteList(sheets)}.`,
      { sheet, sheets: sheets.join(', ') },
    ),
  emptySheet: (sheet: string) =>
    new ImportFileError('EMPTY_SHEET', `The sheet "${sheet}" is empty. Choose the sheet that holds the respondents.`, { sheet }),
  unterminatedQuote: (row: number, excerpt: string) =>
    new ImportFileError(
      'UNTERMINATED_QUOTE',
      `Row ${row} opens a quoted value (starting with ") that is never closed, so the rest of the file cannot be read. ` +
        `Check that row${excerpt ? ` (it starts with: ${excerpt})` : ''} and add the missing closing quote or remove the stray one.`,
      { row, excerpt },
    ),
  tooManyColumns: (row: number, columns: number) =>
    new ImportFileError(
      'TOO_MANY_COLUMNS',
      `Row ${row} has ${count(columns)} columns; at most ${IMPORT_LIMITS.maxColumns} are supported. Remove the columns you do not need, or check that this is the right file.`,
      { row, columns, max: IMPORT_LIMITS.maxColumns },
    ),
  tooLarge: (bytes: number) =>
    new ImportFileError(
      'TOO_LARGE',
      `The file is ${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB; at most 100 MB can be imported. Remove the columns or sheets you do not need, or split the file.`,
      { bytes, maxBytes: IMPORT_LIMITS.maxBytes },
    ),
  tooManyRows: (rows: number) =>
    new ImportFileError(
      'TOO_MANY_ROWS',
      `The file has more than ${count(IMPORT_LIMITS.maxRows)} data rows; at most ${count(IMPORT_LIMITS.maxRows)} can be imported. Split the file or remove the rows you do not need.`,
      { rows, max: IMPORT_LIMITS.maxRows },
    ),
};
