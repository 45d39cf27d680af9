/**
 * An Excel workbook (.xlsx) to rows of strings, each cell written as a person sees it in Excel,
 * so the rest of the import treats a workbook exactly like a CSV file.
 */
import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { fileErrors, IMPORT_LIMITS } from './errors';

export interface XlsxSheet {
  name: string;
  /**
   * rows[i] is Excel's row i + 1 (blank rows included, as [] or blank cells). Every row has the
   * sheet's width (its last column holding a value), so a row is never "short" merely because its
   * last cells are empty; only when the width exceeds the column limit are rows left unpadded.
   */
  rows: string[][];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Dates: exceljs gives a Date whose UTC fields are the wall-clock value typed in Excel (Excel has
 * no time zones). Rounded to the minute because serial numbers carry float noise in the seconds.
 */
function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const d = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? day : `${day}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/**
 * Numbers as Excel displays them in a General cell: 15 significant digits, which removes binary
 * noise (0.1 + 0.2 -> "0.3"). Not fewer: respondent numbers and phone numbers stored as numbers
 * have 9 to 12 digits and must survive intact.
 */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Any exceljs cell value (or formula result) to the text a person sees. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => cellText(r.text)).join('');
    // Formulas: the result Excel cached when the file was saved; we do not recalculate.
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('error' in v) return cellText(v.error);
    // Hyperlinks: the visible text (itself possibly rich text), not the address.
    if ('hyperlink' in v) return cellText(v.text ?? v.hyperlink);
    if ('text' in v) return cellText(v.text);
  }
  return String(value);
}

function readSheet(worksheet: ExcelJS.Worksheet): XlsxSheet {
  const rows: string[][] = [];
  let width = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged range shows its value once, in its top-left cell; exceljs repeats it in every
      // cell of the range, which would duplicate a header or a value across columns.
      const text = cell.type === ExcelJS.ValueType.Merge ? '' : cellText(cell.value);
      cells[col - 1] = text;
      if (text.trim() !== '' && col > width) width = col;
    });
    rows[rowNumber - 1] = cells;
  });
  // Trailing blank rows carry nothing, and rows beyond the last value are what Excel's "used range"
  // often includes after deleting data.
  let last = rows.length;
  while (last > 0 && !(rows[last - 1] ?? []).some((c) => c !== undefined && c.trim() !== '')) last--;
  const pad = width <= IMPORT_LIMITS.maxColumns;
  const dense: string[][] = [];
  for (let i = 0; i < last; i++) {
    const cells = rows[i] ?? [];
    const length = pad ? width : Math.min(cells.length, lastNonBlank(cells) + 1);
    const out = new Array<string>(length);
    for (let c = 0; c < length; c++) out[c] = cells[c] ?? '';
    dense.push(out);
  }
  return { name: worksheet.name, rows: dense };
}

function lastNonBlank(cells: (string | undefined)[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if ((cells[i] ?? '').trim() !== '') return i;
  return -1;
}

/**
 * What a workbook may unpack to. exceljs inflates every part of the zip into memory before
 * reading it, so a small file can cost gigabytes and minutes (a "zip bomb": a 2 MB file of five
 * 400 MB parts took 40 s). A pool of 200,000 rows by 5 columns unpacks to about 45 MB at 8:1;
 * white space or a repeated row packs at 1000:1.
 */
export const XLSX_LIMITS = {
  maxUnpackedBytes: 256 * 1024 * 1024,
  /** Larger parts must not pack better than this. */
  maxRatio: 200,
  ratioFromBytes: 1024 * 1024,
} as const;

/**
 * Refuses a zip whose parts unpack to too much, from the sizes in its central directory, and
 * inflates each part with a cap at its declared size, so a part that lies about its size is
 * caught after that many bytes rather than after all of them. A file that is not a readable zip
 * is left to exceljs, which says so.
 */
function checkUnpackedSize(bytes: Uint8Array): void {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 0xffff); i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return;
  const count = view.readUInt16LE(end + 10);
  let p = view.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > view.length || view.readUInt32LE(p) !== 0x02014b50) return;
    const method = view.readUInt16LE(p + 10);
    const packed = view.readUInt32LE(p + 20);
    const size = view.readUInt32LE(p + 24);
    const local = view.readUInt32LE(p + 42);
    p += 46 + view.readUInt16LE(p + 28) + view.readUInt16LE(p + 30) + view.readUInt16LE(p + 32);
    // Zip64 (sizes past 4 GB): no workbook needs it.
    if (size === 0xffffffff || packed === 0xffffffff) throw fileErrors.notXlsx('a part is larger than 4 GB');
    total += size;
    if (total > XLSX_LIMITS.maxUnpackedBytes) throw fileErrors.notXlsx(`the parts unpack to more than ${XLSX_LIMITS.maxUnpackedBytes / 1024 / 1024} MB`);
    if (size > XLSX_LIMITS.ratioFromBytes && size / Math.max(packed, 1) > XLSX_LIMITS.maxRatio) {
      throw fileErrors.notXlsx(`a part packs ${Math.round(size / Math.max(packed, 1))} to 1`);
    }
    if (method !== 8 || local + 30 > view.length || view.readUInt32LE(local) !== 0x04034b50) continue;
    const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
    try {
      inflateRawSync(view.subarray(start, start + packed), { maxOutputLength: Math.max(size, 1) });
    } catch (error) {
      throw fileErrors.notXlsx(`a part does not unpack to its declared size (${error instanceof Error ? error.message : String(error)})`);
    }
  }
}

/** Every worksheet of the workbook, in the workbook's order. Throws NOT_XLSX for anything else. */
export async function readXlsx(bytes: Uint8Array): Promise<{ sheets: XlsxSheet[] }> {
  checkUnpackedSize(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own global Buffer (merged with ArrayBuffer) that Node's Buffer does not
    // satisfy in type only; at run time it wants a Node Buffer, which this is.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw fileErrors.notXlsx(error instanceof Error ? error.message : String(error));
  }
  // A zip without a workbook inside (a .docx, a zipped folder) loads without error but has no
  // worksheets.
  if (workbook.worksheets.length === 0) throw fileErrors.notXlsx('no worksheets');
  try {
    return { sheets: workbook.worksheets.map(readSheet) };
  } catch (error) {
    throw fileErrors.notXlsx(error instanceof Error ? error.message : String(error));
  }
}
