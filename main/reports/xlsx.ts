/**
 * Shared helpers for the Excel reports (exceljs): each sheet is a real table — a bold, shaded
 * header row that stays frozen when scrolling, an autofilter over the whole table, columns wide
 * enough for their content, and cells typed by column (text, integer, number, money from integer
 * cents, percent, date, time) with the matching number format.
 *
 * Text is neutralised against formula injection: a value starting with =, @, tab or CR, or with
 * + or - followed by anything but a plain number, gets a leading apostrophe (the rule of the
 * CSV exports, see neutraliseFormula in domain/recruitment/sortitionFoundation.ts). exceljs
 * writes strings as strings, so Excel would not evaluate them on opening; the apostrophe is for
 * what happens next — a copy to CSV, a cell edited and confirmed, another program reading it.
 */
import ExcelJS from 'exceljs';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

/** Euros with two decimals; the thousands and decimal separators follow the reader's Excel. */
export const MONEY_FORMAT = '#,##0.00 "€";-#,##0.00 "€"';
export const PERCENT_FORMAT = '0.0%';
export const INTEGER_FORMAT = '0';
export const NUMBER_FORMAT = '#,##0.0';
/** Day first, as read in Belgium. */
export const DATE_FORMAT = 'dd/mm/yyyy';
export const TIME_FORMAT = 'hh:mm';

export const HEADER_FILL = 'FFE6E6E6';

/**
 * The fonts of every cell, set explicitly: without one, each program picks its own default
 * (Calibri 11 in Excel, Liberation Sans 10 in LibreOffice) and the widths and page counts differ.
 * Arial is on every Windows and Mac; LibreOffice on Linux replaces it by Liberation Sans, which has
 * the same metrics, so a sheet prints on the same number of pages everywhere.
 */
export const BODY_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 10 };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 10, bold: true };

/** Excel keeps at most this many characters in a cell. */
const CELL_MAX = 32_767;

/**
 * How a column's cells are written:
 * - text: a string (neutralised), - integer / number: a number,
 * - moneyCents: integer cents, written as euros with the money format,
 * - percent: a fraction (0.25 for 25 %), - date: 'YYYY-MM-DD', written as an Excel date,
 * - time: 'HH:MM', written as an Excel time of day.
 * A value that does not fit its column (a malformed date) is written as neutralised text.
 */
export type ColumnKind = 'text' | 'integer' | 'number' | 'moneyCents' | 'percent' | 'date' | 'time';

export interface ColumnSpec {
  header: string;
  kind?: ColumnKind;
  /** Width in characters; default: from the content, between minWidth and maxWidth. */
  width?: number;
  minWidth?: number;
  maxWidth?: number;
  /** Wraps long text in the column (with maxWidth, keeps notes readable). */
  wrap?: boolean;
}

export type CellInput = string | number | boolean | Date | null | undefined;

/** Characters XML 1.0 cannot carry: they would make the file unreadable. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A text cell's value, safe from formula injection (see the module comment). */
export function neutraliseText(value: string): string {
  const clean = value.replace(XML_INVALID, '');
  let safe = clean;
  if (/^[=@\t\r]/.test(clean)) safe = `'${clean}`;
  else if (/^[+-][^]/.test(clean) && !/^[+-]\d[\d .,]*$/.test(clean)) safe = `'${clean}`;
  return safe.length > CELL_MAX ? safe.slice(0, CELL_MAX) : safe;
}

/**
 * A calendar date 'YYYY-MM-DD' as the Date exceljs writes as that day (Excel has no time zones:
 * the UTC fields are the day), or null when it is not one.
 */
export function excelDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}

/** A wall-clock time 'HH:MM' as Excel's fraction of a day, or null. */
export function excelTime(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return (h * 60 + min) / 1440;
}

/** Minutes from start to end ('HH:MM' each), or null when either is not a time. */
export function minutesBetween(start: string, end: string): number | null {
  const a = excelTime(start);
  const b = excelTime(end);
  return a === null || b === null ? null : Math.round((b - a) * 1440);
}

/**
 * A sheet name Excel accepts: no [ ] : * ? / \, not starting or ending with an apostrophe, at
 * most 31 characters, not empty.
 */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31).trim();
  return clean || 'Sheet';
}

/** A new workbook, created by Assembly Desk. */
export function newWorkbook(o: { title?: string; created?: Date } = {}): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Assembly Desk';
  wb.lastModifiedBy = 'Assembly Desk';
  if (o.title) wb.title = o.title;
  if (o.created) {
    wb.created = o.created;
    wb.modified = o.created;
  }
  return wb;
}

const FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: INTEGER_FORMAT,
  number: NUMBER_FORMAT,
  moneyCents: MONEY_FORMAT,
  percent: PERCENT_FORMAT,
  date: DATE_FORMAT,
  time: TIME_FORMAT,
};

/** The typed value of a cell for its column's kind; null when it does not fit (then written as text). */
function typed(value: CellInput, kind: ColumnKind): ExcelJS.CellValue | undefined {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'text':
      return undefined;
    case 'integer':
    case 'number':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'moneyCents':
      return typeof value === 'number' && Number.isFinite(value) ? value / 100 : undefined;
    case 'date':
      if (value instanceof Date) return value;
      return typeof value === 'string' ? (excelDate(value) ?? undefined) : undefined;
    case 'time':
      if (typeof value === 'number') return value;
      return typeof value === 'string' ? (excelTime(value) ?? undefined) : undefined;
  }
}

/** The text a person sees, roughly, for the column width. */
function displayLength(value: CellInput, kind: ColumnKind): number {
  if (value === null || value === undefined) return 0;
  if (kind === 'date') return 10;
  if (kind === 'time') return 5;
  if (kind === 'moneyCents' && typeof value === 'number') return (value / 100).toFixed(2).length + 4;
  if (kind === 'percent') return 6;
  const text = String(value);
  return Math.max(...text.split('\n').map((l) => l.length));
}

/**
 * Adds a sheet holding one table: the header row (bold, shaded, frozen), the rows typed by the
 * columns' kinds, an autofilter over the table and the column widths. Returns the sheet.
 */
export interface TableSheetOptions {
  /**
   * A value that stands for a suppressed count (privacy.ts: SUPPRESSED) and the note that explains
   * it. In a numeric column such a cell is written empty with this note (a comment), so the column
   * stays numbers only (sums and sorting work); in a text column it is written as it is.
   */
  suppressed?: { value: string; note: string };
}

const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set(['integer', 'number', 'moneyCents', 'percent']);

export function addTableSheet(
  wb: Workbook,
  name: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly CellInput[])[],
  options: TableSheetOptions = {},
): Worksheet {
  const ws = wb.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });

  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = neutraliseText(c.header);
    cell.font = HEADER_FONT;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF808080' } } };
    cell.alignment = { vertical: 'middle', wrapText: false };
  });

  rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    columns.forEach((c, i) => {
      const kind = c.kind ?? 'text';
      const value = values[i];
      const cell = row.getCell(i + 1);
      const t = typed(value, kind);
      if (options.suppressed && value === options.suppressed.value && NUMERIC_KINDS.has(kind)) {
        cell.value = null;
        cell.note = options.suppressed.note;
      } else if (t !== undefined) {
        cell.value = t;
        const fmt = FORMAT[kind];
        if (fmt && t !== null) cell.numFmt = fmt;
      } else if (value !== null && value !== undefined) {
        cell.value = neutraliseText(value instanceof Date ? value.toISOString() : String(value));
      }
      if (c.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });

  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: Math.max(1, columns.length) } };

  columns.forEach((c, i) => {
    const kind = c.kind ?? 'text';
    const longest = Math.max(c.header.length + 3 /* the filter button */, ...rows.map((r) => displayLength(r[i], kind)));
    const min = c.minWidth ?? 6;
    const max = c.maxWidth ?? 50;
    ws.getColumn(i + 1).width = c.width ?? Math.min(max, Math.max(min, longest + 2));
  });
  return ws;
}

/** A4 is paper size 9 in the OOXML numbering (1 is US Letter, Excel's default in some locales). */
const A4 = 9;
/**
 * How many characters of column width fit across an A4 page upright, within the margins below
 * (18.5 cm at about 2 mm a character): a wider sheet is printed in landscape (27.2 cm, about 140),
 * and one wider still is shrunk to the page width.
 */
export const PORTRAIT_WIDTH_CHARS = 95;
/** A sheet of at most this many rows prints on one page (shrunk if need be): the About sheet never splits. */
export const ONE_PAGE_ROWS = 50;
/** exceljs leaves a column without a width at Excel's default. */
const DEFAULT_COLUMN_WIDTH = 9;

/** The sum of a sheet's column widths, in characters. */
export function sheetWidthChars(ws: Worksheet): number {
  let total = 0;
  for (let c = 1; c <= ws.columnCount; c++) total += ws.getColumn(c).width ?? DEFAULT_COLUMN_WIDTH;
  return total;
}

/**
 * How every sheet prints, applied when the workbook is written (so a sheet added by any builder
 * gets it): A4, upright or landscape by its width, fit to one page wide and as many pages tall as
 * it needs (fitToPage is the switch Excel and LibreOffice read; fitToWidth alone does nothing),
 * a short sheet on one page, the header row repeated on every page, margins, a footer with the
 * sheet's name and the page number, and explicit fonts in every cell.
 */
export function preparePrinting(ws: Worksheet): void {
  const rows = ws.rowCount;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: sheetWidthChars(ws) > PORTRAIT_WIDTH_CHARS ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: rows <= ONE_PAGE_ROWS ? 1 : 0,
    printTitlesRow: '1:1',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '&L&A&R&P / &N' };
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { ...(r === 1 ? HEADER_FONT : BODY_FONT), ...cell.font };
    });
  });
}

/**
 * The workbook's bytes. With `at`, the same workbook gives the same bytes: its created and
 * modified dates and the zip entries' times are all set to `at`.
 */
export async function workbookBytes(wb: Workbook, at?: Date): Promise<Buffer> {
  for (const ws of wb.worksheets) preparePrinting(ws);
  if (at) {
    wb.created = at;
    wb.modified = at;
  }
  // exceljs types its result as its own Buffer (merged with ArrayBuffer); at run time it is a Node Buffer.
  const written = await wb.xlsx.writeBuffer();
  const out = Buffer.isBuffer(written) ? written : Buffer.from(written as ArrayBuffer);
  return at ? fixZipTimes(out, at) : out;
}

/**
 * Sets the modification time of every entry of a zip (local headers and central directory) to
 * `at`: exceljs's zip library stamps each entry with the time of writing, so two runs a second
 * apart would differ. The times are outside the checksums; nothing else changes.
 */
export function fixZipTimes(zip: Buffer, at: Date): Buffer {
  const out = Buffer.from(zip);
  const year = Math.min(2107, Math.max(1980, at.getUTCFullYear()));
  const dosDate = ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const dosTime = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  // End of central directory: 22 bytes, then a comment of at most 65535.
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries && p + 46 <= out.length && out.readUInt32LE(p) === 0x02014b50; n++) {
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (local + 30 <= out.length && out.readUInt32LE(local) === 0x04034b50) {
      out.writeUInt16LE(dosTime, local + 10);
      out.writeUInt16LE(dosDate, local + 12);
    }
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

